#!/usr/bin/env bash
# The RS256 key pair local tokens are signed with (the gateway will take over issuing them).
# Kept under .run/keys, never committed. Safe to run again.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
KEYS="$RUN_DIR/keys"
mkdir -p "$KEYS"
if [ ! -f "$KEYS/jwt-private.pem" ]; then
  command -v openssl >/dev/null || as_root apt-get install -y -qq openssl >/dev/null
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/jwt-private.pem" 2>/dev/null
  openssl rsa -in "$KEYS/jwt-private.pem" -pubout -out "$KEYS/jwt-public.pem" 2>/dev/null
  chmod 600 "$KEYS/jwt-private.pem"
  log "generated the local token signing key in .run/keys"
fi
