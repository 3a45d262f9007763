# Shared helpers for the deploy scripts. Sourced, not run.
set -euo pipefail

BEIQIN_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN_DIR="${BEIQIN_RUN_DIR:-$BEIQIN_ROOT/.run}"
mkdir -p "$RUN_DIR/logs"

PG_HOST="${BEIQIN_PG_HOST:-127.0.0.1}"
PG_PORT="${BEIQIN_PG_PORT:-5432}"
PG_USER="${BEIQIN_PG_USER:-beiqin}"
PG_PASSWORD="${BEIQIN_PG_PASSWORD:-beiqin}"
KAFKA_BOOTSTRAP="${BEIQIN_KAFKA_BOOTSTRAP:-127.0.0.1:9092}"

# Every database a service owns (ARCHITECTURE.md, "Processes").
SERVICE_DATABASES=(beiqin_warehouse beiqin_drill beiqin_duty beiqin_rectification beiqin_gateway)
TOPICS=(preparedness.discrepancies warehouse.movements roster.teams identity.users drill.drills)

# The demo users' password (deploy/demo/users.py prints them). Set BEIQIN_DEMO_PASSWORD, and
# BEIQIN_ADMIN_PASSWORD for the first administrator, on any machine others can reach.
DEMO_PASSWORD="${BEIQIN_DEMO_PASSWORD:-Beiqin-demo-2026}"

log() { printf '[beiqin] %s\n' "$*" >&2; }
die() { printf '[beiqin] 错误 / error: %s\n' "$*" >&2; exit 1; }

# port_open HOST PORT: true when something accepts TCP connections there.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_for SECONDS DESCRIPTION COMMAND...: retry COMMAND once a second until it succeeds.
wait_for() {
  local seconds=$1 what=$2; shift 2
  local i
  for ((i = 0; i < seconds; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  die "$what did not come up within ${seconds}s"
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# pid_alive PIDFILE: the process runs (a killed process nobody reaped yet is a zombie, not alive).
# Read from /proc, not ps: minimal Debian installs have no procps.
pid_alive() {
  [ -f "$1" ] || return 1
  local stat; stat=$(cat "/proc/$(cat "$1")/stat" 2>/dev/null) || return 1
  stat=${stat##*) }   # the state follows the command name, which may hold spaces and parentheses
  [ -n "$stat" ] && [ "${stat:0:1}" != Z ]
}

stop_pidfile() {
  local pidfile=$1 name=$2 i
  if pid_alive "$pidfile"; then
    local pid; pid=$(cat "$pidfile")
    log "stopping $name (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 30; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}
