#!/usr/bin/env bash
# Loads the demo data through the services' own API (so every rule fires as it would for a
# keeper), with fixed Idempotency-Keys: running it again adds nothing. Prints where to look.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v python3 >/dev/null || { as_root apt-get update -qq; as_root apt-get install -y -qq python3 >/dev/null; }
KEEPER=$("$BEIQIN_ROOT/deploy/mint-token.sh" keeper-qiaolou 乔楼镇库管员 410182102 keeper)
COUNTY=$("$BEIQIN_ROOT/deploy/mint-token.sh" county-xingyang 荥阳市应急管理局 410182 county_office)
OFFICER=$("$BEIQIN_ROOT/deploy/mint-token.sh" officer-shenwa 王永强 410182102201 duty_officer)
# the users first: the duty roster binds its members to the accounts the gateway announces
USERS=$(BEIQIN_ADMIN_PASSWORD="${BEIQIN_ADMIN_PASSWORD:-$DEMO_PASSWORD}" BEIQIN_DEMO_PASSWORD=$DEMO_PASSWORD \
  python3 "$BEIQIN_ROOT/deploy/demo/users.py")
BEIQIN_KEEPER_TOKEN=$KEEPER BEIQIN_COUNTY_TOKEN=$COUNTY python3 "$BEIQIN_ROOT/deploy/demo/load.py"
BEIQIN_KEEPER_TOKEN=$KEEPER BEIQIN_COUNTY_TOKEN=$COUNTY python3 "$BEIQIN_ROOT/deploy/demo/drills.py"
BEIQIN_KEEPER_TOKEN=$KEEPER BEIQIN_COUNTY_TOKEN=$COUNTY python3 "$BEIQIN_ROOT/deploy/demo/duty.py"
BEIQIN_COUNTY_TOKEN=$COUNTY python3 "$BEIQIN_ROOT/deploy/demo/rectification.py"
cat <<TXT

备勤 Beiqin is running.
  Web console        http://127.0.0.1:8080/        (中文；English from the menu)
  Swagger UI, all    http://127.0.0.1:8080/q/swagger-ui   (one OpenAPI document: /openapi)
  Every API          http://127.0.0.1:8080/api/...  (sign in: POST /api/auth/login)

$USERS

  Warehouse API      http://127.0.0.1:8081/api/warehouse/warehouses
  Drills             http://127.0.0.1:8082/api/drills?division=410182
  三断 drills         http://127.0.0.1:8082/api/drills/three-outages?division=410182
  Duty now / rosters http://127.0.0.1:8083/api/duty/now?division=410182102   …/api/duty/periods
  My shifts, check-in http://127.0.0.1:8083/api/duty/me/shifts   POST …/api/duty/me/check-in
  Rectification API  http://127.0.0.1:8084/api/rectification/items?division=410182
  Alerts (SSE)       http://127.0.0.1:8084/api/rectification/alerts/stream
  Statistics         http://127.0.0.1:8084/api/rectification/statistics?division=410182
  Public notice      http://127.0.0.1:8084/api/rectification/notice?division=410182  (&format=markdown)
  Ledger (.xlsx)     http://127.0.0.1:8084/api/rectification/items/export?division=410182
  Swagger UI         http://127.0.0.1:8081/q/swagger-ui   :8082   :8083   :8084 (same path)
  OpenAPI            http://127.0.0.1:8081/q/openapi
  Health / metrics   http://127.0.0.1:8081/q/health   http://127.0.0.1:8081/q/metrics
  Discrepancy events deploy/topic.sh preparedness.discrepancies
  Stock movements    deploy/topic.sh warehouse.movements

Demo tokens (1 h, the most any service accepts; make more with deploy/mint-token.sh):
  乔楼镇库管员 keeper, 410182102:
    $KEEPER
  荥阳市应急管理局 county_office, 410182:
    $COUNTY
  沈洼村值班员王永强 duty_officer, 410182102201:
    $OFFICER

  curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:8081/api/warehouse/discrepancies
  curl -N -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:8084/api/rectification/alerts/stream
Stop with deploy/stop.sh.
TXT
