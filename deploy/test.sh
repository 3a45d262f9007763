#!/usr/bin/env bash
# Every test, on real infrastructure: PostgreSQL from deploy/postgres.sh (each test run gets a
# throw-away database) and a real Kafka broker that the tests start in-process; then the
# end-to-end tests of the whole running system in a headless browser (deploy/e2e.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$BEIQIN_ROOT/deploy/prereqs.sh"
"$BEIQIN_ROOT/deploy/postgres.sh" start
cd "$BEIQIN_ROOT"
./mvnw -B verify "$@"
exec "$BEIQIN_ROOT/deploy/e2e.sh"
