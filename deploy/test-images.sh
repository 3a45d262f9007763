#!/usr/bin/env bash
# The image smoke test (not part of deploy/test.sh: the base image alone takes minutes to make, which
# would push CI past its budget; its last result is in bench/RESULTS.md):
#   1. deploy/images.sh builds the five images (the base is cached in .run/images after the first run);
#   2. the images run in podman against this machine's PostgreSQL and Kafka (deploy/containers.sh);
#   3. the end-to-end tests (deploy/e2e.sh) run against them, then the containers stop.
# Needs root (debootstrap, podman). Stops the jar-run services first if they are running.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$BEIQIN_ROOT/deploy/prereqs.sh"
"$BEIQIN_ROOT/deploy/postgres.sh" start
t0=$(date +%s)
"$BEIQIN_ROOT/deploy/images.sh" "$@"
t1=$(date +%s)
"$BEIQIN_ROOT/deploy/services.sh" stop
BEIQIN_E2E_SERVICES=containers "$BEIQIN_ROOT/deploy/e2e.sh"
t2=$(date +%s)
log "image smoke test passed: images built in $((t1 - t0)) s, containers started and end-to-end tests passed in $((t2 - t1)) s"
