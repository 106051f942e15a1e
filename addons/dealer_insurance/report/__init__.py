from . import dealer_insurance_statement_xlsx
