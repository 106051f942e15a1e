from . import test_hr_commission_capability
from . import test_commission_rules
from . import test_commission_sheet
from . import test_commission_measures
from . import test_commission_documents
