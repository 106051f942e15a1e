from . import models
from . import report
# the stores that exist at install get their own numbering of this module's documents
from odoo.addons.dealer_service.hooks import post_init_hook
