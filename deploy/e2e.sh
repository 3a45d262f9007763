#!/usr/bin/env bash
# The end-to-end tests (e2e/): the whole system running with its demo data, the console driven
# in Debian's headless Chromium through playwright-core, and the security rules over HTTP.
# Installs Chromium, a Chinese font and Node.js when missing; starts what is not running yet
# (from the apps ./mvnw built) and stops again what it started. Screenshots: .run/e2e/screenshots.
# BEIQIN_E2E_SERVICES=containers runs the services from their images (deploy/containers.sh)
# instead of the jars (deploy/services.sh), as deploy/test.sh does.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
fonts=$(fc-list 2>/dev/null || true)
[[ ${fonts,,} == *wqy* || ${fonts,,} == *"noto sans cjk"* ]] || missing+=(fonts-wqy-microhei)  # Chinese in screenshots
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} for the browser tests"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

services="$BEIQIN_ROOT/deploy/services.sh"
[ "${BEIQIN_E2E_SERVICES:-jars}" != containers ] || services="$BEIQIN_ROOT/deploy/containers.sh"

started=()
if ! "$BEIQIN_ROOT/deploy/kafka.sh" status >/dev/null 2>&1; then started+=(kafka); fi
# containers: always the images just built (containers.sh start replaces any left; it refuses ports others hold)
if [ "${BEIQIN_E2E_SERVICES:-jars}" = containers ] || ! curl -fsS http://127.0.0.1:8080/q/health/ready >/dev/null 2>&1; then
  started+=(services)
fi
cleanup() {
  for what in "${started[@]}"; do
    case $what in
      services) "$services" stop ;;
      kafka) "$BEIQIN_ROOT/deploy/kafka.sh" stop ;;
    esac
  done
}
trap cleanup EXIT

"$BEIQIN_ROOT/deploy/postgres.sh" start
"$BEIQIN_ROOT/deploy/kafka.sh" start
if [ "${BEIQIN_E2E_SERVICES:-jars}" != containers ]; then
  "$services" start --no-build   # starts whichever is not running
else
  "$services" start
fi
"$BEIQIN_ROOT/deploy/demo.sh" >"$RUN_DIR/logs/e2e-demo.log"
log "demo data loaded; running the end-to-end tests"

cd "$BEIQIN_ROOT/e2e"
npm ci --no-audit --no-fund --loglevel=error
BEIQIN_RUN_DIR="$RUN_DIR" BEIQIN_DEMO_PASSWORD="$DEMO_PASSWORD" npm test
