from . import test_hr_commission_capability
from . import test_commission_rules
from . import test_commission_sheet
from . import test_commission_measures
from . import test_commission_targets
from . import test_commission_self_service
from . import test_commission_actuals
from . import test_commission_tour
