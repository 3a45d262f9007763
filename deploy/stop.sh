#!/usr/bin/env bash
# Stops the services and the Kafka broker that start.sh started; with --all, PostgreSQL too.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$BEIQIN_ROOT/deploy/services.sh" stop
"$BEIQIN_ROOT/deploy/kafka.sh" stop
if [ "${1:-}" = "--all" ]; then "$BEIQIN_ROOT/deploy/postgres.sh" stop; fi
