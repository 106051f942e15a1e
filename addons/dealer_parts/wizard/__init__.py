from . import dealer_parts_reason_wizard
