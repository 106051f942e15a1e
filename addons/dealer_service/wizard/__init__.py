from . import dealer_repair_order_package_wizard
from . import dealer_workshop_capacity
