"""Rules of the seed's scheme read the measures computed from the documents: the wash rule the
``washes`` counted on the orders (an entered ``car_washes`` figure before), the pool rules the
achievements computed from the month's targets (``ach_output``, ``ach_collections``) instead of
figures entered under a name of their own."""

ACHIEVEMENTS = {
    "ach_insurance": "ach_collections",
    "ach_fleet_collection": "ach_collections",
    "ach_workshop_output": "ach_output",
    "ach_total_output": "ach_output",
}


def migrate(cr, version):
    cr.execute("UPDATE dealer_commission_rule SET measure_code = 'washes' WHERE measure_code = 'car_washes'")
    for old, new in ACHIEVEMENTS.items():
        cr.execute("UPDATE dealer_commission_rule SET achievement_codes = %s WHERE achievement_codes = %s",
                   (new, old))
