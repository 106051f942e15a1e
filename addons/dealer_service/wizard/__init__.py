from . import dealer_added_work_answer
from . import dealer_added_work_answer_line
from . import dealer_repair_order_line_remove
from . import dealer_repair_order_package_wizard
from . import dealer_workshop_capacity
from . import comment_wizard
