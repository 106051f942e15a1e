from . import test_capability_menu
from . import test_repair_order_access
from . import test_aftersales_tour
