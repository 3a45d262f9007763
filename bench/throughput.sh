#!/usr/bin/env bash
# Throughput of the stock-receipt POST through warehouse-service at fixed concurrency, against the
# same SQL run by pgbench at the same client counts (the database's own ceiling), and the time
# from a movement's commit to its event on Kafka. Prints figures; asserts nothing. Needs
# deploy/start.sh first. Defaults follow issue 8; shorten for a look:
#   bench/throughput.sh                              # 100 s warm-up, 30 s per level, levels 1 8 32 64
#   WARMUP=20 DURATION=10 LEVELS="1 8" bench/throughput.sh
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/lib.sh"
warmup=${WARMUP:-100}
duration=${DURATION:-30}
levels=${LEVELS:-1 8 32 64}
out="$RUN_DIR/bench/throughput-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
[[ $("$BEIQIN_ROOT/deploy/services.sh" status) == *"warehouse-service ready"* ]] || die "run deploy/start.sh first"
command -v wrk >/dev/null || { log "installing wrk"; as_root apt-get update -qq; as_root apt-get install -y -qq wrk >/dev/null; }
command -v pgbench >/dev/null || { as_root apt-get update -qq; as_root apt-get install -y -qq postgresql-client >/dev/null; }

# The other services step aside for the run: their connection pools would leave pgbench no room for
# 64 clients under max_connections = 100, and their sweeps would compete for the same cores.
others=(drill-service duty-roster-service rectification-service)
for name in "${others[@]}"; do
  if pid_alive "$RUN_DIR/$name.pid"; then kill "$(cat "$RUN_DIR/$name.pid")"; fi
done
trap '"$BEIQIN_ROOT/deploy/services.sh" start --no-build >/dev/null 2>&1 || true' EXIT
log "stopped ${others[*]} for the run; they start again at the end"

town=410182998
token=$("$BEIQIN_ROOT/deploy/mint-token.sh" bench-keeper 压测库管员 $town keeper)
api() { curl -fsS -H "Authorization: Bearer $token" -H "Content-Type: application/json" "$@"; }
stamp=$(date +%s)
warehouse_json=$(api -d "{\"division\":\"$town\",\"name\":\"吞吐压测仓库 $stamp\"}" http://127.0.0.1:8081/api/warehouse/warehouses)
warehouse=$(python3 -c "import sys,json; print(json.loads(sys.argv[1])['id'])" "$warehouse_json")
zone=$(python3 -c "import sys,json; print([z['id'] for z in json.loads(sys.argv[1])['zones'] if z['category']=='FLOOD'][0])" "$warehouse_json")
item=$(api -d "{\"division\":\"$town\",\"name\":\"编织袋 $stamp\",\"category\":\"FLOOD\",\"kind\":\"GENERAL\",\"specification\":\"标准\",\"unit\":\"条\"}" \
  http://127.0.0.1:8081/api/warehouse/items | python3 -c "import sys,json; print(json.load(sys.stdin)['id'])")
log "warehouse $warehouse, item $item; output in ${out#$BEIQIN_ROOT/}"

export BENCH_TOKEN=$token BENCH_ITEM=$item BENCH_PATH=/api/warehouse/warehouses/$warehouse/receipts
url=http://127.0.0.1:8081$BENCH_PATH
run_wrk() { # connections seconds label
  local threads=$(( $1 < 2 ? 1 : 2 ))
  BENCH_RUN="$stamp-$3" wrk -t "$threads" -c "$1" -d "$2s" --timeout 10s --latency -s "$BEIQIN_ROOT/bench/receipt.lua" "$url" \
    >"$out/wrk-$3.txt" 2>&1
}
log "warming the JVM for ${warmup}s at 32 connections"
run_wrk 32 "$warmup" warmup

for c in $levels; do
  log "service: $c connections for ${duration}s"
  if [ "$c" = 32 ]; then
    # commit → Kafka: the producer's timestamp of each movement event against the time it was recorded
    timeout $((duration + 20)) java -Xmx256m -cp "$RUN_DIR/kafka/libs/*" \
      -Dlog4j2.configurationFile="$BEIQIN_ROOT/deploy/kafka/log4j2.yaml" org.apache.kafka.tools.consumer.ConsoleConsumer \
      --bootstrap-server "$KAFKA_BOOTSTRAP" --topic warehouse.movements --property print.timestamp=true \
      --timeout-ms $(( (duration + 15) * 1000 )) >"$out/movements-32.txt" 2>/dev/null &
    consumer=$!
    sleep 5
  fi
  run_wrk "$c" "$duration" "c$c"
  if [ "$c" = 32 ]; then wait "$consumer" 2>/dev/null || true; fi
  log "pgbench: $c clients for ${duration}s"
  PGPASSWORD=$PG_PASSWORD pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -f "$BEIQIN_ROOT/bench/movement.sql" \
    -c "$c" -j $(( c < 2 ? 1 : 2 )) -T "$duration" -D warehouse="$warehouse" -D item="$item" -D zone="$zone" \
    -D division="$town" -l --log-prefix="$out/pgblog-c$c" beiqin_warehouse >"$out/pgbench-c$c.txt" 2>&1 \
    || die "pgbench failed: see $out/pgbench-c$c.txt"
done
python3 "$BEIQIN_ROOT/bench/report.py" "$out" "$item" $levels | tee "$out/summary.txt"
