from . import dealer_csi_score_report
from . import dealer_csi_technician_score_report
from . import dealer_csi_loyalty_report
from . import dealer_csi_checklist_report
from . import dealer_csi_kpi_report
from . import dealer_csi_dashboard
from . import dealer_csi_kpi_analysis_xlsx
