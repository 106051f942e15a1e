from . import dealer_workshop_report
from . import dealer_appointment_report
from . import dealer_xlsx_mixin
