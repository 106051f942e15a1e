from . import dealer_commission_sheet_xlsx
