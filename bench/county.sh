#!/usr/bin/env bash
# A county's worth of history for the read benchmark (issue 20): 基准县 (419901) with 20 townships,
# 300 items each, three years of movements (over 5 million) and 100,000 rectification items with
# their measures, history and alerts, written set-based by the SQL under bench/county/ straight into
# the warehouse and rectification databases (the services' own schema, as Flyway left it).
#   bench/county.sh            build it (refused if the bench county is there already)
#   bench/county.sh --fresh    remove the bench county first, then build it again
#   bench/county.sh --drop     remove the bench county only
# Then: python3 bench/reads.py. Needs deploy/start.sh first (the services create the schema).
# The demo county (410182) is never read or changed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/lib.sh"
here="$BEIQIN_ROOT/bench/county"

# As PostgreSQL's superuser, as deploy/postgres.sh administers it: the scripts then check every
# reference themselves and insert with the per-row triggers off (about 4 minutes for the warehouse
# part instead of far longer); as the services' user they fall back to a slower path.
db() {
  if [ -n "${BEIQIN_PG_ADMIN_URL:-}" ]; then
    psql "$BEIQIN_PG_ADMIN_URL" -v ON_ERROR_STOP=1 -q -d "$@"
  else
    as_root runuser -u postgres -- psql -h /var/run/postgresql -p "$PG_PORT" -v ON_ERROR_STOP=1 -q -d "$@"
  fi
}

drop() {
  log "removing the bench county"
  db beiqin_warehouse -v part=warehouse -f "$here/drop.sql"
  db beiqin_rectification -v part=rectification -f "$here/drop.sql"
}

case "${1:-}" in
  --drop) drop; exit 0 ;;
  --fresh) drop ;;
  "") ;;
  *) die "usage: $0 [--fresh | --drop]" ;;
esac

for part in warehouse rectification; do
  log "building the bench county's $part history"
  started=$(date +%s)
  db "beiqin_$part" -f "$here/$part.sql"
  log "$part: $(( $(date +%s) - started )) s"
done
# Three years written in one transaction leave what three years of autovacuum would not: the
# measures_counted trigger (V8) updated 36,000 items once per measure inside it, and every dead
# version stayed in the items' indexes (rectification_item_statistics at 98 MiB instead of 19 MiB,
# and the statistics read the table instead of the index). The reads are timed on the county as
# it stands after vacuum, with those indexes rebuilt.
log "vacuuming, and rebuilding the items' indexes"
db beiqin_rectification -c "VACUUM (ANALYZE) rectification_item" -c "REINDEX TABLE rectification_item" \
  -c "VACUUM (ANALYZE) rectification_measure, item_history, item_line, alert"
db beiqin_warehouse -c "VACUUM (ANALYZE)"
db beiqin_warehouse -At -c "SELECT 'warehouse: ' || (SELECT count(*) FROM warehouse WHERE division LIKE '419901%') || ' warehouses, '
  || (SELECT count(*) FROM item WHERE division LIKE '419901%') || ' items, '
  || (SELECT count(*) FROM movement WHERE division LIKE '419901%') || ' movements, '
  || (SELECT count(*) FROM open_loan l JOIN warehouse w ON w.id = l.warehouse_id WHERE w.division LIKE '419901%') || ' open loans'"
db beiqin_rectification -At -c "SELECT 'rectification: ' || (SELECT count(*) FROM rectification_item WHERE division LIKE '419901%') || ' items, '
  || (SELECT count(*) FROM rectification_measure m JOIN rectification_item i ON i.id = m.item_id WHERE i.division LIKE '419901%') || ' measures, '
  || (SELECT count(*) FROM item_history h JOIN rectification_item i ON i.id = h.item_id WHERE i.division LIKE '419901%') || ' history entries'"
