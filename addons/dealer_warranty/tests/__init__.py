from . import test_warranty_capability
from . import test_warranty_terms
from . import test_warranty_campaign
from . import test_warranty_claim
