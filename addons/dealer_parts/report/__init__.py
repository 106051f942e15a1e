from . import dealer_parts_stock_card
from . import dealer_parts_slow_stock
from . import dealer_parts_stock_card_xlsx
from . import dealer_parts_count_xlsx
from . import dealer_parts_slow_stock_xlsx
