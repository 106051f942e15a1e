from . import test_warranty_capability
from . import test_warranty_terms
from . import test_warranty_campaign
from . import test_warranty_claim
from . import test_warranty_old_parts
from . import test_warranty_access
from . import test_warranty_pdf
from . import test_warranty_tour
