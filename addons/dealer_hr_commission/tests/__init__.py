from . import test_hr_commission_capability
