from . import test_commission_insurance
