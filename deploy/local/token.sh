#!/usr/bin/env bash
# Prints a bearer token for the local stack, signed (RS256) with the local key that run.sh made and every local
# service trusts. The token is the last line of the output.
#
#   deploy/local/token.sh admin|supervisor|viewer
#   deploy/local/token.sh unit UNIT_ID            (a unit user acts for that unit only; UNIT_ID is a UUID)
#
#   curl -H "Authorization: Bearer $(deploy/local/token.sh admin | tail -n 1)" http://localhost:8080/api/v1/tasks
#
# Environment: TOKEN_MINUTES (default 60) is the token's lifetime. Needs openssl. For the local stack only: in
# production people get their tokens from the identity provider.
set -euo pipefail

# shellcheck source=stack-lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/stack-lib.sh"

usage() {
  warn "usage: deploy/local/token.sh admin|supervisor|viewer"
  warn "       deploy/local/token.sh unit UNIT_ID   (UNIT_ID: a unit's UUID, e.g. from GET /api/v1/units)"
  exit 2
}

role="${1:-}"
unit_id="${2:-}"
case "$role" in
  admin | supervisor | viewer) [ $# -eq 1 ] || usage ;;
  unit)
    [ $# -eq 2 ] || usage
    [[ "$unit_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]] || usage
    unit_id="${unit_id,,}"
    ;;
  -h | --help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) usage ;;
esac
minutes="${TOKEN_MINUTES:-60}"
[[ "$minutes" =~ ^[1-9][0-9]{0,4}$ ]] || { warn "TOKEN_MINUTES must be a whole number of minutes"; exit 2; }

ensure_jwt_keys >&2 || exit 1

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now="$(date +%s)"
subject="local-$role${unit_id:+-$unit_id}"
header='{"alg":"RS256","typ":"JWT","kid":"local"}'
payload="{\"iss\":\"$jwt_issuer\",\"aud\":\"$jwt_audience\",\"sub\":\"$subject\",\"upn\":\"$subject\",\"groups\":[\"$role\"]"
payload+="${unit_id:+,\"unit_id\":\"$unit_id\"},\"iat\":$now,\"exp\":$((now + minutes * 60))"
payload+=",\"jti\":\"$(openssl rand -hex 16)\"}"
signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature="$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$jwt_key_dir/private.pem" -binary | b64url)"

warn "# $role token${unit_id:+ for unit $unit_id}, valid for $minutes minutes (issuer $jwt_issuer):"
printf '%s.%s\n' "$signing_input" "$signature"
