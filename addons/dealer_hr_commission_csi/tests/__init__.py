from . import test_commission_csi
