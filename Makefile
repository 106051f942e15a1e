# Dealer After-Sales for Odoo: see README.md.
.PHONY: run test bootstrap lint bench loadtest update clean-db help odoo-suites

help:
	@echo "make run      set up what is missing, then serve the suite with demo data on http://127.0.0.1:8069"
	@echo "make test     set up what is missing, then run every test on a throw-away database"
	@echo "make lint     ruff and pylint-odoo"
	@echo "make odoo-suites  Odoo's stock and purchase_stock tests with and without the suite, failures diffed (slow)"
	@echo "make bench    benchmarks (bench/) at a real store's scale: timings and SQL query counts"
	@echo "make loadtest 200 simulated advisors (Locust) on a copy of the demo database served with 5 workers"
	@echo "              on 127.0.0.1:8079 for 150 s: p50/p95/p99 per action; fails on any error (about 5 min)"
	@echo "make update   update the six modules in the 'dealer' database"
	@echo "make clean-db drop the 'dealer' database (the next 'make run' recreates it)"

bootstrap:
	@bash scripts/bootstrap.sh

run: bootstrap
	@bash scripts/run.sh

test: bootstrap
	@bash scripts/test.sh $(ARGS)

lint: bootstrap
	@bash scripts/lint.sh

odoo-suites: bootstrap
	@bash scripts/odoo_suites.sh $(ARGS)

bench: bootstrap
	@bash scripts/bench.sh $(ARGS)

loadtest: bootstrap
	@bash scripts/loadtest.sh

update: bootstrap
	@rm -f var/dealer.addons
	@echo "[update] the next 'make run' updates the modules"

clean-db:
	@dropdb --if-exists dealer && rm -f var/dealer.addons && echo "[clean-db] database dealer dropped"
