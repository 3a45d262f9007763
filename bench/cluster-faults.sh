#!/usr/bin/env bash
# Fault run on the cluster layout (deploy/cluster.sh; bench/README.md): resending clients write
# through the gateway while one fault after another is done to the replicas, and a county client
# follows the alert feed through the gateway all along. Each submission is a receipt of a new,
# expired lot, so each one acknowledged is one ledger row, one movement event, one finding and one
# rectification item; the check at the end follows every one of them through.
#   1. kill -9 one of the three Kafka brokers for 60 s
#   2. kill -9 the warehouse replica holding the outbox relay's lock, mid-relay
#   3. kill -9 a rectification replica while both apply a backlog of 20,000 events
#   4. (with 2 and 3) the alert feed's client reconnects with Last-Event-ID when its replica dies
#   5. stop the PostgreSQL primary and promote the synchronous standby
#   6. the sweeps' episodes over the whole run, across both replicas
# Needs deploy/cluster.sh start first; leaves the cluster running (on the promoted standby).
#   bench/cluster-faults.sh                  # full durations
#   FAULT_SCALE=0.3 bench/cluster-faults.sh  # shorter pauses (the broker stays down 60 s × scale)
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/lib.sh"
scale=${FAULT_SCALE:-1}
secs() { python3 -c "print(max(1, round($1 * $scale)))"; }
out="$RUN_DIR/bench/cluster-faults-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
CLUSTER="$BEIQIN_ROOT/deploy/cluster.sh"
CLUSTER_DIR="$RUN_DIR/cluster"
BOOTSTRAP=127.0.0.1:19092,127.0.0.1:19094,127.0.0.1:19096
[[ $("$CLUSTER" status) == *"gateway ready"* ]] || die "run deploy/cluster.sh start first"
echo 5442 >"$out/primary-port"
primary() { cat "$out/primary-port"; }
sql() { PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$(primary)" -U "$PG_USER" -d "$1" -qAt -F $'\t' -c "$2"; }
kafka_tool() { java -Xmx256m -cp "$RUN_DIR/kafka/libs/*" -Dlog4j2.configurationFile="$BEIQIN_ROOT/deploy/kafka/log4j2.yaml" "$@"; }
now() { date +%s.%N; }
phase() { printf '%s\t%s\t%s\n' "$1" "$2" "$(now)" >>"$out/phases.tsv"; log "$1: $2"; }

town=410182997
token=$("$BEIQIN_ROOT/deploy/mint-token.sh" bench-keeper 压测库管员 $town keeper)
county=$("$BEIQIN_ROOT/deploy/mint-token.sh" bench-county 县应急办 410182 county_office)
api() { curl -fsS -H "Authorization: Bearer $token" -H "Content-Type: application/json" "$@"; }
json_id() { python3 -c "import sys,json; print(json.load(sys.stdin)['id'])"; }
stamp=$(date +%s)
warehouse=$(api -d "{\"division\":\"$town\",\"name\":\"集群压测仓库 $stamp\"}" http://127.0.0.1:8080/api/warehouse/warehouses | json_id)
item=$(api -d "{\"division\":\"$town\",\"name\":\"方便面 $stamp\",\"category\":\"RELIEF\",\"kind\":\"FOOD\",\"specification\":\"箱\",\"unit\":\"箱\"}" \
  http://127.0.0.1:8080/api/warehouse/items | json_id)
printf '%s\t%s\t%s\n' "$warehouse" "$item" "$town" >"$out/subjects.tsv"
log "warehouse $warehouse, item $item; output in ${out#$BEIQIN_ROOT/}"

# the run's background: the county's alert feed, the resending keepers, a sampler; stopped however the run ends
load="" feed="" sampler=""
finish() {
  touch "$out/stop" "$out/stop-feed" "$out/stop-sampler"
  for pid in $load $feed $sampler; do kill "$pid" 2>/dev/null || true; done
}
trap finish EXIT
python3 "$BEIQIN_ROOT/bench/sse_client.py" --token "$county" --division "$town" --out "$out/alerts.jsonl" \
  --stop-file "$out/stop-feed" 2>"$out/sse.log" &
feed=$!
sleep 2
phase run started
python3 "$BEIQIN_ROOT/bench/load.py" --base http://127.0.0.1:8080 --token "$token" --warehouse "$warehouse" \
  --item "$item" --expired-lots --seconds 7200 --clients 4 --stop-file "$out/stop" --out "$out/acked.tsv" \
  --log "$out/attempts.tsv" >"$out/load.log" 2>&1 &
load=$!
(while [ ! -f "$out/stop-sampler" ]; do
  pending=$(sql beiqin_warehouse "SELECT count(*) FROM outbox_event WHERE published_at IS NULL" 2>/dev/null || echo -)
  printf '%s\t%s\n' "$(now)" "$pending" >>"$out/pending.tsv"
  sleep 1
done) &
sampler=$!
sleep "$(secs 20)"

# 1. a broker killed for 60 s (not scaled: the point is a minute without it)
broker=2
phase broker-down "kill -9 Kafka broker $broker for 60 s"
kill -9 "$(cat "$CLUSTER_DIR/kafka-$broker.pid")"
sleep 60
"$CLUSTER" start-broker "$broker"
phase broker-up "Kafka broker $broker started again"
sleep "$(secs 20)"
phase broker-settled "20 s after the broker's return"

# 2. the warehouse replica holding the relay's lock (an advisory lock, its key the bytes of "outbox!!")
holder=""
for _ in $(seq 1 400); do
  holder=$(sql beiqin_warehouse "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
    WHERE l.locktype = 'advisory' AND l.classid = 1869968482 AND l.objid = 1870143777 AND l.granted LIMIT 1")
  [ -n "$holder" ] && break
  sleep 0.05
done
[ -n "$holder" ] || die "no warehouse replica was seen holding the relay lock"
n=${holder##*-}
phase relay-kill "kill -9 $holder while it holds the relay lock"
kill -9 "$(cat "$CLUSTER_DIR/warehouse-service-$n.pid")"
printf '%s\n' "$holder" >"$out/relay-holder"
sleep "$(secs 15)"
"$CLUSTER" start-replica warehouse-service "$n"
wait_for 180 "warehouse-service replica $n" curl -fsS "http://127.0.0.1:$((8081 + 100 * (n - 1)))/q/health/ready"
phase relay-back "$holder started again"
sleep "$(secs 10)"

# 3. a rectification replica killed while both apply a backlog
events=${BACKLOG_EVENTS:-20000}
python3 "$BEIQIN_ROOT/bench/consumer_events.py" "$events" "$stamp" >"$out/backlog.tsv"
phase backlog "writing $events discrepancy events to the topic"
kafka_tool org.apache.kafka.tools.ConsoleProducer --bootstrap-server "$BOOTSTRAP" --topic preparedness.discrepancies \
  --reader-property parse.key=true --reader-property key.separator=$'\t' --command-property acks=all \
  --command-property linger.ms=20 --command-property batch.size=262144 <"$out/backlog.tsv" 2>>"$out/producer.log"
sleep 3
phase consumer-kill "kill -9 rectification-service replica 1 mid-backlog"
kill -9 "$(cat "$CLUSTER_DIR/rectification-service-1.pid")"
# the group notices the dead member when its session times out, then gives its partitions away
for _ in $(seq 1 180); do
  owners=$(kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$BOOTSTRAP" \
    --describe --group rectification-service.discrepancies 2>/dev/null |
    awk '$2 == "preparedness.discrepancies" && $7 != "-" {print $7}')
  [ "$(grep -c . <<<"$owners")" = 6 ] && [ "$(sort -u <<<"$owners" | grep -c .)" = 1 ] && break
  sleep 1
done
phase consumer-takeover "replica 2 holds all six partitions"
# what the backlog must come to: items (a stocktake's lines are one item), lines, open lines
expected=$(python3 "$BEIQIN_ROOT/bench/cluster_check.py" --backlog "$out/backlog.tsv")
for _ in $(seq 1 900); do
  got=$(sql beiqin_rectification "SELECT count(*), coalesce(sum(line_count), 0), coalesce(sum(open_line_count), 0)
    FROM rectification_item WHERE discrepancy_key LIKE 'bench-$stamp/%'" 2>/dev/null | tr '\t' ' ' || true)
  [ "$got" = "$expected" ] && break
  sleep 1
done
phase backlog-read "the backlog applied: items, lines, open lines $got (sent: $expected)"
"$CLUSTER" start-replica rectification-service 1
wait_for 180 "rectification-service replica 1" curl -fsS http://127.0.0.1:8084/q/health/ready
phase consumer-back "rectification-service replica 1 started again"
sleep "$(secs 15)"

# what the survivor skipped as already applied: the dead replica's applied but uncommitted records
curl -fsS http://127.0.0.1:8184/q/metrics | awk '/^beiqin_consumer_redelivered_total\{/ && /preparedness.discrepancies/ {s += $NF}
  END {print s + 0}' >"$out/redelivered"
# 4. the other rectification replica too: whichever one served the alert feed has now died once
phase feed-kill "kill -9 rectification-service replica 2"
kill -9 "$(cat "$CLUSTER_DIR/rectification-service-2.pid")"
sleep "$(secs 15)"
"$CLUSTER" start-replica rectification-service 2
wait_for 180 "rectification-service replica 2" curl -fsS http://127.0.0.1:8184/q/health/ready
phase feed-back "rectification-service replica 2 started again"
sleep "$(secs 20)"

# 5. the primary stopped (as if its machine went), the synchronous standby promoted by the operator
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
phase primary-stop "PostgreSQL primary :5442 stopped (immediate)"
as_root pg_ctlcluster "$version" beiqin_a stop -m immediate
sleep "$(secs 10)"
phase promote "standby :5443 promoted"
as_root pg_ctlcluster "$version" beiqin_b promote
echo 5443 >"$out/primary-port"
sleep "$(secs 45)"

phase load-stop "clients stop"
touch "$out/stop"
wait "$load" || true
cat "$out/load.log"
log "waiting for the outbox to drain and the rectification ledger to catch up"
acked=$(awk -F'\t' '$2 ~ /^2/' "$out/acked.tsv" | wc -l)
for _ in $(seq 1 300); do
  pending=$(sql beiqin_warehouse "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
  items=$(sql beiqin_rectification "SELECT count(*) FROM rectification_item WHERE discrepancy_key LIKE '%/$warehouse:%'")
  [ "$pending" = 0 ] && [ "$items" -ge "$acked" ] && break
  sleep 1
done
sleep 25 # one keep-alive of the feed: its last reads are done
phase run ended
touch "$out/stop-feed" "$out/stop-sampler"
wait "$feed" "$sampler" 2>/dev/null || true
for topic in warehouse.movements preparedness.discrepancies; do
  kafka_tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$BOOTSTRAP" --topic "$topic" \
    --from-beginning --timeout-ms 20000 >"$out/$topic.jsonl" 2>/dev/null || true
done
BEIQIN_PG_PORT=$(primary) python3 "$BEIQIN_ROOT/bench/cluster_check.py" "$out" "$stamp" | tee "$out/result.txt"
