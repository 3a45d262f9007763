#!/usr/bin/env bash
# What the outbox's "published" mark costs PostgreSQL, against two ways without it. In a throw-away
# database, 8 pgbench clients insert events shaped like a stock movement's (900-byte payload) for
# DURATION seconds while one relay client takes them 500 at a time, as OutboxRelay does:
#   mark     the schema every service has (db/commons): UPDATE … SET published_at, which can never
#            be a heap-only update, since the pending index's predicate names published_at;
#   delete   the relay deletes what it published (no 14 days kept for checking);
#   pending  events never change; a separate table lists the pending ones, deleted when published.
# Each run starts just after a CHECKPOINT. Prints events/s, the relay's rounds/s, what was still
# pending at the end, and WAL per event. Asserts nothing; needs deploy/postgres.sh start.
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/lib.sh"
DURATION=${DURATION:-30}
ROUNDS=${ROUNDS:-2}
DB=beiqin_bench_outbox
command -v pgbench >/dev/null || { as_root apt-get update -qq; as_root apt-get install -y -qq postgresql-client >/dev/null; }
export PGPASSWORD=$PG_PASSWORD PGOPTIONS="-c client_min_messages=warning"
sql() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -qAt -v ON_ERROR_STOP=1 "$@"; }
# as the server's superuser: CHECKPOINT, and dropping a database autovacuum may be working in
admin() {
  if [ -n "${BEIQIN_PG_ADMIN_URL:-}" ]; then psql "$BEIQIN_PG_ADMIN_URL" -qAt -c "$1"
  else as_root runuser -u postgres -- env PGOPTIONS="$PGOPTIONS" psql -h /var/run/postgresql -p "$PG_PORT" -qAt -c "$1"; fi
}
checkpoint() { admin CHECKPOINT; }
work=$(mktemp -d)
trap 'rm -rf "$work"; admin "DROP DATABASE IF EXISTS $DB WITH (FORCE)"' EXIT
admin "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
sql -d postgres -c "CREATE DATABASE $DB" >/dev/null

columns="seq bigserial PRIMARY KEY, id uuid NOT NULL UNIQUE, topic text NOT NULL, record_key text NOT NULL,
  type text NOT NULL, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now()"
event="(gen_random_uuid(), 'warehouse.movements', 'item', 'preparedness.stock.moved', repeat('x', 900))"
sql -d $DB <<SQL
CREATE TABLE ev_mark ($columns, published_at timestamptz, attempts integer NOT NULL DEFAULT 0, last_error text);
CREATE INDEX ev_mark_pending ON ev_mark (seq) WHERE published_at IS NULL;
CREATE TABLE ev_delete ($columns);
CREATE TABLE ev_pending ($columns);
CREATE TABLE ev_pending_list (seq bigint PRIMARY KEY);
SQL
cols="id, topic, record_key, type, payload"
echo "INSERT INTO ev_mark ($cols) VALUES $event;" >"$work/mark-insert.sql"
cat >"$work/mark-relay.sql" <<SQL
SELECT count(*) FROM (SELECT seq, topic, record_key, payload FROM ev_mark WHERE published_at IS NULL ORDER BY seq LIMIT 500) e;
UPDATE ev_mark SET published_at = now(), attempts = attempts + 1, last_error = NULL
  WHERE seq IN (SELECT seq FROM ev_mark WHERE published_at IS NULL ORDER BY seq LIMIT 500);
SQL
echo "INSERT INTO ev_delete ($cols) VALUES $event;" >"$work/delete-insert.sql"
echo "DELETE FROM ev_delete WHERE seq IN (SELECT seq FROM ev_delete ORDER BY seq LIMIT 500) RETURNING seq, topic, record_key, payload;" \
  >"$work/delete-relay.sql"
echo "WITH e AS (INSERT INTO ev_pending ($cols) VALUES $event RETURNING seq) INSERT INTO ev_pending_list SELECT seq FROM e;" \
  >"$work/pending-insert.sql"
cat >"$work/pending-relay.sql" <<SQL
SELECT count(*) FROM (SELECT e.seq, e.topic, e.record_key, e.payload FROM ev_pending_list p JOIN ev_pending e USING (seq)
  ORDER BY p.seq LIMIT 500) e;
DELETE FROM ev_pending_list WHERE seq IN (SELECT seq FROM ev_pending_list ORDER BY seq LIMIT 500);
SQL
declare -A pending_sql=([mark]="SELECT count(*) FROM ev_mark WHERE published_at IS NULL"
  [delete]="SELECT count(*) FROM ev_delete" [pending]="SELECT count(*) FROM ev_pending_list")

bench() { # clients script
  pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -c "$1" -j "$(( $1 < 2 ? 1 : 2 ))" -T "$DURATION" -f "$2" $DB 2>&1
}
number() { grep -o "$1 = [0-9.]*\|$1: [0-9]*" | grep -o '[0-9.]*$' | head -1; }

printf '%-6s %-8s %10s %12s %14s %14s\n' round variant "events/s" "relay rounds/s" "pending at end" "WAL B/event"
for round in $(seq 1 "$ROUNDS"); do
  for v in mark delete pending; do
    checkpoint
    start=$(sql -d $DB -c "SELECT pg_current_wal_lsn()")
    bench 8 "$work/$v-insert.sql" >"$work/$v-insert.out" &
    inserting=$!
    relay_ok=true; bench 1 "$work/$v-relay.sql" >"$work/$v-relay.out" || relay_ok=false
    wait $inserting && $relay_ok || { cat "$work/$v-insert.out" "$work/$v-relay.out" >&2; die "pgbench failed ($v)"; }
    wal=$(sql -d $DB -c "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '$start')::bigint")
    events=$(number "number of transactions actually processed" <"$work/$v-insert.out")
    printf '%-6s %-8s %10.0f %12.1f %14s %14s\n' "$round" "$v" "$(number tps <"$work/$v-insert.out")" \
      "$(number tps <"$work/$v-relay.out")" "$(sql -d $DB -c "${pending_sql[$v]}")" "$((wal / events))"
  done
done
