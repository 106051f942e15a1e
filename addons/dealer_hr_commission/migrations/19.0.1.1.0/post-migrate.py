"""The technicians' wash rule reads the ``washes`` measure computed from the orders (it read an
entered ``car_washes`` figure before measures came from documents)."""


def migrate(cr, version):
    cr.execute("UPDATE dealer_commission_rule SET measure_code = 'washes' WHERE measure_code = 'car_washes'")
