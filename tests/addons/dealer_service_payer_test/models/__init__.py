from . import dealer_repair_order
from . import dealer_repair_order_line
