#!/usr/bin/env bash
# Builds the services and runs each from a copy of its built app (so a later build cannot pull
# the jar from under a running process), then waits until each is ready.
#   deploy/services.sh start [--no-build] | stop | status | run NAME | build
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# name:port, in start order (ARCHITECTURE.md, "Processes").
SERVICES=(warehouse-service:8081 drill-service:8082 duty-roster-service:8083 rectification-service:8084 gateway:8080)

build() {
  log "building (./mvnw package, tests skipped: deploy/test.sh runs them), each app with its AppCDS archive"
  (cd "$BEIQIN_ROOT" && ./mvnw -q -B package -DskipTests -Dquarkus.package.jar.appcds.enabled=true)
}

start_one() {
  local name=${1%%:*} port=${1##*:}
  local pidfile="$RUN_DIR/$name.pid" app="$RUN_DIR/apps/$name"
  if pid_alive "$pidfile"; then
    log "$name already running (pid $(cat "$pidfile"))"
    return
  fi
  rm -rf "$app" && mkdir -p "$app"
  # -a: the AppCDS archive holds only for jars of the same modification time
  cp -a "$BEIQIN_ROOT/$name/target/quarkus-app/." "$app/"
  log "starting $name on :$port"
  run_one "$name" </dev/null >"$RUN_DIR/logs/$name.log" 2>&1 &
  echo $! >"$pidfile"
}

# run_one NAME: runs the service from its copy in .run/apps, in the foreground. With the AppCDS
# archive the build leaves beside the jar (quarkus.package.jar.appcds.enabled) unless
# BEIQIN_APPCDS=off; the archive only holds for the JVM that made it, so it is tried, not required.
run_one() {
  local app="$RUN_DIR/apps/$1" cds=()
  if [ -f "$app/app-cds.jsa" ] && [ "${BEIQIN_APPCDS:-on}" != off ]; then
    cds=(-XX:SharedArchiveFile=app-cds.jsa -Xshare:auto)
  fi
  # from its own directory: the archive names the jars relative to where it was made
  cd "$app"
  export BEIQIN_JWT_PUBLIC_KEY="file:$RUN_DIR/keys/jwt-public.pem"
  # the gateway signs with the private key; its first administrator is created on an empty user table
  export BEIQIN_JWT_PRIVATE_KEY="file:$RUN_DIR/keys/jwt-private.pem"
  export BEIQIN_ADMIN_USERNAME=admin BEIQIN_ADMIN_DIVISION=410182
  export BEIQIN_ADMIN_PASSWORD="${BEIQIN_ADMIN_PASSWORD:-$DEMO_PASSWORD}"
  exec java -Xms64m -Xmx512m "${cds[@]}" -jar quarkus-run.jar
}

ready() { curl -fsS "http://127.0.0.1:$1/q/health/ready" >/dev/null; }

case "${1:-start}" in
  start)
    command -v curl >/dev/null || { as_root apt-get update -qq; as_root apt-get install -y -qq curl >/dev/null; }
    "$BEIQIN_ROOT/deploy/keys.sh"
    [ "${2:-}" = "--no-build" ] || build
    for s in "${SERVICES[@]}"; do start_one "$s"; done
    for s in "${SERVICES[@]}"; do wait_for 120 "${s%%:*} (see .run/logs/${s%%:*}.log)" ready "${s##*:}"; done
    log "services ready" ;;
  stop) for s in "${SERVICES[@]}"; do stop_pidfile "$RUN_DIR/${s%%:*}.pid" "${s%%:*}"; done ;;
  status) for s in "${SERVICES[@]}"; do ready "${s##*:}" && echo "${s%%:*} ready" || echo "${s%%:*} down"; done ;;
  # run NAME: one service from its copy made by an earlier start, in the foreground (bench/startup.sh)
  run) run_one "${2:?service name}" ;;
  # build: only the build (deploy/cluster.sh starts its replicas itself)
  build) build ;;
  *) die "usage: $0 start|stop|status|run NAME|build" ;;
esac
