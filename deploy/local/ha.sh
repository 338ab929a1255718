#!/usr/bin/env bash
# The multi-node run on one machine: what the Kubernetes manifests describe, as plain processes on loopback ports of
# its own, so that it never collides with run.sh's stack (they can run side by side) and deploy/local/faults.sh can
# kill any part of it.
#
#   deploy/local/ha.sh start [--infra-only] [--timeout SECONDS]
#   deploy/local/ha.sh stop
#   deploy/local/ha.sh status
#
#   start         3 Kafka nodes, PostgreSQL (primary and streaming replica), GreenMail, and 2 replicas of every
#                 service; returns once all of them are ready (default timeout 600 s, or READY_TIMEOUT)
#   --infra-only  only Kafka, PostgreSQL and GreenMail: what deploy/k8s/kube-play.sh --kafka runs the podman pods on
#   stop          stops exactly what start recorded (services, then Kafka, then PostgreSQL); data is kept
#   status        what is recorded and whether it is alive
#
# What runs, and where (127.0.0.1 only):
#   Kafka        nodes 1-3, each broker and controller: brokers 9192-9194, controllers 9195-9197; topics get 3
#                replicas and min.insync.replicas 2 (kafka.sh)
#   PostgreSQL   Debian's PostgreSQL 15 (/usr/lib/postgresql/15/bin, PG_BIN): primary 5490, streaming replica 5491
#                (hot standby); databases units, tasks, notifications, gateway on the primary; the services use the
#                primary only (failing over to the replica is an operator's job, CloudNativePG's in the manifests)
#   GreenMail    SMTP 3125, IMAP 3243, HTTP API 8125
#   services     units-service 8181+8191, tasks-service 8182+8192, notifications-service 8183+8193,
#                gateway 8180+8190 (each gateway balances over both replicas of every service)
# State, pids and logs in deploy/local/.data/ha; tokens from deploy/local/token.sh (the same key pair as run.sh's).
# Needs root (PostgreSQL runs as the postgres user) or a user that can run initdb itself.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
stack_data_dir="$here/.data/ha"
# shellcheck source=stack-lib.sh
source "$here/stack-lib.sh"

usage() { sed -n '2,/^set -euo pipefail$/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }
command="${1:-}"; [ $# -eq 0 ] || shift
infra_only=false
ready_timeout="${READY_TIMEOUT:-600}"
while [ $# -gt 0 ]; do
  case "$1" in
    --infra-only) infra_only=true; shift ;;
    --timeout) ready_timeout="${2:?--timeout needs a number of seconds}"; shift 2 ;;
    *) warn "ha.sh: unknown option $1"; usage >&2; exit 2 ;;
  esac
done

# --- the layout (faults.sh sources this file with HA_LAYOUT_ONLY=1 to read it) ---------------------------------------
kafka_nodes=(1:9192:9195 2:9193:9196 3:9194:9197) # node id : broker port : controller port
kafka_bootstrap="127.0.0.1:9192,127.0.0.1:9193,127.0.0.1:9194"
kafka_voters="1@127.0.0.1:9195,2@127.0.0.1:9196,3@127.0.0.1:9197"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
pg_primary_port=5490 pg_replica_port=5491
pg_primary_dir="$data_dir/pg-primary" pg_replica_dir="$data_dir/pg-replica"
smtp_port=3125 imap_port=3243 mail_api_port=8125
# name-of-process:port; the service is the name without its -1/-2 suffix
ha_domain=(units-service-1:8181 units-service-2:8191 tasks-service-1:8182 tasks-service-2:8192
  notifications-service-1:8183 notifications-service-2:8193)
ha_gateways=(gateway-1:8180 gateway-2:8190)
databases=(units tasks notifications gateway)
[ -z "${HA_LAYOUT_ONLY:-}" ] || return 0

# Services a little smaller than run.sh's (eight JVMs share the machine), unless SERVICE_JAVA_OPTS says otherwise.
[ -n "${SERVICE_JAVA_OPTS:-}" ] || service_java_opts=(-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1
  -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8)

replica_urls() { # replica_urls SERVICE: the base URLs of its replicas, comma-separated
  local entry urls=()
  for entry in "${ha_domain[@]}"; do
    [ "${entry%-[0-9]:*}" = "$1" ] && urls+=("http://127.0.0.1:${entry##*:}")
  done
  (IFS=,; printf '%s\n' "${urls[*]}")
}

# PostgreSQL runs as the postgres user when we are root (it refuses root); setpriv execs it, so the recorded pid is the
# postmaster itself.
as_postgres_prefix=()
[ "$(id -u)" -ne 0 ] || as_postgres_prefix=(setpriv --reuid=postgres --regid=postgres --init-groups --)
as_postgres() { "${as_postgres_prefix[@]}" "$@"; }
own_for_postgres() { if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$@"; fi; }

await_port() { # await_port NAME PORT SECONDS
  local deadline=$((SECONDS + $3))
  until port_open "$2"; do
    recorded_pid "$1" >/dev/null || fail_with_log "$1" "exited during start-up"
    [ $SECONDS -lt $deadline ] || fail_with_log "$1" "did not open port $2 within $3 s"
    sleep 0.5
  done
}

start_postgres() {
  [ -x "$pg_bin/postgres" ] || die "no PostgreSQL binaries in $pg_bin (Debian's postgresql-15; or set PG_BIN)"
  if ! recorded_pid pg-primary >/dev/null; then
    port_open $pg_primary_port && die "port $pg_primary_port, meant for the HA PostgreSQL primary, is taken"
    if [ ! -f "$pg_primary_dir/PG_VERSION" ]; then
      mkdir -p "$pg_primary_dir"; own_for_postgres "$pg_primary_dir"; chmod 700 "$pg_primary_dir"
      as_postgres "$pg_bin/initdb" -D "$pg_primary_dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
      # loopback only, trust (a throw-away cluster on a developer's machine, like the embedded one); the replica
      # streams with the same user; eight service JVMs with pools of up to 20 connections, plus kube-play.sh's four
      cat >>"$pg_primary_dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 300
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
hot_standby = on
CONF
      printf 'host all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n' >"$pg_primary_dir/pg_hba.conf"
    fi
    start_managed pg-primary -- "${as_postgres_prefix[@]}" "$pg_bin/postgres" -D "$pg_primary_dir" -p $pg_primary_port
  fi
  await_port pg-primary $pg_primary_port 60
  until as_postgres "$pg_bin/pg_isready" -q -h 127.0.0.1 -p $pg_primary_port; do sleep 0.5; done
  local db
  for db in "${databases[@]}"; do
    if [ -z "$(psql -h 127.0.0.1 -p $pg_primary_port -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname='$db'")" ]; then
      psql -q -h 127.0.0.1 -p $pg_primary_port -U postgres -c "CREATE DATABASE $db" >/dev/null
    fi
  done
  if ! recorded_pid pg-replica >/dev/null; then
    port_open $pg_replica_port && die "port $pg_replica_port, meant for the HA PostgreSQL replica, is taken"
    if [ ! -f "$pg_replica_dir/PG_VERSION" ]; then
      mkdir -p "$pg_replica_dir"; own_for_postgres "$pg_replica_dir"; chmod 700 "$pg_replica_dir"
      # -R writes standby.signal and primary_conninfo: a streaming replica from the first start; a fast checkpoint,
      # since the default spread one makes the copy of a primary made a moment ago wait minutes
      as_postgres "$pg_bin/pg_basebackup" -h 127.0.0.1 -p $pg_primary_port -U postgres -D "$pg_replica_dir" -R -X stream \
        --checkpoint=fast
    fi
    start_managed pg-replica -- "${as_postgres_prefix[@]}" "$pg_bin/postgres" -D "$pg_replica_dir" -p $pg_replica_port
  fi
  await_port pg-replica $pg_replica_port 60
  db_host=127.0.0.1 db_port=$pg_primary_port db_user=postgres db_password=""
  log "  PostgreSQL primary 127.0.0.1:$pg_primary_port, streaming replica 127.0.0.1:$pg_replica_port"
}

start_kafka() {
  local node id broker controller cluster_id_file="$data_dir/kafka-cluster-id" cluster_id
  if [ ! -s "$cluster_id_file" ]; then
    [ -d "$infra_dir/target/lib" ] || die "the broker's libraries are missing in $infra_dir/target/lib; run run.sh --rebuild"
    java -cp "$infra_dir/target/lib/*" kafka.tools.StorageTool random-uuid >"$cluster_id_file"
  fi
  cluster_id="$(cat "$cluster_id_file")"
  for node in "${kafka_nodes[@]}"; do
    IFS=: read -r id broker controller <<<"$node"
    recorded_pid "kafka-$id" >/dev/null && continue
    port_open "$broker" && die "port $broker, meant for Kafka node $id, is taken"
    start_managed "kafka-$id" -- "$local_dir/kafka.sh" run --port "$broker" --controller-port "$controller" \
      --node-id "$id" --voters "$kafka_voters" --cluster-id "$cluster_id" --heap 384m --data-dir "$data_dir/kafka-$id"
  done
  for node in "${kafka_nodes[@]}"; do
    IFS=: read -r id broker controller <<<"$node"
    await_port "kafka-$id" "$broker" 180
  done
  log "  Kafka $kafka_bootstrap (3 nodes, controllers ${kafka_voters})"
}

start_greenmail() {
  local jar="$infra_dir/target/greenmail/greenmail-standalone.jar"
  if ! recorded_pid greenmail >/dev/null; then
    port_open $smtp_port && die "port $smtp_port, meant for GreenMail, is taken"
    [ -f "$jar" ] || die "$jar is missing; run deploy/local/run.sh --rebuild"
    start_managed greenmail -- java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
      -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=$smtp_port \
      -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port=$imap_port -Dgreenmail.auth.disabled \
      -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=$mail_api_port -jar "$jar"
  fi
  await_port greenmail $smtp_port 60
  smtp_env=(QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT=$smtp_port QUARKUS_MAILER_START_TLS=DISABLED)
  log "  GreenMail SMTP 127.0.0.1:$smtp_port, mails at http://127.0.0.1:$mail_api_port/api/user/<address>/messages/INBOX"
}

start_ha_service() {
  local name="${1%%:*}" port="${1##*:}" service
  service="${name%-[0-9]}"
  recorded_pid "$name" >/dev/null && return 0
  port_open "$port" && die "port $port, meant for $name, is taken by a process ha.sh did not start"
  service_settings "$service" "$port" "$kafka_bootstrap"
  case "$service" in
    gateway)
      service_env+=(GATEWAY_UPSTREAMS_UNITS_URL="$(replica_urls units-service)"
        GATEWAY_UPSTREAMS_TASKS_URL="$(replica_urls tasks-service)"
        GATEWAY_UPSTREAMS_NOTIFICATIONS_URL="$(replica_urls notifications-service)") ;;
    # the importer's calls to units-service go to its first replica (one URL; the gateway is the balancer)
    tasks-service) service_env+=(UNITS_SERVICE_URL="http://127.0.0.1:8181") ;;
    # a lease of 20 s and short backoffs, so that a replica killed in the middle of delivery is taken over, and a
    # mail server that comes back is used again, within the fault suite's bounds (the defaults are 2 min and 30 s)
    notifications-service) service_env+=(NOTIFICATIONS_PUBLIC_BASE_URL="http://127.0.0.1:8180"
        NOTIFICATIONS_DELIVERY_LEASE=20s NOTIFICATIONS_DELIVERY_POLL_INTERVAL=1s
        NOTIFICATIONS_DELIVERY_INITIAL_BACKOFF=2s NOTIFICATIONS_DELIVERY_MAX_BACKOFF=10s) ;;
  esac
  start_managed "$name" "${service_env[@]}" -- java "${service_java_opts[@]}" \
    -jar "$root/$service/target/quarkus-app/quarkus-run.jar"
}

await_ha_ready() { # await_ha_ready DEADLINE NAME:PORT...
  local deadline="$1" entry body still; shift
  local pending=("$@")
  while [ ${#pending[@]} -gt 0 ]; do
    still=()
    for entry in "${pending[@]}"; do
      recorded_pid "${entry%%:*}" >/dev/null || fail_with_log "${entry%%:*}" "exited during start-up"
      body="$(curl -s --max-time 2 "http://127.0.0.1:${entry##*:}/q/health/ready" 2>/dev/null)" || body=""
      if [[ "$body" =~ \"status\":\ *\"UP\" ]]; then log "  ${entry%%:*} ready after $((SECONDS - t0)) s"; else still+=("$entry"); fi
    done
    pending=("${still[@]}")
    [ ${#pending[@]} -eq 0 ] && break
    [ $SECONDS -lt "$deadline" ] || fail_with_log "${pending[0]%%:*}" "not ready within $ready_timeout s"
    sleep 1
  done
}

# Stops the NAMES given (all of the stack by default) in order: services and GreenMail, then Kafka, then PostgreSQL.
stop_ha() {
  local all=(gateway-1 gateway-2 "${ha_domain[@]%%:*}" greenmail kafka-1 kafka-2 kafka-3 pg-replica pg-primary)
  local chosen=("${@:-${all[@]}}") name pid group
  for group in services kafka postgres; do
    local names=()
    for name in "${chosen[@]}"; do
      case "$name:$group" in kafka-*:kafka | pg-*:postgres) names+=("$name") ;;
        kafka-*:* | pg-*:*) ;;
        *:services) names+=("$name") ;;
      esac
    done
    [ ${#names[@]} -gt 0 ] || continue
    if [ "$group" != postgres ]; then stop_names "${names[@]}"; continue; fi
    # PostgreSQL: SIGINT is its fast shutdown (SIGTERM would wait for every client to leave); the replica first
    for name in pg-replica pg-primary; do
      [[ " ${names[*]} " == *" $name "* ]] || continue
      if pid="$(recorded_pid "$name")"; then log "  stopping $name (pid $pid)"; terminate_pids INT "$pid"; fi
      rm -f "$pid_dir/$name.pid"
    done
  done
}

case "$command" in
  start)
    mkdir -p "$pid_dir" "$log_dir"
    exec 9>"$data_dir/run.lock"
    flock -n 9 || die "another ha.sh is starting or stopping the HA stack right now"
    handed_over=false
    trap 'status=$?; if ! $handed_over && [ ${#started[@]} -gt 0 ]; then log "Stopping what this start started..."; stop_ha "${started[@]}"; fi; exit $status' EXIT
    trap 'exit 130' INT; trap 'exit 143' TERM
    t0=$SECONDS
    deadline=$((SECONDS + ready_timeout))
    $infra_only || for entry in "${ha_domain[@]}" "${ha_gateways[@]}"; do
      service="${entry%%:*}"; service="${service%-[0-9]}"
      [ -f "$root/$service/target/quarkus-app/quarkus-run.jar" ] || die "$service is not built; run deploy/local/run.sh --rebuild, or mvn -B package -DskipTests"
    done
    log "HA infrastructure:"
    ensure_jwt_keys || die "no signing key"
    ensure_secrets_key || die "no key for webhook secrets"
    start_postgres
    start_kafka
    start_greenmail
    if ! $infra_only; then
      log "Services (2 replicas each):"
      for entry in "${ha_domain[@]}"; do start_ha_service "$entry"; done
      await_ha_ready "$deadline" "${ha_domain[@]}"
      for entry in "${ha_gateways[@]}"; do start_ha_service "$entry"; done
      await_ha_ready "$deadline" "${ha_gateways[@]}"
    fi
    handed_over=true
    log "HA stack ready ($((SECONDS - t0)) s)${infra_only:+}; gateways http://127.0.0.1:8180 and :8190; stop it with deploy/local/ha.sh stop"
    ;;
  stop)
    mkdir -p "$pid_dir"
    exec 9>"$data_dir/run.lock"
    flock -w 300 9 || die "ha.sh start still holds the lock after 300 s"
    log "Stopping the HA stack:"
    stop_ha
    log "Stopped. Data kept in ${data_dir#"$root/"}."
    ;;
  status)
    for name in $(recorded_names); do
      if pid="$(recorded_pid "$name")"; then log "  $name running (pid $pid)"; else log "  $name recorded, not running"; fi
    done ;;
  -h | --help) usage ;;
  *) usage >&2; exit 2 ;;
esac
