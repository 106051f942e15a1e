from . import test_insurance_capability
from . import test_accident_case
from . import test_accident_access
from . import test_loss_estimate_report
from . import test_policy_renewal
from . import test_rescue
from . import test_insurer_contact
from . import test_insurance_tour
