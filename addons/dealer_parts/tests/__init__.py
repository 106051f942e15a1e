from . import test_parts_capability
