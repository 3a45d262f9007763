#!/usr/bin/env bash
# Runs the five service images (deploy/images.sh) in podman instead of the jars of services.sh: same
# ports, same PostgreSQL and Kafka on this machine (host network), same keys; each container
# non-root, with a read-only root file system and a writable /tmp, as deploy/k8s runs them.
#   deploy/containers.sh start [TAG] | stop | status
# TAG defaults to the last one deploy/images.sh built (.run/images/tag). Logs: podman logs beiqin-<service>.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# the images are in root's podman store (deploy/images.sh)
if [ "$(id -u)" != 0 ]; then command -v sudo >/dev/null || die "deploy/containers.sh needs root or sudo"; exec sudo -E "$0" "$@"; fi
export CONTAINERS_CONF="$RUN_DIR/images/containers.conf"

# name:port, in start order (as services.sh)
SERVICES=(warehouse-service:8081 drill-service:8082 duty-roster-service:8083 rectification-service:8084 gateway:8080)

ready() { curl -fsS "http://127.0.0.1:$1/q/health/ready" >/dev/null; }

start_one() {
  local name=${1%%:*} port=${1##*:} tag=$2 db
  if podman container exists "beiqin-$name"; then podman rm -f "beiqin-$name" >/dev/null; fi
  if port_open 127.0.0.1 "$port"; then die "port $port is taken (deploy/services.sh stop first?)"; fi
  local args=(--detach --name "beiqin-$name" --network=host --read-only --tmpfs /tmp
    -e QUARKUS_HTTP_PORT="$port" -e TZ=Asia/Shanghai -e "JAVA_TOOL_OPTIONS=-Xms64m -Xmx512m"
    -e BEIQIN_PG_USER="$PG_USER" -e BEIQIN_PG_PASSWORD="$PG_PASSWORD" -e BEIQIN_KAFKA_BOOTSTRAP="$KAFKA_BOOTSTRAP"
    -e BEIQIN_JWT_PUBLIC_KEY=file:/etc/beiqin/jwt/jwt-public.pem
    -v "$RUN_DIR/keys/jwt-public.pem:/etc/beiqin/jwt/jwt-public.pem:ro")
  case $name in
    warehouse-service) db=WAREHOUSE ;; drill-service) db=DRILL ;; duty-roster-service) db=DUTY ;;
    rectification-service) db=RECTIFICATION ;; gateway) db=GATEWAY ;;
  esac
  local database=beiqin_${db,,}
  args+=(-e "BEIQIN_${db}_DB_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$database")
  if [ "$name" = gateway ]; then
    # the signing key is readable by root only on the host: a copy owned by the container's user 1001
    install -d -m 0700 "$RUN_DIR/images/keys"
    install -m 0400 -o 1001 -g 1001 "$RUN_DIR/keys/jwt-private.pem" "$RUN_DIR/images/keys/jwt-private.pem"
    args+=(-v "$RUN_DIR/images/keys/jwt-private.pem:/etc/beiqin/jwt/jwt-private.pem:ro"
      -e BEIQIN_JWT_PRIVATE_KEY=file:/etc/beiqin/jwt/jwt-private.pem
      -e BEIQIN_ADMIN_USERNAME=admin -e BEIQIN_ADMIN_DIVISION=410182
      -e "BEIQIN_ADMIN_PASSWORD=${BEIQIN_ADMIN_PASSWORD:-$DEMO_PASSWORD}"
      -e BEIQIN_WAREHOUSE_URL=http://127.0.0.1:8081 -e BEIQIN_DRILL_URL=http://127.0.0.1:8082
      -e BEIQIN_DUTY_URL=http://127.0.0.1:8083 -e BEIQIN_RECTIFICATION_URL=http://127.0.0.1:8084)
  fi
  log "starting $name from localhost/beiqin/$name:$tag on :$port"
  podman run "${args[@]}" "localhost/beiqin/$name:$tag" >/dev/null
}

case "${1:-start}" in
  start)
    tag=${2:-$(cat "$RUN_DIR/images/tag" 2>/dev/null || true)}
    [ -n "$tag" ] || die "no images yet: run deploy/images.sh first"
    "$BEIQIN_ROOT/deploy/keys.sh"
    started=$(date +%s)
    trap '"$0" stop' EXIT   # a start that fails part-way leaves nothing running
    for s in "${SERVICES[@]}"; do start_one "$s" "$tag"; done
    for s in "${SERVICES[@]}"; do
      wait_for 180 "${s%%:*} (see .run/logs/${s%%:*}.container.log)" ready "${s##*:}"
    done
    trap - EXIT
    log "containers ready in $(($(date +%s) - started)) s:"
    podman ps --filter name='^beiqin-' --format '{{.Names}} {{.Image}} {{.Status}}' >&2 ;;
  stop)
    for s in "${SERVICES[@]}"; do
      if podman container exists "beiqin-${s%%:*}" 2>/dev/null; then
        log "stopping container beiqin-${s%%:*}"
        podman stop -t 30 "beiqin-${s%%:*}" >/dev/null || true
        podman logs "beiqin-${s%%:*}" >"$RUN_DIR/logs/${s%%:*}.container.log" 2>&1 || true
        podman rm -f "beiqin-${s%%:*}" >/dev/null || true
      fi
    done
    rm -f "$RUN_DIR/images/keys/jwt-private.pem" ;;
  status) for s in "${SERVICES[@]}"; do ready "${s##*:}" && echo "${s%%:*} ready" || echo "${s%%:*} down"; done ;;
  *) die "usage: $0 start [TAG] | stop | status" ;;
esac
