#!/usr/bin/env bash
# How fast the rectification service reads a backlog of discrepancy events (issue 20: a county's
# first import), measured from the topic's offsets to the consumer group's committed offsets.
# With the rectification service stopped, writes EVENTS events (bench/consumer_events.py: 20
# townships, each a 500-line stocktake — one item of many lines — and single findings, about a
# fifth of all resolved again) to preparedness.discrepancies; then starts the service and samples
# the group's committed offsets every second until the backlog is read. Prints events/s between
# the first and the last committed offset, and checks the ledger holds what was sent.
# Needs deploy/start.sh first. EVENTS=20000 by default.
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/lib.sh"
EVENTS=${EVENTS:-20000}
GROUP=rectification-service.discrepancies
TOPIC=preparedness.discrepancies
kafka_tool() { java -cp "$RUN_DIR/kafka/libs/*" "$@" 2>/dev/null; }
committed() {
  kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$KAFKA_BOOTSTRAP" \
    --describe --group "$GROUP" | awk -v t="$TOPIC" '$2 == t {c += $4; e += $5} END {print c + 0, e + 0}'
}

stop_pidfile "$RUN_DIR/rectification-service.pid" rectification-service
read -r before_committed before_end < <(committed)
log "backlog before the run: $((before_end - before_committed)) events"
run=$(date +%s)
log "writing $EVENTS events"
python3 "$BEIQIN_ROOT/bench/consumer_events.py" "$EVENTS" "$run" |
  kafka_tool org.apache.kafka.tools.ConsoleProducer --bootstrap-server "$KAFKA_BOOTSTRAP" --topic "$TOPIC" \
    --reader-property parse.key=true --reader-property key.separator=$'\t' --command-property linger.ms=20 \
    --command-property batch.size=262144
read -r _ end < <(committed)
log "topic end offset $end; starting rectification-service"
# with the AppCDS archive it has, never a training run of its own: that would consume the backlog
BEIQIN_APPCDS=use "$BEIQIN_ROOT/deploy/services.sh" start --no-build >/dev/null 2>&1 &
first="" first_at="" last=0 last_at=0
while :; do
  read -r c _ < <(committed)
  now=$(date +%s.%N)
  if [ -z "$first" ] && [ "$c" -gt "$before_committed" ]; then first=$c first_at=$now; fi
  [ "$c" -gt "$last" ] && { last=$c; last_at=$now; }
  [ "$c" -ge "$end" ] && break
  sleep 1
done
wait
python3 - "$first" "$first_at" "$last" "$last_at" "$before_committed" "$end" <<'PY'
import sys
first, first_at, last, last_at, before, end = sys.argv[1:]
first, last, before, end = int(first), int(last), int(before), int(end)
secs = float(last_at) - float(first_at)
print(f"events in the backlog            {end - before}")
print(f"read between the first and last  {last - first} in {secs:.1f} s: {(last - first) / secs:.0f} events/s")
PY
PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d beiqin_rectification -qAt -F ' ' -c "
  SELECT 'items of the run', count(*), 'of which open', count(*) FILTER (WHERE finding_open),
         'lines', coalesce(sum(line_count), 0), 'open lines', coalesce(sum(open_line_count), 0)
  FROM rectification_item WHERE discrepancy_key LIKE 'bench-$run/%'"
