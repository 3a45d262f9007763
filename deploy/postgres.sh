#!/usr/bin/env bash
# PostgreSQL for Beiqin: use a server already answering on $PG_HOST:$PG_PORT, else start the
# installed cluster, else install PostgreSQL with apt (Debian/Ubuntu). Then make sure the
# `beiqin` role (LOGIN CREATEDB, so tests can create throw-away databases) and one database per
# service exist. Safe to run again.
#   deploy/postgres.sh start | stop | status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pg_admin() {
  # Superuser access through the local socket, as the cluster's owner.
  if [ -n "${BEIQIN_PG_ADMIN_URL:-}" ]; then
    psql "$BEIQIN_PG_ADMIN_URL" -v ON_ERROR_STOP=1 -qAt "$@"
  else
    as_root runuser -u postgres -- psql -h /var/run/postgresql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qAt "$@"
  fi
}

installed_cluster() { command -v pg_lsclusters >/dev/null && pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p {print $1, $2; exit}'; }

ensure_server() {
  if port_open "$PG_HOST" "$PG_PORT"; then
    log "PostgreSQL already answers on $PG_HOST:$PG_PORT"
    return
  fi
  if [ -z "$(installed_cluster)" ]; then
    if ! command -v pg_ctlcluster >/dev/null; then
      log "installing PostgreSQL with apt-get"
      as_root apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    if [ -z "$(installed_cluster)" ]; then
      local version; version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
      log "creating cluster $version/main on port $PG_PORT"
      as_root pg_createcluster -p "$PG_PORT" "$version" main >/dev/null
    fi
  fi
  read -r version cluster < <(installed_cluster)
  log "starting PostgreSQL cluster $version/$cluster"
  as_root pg_ctlcluster "$version" "$cluster" start || true
  wait_for 60 "PostgreSQL" port_open "$PG_HOST" "$PG_PORT"
}

ensure_databases() {
  pg_admin -d postgres <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE "$PG_USER" LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE "$PG_USER" LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END
\$\$;
SQL
  local db
  for db in "${SERVICE_DATABASES[@]}"; do
    if [ -z "$(pg_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
      log "creating database $db"
      pg_admin -d postgres -c "CREATE DATABASE \"$db\" OWNER \"$PG_USER\" ENCODING 'UTF8' TEMPLATE template0"
    fi
  done
}

case "${1:-start}" in
  start) ensure_server; ensure_databases; log "PostgreSQL ready: postgresql://$PG_USER@$PG_HOST:$PG_PORT" ;;
  stop)
    if read -r version cluster < <(installed_cluster); then as_root pg_ctlcluster "$version" "$cluster" stop || true; fi ;;
  status) port_open "$PG_HOST" "$PG_PORT" && echo "PostgreSQL up on $PG_HOST:$PG_PORT" || { echo "PostgreSQL down"; exit 1; } ;;
  *) die "usage: $0 start|stop|status" ;;
esac
