from . import dealer_insurance_start_override
