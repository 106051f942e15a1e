"""Load test: service advisors at the front desk, through Odoo's JSON-RPC as the web client calls it.

Each simulated advisor works in the session of a demo advisor login (one login
per demo advisor, shared by its simulated advisors), then, with a front
desk's think time between actions, opens the workshop board, opens its repair
order, adds a labour line to it and records the customer's phone approval of
that added work, and searches a vehicle by plate. Every simulated advisor has an
order of its own (key tag LTnnn, made by bench/loadtest_setup.py). A JSON-RPC
error (an exception on the server) counts as a failure.

    make loadtest                       # starts the server, runs this headless, checks the result
    locust -f bench/locustfile.py --host http://127.0.0.1:8079 --headless -u 200 -r 4 -t 3m
"""

import itertools
import os
import random

from gevent.lock import Semaphore
from locust import HttpUser, between, task

DATABASE = os.environ.get("LOADTEST_DB", "dealer_loadtest")
LOGINS = ("advisor", "advisor2", "advisor3", "advisor4")
IN_SHOP = ["checked_in", "approved", "in_progress", "quality_check", "ready"]
M2O = {"fields": {"display_name": {}}}
BOARD_SPEC = {
    "is_late": {}, "has_loaner_out": {}, "name": {}, "key_tag": {}, "vehicle_id": M2O, "partner_id": M2O,
    "promised_date": {}, "parts_waiting": {}, "is_overnight": {}, "comeback_of_id": M2O, "user_id": M2O,
    "state": {},
}
FORM_SPEC = {
    "name": {}, "state": {}, "company_id": M2O, "partner_id": M2O, "vehicle_id": M2O, "user_id": M2O,
    "date_in": {}, "promised_date": {}, "mileage": {}, "fuel_level": {}, "key_tag": {},
    "customer_complaint": {}, "diagnosis": {}, "amount_untaxed": {}, "amount_tax": {}, "amount_total": {},
    "currency_id": M2O, "has_pending_added_work": {}, "parts_waiting": {}, "picking_count": {},
    "invoice_count": {}, "job_count": {},
    "line_ids": {"fields": {
        "sequence": {}, "line_type": {}, "labour_operation_id": M2O, "product_id": M2O, "name": {},
        "quantity": {}, "price_unit": {}, "discount": {}, "payer": {}, "price_subtotal": {},
        "is_added_work": {}, "approval_state": {},
    }, "order": "sequence ASC, id ASC"},
}
_numbers = itertools.count()
# one session per demo login, shared by its simulated advisors: a login hashes the password (a third of a
# second of CPU, once a day for real staff); 200 logins at once would measure the password hash, not the desk
_sessions = {}
_login_lock = Semaphore()


class Advisor(HttpUser):
    """A service advisor at the front desk of the demo store."""

    wait_time = between(3, 12)

    def rpc(self, name, path, params):
        """One JSON-RPC call; an error in the answer is a failure of this action."""
        payload = {"jsonrpc": "2.0", "method": "call", "id": random.randint(1, 10**9), "params": params}
        with self.client.post(path, json=payload, name=name, catch_response=True) as response:
            try:
                body = response.json()
            except ValueError:
                response.failure(f"HTTP {response.status_code}: {response.error or 'not JSON'}")
                return None
            if "error" in body:
                data = body["error"].get("data", {})
                response.failure(f"{data.get('name', 'error')}: {data.get('message', body['error'])}"[:300])
                return None
            return body["result"]

    def call(self, name, model, method, *args, button=False, **kwargs):
        kind = "call_button" if button else "call_kw"
        kwargs.setdefault("context", self.odoo_context)
        return self.rpc(name, f"/web/dataset/{kind}/{model}/{method}",
                        {"model": model, "method": method, "args": list(args), "kwargs": kwargs})

    def on_start(self):
        # each request on its own connection, as nginx forwards to Odoo's workers (no upstream keep-alive: a
        # prefork worker would wait on an idle kept-alive connection)
        self.client.headers["Connection"] = "close"
        self.number = next(_numbers)
        self.ready = False
        self.setup()

    def setup(self):
        """Log in (or join the login's session) and read what the desk works with; False if a call failed."""
        login = LOGINS[self.number % len(LOGINS)]
        with _login_lock:
            if login not in _sessions:
                info = self.rpc("login", "/web/session/authenticate",
                                {"db": DATABASE, "login": login, "password": login})
                if not info:
                    return False
                _sessions[login] = (self.client.cookies.get("session_id"), info)
        session_id, info = _sessions[login]
        self.client.cookies.set("session_id", session_id)
        self.odoo_context = dict(info["user_context"], allowed_company_ids=[info["user_companies"]["current_company"]])
        orders = self.call("open my order", "dealer.repair.order", "web_search_read",
                           [("key_tag", "=", f"LT{self.number:03d}")], {"name": {}}, limit=1)
        operations = orders and self.call("labour catalogue", "dealer.labour.operation", "web_search_read",
                                          [], {"display_name": {}}, limit=20)
        vehicles = operations and self.call("vehicle list", "fleet.vehicle", "web_search_read",
                                            [], {"license_plate": {}}, limit=80)
        if not vehicles:
            return False
        self.order_id = orders["records"][0]["id"]
        self.operation_ids = [rec["id"] for rec in operations["records"]]
        self.plates = [rec["license_plate"] for rec in vehicles["records"] if rec["license_plate"]]
        self.ready = True
        return True

    @task(3)
    def open_board(self):
        if not self.ready and not self.setup():
            return
        self.call("open the board", "dealer.repair.order", "web_read_group",
                  [("state", "in", IN_SHOP)], ["state"], ["__count"], auto_unfold=True,
                  unfold_read_specification=BOARD_SPEC, unfold_read_default_limit=80)

    @task(3)
    def open_order(self):
        if not self.ready and not self.setup():
            return
        self.call("open an order", "dealer.repair.order", "web_read", [self.order_id], FORM_SPEC)

    @task(1)
    def add_line_and_approve(self):
        if not self.ready and not self.setup():
            return
        saved = self.call("add a line", "dealer.repair.order", "web_save", [self.order_id], {
            "line_ids": [[0, "virtual_1", {"line_type": "labour",
                                           "labour_operation_id": random.choice(self.operation_ids)}]],
        }, specification=FORM_SPEC)
        if not saved:
            return
        pending = [line["id"] for line in saved[0]["line_ids"] if line["approval_state"] == "pending"]
        if pending:
            self.call("approve (by phone)", "dealer.repair.order.line", "action_approve_by_phone",
                      pending[-1:], button=True)

    @task(2)
    def search_vehicle(self):
        if not self.ready and not self.setup():
            return
        plate = random.choice(self.plates)[-4:]
        self.call("search a vehicle", "fleet.vehicle", "name_search", plate, limit=8)
        self.call("orders of a vehicle", "dealer.repair.order", "web_search_read",
                  [("vehicle_id", "ilike", plate)], BOARD_SPEC, limit=80)
