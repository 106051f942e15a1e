from . import dealer_added_work_answer
from . import dealer_added_work_answer_line
from . import dealer_repair_order_line_remove
from . import dealer_repair_order_package_wizard
from . import dealer_workshop_capacity
from . import dealer_receivable_report_mixin
from . import aged_partner_balance_report_wizard
from . import open_items_report_wizard
