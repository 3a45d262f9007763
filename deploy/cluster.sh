#!/usr/bin/env bash
# The system as replicas, on one machine, with the real engines (bench/README.md, "Fault run on
# the cluster"): a Kafka KRaft cluster of three brokers (each also a controller), topics with
# replication 3 and min.insync.replicas 2; PostgreSQL as a primary with a synchronous streaming
# standby made by pg_basebackup (an acknowledged commit is on both); two replicas of every
# service, each connected with a multi-host JDBC URL that follows a promotion; one gateway
# balancing over the replicas.
#
# A rehearsal layout: it has its own brokers, its own two PostgreSQL clusters and its own data,
# made afresh by `start` and removed by `stop`. The single-node set-up (deploy/start.sh) is not
# touched, but the services use the same ports, so stop it first (deploy/stop.sh).
#   deploy/cluster.sh start [--no-build] | stop | status
#
#   Kafka       127.0.0.1:19092, :19094, :19096 (controllers one port up)
#   PostgreSQL  primary 127.0.0.1:5442 (cluster beiqin_a), standby :5443 (beiqin_b)
#   services    replica 1 on 8081–8084, replica 2 on 8181–8184; the gateway on 8080
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CLUSTER_DIR="$RUN_DIR/cluster"
KAFKA_LIBS="$RUN_DIR/kafka/libs"
CLUSTER_BOOTSTRAP=127.0.0.1:19092,127.0.0.1:19094,127.0.0.1:19096
PG_PRIMARY=beiqin_a PG_PRIMARY_PORT=5442
PG_STANDBY=beiqin_b PG_STANDBY_PORT=5443
REPLICATION_USER=beiqin_repl
# name, port of replica 1 (replica 2: +100), database, and the variable its JDBC URL is read from
REPLICATED=(warehouse-service:8081:beiqin_warehouse:BEIQIN_WAREHOUSE_DB_URL
  drill-service:8082:beiqin_drill:BEIQIN_DRILL_DB_URL
  duty-roster-service:8083:beiqin_duty:BEIQIN_DUTY_DB_URL
  rectification-service:8084:beiqin_rectification:BEIQIN_RECTIFICATION_DB_URL)
mkdir -p "$CLUSTER_DIR"

pg_version() { ls /usr/lib/postgresql | sort -V | tail -n 1; }
pg_data() { pg_lsclusters -h | awk -v c="$1" '$2 == c {print $6}'; }
pg_as_admin() { local port=$1; shift; as_root runuser -u postgres -- psql -h /var/run/postgresql -p "$port" -v ON_ERROR_STOP=1 -qAt "$@"; }
jdbc_url() { echo "jdbc:postgresql://127.0.0.1:$PG_PRIMARY_PORT,127.0.0.1:$PG_STANDBY_PORT/$1?targetServerType=primary&ApplicationName=$2"; }

# --- PostgreSQL: primary and synchronous standby ------------------------------------------------
pg_settings() {
  cat <<CONF
# deploy/cluster.sh
listen_addresses = '127.0.0.1'
max_connections = 300
wal_level = replica
max_wal_senders = 10
wal_keep_size = 512MB
hot_standby = on
CONF
}

standby_in_recovery() {
  [ "$(pg_as_admin "$PG_STANDBY_PORT" -d postgres -c "SELECT pg_is_in_recovery()")" = t ]
}

start_postgres() {
  local version; version=$(pg_version)
  if [ -n "$(pg_data "$PG_STANDBY")" ]; then
    as_root pg_ctlcluster "$version" "$PG_STANDBY" start 2>/dev/null || true
    # after a fault run the standby is the primary and the old primary is behind it: start afresh
    wait_for 30 "the standby" port_open 127.0.0.1 "$PG_STANDBY_PORT"
    standby_in_recovery || die "$PG_STANDBY was promoted (a fault run does that): deploy/cluster.sh stop, then start"
  fi
  if [ -z "$(pg_data "$PG_PRIMARY")" ]; then
    log "creating PostgreSQL cluster $version/$PG_PRIMARY (primary) on port $PG_PRIMARY_PORT"
    as_root pg_createcluster -p "$PG_PRIMARY_PORT" "$version" "$PG_PRIMARY" >/dev/null
    pg_settings | as_root tee "/etc/postgresql/$version/$PG_PRIMARY/conf.d/beiqin-cluster.conf" >/dev/null
  fi
  if [ -z "$(pg_data "$PG_STANDBY")" ]; then
    # synchronous only once the standby streams: until then a commit would wait for it
    as_root rm -f "/etc/postgresql/$version/$PG_PRIMARY/conf.d/beiqin-synchronous.conf"
  fi
  as_root pg_ctlcluster "$version" "$PG_PRIMARY" start 2>/dev/null || true
  wait_for 60 "PostgreSQL primary" port_open 127.0.0.1 "$PG_PRIMARY_PORT"
  BEIQIN_PG_PORT=$PG_PRIMARY_PORT "$BEIQIN_ROOT/deploy/postgres.sh" start >/dev/null
  pg_as_admin "$PG_PRIMARY_PORT" -d postgres <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$REPLICATION_USER') THEN
    CREATE ROLE "$REPLICATION_USER" REPLICATION LOGIN PASSWORD '$PG_PASSWORD';
  END IF;
END
\$\$;
SQL
  if [ -z "$(pg_data "$PG_STANDBY")" ]; then
    log "creating the standby $version/$PG_STANDBY on port $PG_STANDBY_PORT by pg_basebackup"
    as_root pg_createcluster -p "$PG_STANDBY_PORT" "$version" "$PG_STANDBY" >/dev/null
    pg_settings | as_root tee "/etc/postgresql/$version/$PG_STANDBY/conf.d/beiqin-cluster.conf" >/dev/null
    local data; data=$(pg_data "$PG_STANDBY")
    as_root find "$data" -mindepth 1 -delete
    as_root runuser -u postgres -- env PGPASSWORD="$PG_PASSWORD" pg_basebackup -h 127.0.0.1 \
      -p "$PG_PRIMARY_PORT" -U "$REPLICATION_USER" -D "$data" -X stream -R -c fast
    # the name the primary's synchronous_standby_names waits for
    echo "primary_conninfo = 'host=127.0.0.1 port=$PG_PRIMARY_PORT user=$REPLICATION_USER password=$PG_PASSWORD application_name=$PG_STANDBY'" |
      as_root runuser -u postgres -- tee -a "$data/postgresql.auto.conf" >/dev/null
  fi
  as_root pg_ctlcluster "$version" "$PG_STANDBY" start 2>/dev/null || true
  # only now that the standby streams: from here a commit is acknowledged once it is on both
  printf "synchronous_standby_names = '%s'\nsynchronous_commit = on\n" "$PG_STANDBY" |
    as_root tee "/etc/postgresql/$version/$PG_PRIMARY/conf.d/beiqin-synchronous.conf" >/dev/null
  pg_as_admin "$PG_PRIMARY_PORT" -d postgres -c "SELECT pg_reload_conf()" >/dev/null
  wait_for 60 "the standby streaming synchronously" standby_in_sync
  log "PostgreSQL: primary :$PG_PRIMARY_PORT, synchronous standby :$PG_STANDBY_PORT"
}

standby_in_sync() {
  [ "$(pg_as_admin "$PG_PRIMARY_PORT" -d postgres -c \
    "SELECT sync_state FROM pg_stat_replication WHERE application_name = '$PG_STANDBY'")" = sync ]
}

stop_postgres() {
  local version cluster; version=$(pg_version)
  for cluster in "$PG_STANDBY" "$PG_PRIMARY"; do
    if [ -n "$(pg_data "$cluster")" ]; then
      log "removing PostgreSQL cluster $version/$cluster"
      as_root pg_dropcluster --stop "$version" "$cluster"
    fi
    # pg_dropcluster leaves the files it did not make; a new cluster of the name would take them up
    as_root rm -rf "/etc/postgresql/$version/$cluster"
  done
}

# --- Kafka: three brokers, each also a controller ---------------------------------------------
kafka_tools() { java -Xmx256m -cp "$KAFKA_LIBS/*" -Dlog4j2.configurationFile="$BEIQIN_ROOT/deploy/kafka/log4j2.yaml" "$@"; }
broker_port() { echo $((19090 + 2 * $1)); }

configure_broker() {
  local n=$1 port; port=$(broker_port "$1")
  local dir="$CLUSTER_DIR/kafka-$n"
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=$n
controller.quorum.voters=1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$((port + 1))
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=6
default.replication.factor=3
min.insync.replicas=2
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
share.coordinator.state.topic.replication.factor=3
share.coordinator.state.topic.min.isr=2
unclean.leader.election.enable=false
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  if [ ! -f "$dir/data/meta.properties" ]; then
    kafka_tools kafka.tools.StorageTool format --ignore-formatted -c "$dir/server.properties" \
      -t "$(cat "$CLUSTER_DIR/kafka-cluster-id")" >/dev/null
  fi
}

# start_broker N: starts broker N (again, after a fault) from its configuration and data.
start_broker() {
  local n=$1 pidfile="$CLUSTER_DIR/kafka-$1.pid"
  if pid_alive "$pidfile"; then return; fi
  java -Xms128m -Xmx512m -cp "$KAFKA_LIBS/*" -Dlog4j2.configurationFile="$BEIQIN_ROOT/deploy/kafka/log4j2.yaml" \
    kafka.Kafka "$CLUSTER_DIR/kafka-$n/server.properties" </dev/null >>"$RUN_DIR/logs/kafka-$n.log" 2>&1 &
  echo $! >"$pidfile"
}

kafka_answers() { kafka_tools org.apache.kafka.tools.TopicCommand --bootstrap-server "$CLUSTER_BOOTSTRAP" --list; }

start_kafka() {
  "$BEIQIN_ROOT/deploy/kafka.sh" fetch
  [ -f "$CLUSTER_DIR/kafka-cluster-id" ] || kafka_tools kafka.tools.StorageTool random-uuid >"$CLUSTER_DIR/kafka-cluster-id"
  local n topic
  for n in 1 2 3; do configure_broker "$n"; start_broker "$n"; done
  wait_for 120 "the Kafka cluster" kafka_answers
  for topic in "${TOPICS[@]}"; do
    kafka_tools org.apache.kafka.tools.TopicCommand --bootstrap-server "$CLUSTER_BOOTSTRAP" --create --if-not-exists \
      --topic "$topic" --partitions 6 --replication-factor 3 --config min.insync.replicas=2 >/dev/null
  done
  log "Kafka: three brokers at $CLUSTER_BOOTSTRAP, topics with replication 3, min.insync.replicas 2"
}

stop_kafka() {
  local n
  # all at once: the last of three stopped one by one waits in vain for a controller quorum
  for n in 1 2 3; do pid_alive "$CLUSTER_DIR/kafka-$n.pid" && kill "$(cat "$CLUSTER_DIR/kafka-$n.pid")"; done
  for n in 1 2 3; do stop_pidfile "$CLUSTER_DIR/kafka-$n.pid" "Kafka broker $n"; done
}

# --- Services: two replicas each, one gateway ----------------------------------------------------
# start_replica NAME N: replica N (1 or 2) of NAME, from the app copy in .run/apps.
start_replica() {
  local name=$1 n=$2 entry s port db var
  for entry in "${REPLICATED[@]}"; do
    IFS=: read -r s port db var <<<"$entry"
    [ "$s" = "$name" ] && break
  done
  port=$((port + 100 * (n - 1)))
  local pidfile="$CLUSTER_DIR/$name-$n.pid"
  if pid_alive "$pidfile"; then return; fi
  env QUARKUS_HTTP_PORT="$port" BEIQIN_KAFKA_BOOTSTRAP="$CLUSTER_BOOTSTRAP" "$var=$(jdbc_url "$db" "$name-$n")" \
    "$BEIQIN_ROOT/deploy/services.sh" run "$name" </dev/null >>"$RUN_DIR/logs/$name-$n.log" 2>&1 &
  echo $! >"$pidfile"
}

replica_port() {
  local entry s port rest
  for entry in "${REPLICATED[@]}"; do
    IFS=: read -r s port rest <<<"$entry"
    [ "$s" = "$1" ] && { echo $((port + 100 * ($2 - 1))); return; }
  done
}

start_gateway() {
  local pidfile="$CLUSTER_DIR/gateway.pid"
  if pid_alive "$pidfile"; then return; fi
  env BEIQIN_KAFKA_BOOTSTRAP="$CLUSTER_BOOTSTRAP" BEIQIN_GATEWAY_DB_URL="$(jdbc_url beiqin_gateway gateway)" \
    BEIQIN_WAREHOUSE_URL=http://127.0.0.1:8081,http://127.0.0.1:8181 \
    BEIQIN_DRILL_URL=http://127.0.0.1:8082,http://127.0.0.1:8182 \
    BEIQIN_DUTY_URL=http://127.0.0.1:8083,http://127.0.0.1:8183 \
    BEIQIN_RECTIFICATION_URL=http://127.0.0.1:8084,http://127.0.0.1:8184 \
    "$BEIQIN_ROOT/deploy/services.sh" run gateway </dev/null >>"$RUN_DIR/logs/gateway-cluster.log" 2>&1 &
  echo $! >"$pidfile"
}

ready() { curl -fsS "http://127.0.0.1:$1/q/health/ready" >/dev/null; }

start_services() {
  local entry name n
  # the copies deploy/services.sh runs from, with the AppCDS archive its start made, if the build is the same
  for entry in "${REPLICATED[@]}"; do
    "$BEIQIN_ROOT/deploy/services.sh" copy "${entry%%:*}"
  done
  "$BEIQIN_ROOT/deploy/services.sh" copy gateway
  # the first replicas one after another (each migrates its database), then the second ones
  for n in 1 2; do
    for entry in "${REPLICATED[@]}"; do
      name=${entry%%:*}
      start_replica "$name" "$n"
      wait_for 180 "$name replica $n (see .run/logs/$name-$n.log)" ready "$(replica_port "$name" "$n")"
    done
  done
  start_gateway
  wait_for 180 "the gateway (see .run/logs/gateway-cluster.log)" ready 8080
  log "services: two replicas each, the gateway on :8080"
}

stop_services() {
  local entry n
  stop_pidfile "$CLUSTER_DIR/gateway.pid" gateway
  for entry in "${REPLICATED[@]}"; do
    for n in 1 2; do stop_pidfile "$CLUSTER_DIR/${entry%%:*}-$n.pid" "${entry%%:*} replica $n"; done
  done
}

status() {
  local n entry
  for n in 1 2 3; do pid_alive "$CLUSTER_DIR/kafka-$n.pid" && echo "Kafka broker $n up" || echo "Kafka broker $n down"; done
  port_open 127.0.0.1 "$PG_PRIMARY_PORT" && echo "PostgreSQL :$PG_PRIMARY_PORT up" || echo "PostgreSQL :$PG_PRIMARY_PORT down"
  port_open 127.0.0.1 "$PG_STANDBY_PORT" && echo "PostgreSQL :$PG_STANDBY_PORT up" || echo "PostgreSQL :$PG_STANDBY_PORT down"
  for entry in "${REPLICATED[@]}"; do
    for n in 1 2; do
      ready "$(replica_port "${entry%%:*}" "$n")" && echo "${entry%%:*} replica $n ready" || echo "${entry%%:*} replica $n down"
    done
  done
  ready 8080 && echo "gateway ready" || echo "gateway down"
}

case "${1:-start}" in
  start)
    command -v curl >/dev/null || { as_root apt-get update -qq; as_root apt-get install -y -qq curl >/dev/null; }
    for port in 8080 8081 8082 8083 8084; do
      ! port_open 127.0.0.1 "$port" || die "port $port is taken: stop the single-node services first (deploy/stop.sh)"
    done
    "$BEIQIN_ROOT/deploy/prereqs.sh"
    "$BEIQIN_ROOT/deploy/keys.sh"
    [ "${2:-}" = "--no-build" ] || "$BEIQIN_ROOT/deploy/services.sh" build
    start_postgres
    start_kafka
    start_services ;;
  stop)
    stop_services
    stop_kafka
    stop_postgres
    rm -rf "$CLUSTER_DIR" ;;
  status) status ;;
  # for bench/cluster-faults.sh: start one part again after a fault
  start-broker) start_broker "${2:?broker 1, 2 or 3}" ;;
  start-replica) start_replica "${2:?service name}" "${3:?replica 1 or 2}" ;;
  *) die "usage: $0 start [--no-build] | stop | status" ;;
esac
