from . import test_csi_capability
from . import test_csi_followup
from . import test_csi_complaint
from . import test_csi_retention
from . import test_csi_survey
from . import test_csi_checklist
from . import test_csi_access
from . import test_csi_tour
