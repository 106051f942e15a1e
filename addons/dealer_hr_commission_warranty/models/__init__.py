from . import dealer_commission_measure
