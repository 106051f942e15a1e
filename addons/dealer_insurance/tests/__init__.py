from . import test_insurance_capability
