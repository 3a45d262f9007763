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
    --division) division=${2:?--division needs a division code}; shift 2 ;;
    --username) username=${2:?--username needs a name}; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ $division =~ ^[0-9]{6}([0-9]{3}([0-9]{3})?)?$ ]] || { echo "--division $division: a 6-, 9- or 12-digit division code, e.g. 410182" >&2; exit 2; }
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/overlays/$overlay/secrets"
[ -d "$(dirname "$dir")" ] || { echo "no overlay $overlay" >&2; exit 2; }
mkdir -p "$dir" && chmod 700 "$dir"
if [ ! -f "$dir/jwt-private.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/jwt-private.pem" 2>/dev/null
  chmod 600 "$dir/jwt-private.pem"
  rm -f "$dir/jwt-public.pem"
  echo "generated the token signing key pair in overlays/$overlay/secrets" >&2
fi
# the public key always follows the private one (also when you brought only the private key)
[ -f "$dir/jwt-public.pem" ] || openssl rsa -in "$dir/jwt-private.pem" -pubout -out "$dir/jwt-public.pem" 2>/dev/null
if [ ! -f "$dir/admin.env" ]; then
  password=$(openssl rand -base64 18 | tr -d '/+=')
  printf 'username=%s\npassword=%s\ndivision=%s\n' "$username" "$password" "$division" >"$dir/admin.env"
  chmod 600 "$dir/admin.env"
  echo "first administrator: $username (division $division), password in overlays/$overlay/secrets/admin.env" >&2
fi
