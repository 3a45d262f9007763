#!/usr/bin/env bash
# Throughput of the stock-receipt POST through warehouse-service at fixed concurrency, in two
# workloads, each beside what PostgreSQL alone does in the same run (issue 20):
#   hot    — every receipt on one item's balance row, against the service's own SQL for a receipt
#            (movement.sql, statement for statement) run by pgbench;
#   spread — receipts spread over ITEMS items, against the least durable work a receipt needs
#            (minimal.sql: idempotency row with its response, ledger row, balance, outbox row).
# Also the time from a movement's commit to its event on Kafka. Prints figures; asserts nothing.
# Needs deploy/start.sh first.
# The JVM is warmed until its JIT is quiet: after WARMUP seconds of load, further 30 s rounds of the
# spread load until one in which the compilers worked less than QUIET seconds (jstat -compiler), at
# most MAX_ROUNDS of them. On two cores the JIT settles minutes after the load starts, and a run
# measured before that measures the compilers, not the receipt (RESULTS.md, 2026-12-02/03).
#   bench/throughput.sh                                  # 100 s warm-up, then until quiet; 30 s per run, levels 4 16
#   WARMUP=20 DURATION=10 LEVELS="4" MAX_ROUNDS=0 bench/throughput.sh
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/lib.sh"
warmup=${WARMUP:-100}
duration=${DURATION:-30}
levels=${LEVELS:-4 16}
spread=${ITEMS:-200}
quiet=${QUIET:-1.0}
max_rounds=${MAX_ROUNDS:-20}
out="$RUN_DIR/bench/throughput-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
[[ $("$BEIQIN_ROOT/deploy/services.sh" status) == *"warehouse-service ready"* ]] || die "run deploy/start.sh first"
command -v wrk >/dev/null || { log "installing wrk"; as_root apt-get update -qq; as_root apt-get install -y -qq wrk >/dev/null; }
command -v jstat >/dev/null || die "jstat (the JDK's) is needed to tell when the JIT is quiet"
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
items=$(python3 -c "
import json, sys
print(json.dumps([{'division': '$town', 'name': f'编织袋 $stamp-{n:03d}', 'category': 'FLOOD', 'kind': 'GENERAL',
                   'specification': '标准', 'unit': '条'} for n in range($spread + 1)]))" \
  | api -d @- http://127.0.0.1:8081/api/warehouse/items/import \
  | python3 -c "import sys,json; print(','.join(i['id'] for i in json.load(sys.stdin)))")
item=${items%%,*}      # the hot row's item
spread_items=${items#*,}
log "warehouse $warehouse, hot item $item, $spread spread items; output in ${out#$BEIQIN_ROOT/}"

export BENCH_TOKEN=$token BENCH_PATH=/api/warehouse/warehouses/$warehouse/receipts
url=http://127.0.0.1:8081$BENCH_PATH
kafka_level=${levels##* }   # commit → Kafka is read during the spread load at the highest level
# CPU, in clock ticks: the whole machine's busy time (every process, the load generator included)
# and the warehouse JVM's. Per request it says how much work a receipt costs, a steadier figure
# than requests/s on a machine whose speed varies from minute to minute.
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
jvm_pid=$(cat "$RUN_DIR/warehouse-service.pid")
jvm() { awk '{print $14+$15}' "/proc/$jvm_pid/stat"; }
# Each measured run starts just after a checkpoint: the first change of each page after one writes the
# whole page to the WAL, and a run that a timed checkpoint (every 5 min) falls into pays for that
# while the run beside it does not. CHECKPOINT needs PostgreSQL's superuser (as deploy/postgres.sh).
checkpoint() {
  if [ -n "${BEIQIN_PG_ADMIN_URL:-}" ]; then
    psql "$BEIQIN_PG_ADMIN_URL" -qAt -c CHECKPOINT
  else
    as_root runuser -u postgres -- psql -h /var/run/postgresql -p "$PG_PORT" -qAt -c CHECKPOINT
  fi >/dev/null 2>&1 || log "could not CHECKPOINT (needs PostgreSQL's superuser): a run may straddle one"
}
run_wrk() { # connections seconds label items
  local threads=$(( $1 < 2 ? 1 : 2 )) busy0 jvm0
  [[ $3 == warmup* ]] || checkpoint
  busy0=$(busy) jvm0=$(jvm)
  BENCH_RUN="$stamp-$3" BENCH_ITEMS=$4 wrk -t "$threads" -c "$1" -d "$2s" --timeout 10s --latency \
    -s "$BEIQIN_ROOT/bench/receipt.lua" "$url" >"$out/wrk-$3.txt" 2>&1
  echo "busy $(( $(busy) - busy0 )) jvm $(( $(jvm) - jvm0 )) hz $(getconf CLK_TCK)" >"$out/cpu-wrk-$3.txt"
}
run_pgbench() { # clients script label -D…
  local c=$1 script=$2 label=$3
  shift 3
  local busy0
  checkpoint
  busy0=$(busy)
  PGPASSWORD=$PG_PASSWORD pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -f "$BEIQIN_ROOT/bench/$script" \
    -c "$c" -j $(( c < 2 ? 1 : 2 )) -T "$duration" -D warehouse="$warehouse" -D zone="$zone" -D division="$town" "$@" \
    -l --log-prefix="$out/pgblog-$label" beiqin_warehouse >"$out/pgbench-$label.txt" 2>&1 \
    || die "pgbench failed: see $out/pgbench-$label.txt"
  echo "busy $(( $(busy) - busy0 )) jvm 0 hz $(getconf CLK_TCK)" >"$out/cpu-pgbench-$label.txt"
  # pgbench's outbox rows are relayed to Kafka like the service's: let the relay finish them before
  # the next run, or that run pays for them
  local pending waited=0
  while pending=$(PGPASSWORD=$PG_PASSWORD psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -qAt \
      -c "SELECT count(*) FROM outbox_event WHERE published_at IS NULL" beiqin_warehouse) && [ "$pending" -gt 0 ] \
      && [ $waited -lt 300 ]; do
    sleep 2; waited=$((waited + 2))
  done
  echo "$waited" >"$out/drain-$label.txt"
}
log "warming the JVM for ${warmup}s at 16 connections, both workloads"
run_wrk 16 $(( warmup / 2 )) warmup-hot "$item"
run_wrk 16 $(( warmup - warmup / 2 )) warmup-spread "$spread_items"
# seconds the JIT has worked so far; a jstat that cannot read the JVM must not pass for a quiet JIT
compiled() {
  local seconds
  seconds=$(jstat -compiler "$jvm_pid" 2>/dev/null | awk 'NR == 2 {print $4}')
  [[ $seconds =~ ^[0-9.]+$ ]] || die "jstat -compiler could not read the warehouse JVM ($jvm_pid)"
  echo "$seconds"
}
round=0
while [ "$round" -lt "$max_rounds" ]; do
  round=$((round + 1))
  before=$(compiled)
  run_wrk 16 30 "warmup-round$round" "$spread_items"
  after=$(compiled)
  spent=$(awk -v a="$before" -v b="$after" 'BEGIN {printf "%.2f", b - a}')
  log "warm-up round $round: the JIT worked ${spent} s of 30 s"
  echo "$round $spent" >>"$out/warmup-rounds.txt"
  if awk -v s="$spent" -v q="$quiet" 'BEGIN {exit !(s < q)}'; then break; fi
done

for c in $levels; do
  log "hot row: the service at $c connections, then its own SQL by pgbench, ${duration}s each"
  run_wrk "$c" "$duration" "hot-c$c" "$item"
  run_pgbench "$c" movement.sql "hot-c$c" -D item="$item"
  log "spread over $spread items: the service at $c connections, then the minimal SQL by pgbench"
  if [ "$c" = "$kafka_level" ]; then
    # commit → Kafka: the producer's timestamp of each movement event against the time it was recorded
    timeout $((duration + 20)) java -Xmx256m -cp "$RUN_DIR/kafka/libs/*" \
      -Dlog4j2.configurationFile="$BEIQIN_ROOT/deploy/kafka/log4j2.yaml" org.apache.kafka.tools.consumer.ConsoleConsumer \
      --bootstrap-server "$KAFKA_BOOTSTRAP" --topic warehouse.movements --property print.timestamp=true \
      --timeout-ms $(( (duration + 15) * 1000 )) >"$out/movements.txt" 2>/dev/null &
    consumer=$!
    sleep 5
  fi
  run_wrk "$c" "$duration" "spread-c$c" "$spread_items"
  if [ "$c" = "$kafka_level" ]; then wait "$consumer" 2>/dev/null || true; fi
  run_pgbench "$c" minimal.sql "spread-c$c" -D items="{$spread_items}" -D count="$spread"
done
python3 "$BEIQIN_ROOT/bench/report.py" "$out" "$spread_items" "$kafka_level" $levels | tee "$out/summary.txt"
