from . import test_commission_warranty
