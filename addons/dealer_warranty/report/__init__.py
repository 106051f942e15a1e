from . import dealer_warranty_claim_ledger_xlsx
