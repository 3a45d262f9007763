#!/usr/bin/env bash
# Makes the Secrets an overlay needs, in overlays/<name>/secrets/ (git-ignored), unless they exist:
#   jwt-private.pem, jwt-public.pem  the token signing key pair (beiqin-jwt)
#   admin.env                        the first administrator: username, password, division (beiqin-admin)
# For production put your own there (from your key store) instead of generating them:
#   deploy/k8s/secrets.sh prod [--division 410182] [--username admin]
set -euo pipefail
overlay=${1:?usage: deploy/k8s/secrets.sh dev|prod [--division CODE] [--username NAME]}
shift
division=410182 username=admin
while [ $# -gt 0 ]; do
  case $1 in
    --division) division=$2; shift 2 ;;
    --username) username=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/overlays/$overlay/secrets"
[ -d "$(dirname "$dir")" ] || { echo "no overlay $overlay" >&2; exit 2; }
mkdir -p "$dir" && chmod 700 "$dir"
if [ ! -f "$dir/jwt-private.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/jwt-private.pem" 2>/dev/null
  openssl rsa -in "$dir/jwt-private.pem" -pubout -out "$dir/jwt-public.pem" 2>/dev/null
  chmod 600 "$dir/jwt-private.pem"
  echo "generated the token signing key pair in overlays/$overlay/secrets" >&2
fi
if [ ! -f "$dir/admin.env" ]; then
  password=$(openssl rand -base64 18 | tr -d '/+=')
  printf 'username=%s\npassword=%s\ndivision=%s\n' "$username" "$password" "$division" >"$dir/admin.env"
  chmod 600 "$dir/admin.env"
  echo "first administrator: $username (division $division), password in overlays/$overlay/secrets/admin.env" >&2
fi
