#!/usr/bin/env bash
# A single-node Apache Kafka broker in KRaft mode, from the Maven Central artifacts (the only
# source this project can reach), listening on 127.0.0.1:9092, with the project's topics.
# Data and logs stay under .run/kafka. Safe to run again.
#   deploy/kafka.sh start | stop | status | fetch
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_DIR="$RUN_DIR/kafka"
LIBS="$KAFKA_DIR/libs"
PIDFILE="$KAFKA_DIR/kafka.pid"
CONFIG="$KAFKA_DIR/server.properties"
PARTITIONS="${BEIQIN_KAFKA_PARTITIONS:-6}"
HOST=${KAFKA_BOOTSTRAP%:*}
PORT=${KAFKA_BOOTSTRAP##*:}

kafka_java() { java -Xms128m -Xmx512m -cp "$LIBS/*" "$@"; }
tools() { java -Xmx256m -cp "$LIBS/*" -Dlog4j2.configurationFile="$BEIQIN_ROOT/deploy/kafka/log4j2.yaml" "$@"; }

fetch() {
  if [ -f "$LIBS/.complete" ]; then return; fi
  log "fetching the Kafka broker from Maven Central"
  rm -rf "$LIBS"
  "$BEIQIN_ROOT/mvnw" -q -B -f "$BEIQIN_ROOT/deploy/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$LIBS" -DincludeScope=runtime
  touch "$LIBS/.complete"
}

configure() {
  mkdir -p "$KAFKA_DIR/data"
  cat > "$CONFIG" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$((PORT + 1))
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$((PORT + 1))
advertised.listeners=PLAINTEXT://$HOST:$PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=$PARTITIONS
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  if [ ! -f "$KAFKA_DIR/data/meta.properties" ]; then
    log "formatting KRaft storage"
    tools kafka.tools.StorageTool format --ignore-formatted -c "$CONFIG" \
      -t "$(tools kafka.tools.StorageTool random-uuid)" >/dev/null
  fi
}

answers() { tools org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --list; }

create_topics() {
  local topic
  for topic in "${TOPICS[@]}"; do
    tools org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --create --if-not-exists \
      --topic "$topic" --partitions "$PARTITIONS" --replication-factor 1 >/dev/null
  done
  log "topics ready: ${TOPICS[*]}"
}

start() {
  if pid_alive "$PIDFILE"; then
    log "Kafka already running (pid $(cat "$PIDFILE"))"
  elif port_open "$HOST" "$PORT"; then
    log "a Kafka broker already answers on $KAFKA_BOOTSTRAP; using it"
  else
    fetch
    configure
    log "starting Kafka on $KAFKA_BOOTSTRAP"
    java -Xms256m -Xmx768m -cp "$LIBS/*" \
      -Dlog4j2.configurationFile="$BEIQIN_ROOT/deploy/kafka/log4j2.yaml" \
      kafka.Kafka "$CONFIG" </dev/null >"$RUN_DIR/logs/kafka.log" 2>&1 &
    echo $! >"$PIDFILE"
  fi
  fetch
  wait_for 90 "Kafka" answers
  create_topics
}

case "${1:-start}" in
  start) start ;;
  # fetch: only the broker's jars (deploy/cluster.sh runs its own brokers from them)
  fetch) fetch ;;
  stop) stop_pidfile "$PIDFILE" Kafka ;;
  status) pid_alive "$PIDFILE" && echo "Kafka up (pid $(cat "$PIDFILE"))" || { echo "Kafka down"; exit 1; } ;;
  *) die "usage: $0 start|stop|status" ;;
esac
