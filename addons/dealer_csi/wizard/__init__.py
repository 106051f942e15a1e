from . import dealer_csi_call_unsatisfied
