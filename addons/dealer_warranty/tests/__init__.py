from . import test_warranty_capability
