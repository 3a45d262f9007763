#!/usr/bin/env bash
# Fault run (bench/README.md): a steady write load with resending clients while Kafka is killed
# and restarted, then paused, PostgreSQL is stopped, and warehouse-service is killed mid-relay.
# Then it checks, for the run's own warehouse, that nothing was lost. Needs deploy/start.sh first.
#   bench/faults.sh            # the durations of issue 8: Kafka down 60 s, paused 30 s, PostgreSQL 15 s
#   FAULT_SCALE=0.2 bench/faults.sh   # the same, five times shorter (a quick smoke run)
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/lib.sh"
scale=${FAULT_SCALE:-1}
secs() { python3 -c "print(max(1, round($1 * $scale)))"; }
out="$RUN_DIR/bench/faults-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
[[ $("$BEIQIN_ROOT/deploy/services.sh" status) == *"warehouse-service ready"* ]] || die "run deploy/start.sh first"

town=410182999
token=$("$BEIQIN_ROOT/deploy/mint-token.sh" bench-keeper 压测库管员 $town keeper)
api() { curl -fsS -H "Authorization: Bearer $token" -H "Content-Type: application/json" "$@"; }
json_id() { python3 -c "import sys,json; print(json.load(sys.stdin)['id'])"; }
warehouse=$(api -d "{\"division\":\"$town\",\"name\":\"压测仓库 $(date +%s)\"}" http://127.0.0.1:8081/api/warehouse/warehouses | json_id)
item=$(api -d "{\"division\":\"$town\",\"name\":\"编织袋 $(date +%s)\",\"category\":\"FLOOD\",\"kind\":\"GENERAL\",\"specification\":\"标准\",\"unit\":\"条\"}" http://127.0.0.1:8081/api/warehouse/items | json_id)
setup=$(api -d "{\"itemId\":\"$item\",\"quantity\":100000}" http://127.0.0.1:8081/api/warehouse/warehouses/$warehouse/receipts | json_id)
log "warehouse $warehouse, item $item; output in ${out#$BEIQIN_ROOT/}"

python3 "$BEIQIN_ROOT/bench/load.py" --token "$token" --warehouse "$warehouse" --item "$item" --seconds 3600 \
  --clients 4 --stop-file "$out/stop" --out "$out/acked.tsv" >"$out/load.log" 2>&1 &
load=$!
sleep "$(secs 10)"

kafka_pid() { cat "$RUN_DIR/kafka/kafka.pid"; }
log "Kafka: kill -9, down for $(secs 60) s"
kill -9 "$(kafka_pid)"; sleep "$(secs 60)"
"$BEIQIN_ROOT/deploy/kafka.sh" start
sleep "$(secs 10)"
log "Kafka: SIGSTOP for $(secs 30) s"
kill -STOP "$(kafka_pid)"; sleep "$(secs 30)"; kill -CONT "$(kafka_pid)"
sleep "$(secs 10)"
log "PostgreSQL: stopped for $(secs 15) s"
"$BEIQIN_ROOT/deploy/postgres.sh" stop; sleep "$(secs 15)"
"$BEIQIN_ROOT/deploy/postgres.sh" start >/dev/null
sleep "$(secs 10)"
log "warehouse-service: kill -9 while it relays, then restart"
kill -9 "$(cat "$RUN_DIR/warehouse-service.pid")"
"$BEIQIN_ROOT/deploy/services.sh" start --no-build
sleep "$(secs 10)"

touch "$out/stop"; wait $load; cat "$out/load.log"
printf 'setup\t201\t%s\n' "$setup" >>"$out/acked.tsv"
log "waiting for the outbox to drain"
for _ in $(seq 1 120); do
  pending=$(PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -U "$PG_USER" -d beiqin_warehouse -At \
    -c "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
  [ "$pending" = 0 ] && break; sleep 1
done
java -Xmx256m -cp "$RUN_DIR/kafka/libs/*" -Dlog4j2.configurationFile="$BEIQIN_ROOT/deploy/kafka/log4j2.yaml" \
  org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$KAFKA_BOOTSTRAP" \
  --topic warehouse.movements --from-beginning --timeout-ms 15000 >"$out/movements.jsonl" 2>/dev/null || true
python3 "$BEIQIN_ROOT/bench/check.py" --warehouse "$warehouse" --acked "$out/acked.tsv" \
  --topic-dump "$out/movements.jsonl" | tee "$out/result.txt"
