#!/bin/bash
# The streaming replica: on first start, copy the primary (pg_basebackup, -R writes
# primary_conninfo and standby.signal), then run PostgreSQL read-only.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    until pg_isready -h db -U "$POSTGRES_USER" -d postgres; do sleep 2; done
    mkdir -p "$PGDATA" && chmod 700 "$PGDATA"
    PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h db -U replicator -D "$PGDATA" \
        -X stream -R -S replica1 --checkpoint=fast
fi
exec postgres -c hot_standby=on -c hot_standby_feedback=on -c max_connections=200 \
    -c shared_buffers=2GB -c effective_cache_size=6GB -c work_mem=32MB -c random_page_cost=1.1
