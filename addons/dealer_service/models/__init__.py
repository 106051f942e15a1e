from . import dealer_capability_mixin
from . import dealer_numbered_mixin
from . import ir_ui_menu
from . import res_company
from . import res_config_settings
from . import dealer_repair_order
