from . import dealer_csi_call_unsatisfied
from . import dealer_csi_kpi_analysis
