#!/usr/bin/env bash
# Each service's start-up: restarted one at a time from its built app, the wall time until it
# answers /q/health/ready, Quarkus' own "started in", and its resident memory once ready.
# Prints figures; asserts nothing. Needs deploy/start.sh first (it restarts the running services).
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/lib.sh"
services=(warehouse-service:8081 drill-service:8082 duty-roster-service:8083 rectification-service:8084)
printf '%-22s %10s %14s %10s\n' service "ready (s)" "started in (s)" "RSS (MiB)"
for s in "${services[@]}"; do
  name=${s%%:*} port=${s##*:} pidfile="$RUN_DIR/${s%%:*}.pid"
  if pid_alive "$pidfile"; then
    kill "$(cat "$pidfile")"
    for _ in $(seq 1 100); do pid_alive "$pidfile" || break; sleep 0.1; done
  fi
  start=$(date +%s%N)
  "$BEIQIN_ROOT/deploy/services.sh" start --no-build >/dev/null 2>&1
  until curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do sleep 0.05; done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 2
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$(cat "$pidfile")/status")
  started=$(grep -o 'started in [0-9.]*s' "$RUN_DIR/logs/$name.log" | tail -1 | grep -o '[0-9.]*' || echo "?")
  printf '%-22s %10s %14s %10s\n' "$name" "$(python3 -c "print(f'{$ready / 1000:.1f}')")" "$started" \
    "$(python3 -c "print(round($rss / 1024))")"
done
