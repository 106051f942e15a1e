from . import dealer_parts_stock_card
from . import dealer_parts_slow_stock
