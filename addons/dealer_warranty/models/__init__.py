from . import res_company
from . import res_config_settings
from . import dealer_warranty_claim
