#!/usr/bin/env bash
# Shows that each service runs in dev mode against the running local stack, as the root README's "Change one service"
# tells a developer to do it. For each SERVICE in turn (default: all four):
#   1. deploy/local/stop.sh SERVICE takes the stack's copy out;
#   2. mvn -pl SERVICE quarkus:dev starts on the same port (without a terminal), and /q/health/ready says UP; through
#      deploy/maven.sh, since quarkus:dev needs Maven 3.9 or later;
#   3. one request without a credential is refused (401) and one with a deploy/local/token.sh admin token is answered
#      (200): through the gateway for a domain service, so the gateway reaches the dev copy; for the gateway itself,
#      an API key it issues and signs with the stack's private key;
#   4. with --reload (the first service only): a resource class added to the source answers after a live reload, and
#      is gone again after it is deleted;
#   5. dev mode is stopped (SIGTERM to its process group) and nothing of it may be left; then
#      deploy/local/run.sh --background SERVICE puts the stack's copy back.
#
#   deploy/local/dev-mode-check.sh [--reload] [SERVICE...]
#
# Needs the stack running (deploy/local/run.sh --background) and the modules installed in the local Maven repository
# (mvn -B install -DskipTests: quarkus:dev resolves the kits and the test dependencies from there). Maven settings come
# from MAVEN_OPTS / MAVEN_ARGS as usual. Exits non-zero on the first failure, after stopping its dev mode and putting
# the stack's copy back.
set -euo pipefail

# shellcheck source=stack-lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/stack-lib.sh"

usage() { sed -n '2,/^set -euo pipefail$/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }
reload=false
services=()
for arg in "$@"; do
  case "$arg" in
    -h | --help) usage; exit 0 ;;
    --reload) reload=true ;;
    *) service_entry "$arg" >/dev/null || { warn "dev-mode-check: no service named $arg"; exit 2; }
       services+=("$arg") ;;
  esac
done
if [ ${#services[@]} -eq 0 ]; then
  for entry in "${domain_services[@]}" "$gateway_service"; do services+=("${entry%%:*}"); done
fi

fail() { warn "dev-mode-check: FAIL: $*"; exit 1; }
ready_timeout="${DEV_READY_TIMEOUT:-240}"
gateway_url="http://localhost:${gateway_service##*:}"
work="$(mktemp -d /tmp/dev-mode-check.XXXXXX)"
dev_session="" current="" probe_file="" probe_class_dir=""

# The processes of a session (dev mode runs in one of its own: Maven and the application JVM it forks).
session_pids() {
  ps -e -o pid= -o sid= | awk -v sid="$1" '$2 == sid { print $1 }'
}

# SIGTERM to dev mode's session; everything in it must be gone within 60 s, else it is killed and that is a failure.
stop_dev_mode() {
  [ -n "$dev_session" ] || return 0
  local deadline left session="$dev_session"
  dev_session=""
  kill -TERM -- "-$session" 2>/dev/null || true
  deadline=$((SECONDS + 60))
  while left="$(session_pids "$session")" && [ -n "$left" ]; do
    if [ $SECONDS -ge $deadline ]; then
      kill -KILL -- "-$session" 2>/dev/null || true
      warn "dev-mode-check: FAIL: dev mode of $current still ran 60 s after SIGTERM (pids: $(echo $left)); killed"
      return 1
    fi
    sleep 0.5
  done
}

remove_probe() {
  [ -n "$probe_file" ] || return 0
  rm -f "$probe_file"
  # a class compiled by dev mode for a source that is gone must not end up in a later jar
  rm -f "$probe_class_dir"/DevModeReloadProbe*.class
  probe_file=""
}

on_exit() {
  local status=$?
  trap - EXIT
  remove_probe
  stop_dev_mode || status=1
  if [ -n "$current" ] && ! recorded_pid "$current" >/dev/null; then
    warn "dev-mode-check: putting the stack's $current back"
    "$local_dir/run.sh" --background "$current" </dev/null >"$work/run-$current.log" 2>&1 ||
      { warn "dev-mode-check: run.sh --background $current failed:"; tail -n 20 "$work/run-$current.log" >&2; status=1; }
  fi
  [ $status -ne 0 ] || rm -rf "$work"
  [ $status -eq 0 ] || warn "dev-mode-check: logs in $work"
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for entry in "${domain_services[@]}" "$gateway_service"; do
  recorded_pid "${entry%%:*}" >/dev/null || fail "the local stack is not running (${entry%%:*}); start it with deploy/local/run.sh --background"
done

# expect STATUS WHAT CURL-ARGS...: fails unless curl gets STATUS; the body is left in $work/body
expect() {
  local expected="$1" what="$2" status; shift 2
  status="$(curl -s --max-time 30 -o "$work/body" -w '%{http_code}' "$@")" || status="none"
  [ "$status" = "$expected" ] || fail "$current: $what: expected $expected, got $status: $(head -c 300 "$work/body")"
  log "  $what: $status"
}

token="$("$local_dir/token.sh" admin 2>/dev/null | tail -n 1)"
auth="Authorization: Bearer $token"

authenticated_requests() {
  case "$1" in
    units-service) path=/api/v1/units?size=1 ;;
    tasks-service) path=/api/v1/tasks?size=1 ;;
    notifications-service) path=/api/v1/notifications/policy ;;
    gateway)
      expect 401 "anonymous GET /api/v1/api-keys" "$gateway_url/api/v1/api-keys"
      expect 200 "GET /api/v1/api-keys as admin" -H "$auth" "$gateway_url/api/v1/api-keys"
      # the gateway signs an API key's token with the stack's private key, which the services must accept
      expect 201 "POST /api/v1/api-keys" -H "$auth" -H 'Content-Type: application/json' \
        -d '{"name":"dev-mode-check","scopes":["tasks:read"]}' "$gateway_url/api/v1/api-keys"
      local secret id
      secret="$(sed -n 's/.*"secret":"\([^"]*\)".*/\1/p' "$work/body")" id="$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' "$work/body")"
      [ -n "$secret" ] && [ -n "$id" ] || fail "gateway: no secret or id in the new API key: $(head -c 300 "$work/body")"
      expect 200 "GET /api/v1/tasks with the API key" -H "X-API-Key: $secret" "$gateway_url/api/v1/tasks?size=1"
      expect 204 "DELETE /api/v1/api-keys/{id}" -X DELETE -H "$auth" "$gateway_url/api/v1/api-keys/$id"
      return 0 ;;
  esac
  expect 401 "anonymous GET $path through the gateway" "$gateway_url$path"
  expect 200 "GET $path through the gateway as admin" -H "$auth" "$gateway_url$path"
}

# Dev mode looks for changed sources when a request comes, but at most every 2 s: ask until the answer changes.
await_probe() {
  local expected="$1" what="$2" url="$3" status deadline=$((SECONDS + 60))
  while status="$(curl -s --max-time 60 -o "$work/body" -w '%{http_code}' "$url")" && [ "$status" != "$expected" ]; do
    [ $SECONDS -lt $deadline ] || break
    sleep 0.5
  done
  [ "$status" = "$expected" ] || fail "$current: $what: expected $expected, got $status: $(head -c 300 "$work/body")"
  log "  $what: $status"
}

# Adds a resource class to SERVICE's source, asks for it (dev mode compiles and reloads on that request), deletes it.
live_reload() {
  local service="$1" port="$2" package_dir marker
  package_dir="$(find "$root/$service/src/main/java" -name rest -type d | head -n 1)"
  [ -n "$package_dir" ] || fail "$service: no rest package to put the probe in"
  probe_class_dir="$root/$service/target/classes/${package_dir#"$root/$service/src/main/java/"}"
  local package="${package_dir#"$root/$service/src/main/java/"}"
  package="${package//\//.}"
  marker="reloaded-$(date +%s%N)"
  expect 404 "GET /dev-mode-reload-probe before the change" "http://localhost:$port/dev-mode-reload-probe"
  probe_file="$package_dir/DevModeReloadProbe.java"
  cat >"$probe_file" <<JAVA
package $package;

// Written by deploy/local/dev-mode-check.sh to see a live reload, and deleted by it again.
@jakarta.ws.rs.Path("/dev-mode-reload-probe")
public class DevModeReloadProbe {
    @jakarta.ws.rs.GET
    @jakarta.annotation.security.PermitAll
    public String marker() {
        return "$marker";
    }
}
JAVA
  local started_ns=$(date +%s%N)
  await_probe 200 "GET /dev-mode-reload-probe after adding the class (live reload)" "http://localhost:$port/dev-mode-reload-probe"
  grep -qx "$marker" "$work/body" || fail "$service: the reloaded probe answered $(head -c 200 "$work/body")"
  log "  live reload: the new class answered $((($(date +%s%N) - started_ns) / 1000000)) ms after it was written"
  rm -f "$probe_file"
  await_probe 404 "GET /dev-mode-reload-probe after deleting the class (live reload)" "http://localhost:$port/dev-mode-reload-probe"
  remove_probe
}

for service in "${services[@]}"; do
  entry="$(service_entry "$service")" port="${entry##*:}"
  log "dev-mode-check: $service"
  current="$service"
  "$local_dir/stop.sh" "$service" </dev/null >"$work/stop-$service.log" 2>&1 ||
    { cat "$work/stop-$service.log" >&2; fail "stop.sh $service failed"; }
  ! port_open "$port" || fail "port $port is still taken after stop.sh $service"

  log "  deploy/maven.sh -pl $service quarkus:dev (log $work/$service-dev.log)"
  started=$SECONDS
  (
    cd "$root"
    # C1 only and a serial collector: Maven's own part of the start is mostly class loading, on two shared cores
    export MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
    # its own session, so that stopping it reaches Maven and the application JVM it forks, and nothing else
    # shellcheck disable=SC2016  # expanded by the inner bash
    exec setsid bash -c 'echo $$ >"$0" && exec "$@"' "$work/$service-dev.pid" \
      "$root/deploy/maven.sh" -B -pl "$service" quarkus:dev -Dquarkus.console.enabled=false -Ddebug=false \
      -Dquarkus.analytics.disabled=true -Dquarkus.test.continuous-testing=disabled -Dmaven.test.skip=true \
      "-Djvm.args=-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8"
  ) </dev/null >"$work/$service-dev.log" 2>&1 &
  until [ -s "$work/$service-dev.pid" ]; do sleep 0.05; done
  dev_session="$(cat "$work/$service-dev.pid")"

  deadline=$((SECONDS + ready_timeout))
  until body="$(curl -s --max-time 2 "http://localhost:$port/q/health/ready" 2>/dev/null)" &&
    [[ "$body" =~ \"status\":\ *\"UP\" ]]; do
    if [ -z "$(session_pids "$dev_session")" ]; then
      tail -n 40 "$work/$service-dev.log" >&2
      dev_session=""
      fail "mvn -pl $service quarkus:dev exited before it was ready"
    fi
    if [ $SECONDS -ge $deadline ]; then
      tail -n 40 "$work/$service-dev.log" >&2
      fail "$service in dev mode was not ready within $ready_timeout s (health: ${body:-no answer})"
    fi
    sleep 1
  done
  grep -q 'Profile dev activated' "$work/$service-dev.log" || fail "$service answers on $port, but not in dev mode"
  dev_took=$((SECONDS - started))
  log "  ready in dev mode on port $port after $dev_took s"

  authenticated_requests "$service"
  if $reload; then
    live_reload "$service" "$port"
    reload=false
  fi

  stop_dev_mode || exit 1
  ! port_open "$port" || fail "port $port is still taken after dev mode of $service stopped"
  log "  dev mode stopped; no process of it left"
  started=$SECONDS
  "$local_dir/run.sh" --background "$service" </dev/null >"$work/run-$service.log" 2>&1 ||
    { tail -n 20 "$work/run-$service.log" >&2; fail "run.sh --background $service failed"; }
  current=""
  # the packaged jar's start, measured right after on the same machine, is the reference for dev mode's
  jar_took=$((SECONDS - started))
  log "  the stack's $service is back (pid $(recorded_pid "$service")), ready after $jar_took s;" \
    "dev mode took $(awk -v d="$dev_took" -v j="$jar_took" 'BEGIN { printf "%.1f", d / (j > 0 ? j : 1) }')x that"
done
log "dev-mode-check: OK: ${services[*]} ran in dev mode against the local stack and answered with a token"
