from . import test_warranty_capability
from . import test_warranty_terms
