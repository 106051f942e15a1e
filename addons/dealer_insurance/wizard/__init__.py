from . import dealer_insurance_start_override
from . import dealer_insurance_statement
