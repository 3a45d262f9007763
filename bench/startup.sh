#!/usr/bin/env bash
# Start-up against a yardstick (issue 20): a bare Quarkus app with only REST and health
# (bench/bare-app), then each service, restarted one at a time from its copy in .run/apps. For
# each: the wall time from `java` until /q/health/ready answers (median of RUNS), Quarkus' own
# "started in", and the resident memory once ready; then the service's time as a multiple of the
# bare app's. Both are measured without and with an AppCDS archive made the same way for all: one
# full start with -XX:ArchiveClassesAtExit (deploy/services.sh makes the services' on their first
# start of a build; this script makes the bare app's). Prints figures; asserts nothing.
# Needs deploy/start.sh first (it restarts the running services). RUNS=3 by default.
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/lib.sh"
RUNS=${RUNS:-3}
services=(warehouse-service:8081 drill-service:8082 duty-roster-service:8083 rectification-service:8084 gateway:8080)
bare="$BEIQIN_ROOT/bench/bare-app/target/quarkus-app"
BARE_PORT=8099

for s in "${services[@]}"; do
  [ -f "$RUN_DIR/apps/${s%%:*}/app-cds.jsa" ] ||
    die "${s%%:*} has no AppCDS archive: deploy/start.sh makes it (or see .run/logs/${s%%:*}-appcds.log)"
done
! port_open 127.0.0.1 $BARE_PORT || die "port $BARE_PORT, the bare app's, is taken"
if [ ! -f "$bare/quarkus-run.jar" ]; then
  log "packaging the bare app (bench/bare-app)"
  (cd "$BEIQIN_ROOT" && ./mvnw -q -B -f bench/bare-app/pom.xml package -DskipTests)
fi
# trained.jsa, not app-cds.jsa: a bare app packaged before held Quarkus' own archive by that name
if [ ! -f "$bare/trained.jsa" ]; then
  log "making the bare app's AppCDS archive"
  rm -f "$bare/trained.jsa.new"
  (cd "$bare" && BARE_PORT=$BARE_PORT exec java -Xms64m -Xmx512m -XX:ArchiveClassesAtExit=trained.jsa.new \
    -jar quarkus-run.jar >/dev/null 2>&1) &
  pid=$!
  up=false
  for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$BARE_PORT/q/health/ready" >/dev/null 2>&1 && { up=true; break; }
    sleep 0.1
  done
  kill $pid 2>/dev/null || true
  $up || die "the bare app did not come up within 60 s"
  status=0; wait $pid 2>/dev/null || status=$?
  { [ $status = 0 ] || [ $status = 143 ]; } && [ -s "$bare/trained.jsa.new" ] ||
    die "the bare app's AppCDS archive was not written (exit status $status)"
  mv "$bare/trained.jsa.new" "$bare/trained.jsa"
fi

ms_now() { date +%s%N; }
median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
seconds() { python3 -c "print(f'{$1 / 1000:.2f}')"; }
rss_mib() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

# bare_once CDS: starts the bare app, prints "ready-ms rss-mib", stops it
bare_once() {
  local flags=() start pid ready rss
  [ "$1" = on ] && flags=(-XX:SharedArchiveFile=trained.jsa -Xshare:auto)
  start=$(ms_now)
  (cd "$bare" && BARE_PORT=$BARE_PORT exec java -Xms64m -Xmx512m "${flags[@]}" -jar quarkus-run.jar >/dev/null 2>&1) &
  pid=$!
  until curl -fsS "http://127.0.0.1:$BARE_PORT/q/health/ready" >/dev/null 2>&1; do sleep 0.05; done
  ready=$(( ($(ms_now) - start) / 1000000 ))
  sleep 2
  rss=$(rss_mib $pid)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$ready $rss"
}

# service_once NAME PORT CDS: restarts one service from its copy (deploy/services.sh run), prints "ready-ms rss-mib"
service_once() {
  local name=$1 port=$2 pidfile="$RUN_DIR/$1.pid" start ready rss
  if pid_alive "$pidfile"; then
    kill "$(cat "$pidfile")"
    for _ in $(seq 1 100); do pid_alive "$pidfile" || break; sleep 0.1; done
  fi
  start=$(ms_now)
  BEIQIN_APPCDS=$3 "$BEIQIN_ROOT/deploy/services.sh" run "$name" </dev/null >"$RUN_DIR/logs/$name.log" 2>&1 &
  echo $! >"$pidfile"
  until curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do sleep 0.05; done
  ready=$(( ($(ms_now) - start) / 1000000 ))
  sleep 2
  rss=$(rss_mib "$(cat "$pidfile")")
  echo "$ready $rss"
}

printf '%-22s %-7s %10s %10s %10s %16s\n' app AppCDS "ready (s)" "RSS (MiB)" "× bare" "started in (s)"
for cds in off on; do
  readies=() rss=0
  for _ in $(seq 1 "$RUNS"); do read -r r m < <(bare_once $cds); readies+=("$r"); rss=$m; done
  bare_ms=$(echo "${readies[*]}" | median)
  declare "bare_$cds=$bare_ms"
  printf '%-22s %-7s %10s %10s %10s %16s\n' "bare Quarkus app" $cds "$(seconds "$bare_ms")" "$rss" "1.00" "-"
done
for s in "${services[@]}"; do
  name=${s%%:*} port=${s##*:}
  for cds in off on; do
    readies=() rss=0
    for _ in $(seq 1 "$RUNS"); do read -r r m < <(service_once "$name" "$port" $cds); readies+=("$r"); rss=$m; done
    ms=$(echo "${readies[*]}" | median)
    base_var="bare_$cds"
    started=$(grep -o 'started in [0-9.]*s' "$RUN_DIR/logs/$name.log" | tail -1 | grep -o '[0-9.]*' || echo "?")
    printf '%-22s %-7s %10s %10s %10s %16s\n' "$name" $cds "$(seconds "$ms")" "$rss" \
      "$(python3 -c "print(f'{$ms / ${!base_var}:.2f}')")" "$started"
  done
done
