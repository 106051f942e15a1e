from . import dealer_csi_score_report
from . import dealer_csi_technician_score_report
from . import dealer_csi_loyalty_report
from . import dealer_csi_checklist_report
