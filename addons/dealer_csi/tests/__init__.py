from . import test_csi_capability
