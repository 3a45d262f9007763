#!/usr/bin/env bash
# Prints a signed token with the claims of ARCHITECTURE.md, for trying the API by hand:
#   deploy/mint-token.sh SUBJECT NAME DIVISION ROLE[,ROLE...] [HOURS]
#   deploy/mint-token.sh keeper-qiaolou 乔楼镇库管员 410182102 keeper
# Services refuse a token issued for longer than beiqin.security.max-token-lifetime (1 hour).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ $# -ge 4 ] || die "usage: $0 SUBJECT NAME DIVISION ROLE[,ROLE...] [HOURS]"
"$BEIQIN_ROOT/deploy/keys.sh"
subject=$1 name=$2 division=$3 roles=$4 hours=${5:-1}
issuer="${BEIQIN_JWT_ISSUER:-https://beiqin.local/gateway}"
now=$(date +%s)
groups=$(printf '"%s",' ${roles//,/ }); groups=${groups%,}
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
header='{"alg":"RS256","typ":"JWT","kid":"beiqin-local"}'
payload=$(printf '{"iss":"%s","sub":"%s","name":"%s","division":"%s","groups":[%s],"iat":%d,"exp":%d,"jti":"%s"}' \
  "$issuer" "$subject" "$name" "$division" "$groups" "$now" "$((now + hours * 3600))" "$(cat /proc/sys/kernel/random/uuid)")
unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$RUN_DIR/keys/jwt-private.pem" | b64url)
printf '%s.%s\n' "$unsigned" "$signature"
