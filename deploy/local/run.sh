#!/usr/bin/env bash
# Runs the whole backend locally without Docker: PostgreSQL (the machine's server, or an embedded one when none is
# reachable), a single-node Kafka broker and the four Quarkus services, each as a plain process.
#
#   deploy/local/run.sh [--background] [--rebuild] [--timeout SECONDS] [SERVICE...]
#
#   --background  return once everything is ready (stop later with deploy/local/stop.sh);
#                 by default it stays in the foreground and Ctrl-C (or SIGTERM) stops what it started
#   --rebuild     run the Maven build even if the jars exist (refused while the stack is running)
#   --timeout     how long to wait for readiness (default 180 s, or READY_TIMEOUT)
#   SERVICE       start only these (units-service, tasks-service, notifications-service, gateway), with the
#                 database, broker and mail server they need; e.g. put back the stack's copy of a service after
#                 working on it in dev mode: deploy/local/run.sh --background tasks-service
#
# Environment: PGHOST/PGPORT/PGUSER/PGPASSWORD (default 127.0.0.1:5432, postgres) name the PostgreSQL server;
# EMBEDDED_PG_PORT (5433) is the embedded fallback's port; SERVICE_JAVA_OPTS replaces the services' JVM flags.
# SMTP_HOST/SMTP_PORT/SMTP_USERNAME/SMTP_PASSWORD/SMTP_START_TLS name a real mail server; without SMTP_HOST a local
# GreenMail server catches every mail (SMTP 3025, IMAP 3143, HTTP API 8025: /api/user/<address>/messages/INBOX).
# Authentication: a local RSA key pair is made on first run (deploy/local/.data/keys); every service trusts it and
# deploy/local/token.sh prints tokens signed with it.
# Dev mode: run.sh writes the stack's database and mail settings and the webhook-secrets key to
# deploy/local/.data/dev.properties, which each service's %dev profile reads, so that `mvn -pl SERVICE quarkus:dev`
# can take the place of the stack's copy (stop that one first: deploy/local/stop.sh SERVICE).
# All runtime state (pids, logs, keys, Kafka and embedded PostgreSQL data) lives in deploy/local/.data.
set -euo pipefail

# shellcheck source=stack-lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/stack-lib.sh"

background=false
rebuild=false
ready_timeout="${READY_TIMEOUT:-180}"
selected=() # SERVICE arguments; none means all four
while [ $# -gt 0 ]; do
  case "$1" in
    --background) background=true; shift ;;
    --rebuild) rebuild=true; shift ;;
    --timeout) ready_timeout="${2:?--timeout needs a number of seconds}"; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo pipefail$/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) warn "run.sh: unknown option $1 (see --help)"; exit 2 ;;
    *) service_entry "$1" >/dev/null || { warn "run.sh: no service named $1 (see --help)"; exit 2; }
       selected+=("$1"); shift ;;
  esac
done
# The name:port entries to start: the domain services together, then the gateway.
start_domain=() start_gateway=()
for entry in "${domain_services[@]}"; do
  if [ ${#selected[@]} -eq 0 ] || [[ " ${selected[*]} " == *" ${entry%%:*} "* ]]; then start_domain+=("$entry"); fi
done
if [ ${#selected[@]} -eq 0 ] || [[ " ${selected[*]} " == *" ${gateway_service%%:*} "* ]]; then
  start_gateway=("$gateway_service")
fi

embedded_pg_port="${EMBEDDED_PG_PORT:-5433}"
infra_classpath="$infra_dir/target/classes:$infra_dir/target/lib/*"
infra_java=(java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 -cp "$infra_classpath")

started=()     # names this invocation started; the only ones it stops on failure or Ctrl-C
handed_over=false
t0="$(date +%s%N)"

elapsed() { echo $((($(date +%s%N) - t0) / 1000000000)); }

# On any failure, on Ctrl-C or SIGTERM, stop what this run started (services first, then the broker, then the
# database) unless the stack has been handed over (--background, or "already running").
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if ! $handed_over && [ ${#started[@]} -gt 0 ]; then
    log "Stopping what this run started..."
    stop_names "${started[@]}"
    any_service_running || rm -f "$db_choice_file"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$pid_dir" "$log_dir"
# Two run.sh starting at once would both find nothing running and start everything twice.
exec 9>"$data_dir/run.lock"
flock -n 9 || die "another run.sh is starting the stack right now; wait for it, or use stop.sh"

# --- build ----------------------------------------------------------------------------------------------------------

build_if_needed() {
  local entry missing=()
  for entry in "${domain_services[@]}" "$gateway_service"; do
    [ -f "$root/${entry%%:*}/target/quarkus-app/quarkus-run.jar" ] || missing+=("${entry%%:*}")
  done
  [ -d "$infra_dir/target/lib" ] || missing+=("deploy/local/infra/target/lib")
  [ -f "$greenmail_jar" ] || missing+=("deploy/local/infra/target/greenmail")
  for entry in LocalDatabases EmbeddedPostgresServer; do
    [ -f "$infra_dir/target/classes/cn/gov/supervision/localinfra/$entry.class" ] || missing+=("$entry.class")
  done
  if $rebuild; then
    for entry in "${domain_services[@]}" "$gateway_service"; do
      ! recorded_pid "${entry%%:*}" >/dev/null ||
        die "--rebuild while ${entry%%:*} is running would replace its jars under it; run stop.sh first"
    done
  elif [ ${#missing[@]} -eq 0 ]; then
    return 0
  else
    log "Not built yet: ${missing[*]}"
  fi
  log "Building (mvn -B -q package -DskipTests)..."
  local build_start=$SECONDS
  (cd "$root" && mvn -B -q package -DskipTests 9>&-) || die "the build failed"
  log "Built in $((SECONDS - build_start)) s"
  t0="$(date +%s%N)" # readiness time is reported without the build
}

# --- PostgreSQL -----------------------------------------------------------------------------------------------------

db_host="" db_port="" db_user="" db_password="" db_description=""

# Runs LocalDatabases against db_host:db_port; prints its report indented, its error as is.
local_databases() {
  local out status=0
  out="$(PGHOST="$db_host" PGPORT="$db_port" PGUSER="$db_user" PGPASSWORD="$db_password" \
    "${infra_java[@]}" cn.gov.supervision.localinfra.LocalDatabases "$@" 2>&1 9>&-)" || status=$?
  if [ "$status" -eq 0 ]; then
    printf '%s\n' "$out" | sed 's/^/  /'
  elif [ "$status" -ne 3 ] || [ "${quiet_unreachable:-false}" = false ]; then
    printf '%s\n' "$out" >&2
  fi
  return "$status"
}

any_service_running() {
  local entry
  for entry in "${domain_services[@]}" "$gateway_service"; do
    if recorded_pid "${entry%%:*}" >/dev/null; then return 0; fi
  done
  return 1
}

start_embedded_postgres() {
  local port="$1" deadline
  stop_orphan_postmaster # from an earlier run whose launcher was killed outright
  if port_open "$port"; then
    die "port $port, meant for the embedded PostgreSQL server, is taken by another process; set EMBEDDED_PG_PORT"
  fi
  mkdir -p "$pg_data_dir" "$data_dir/postgres-bin"
  start_managed postgres -- "${infra_java[@]}" cn.gov.supervision.localinfra.EmbeddedPostgresServer \
    --port "$port" --data-dir "$pg_data_dir" --work-dir "$data_dir/postgres-bin"
  # The first start unpacks the binaries and runs initdb: allow for that.
  deadline=$((SECONDS + 120))
  until port_open "$port"; do
    recorded_pid postgres >/dev/null || fail_with_log postgres "exited during start-up"
    [ $SECONDS -lt $deadline ] || fail_with_log postgres "did not open port $port within 120 s"
    sleep 0.5
  done
  db_host=127.0.0.1 db_port="$port" db_user=postgres db_password=""
  local_databases --wait 30 || fail_with_log postgres "does not accept the databases"
  db_description="the embedded server, started by run.sh, data in ${pg_data_dir#"$root/"}"
}

ensure_postgres() {
  local pid status=0 kind="" choice=()
  if any_service_running && [ -s "$db_choice_file" ]; then
    read -ra choice <"$db_choice_file"
    kind="${choice[0]}"
  fi

  if pid="$(recorded_pid postgres)"; then
    db_host=127.0.0.1 db_user=postgres db_password=""
    db_port="$(sed -n 4p "$pg_data_dir/postmaster.pid" 2>/dev/null)" # PostgreSQL records its port there
    [ -n "$db_port" ] || db_port="$embedded_pg_port"
    local_databases --wait 30 || die "the embedded PostgreSQL server (pid $pid) does not answer; run stop.sh first"
    db_description="the embedded server (pid $pid, started earlier), data in ${pg_data_dir#"$root/"}"
  elif [ "$kind" = embedded ]; then
    log "  the running services use the embedded PostgreSQL server, whose launcher is gone: restarting it"
    start_embedded_postgres "${choice[1]}"
  elif [ "$kind" = server ]; then
    db_host="${choice[1]}" db_port="${choice[2]}" db_user="${choice[3]}" db_password="${PGPASSWORD:-}"
    local_databases || die "the running services use PostgreSQL at $db_host:$db_port, which cannot be used now"
    db_description="the server the running services use"
  else
    db_host="${PGHOST:-127.0.0.1}" db_port="${PGPORT:-5432}" db_user="${PGUSER:-postgres}" db_password="${PGPASSWORD:-}"
    # libpq accepts a socket directory here; JDBC (and so the services) cannot use one
    [[ "$db_host" != /* ]] || die "PGHOST=$db_host is a Unix socket directory; give a TCP host such as 127.0.0.1"
    quiet_unreachable=true local_databases || status=$?
    case "$status" in
      0) db_description="the machine's server" ;;
      3) log "  no PostgreSQL at $db_host:$db_port: falling back to an embedded server on port $embedded_pg_port"
         start_embedded_postgres "$embedded_pg_port" ;;
      *) die "PostgreSQL at $db_host:$db_port cannot be used (see above); fix PGHOST/PGPORT/PGUSER/PGPASSWORD" ;;
    esac
  fi

  if recorded_pid postgres >/dev/null; then
    echo "embedded $db_port" >"$db_choice_file"
  else
    echo "server $db_host $db_port $db_user" >"$db_choice_file"
  fi
}

# --- Kafka ----------------------------------------------------------------------------------------------------------

kafka_description=""

ensure_kafka() {
  local pid deadline
  if pid="$(recorded_pid kafka)"; then
    kafka_description="pid $pid, started by an earlier run.sh"
  elif port_open "$kafka_port"; then
    # Someone else's broker: use it, and never stop it (stop.sh only acts on pid files).
    kafka_description="reused: it was already listening and is not ours to stop"
    return 0
  else
    start_managed kafka -- "$local_dir/kafka.sh" run --port "$kafka_port" --controller-port "$kafka_controller_port" \
      --data-dir "$data_dir/kafka"
    kafka_description="started by run.sh, data in ${data_dir#"$root/"}/kafka"
  fi
  deadline=$((SECONDS + 90))
  until port_open "$kafka_port"; do
    recorded_pid kafka >/dev/null || fail_with_log kafka "exited during start-up"
    [ $SECONDS -lt $deadline ] || fail_with_log kafka "did not open port $kafka_port within 90 s"
    sleep 0.5
  done
}

# --- SMTP -----------------------------------------------------------------------------------------------------------

smtp_description="" smtp_env=()
greenmail_jar="$infra_dir/target/greenmail/greenmail-standalone.jar"

ensure_smtp() {
  if [ -n "${SMTP_HOST:-}" ]; then
    smtp_env=(QUARKUS_MAILER_HOST="$SMTP_HOST" QUARKUS_MAILER_PORT="${SMTP_PORT:-25}"
      QUARKUS_MAILER_START_TLS="${SMTP_START_TLS:-OPTIONAL}")
    [ -z "${SMTP_USERNAME:-}" ] || smtp_env+=(QUARKUS_MAILER_USERNAME="$SMTP_USERNAME" QUARKUS_MAILER_PASSWORD="${SMTP_PASSWORD:-}")
    smtp_description="$SMTP_HOST:${SMTP_PORT:-25} (SMTP_HOST)"
    return 0
  fi
  smtp_env=(QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT=3025 QUARKUS_MAILER_START_TLS=DISABLED)
  if ! recorded_pid greenmail >/dev/null; then
    port_open 3025 && die "port 3025, meant for the local SMTP server, is taken; stop that or set SMTP_HOST"
    [ -f "$greenmail_jar" ] || die "$greenmail_jar is missing; run with --rebuild"
    start_managed greenmail -- java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
      -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
      -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=8025 -jar "$greenmail_jar"
  fi
  local deadline=$((SECONDS + 60))
  until port_open 3025; do
    recorded_pid greenmail >/dev/null || fail_with_log greenmail "exited during start-up"
    [ $SECONDS -lt $deadline ] || fail_with_log greenmail "did not open port 3025 within 60 s"
    sleep 0.5
  done
  smtp_description="local GreenMail: SMTP 127.0.0.1:3025, IMAP 3143, mails at http://127.0.0.1:8025/api/user/<address>/messages/INBOX"
}

# --- dev mode -------------------------------------------------------------------------------------------------------

# Writes what this stack gives its services and a %dev profile cannot know by itself (which PostgreSQL, which mail
# server, the webhook-secrets key) to dev.properties, readable by its owner only: the key is a secret. The keys for
# tokens are files already, which the %dev profiles name directly.
write_dev_properties() {
  local setting name value lines=()
  # properties format: a backslash escapes, so double every one in the values
  lines+=("local-stack.jdbc-url-prefix=jdbc:postgresql://$db_host:$db_port/" "local-stack.database-user=$db_user"
    "local-stack.database-password=${db_password//\\/\\\\}")
  for setting in "${smtp_env[@]}"; do
    name="${setting%%=*}" value="${setting#*=}"
    name="${name#QUARKUS_MAILER_}" name="${name//_/-}"
    lines+=("local-stack.mail.${name,,}=${value//\\/\\\\}")
  done
  lines+=("local-stack.webhook-secrets-key=$(cat "$secrets_key_file")")
  (
    umask 077
    {
      echo "# Written by deploy/local/run.sh on every start; read by the services' %dev profiles (quarkus:dev)."
      printf '%s\n' "${lines[@]}"
    } >"$dev_properties_file.tmp"
  ) && mv "$dev_properties_file.tmp" "$dev_properties_file"
}

# --- services -------------------------------------------------------------------------------------------------------

start_service() {
  local name="${1%%:*}" port="${1##*:}" env=()
  if recorded_pid "$name" >/dev/null; then
    log "  $name already running (pid $(recorded_pid "$name"))"
    return 0
  fi
  if port_open "$port"; then
    die "port $port, meant for $name, is taken by a process run.sh did not start; stop that first"
  fi
  service_settings "$name" "$port" "127.0.0.1:$kafka_port"
  env=("${service_env[@]}")
  start_managed "$name" "${env[@]}" -- java "${service_java_opts[@]}" \
    -jar "$root/$name/target/quarkus-app/quarkus-run.jar"
}

# Waits until every NAME:PORT answers UP on /q/health/ready; fails fast if one of them exits.
await_ready() {
  local deadline="$1"; shift
  local pending=("$@") still entry name port body=""
  while [ ${#pending[@]} -gt 0 ]; do
    still=()
    for entry in "${pending[@]}"; do
      name="${entry%%:*}" port="${entry##*:}"
      recorded_pid "$name" >/dev/null || fail_with_log "$name" "exited during start-up"
      body="$(curl -s --max-time 2 "http://localhost:$port/q/health/ready" 2>/dev/null)" || body=""
      if [[ "$body" =~ \"status\":\ *\"UP\" ]]; then
        log "  $name ready after $(elapsed) s"
      else
        still+=("$entry")
      fi
    done
    pending=("${still[@]}")
    [ ${#pending[@]} -gt 0 ] || break
    if [ $SECONDS -ge "$deadline" ]; then
      entry="${pending[0]}"
      body="$(curl -s --max-time 2 "http://localhost:${entry##*:}/q/health/ready" 2>/dev/null)" || body=""
      fail_with_log "${entry%%:*}" "not ready within $ready_timeout s (health: ${body:-no answer})"
    fi
    sleep 0.5
  done
}

print_summary() {
  local entry name port
  log ""
  log "Local stack ready ($(elapsed) s):"
  for entry in "${start_gateway[@]}" "${start_domain[@]}"; do
    name="${entry%%:*}" port="${entry##*:}"
    printf '  %-22s http://localhost:%s  Swagger UI http://localhost:%s/q/swagger-ui  health http://localhost:%s/q/health\n' \
      "$name" "$port" "$port" "$port"
  done
  printf '  %-22s %s:%s, user %s (%s)\n' PostgreSQL "$db_host" "$db_port" "$db_user" "$db_description"
  printf '  %-22s 127.0.0.1:%s (%s)\n' Kafka "$kafka_port" "$kafka_description"
  printf '  %-22s %s\n' Mail "$smtp_description"
  printf '  %-22s %s/<name>.log\n' Logs "$log_dir"
  if $background; then
    log "Stop it with deploy/local/stop.sh"
  else
    log "Press Ctrl-C to stop what this run started."
  fi
}

# Ports that run.sh is about to use but some other process holds: say so before starting anything.
check_ports() {
  local entry
  for entry in "${start_domain[@]}" "${start_gateway[@]}"; do
    if ! recorded_pid "${entry%%:*}" >/dev/null && port_open "${entry##*:}"; then
      die "port ${entry##*:}, meant for ${entry%%:*}, is taken by a process run.sh did not start; stop that first"
    fi
  done
  if ! recorded_pid kafka >/dev/null && ! port_open "$kafka_port" && port_open "$kafka_controller_port"; then
    die "port $kafka_controller_port, meant for the Kafka controller, is taken by another process; stop that first"
  fi
}

# --- main -----------------------------------------------------------------------------------------------------------

check_ports
build_if_needed
deadline=$((SECONDS + ready_timeout))
log "Infrastructure:"
ensure_postgres
log "  using $db_description"
ensure_kafka
log "  Kafka 127.0.0.1:$kafka_port: $kafka_description"

ensure_smtp
log "  mail: $smtp_description"

log "Keys:"
ensure_jwt_keys || die "no signing key for the local stack"
ensure_secrets_key || die "no key for webhook secrets in the local stack"
log "  tokens: deploy/local/token.sh <admin|supervisor|viewer|unit UNIT_ID> (key pair in ${jwt_key_dir#"$root/"})"
write_dev_properties || die "could not write ${dev_properties_file#"$root/"}"

log "Services:"
for entry in "${start_domain[@]}"; do
  start_service "$entry"
done
[ ${#start_domain[@]} -eq 0 ] || await_ready "$deadline" "${start_domain[@]}"
for entry in "${start_gateway[@]}"; do
  start_service "$entry"
  await_ready "$deadline" "$entry"
done

if [ ${#started[@]} -eq 0 ]; then
  log "The local stack was already running${selected[0]:+ (${selected[*]})}; nothing started."
  background=true # a second run must not take over the first one's processes
fi
print_summary
flock -u 9

if $background; then
  handed_over=true
  exit 0
fi

# Foreground: stay until Ctrl-C/SIGTERM (the traps stop what we started) or until all of it is gone (stop.sh).
declare -A reported=()
while :; do
  any_alive=false
  for name in "${started[@]}"; do
    if recorded_pid "$name" >/dev/null; then
      any_alive=true
    elif [ -z "${reported[$name]:-}" ]; then
      reported[$name]=1
      # stop.sh holds the lock while it stops processes and removes their pid files: that is no news. Anything else is.
      if [ -e "$pid_dir/$name.pid" ] && flock -n 9; then
        flock -u 9
        warn "run.sh: $name has stopped; last lines of $log_dir/$name.log:"
        tail -n 20 "$log_dir/$name.log" >&2 2>/dev/null || true
      fi
    fi
  done
  if ! $any_alive; then
    log "Everything this run started has stopped."
    handed_over=true
    exit 0
  fi
  sleep 1 &
  wait $! || true
done
