from . import dealer_warranty_claim_answer
from . import dealer_warranty_claim_answer_line
