#!/usr/bin/env bash
# Builds the services and runs each from a copy of its built app (so a later build cannot pull
# the jar from under a running process), then waits until each is ready.
#   deploy/services.sh start [--no-build] | stop | status | run NAME | build | copy NAME
#
# Start-up (issue 20): the first start of a build runs each service once to make its AppCDS
# archive (train, below); every later start maps the classes from it instead of loading them.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# name:port, in start order (ARCHITECTURE.md, "Processes").
SERVICES=(warehouse-service:8081 drill-service:8082 duty-roster-service:8083 rectification-service:8084 gateway:8080)

build() {
  log "building (./mvnw package, tests skipped: deploy/test.sh runs them)"
  (cd "$BEIQIN_ROOT" && ./mvnw -q -B package -DskipTests)
}

# app_stamp NAME: what a copy is made from: the built app's files, by content (the build is
# reproducible: project.build.outputTimestamp), and the JVM with its base CDS archive, which an
# AppCDS archive holds only for.
app_stamp() {
  local jvm
  jvm=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  { (cd "$BEIQIN_ROOT/$1/target/quarkus-app" && find . -type f ! -name 'app-cds*' -exec sha1sum {} + | sort -k2)
    sha1sum "$jvm/lib/server/libjvm.so" "$jvm/lib/server/classes.jsa" 2>/dev/null || true; } | sha1sum | cut -d' ' -f1
}

# copy_app NAME: the copy in .run/apps that NAME runs from. Made afresh when the build's content or
# the JVM changed; kept otherwise, with the AppCDS archive trained on it (which holds only for the
# jars' modification times of the copy it was made on). Never while NAME runs from it.
copy_app() {
  local app="$RUN_DIR/apps/$1" stamp
  stamp=$(app_stamp "$1")
  [ "$(cat "$app/.stamp" 2>/dev/null)" = "$stamp" ] && return
  rm -rf "$app" && mkdir -p "$app"
  # -a: an AppCDS archive holds only for jars of the same modification time
  cp -a "$BEIQIN_ROOT/$1/target/quarkus-app/." "$app/"
  rm -f "$app"/app-cds*   # one an older build made with Quarkus' own AppCDS step
  echo "$stamp" >"$app/.stamp"
}

# stop_training: stops the runs train started, also ones an interrupted start left behind.
stop_training() {
  local pidfile
  for pidfile in "$RUN_DIR"/*-appcds.pid; do
    [ -e "$pidfile" ] && stop_pidfile "$pidfile" "$(basename "$pidfile" -appcds.pid) (AppCDS run)"
  done
  return 0
}

# train NAME:PORT...: makes the AppCDS archive of each copy that has none. Each service runs once
# with -XX:ArchiveClassesAtExit until it is ready and has served its health and OpenAPI document;
# stopped, the JVM writes every class it loaded and linked into the archive. Quarkus' own archive
# (quarkus.package.jar.appcds.enabled) stops before the database, Flyway, Hibernate ORM and Kafka
# start, and held two fifths of the classes a start loads; this one about three quarters, and a
# start takes about 1.5 s less (bench/RESULTS.md). The archive is kept only when the service came
# up and its JVM ended on its own; otherwise app-cds.failed says so, the service starts without an
# archive, and the next build tries again.
train() {
  local s name port pid status pending=() came_up=()
  for s in "$@"; do
    name=${s%%:*}
    [ -f "$RUN_DIR/apps/$name/app-cds.jsa" ] || [ -f "$RUN_DIR/apps/$name/app-cds.failed" ] || pending+=("$s")
  done
  [ ${#pending[@]} -gt 0 ] || return 0
  log "making the AppCDS archive of ${pending[*]%%:*} (once per build; .run/logs/<service>-appcds.log)"
  # interrupted, the runs are stopped, not left holding the ports
  trap stop_training EXIT
  trap 'exit 130' INT TERM
  for s in "${pending[@]}"; do
    name=${s%%:*}
    rm -f "$RUN_DIR/apps/$name/app-cds.jsa.new"
    BEIQIN_APPCDS=train run_one "$name" </dev/null >"$RUN_DIR/logs/$name-appcds.log" 2>&1 &
    echo $! >"$RUN_DIR/$name-appcds.pid"
  done
  for s in "${pending[@]}"; do
    name=${s%%:*} port=${s##*:}
    # one that does not come up is stopped without an archive; its real start below says why
    for _ in $(seq 1 180); do
      pid_alive "$RUN_DIR/$name-appcds.pid" || break
      if ready "$port" 2>/dev/null; then came_up+=("$name"); break; fi
      sleep 1
    done
    curl -fsS -o /dev/null "http://127.0.0.1:$port/q/openapi?format=json" 2>/dev/null || true
  done
  for s in "${pending[@]}"; do
    pid=$(cat "$RUN_DIR/${s%%:*}-appcds.pid")
    kill "$pid" 2>/dev/null || true
  done
  for s in "${pending[@]}"; do
    name=${s%%:*} pid=$(cat "$RUN_DIR/$name-appcds.pid")
    # writing the archive takes a few seconds once the service has stopped
    for _ in $(seq 1 120); do pid_alive "$RUN_DIR/$name-appcds.pid" || break; sleep 0.5; done
    ! pid_alive "$RUN_DIR/$name-appcds.pid" || kill -9 "$pid" 2>/dev/null || true
    status=0; wait "$pid" 2>/dev/null || status=$?
    rm -f "$RUN_DIR/$name-appcds.pid"
    # 143: ended by SIGTERM through the JVM's own shutdown, which writes the archive
    if [[ " ${came_up[*]} " == *" $name "* ]] && { [ $status = 0 ] || [ $status = 143 ]; } \
        && [ -s "$RUN_DIR/apps/$name/app-cds.jsa.new" ]; then
      mv "$RUN_DIR/apps/$name/app-cds.jsa.new" "$RUN_DIR/apps/$name/app-cds.jsa"
    else
      rm -f "$RUN_DIR/apps/$name/app-cds.jsa.new"
      echo "exit status $status" >"$RUN_DIR/apps/$name/app-cds.failed"
      log "$name: no AppCDS archive was made (see .run/logs/$name-appcds.log); it starts without one"
    fi
  done
  trap - EXIT INT TERM
}

start_one() {
  local name=${1%%:*} port=${1##*:}
  local pidfile="$RUN_DIR/$name.pid"
  if pid_alive "$pidfile"; then
    log "$name already running (pid $(cat "$pidfile"))"
    return
  fi
  log "starting $name on :$port"
  run_one "$name" </dev/null >"$RUN_DIR/logs/$name.log" 2>&1 &
  echo $! >"$pidfile"
}

# run_one NAME: runs the service from its copy in .run/apps, in the foreground. With the AppCDS
# archive trained on the copy, unless BEIQIN_APPCDS=off; the archive only holds for the JVM and the
# jars that made it, so it is tried, not required. BEIQIN_APPCDS=train: the run that makes it
# (train, above), into app-cds.jsa.new.
run_one() {
  local app="$RUN_DIR/apps/$1" cds=()
  if [ "${BEIQIN_APPCDS:-on}" = train ]; then
    cds=(-XX:ArchiveClassesAtExit=app-cds.jsa.new)
  elif [ -f "$app/app-cds.jsa" ] && [ "${BEIQIN_APPCDS:-on}" != off ]; then
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

# wait_up NAME PORT: waits until NAME is ready, two minutes at most; one that has stopped is an
# error at once, with its log's errors and their causes
wait_up() {
  local i
  for ((i = 0; i < 120; i++)); do
    # its own process first: an answer on the port may come from another one holding it
    if pid_alive "$RUN_DIR/$1.pid"; then
      if ready "$2" 2>/dev/null; then return 0; fi
    else
      grep -a -E '^[0-9-]+ [0-9:,]+ ERROR|^Caused by' "$RUN_DIR/logs/$1.log" | cut -c1-300 | head -n 6 >&2 || true
      die "$1 stopped while starting (see .run/logs/$1.log)"
    fi
    sleep 1
  done
  die "$1 did not come up within 120s (see .run/logs/$1.log)"
}

case "${1:-start}" in
  start)
    command -v curl >/dev/null || { as_root apt-get update -qq; as_root apt-get install -y -qq curl >/dev/null; }
    "$BEIQIN_ROOT/deploy/keys.sh"
    [ "${2:-}" = "--no-build" ] || build
    stop_training   # any an earlier start killed outright left behind
    stopped=()
    for s in "${SERVICES[@]}"; do
      pid_alive "$RUN_DIR/${s%%:*}.pid" || { copy_app "${s%%:*}"; stopped+=("$s"); }
    done
    # BEIQIN_APPCDS=use: an archive there is used, none is made (bench/consumer.sh)
    [ ${#stopped[@]} -eq 0 ] || [ "${BEIQIN_APPCDS:-on}" != on ] || train "${stopped[@]}"
    for s in "${SERVICES[@]}"; do start_one "$s"; done
    for s in "${SERVICES[@]}"; do wait_up "${s%%:*}" "${s##*:}"; done
    log "services ready" ;;
  stop)
    stop_training
    for s in "${SERVICES[@]}"; do stop_pidfile "$RUN_DIR/${s%%:*}.pid" "${s%%:*}"; done ;;
  status) for s in "${SERVICES[@]}"; do ready "${s##*:}" && echo "${s%%:*} ready" || echo "${s%%:*} down"; done ;;
  # run NAME: one service from its copy made by an earlier start, in the foreground (bench/startup.sh)
  run) run_one "${2:?service name}" ;;
  # build: only the build (deploy/cluster.sh starts its replicas itself)
  build) build ;;
  # copy NAME: the copy run NAME runs from, made afresh only when the build changed (deploy/cluster.sh)
  copy)
    ! pid_alive "$RUN_DIR/${2:?service name}.pid" || die "$2 runs from its copy: deploy/services.sh stop first"
    copy_app "$2" ;;
  *) die "usage: $0 start|stop|status|run NAME|build|copy NAME" ;;
esac
