from . import test_csi_capability
from . import test_csi_followup
