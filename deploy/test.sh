#!/usr/bin/env bash
# Every test, on real infrastructure: PostgreSQL from deploy/postgres.sh (each test run gets a
# throw-away database) and a real Kafka broker that the tests start in-process; the Kubernetes
# manifests checked offline (k8s-check, in the same Maven build); then the five container images
# built (deploy/images.sh: its Debian-package base is made meanwhile, in the background) and the
# end-to-end tests of the whole system, run from those images in podman, in a headless browser
# (deploy/e2e.sh with BEIQIN_E2E_SERVICES=containers).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$BEIQIN_ROOT/deploy/prereqs.sh"
"$BEIQIN_ROOT/deploy/postgres.sh" start
cd "$BEIQIN_ROOT"
# in its own process group, so that stopping it stops debootstrap and apt-get too
setsid "$BEIQIN_ROOT/deploy/images.sh" --base-only >"$RUN_DIR/logs/images-base.log" 2>&1 &
base=$!
trap 'kill -- -$base 2>/dev/null || true; wait $base 2>/dev/null || true' EXIT
./mvnw -B verify "$@"
wait $base || die "making the base image failed (see .run/logs/images-base.log)"
trap - EXIT
"$BEIQIN_ROOT/deploy/images.sh"
BEIQIN_E2E_SERVICES=containers exec "$BEIQIN_ROOT/deploy/e2e.sh"
