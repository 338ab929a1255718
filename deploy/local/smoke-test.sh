#!/usr/bin/env bash
# Smoke test of the local stack, for CI after `mvn verify` (works as root, without a terminal or standard input):
#   1. deploy/local/run.sh --background, and how long the stack took to become ready;
#   2. every service answers UP on /q/health/ready;
#   2b. authentication through the gateway: anonymous → 401, a token.sh admin token → 200, and an API key issued
#      with that token reads, then is revoked and refused;
#   2c. api-clients.sh: Redocly lint of the merged document, TypeScript and Java clients generated from it, compiled
#      and run through a short scenario;
#   3. deploy/local/stop.sh, after which nothing it started may be left: no recorded PID alive, no process of this
#      checkout's stack (service jars, Kafka data directory, embedded PostgreSQL), no listener on 8080-8083 or 9092.
# Exits non-zero on any failure, after stopping what it started.
set -euo pipefail

# shellcheck source=stack-lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/stack-lib.sh"

fail() { warn "smoke-test: FAIL: $*"; exit 1; }

# Is something listening on PORT? ss sees listeners on any address; the connect test is the fallback without it.
listening() {
  if command -v ss >/dev/null; then
    [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]
  else
    port_open "$1"
  fi
}

service_ports=()
for entry in "${domain_services[@]}" "$gateway_service"; do
  service_ports+=("${entry##*:}")
done

# --- preconditions: a clean start, or the result means nothing ------------------------------------------------------

for name in $(recorded_names); do
  if recorded_pid "$name" >/dev/null; then
    fail "the local stack is already running ($name); stop it with deploy/local/stop.sh first"
  fi
done
for port in "${service_ports[@]}"; do
  if listening "$port"; then fail "port $port is already in use before the test"; fi
done
# A broker that was already there is reused by run.sh and left running by stop.sh: then 9092 stays open, rightly.
kafka_was_there=false
if listening "$kafka_port"; then
  kafka_was_there=true
  log "smoke-test: a Kafka broker already listens on $kafka_port; run.sh will reuse it and stop.sh leave it"
fi

stopped=false
on_exit() {
  local status=$?
  trap - EXIT
  if ! $stopped; then
    warn "smoke-test: stopping the stack after the failure"
    "$local_dir/stop.sh" </dev/null || true
  fi
  exit "$status"
}
trap on_exit EXIT

# --- start ----------------------------------------------------------------------------------------------------------

run_output="$(mktemp)"
start_ns="$(date +%s%N)"
if ! "$local_dir/run.sh" --background </dev/null 2>&1 | tee "$run_output"; then
  rm -f "$run_output"
  fail "run.sh --background failed"
fi
returned_ms=$((($(date +%s%N) - start_ns) / 1000000))
reported="$(sed -n 's/^Local stack ready (\([0-9]*\) s):$/\1/p' "$run_output")"
built="$(sed -n 's/^Built in \([0-9]*\) s$/\1/p' "$run_output")"
rm -f "$run_output"
took="$((returned_ms / 1000)).$((returned_ms % 1000 / 100)) s"
log ""
log "smoke-test: the stack became ready in $took${built:+, of which the build took ${built} s}" \
  "(run.sh's own count, without any build: ${reported:-?} s)"

# --- readiness ------------------------------------------------------------------------------------------------------

for entry in "$gateway_service" "${domain_services[@]}"; do
  name="${entry%%:*}" port="${entry##*:}"
  body="$(curl -s --max-time 5 "http://localhost:$port/q/health/ready" 2>/dev/null)" || body=""
  [[ "$body" =~ \"status\":\ *\"UP\" ]] || fail "$name is not UP on http://localhost:$port/q/health/ready: ${body:-no answer}"
  log "smoke-test: $name UP"
done

# --- authentication through the gateway ----------------------------------------------------------------------------

gateway_url="http://localhost:${gateway_service##*:}"
# expect_status EXPECTED WHAT CURL-ARGS...: fails unless curl gets EXPECTED; the body is left in $body_file
body_file="$(mktemp)"
expect_status() {
  local expected="$1" what="$2" status; shift 2
  status="$(curl -s --max-time 10 -o "$body_file" -w '%{http_code}' "$@")" || status="none"
  [ "$status" = "$expected" ] || fail "$what: expected $expected, got $status: $(head -c 300 "$body_file")"
  log "smoke-test: $what: $status"
}
json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$body_file"; }

expect_status 401 "anonymous GET /api/v1/tasks" "$gateway_url/api/v1/tasks"
admin_token="$("$local_dir/token.sh" admin 2>/dev/null | tail -n 1)"
expect_status 200 "GET /api/v1/tasks as admin (token.sh)" -H "Authorization: Bearer $admin_token" "$gateway_url/api/v1/tasks"
expect_status 201 "POST /api/v1/api-keys (tasks:read)" -H "Authorization: Bearer $admin_token" \
  -H 'Content-Type: application/json' -d '{"name":"smoke-test","scopes":["tasks:read"]}' "$gateway_url/api/v1/api-keys"
api_key="$(json_field secret)" api_key_id="$(json_field id)"
[ -n "$api_key" ] && [ -n "$api_key_id" ] || fail "no secret or id in the new API key: $(cat "$body_file")"
expect_status 200 "GET /api/v1/tasks with the API key" -H "X-API-Key: $api_key" "$gateway_url/api/v1/tasks"
expect_status 204 "DELETE /api/v1/api-keys/{id}" -X DELETE -H "Authorization: Bearer $admin_token" \
  "$gateway_url/api/v1/api-keys/$api_key_id"
expect_status 401 "GET /api/v1/tasks with the revoked key" -H "X-API-Key: $api_key" "$gateway_url/api/v1/tasks"
rm -f "$body_file"

# --- what another system does with the API: lint the merged document, generate two clients, run their scenario ----

"$local_dir/api-clients.sh" "$gateway_url" </dev/null || fail "api-clients.sh failed"

# --- stop, and nothing may be left ----------------------------------------------------------------------------------

recorded=()
embedded_port=""
for name in $(recorded_names); do
  if pid="$(recorded_pid "$name")"; then recorded+=("$pid"); fi
done
if recorded_pid postgres >/dev/null && [ -s "$db_choice_file" ]; then
  read -r _ embedded_port <"$db_choice_file"
fi

"$local_dir/stop.sh" </dev/null || fail "stop.sh failed"
stopped=true

for pid in "${recorded[@]}"; do
  if our_pid "$pid"; then fail "pid $pid is still running after stop.sh: $(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")"; fi
done
leftover="$(stack_processes)"
[ -z "$leftover" ] || fail "processes of the stack are still running after stop.sh:"$'\n'"$leftover"
ports=("${service_ports[@]}")
if ! $kafka_was_there; then ports+=("$kafka_port" "$kafka_controller_port"); fi
if [ -n "$embedded_port" ]; then ports+=("$embedded_port"); fi
for port in "${ports[@]}"; do
  if listening "$port"; then fail "something still listens on port $port after stop.sh"; fi
done
[ -z "$(ls -A "$pid_dir")" ] || fail "pid files left in $pid_dir: $(ls "$pid_dir")"

log "smoke-test: OK: ready in $took; ${#recorded[@]} processes started and stopped; nothing left"
