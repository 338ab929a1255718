# Shared by run.sh, stop.sh and smoke-test.sh (sourced, not run): where the local stack keeps its state and how a
# recorded PID is told apart from an unrelated process that happens to reuse it. Everything here acts only on PIDs
# recorded under .data/pids (and the embedded server's own postmaster.pid), never on processes found by name:
# other people run Java processes, Kafka brokers and PostgreSQL on the same machine.
# shellcheck shell=bash
# shellcheck disable=SC2034  # the settings below are used by the scripts that source this file

local_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The repository root is the folder whose pom.xml is the aggregator (supervision-parent) itself, not a module naming it
# as its <parent>, wherever this script lives.
root="$(d="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; until sed '/<parent>/,/<\/parent>/d' "$d/pom.xml" 2>/dev/null | grep -s '<artifactId>supervision-parent</artifactId>' >/dev/null || [ "$d" = / ]; do d="$(dirname "$d")"; done; printf %s "$d")"
[ "$root" != / ] || { echo "cannot find the repository root (the pom.xml of supervision-parent) above $0" >&2; exit 1; }
# ha.sh sets stack_data_dir (.data/ha) before sourcing this, so that its state, pids and logs never mix with run.sh's.
data_dir="${stack_data_dir:-$local_dir/.data}"
pid_dir="$data_dir/pids"
log_dir="$data_dir/logs"
infra_dir="$local_dir/infra"
pg_data_dir="$data_dir/postgres"
# Which PostgreSQL the running services use ("server HOST PORT USER" or "embedded PORT"), so that a service restarted
# by a later run.sh joins its siblings' databases instead of deciding afresh.
db_choice_file="$pid_dir/postgres.choice"

# name:port; the three domain services start together, the gateway after them
domain_services=(units-service:8081 tasks-service:8082 notifications-service:8083)
gateway_service=gateway:8080
kafka_port=9092
kafka_controller_port=9093

# Prints the name:port entry of the service NAME; fails for anything else.
service_entry() {
  local entry
  for entry in "${domain_services[@]}" "$gateway_service"; do
    if [ "${entry%%:*}" = "$1" ]; then printf '%s\n' "$entry"; return 0; fi
  done
  return 1
}

# Bearer tokens in the local stack: a key pair made on first use (ensure_jwt_keys), never committed (.data is ignored).
# Every service trusts the public key; the gateway signs API-key tokens with the private one, token.sh people's tokens.
# SUPERVISION_JWT_KEY_DIR points elsewhere, for a stack of its own (the gateway benchmark).
jwt_key_dir="${SUPERVISION_JWT_KEY_DIR:-$local_dir/.data/keys}"
jwt_issuer="https://supervision.local/issuer"
jwt_audience="supervision" # what every service accepts in aud (mp.jwt.verify.audiences)
secrets_key_file="$jwt_key_dir/notifications-secrets.key"
# The running stack's settings for the services' %dev profiles (written by run.sh; see its --help)
dev_properties_file="$data_dir/dev.properties"

# Grace period before SIGKILL; Quarkus, Kafka and PostgreSQL all shut down cleanly well within it.
stop_timeout="${STOP_TIMEOUT:-30}"

log() { printf '%s\n' "$*"; }
warn() { printf '%s\n' "$*" >&2; }

# Is PID alive and part of this checkout's stack? Every process we start names a path inside the checkout on its
# command line (jar, classpath, kafka.sh or data directory), so a recycled PID fails this test. Zombies have an empty
# command line and count as gone.
our_pid() {
  local pid="$1" cmdline
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  cmdline="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" || return 1
  [[ "$cmdline" == *"$root/"* ]]
}

# Prints the recorded PID of NAME if that process is still ours and alive.
recorded_pid() {
  local pid
  pid="$(cat "$pid_dir/$1.pid" 2>/dev/null)" || return 1
  our_pid "$pid" || return 1
  printf '%s\n' "$pid"
}

# Names that have a pid file.
recorded_names() {
  local file
  for file in "$pid_dir"/*.pid; do
    [ -e "$file" ] && basename "$file" .pid
  done
  return 0
}

# Does something accept TCP connections on 127.0.0.1:PORT? (bash's /dev/tcp: no nc or ss needed)
port_open() {
  # shellcheck disable=SC2016  # $0 is expanded by the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"' "$1" 2>/dev/null
}

# Sends SIGNAL to PIDS (and to any child of theirs that is still part of our stack), waits up to stop_timeout for all
# of them to be gone, then SIGKILLs what is left.
terminate_pids() {
  local signal="$1"; shift
  local pid child targets=() alive=() deadline
  for pid in "$@"; do
    our_pid "$pid" || continue
    targets+=("$pid")
    # e.g. kafka.sh's one-off storage formatter: a child that a signal to the shell alone would orphan
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
      if our_pid "$child"; then targets+=("$child"); fi
    done
  done
  [ ${#targets[@]} -gt 0 ] || return 0
  kill "-$signal" "${targets[@]}" 2>/dev/null || true
  deadline=$((SECONDS + stop_timeout))
  while :; do
    alive=()
    for pid in "${targets[@]}"; do
      if our_pid "$pid"; then alive+=("$pid"); fi
    done
    [ ${#alive[@]} -gt 0 ] || return 0
    if [ $SECONDS -ge $deadline ]; then
      break
    fi
    sleep 0.2
  done
  warn "  still running after ${stop_timeout} s, sending SIGKILL to: ${alive[*]}"
  kill -KILL "${alive[@]}" 2>/dev/null || true
  deadline=$((SECONDS + 5))
  while [ $SECONDS -lt $deadline ]; do
    targets=("${alive[@]}"); alive=()
    for pid in "${targets[@]}"; do
      if our_pid "$pid"; then alive+=("$pid"); fi
    done
    [ ${#alive[@]} -gt 0 ] || return 0
    sleep 0.2
  done
}

# The embedded server's postmaster is a daemon of its own (pg_ctl detaches it): if its JVM was killed outright, the
# postmaster outlives it. PostgreSQL records it in the data directory; stop it the way pg_ctl would (SIGINT is
# PostgreSQL's "fast" shutdown).
stop_orphan_postmaster() {
  local pid
  pid="$(head -n 1 "$pg_data_dir/postmaster.pid" 2>/dev/null)" || return 0
  our_pid "$pid" || return 0
  tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "-D $pg_data_dir" || return 0
  log "  stopping the embedded PostgreSQL server that outlived its launcher (pid $pid)"
  terminate_pids INT "$pid"
}

# Stops the recorded processes NAMES and removes their pid files: services and other helpers together first, then
# Kafka, then PostgreSQL, so that nothing loses its broker or database while it is still shutting down.
stop_names() {
  local name pid pids=() labels=()
  for name in "$@"; do
    case "$name" in kafka | postgres) continue ;; esac
    if pid="$(recorded_pid "$name")"; then
      pids+=("$pid"); labels+=("$name (pid $pid)")
    fi
  done
  if [ ${#pids[@]} -gt 0 ]; then
    log "  stopping ${labels[*]}"
    terminate_pids TERM "${pids[@]}"
  fi
  for name in "$@"; do
    case "$name" in kafka | postgres) ;; *) rm -f "$pid_dir/$name.pid" ;; esac
  done
  for name in kafka postgres; do
    [[ " $* " == *" $name "* ]] || continue
    if pid="$(recorded_pid "$name")"; then
      log "  stopping $name (pid $pid)"
      terminate_pids TERM "$pid"
    fi
    rm -f "$pid_dir/$name.pid"
    if [ "$name" = postgres ]; then stop_orphan_postmaster; fi
  done
}

# Lists (pid and command line) every live process that belongs to this checkout's stack, recorded or not: service
# JVMs, the broker (and kafka.sh while it formats storage), the embedded PostgreSQL server and its launcher. Only
# java, postgres and kafka.sh count, so that a `tail -f` of a log under .data is not mistaken for part of the stack.
stack_processes() {
  local dir pid cmdline program
  for dir in /proc/[0-9]*; do
    pid="${dir#/proc/}"
    [ "$pid" = "$$" ] && continue
    cmdline="$(tr '\0' ' ' 2>/dev/null <"$dir/cmdline")" || continue
    program="${cmdline%% *}"
    case "${program##*/}" in
      java)
        case "$cmdline" in
          *"$root/"*/target/quarkus-app/quarkus-run.jar* | *"$data_dir/"* | \
            *"$infra_dir/target/classes"*EmbeddedPostgresServer*) ;;
          *) continue ;;
        esac ;;
      postgres) [[ "$cmdline" == *"-D $pg_data_dir "* ]] || continue ;;
      bash | sh) [[ "$cmdline" == *"$local_dir/kafka.sh "*"$data_dir/"* ]] || continue ;;
      *) continue ;;
    esac
    printf '%s %s\n' "$pid" "${cmdline:0:200}"
  done
}

# Makes the local RSA key pair (PKCS#8 PEM) unless it exists. Needs openssl. The private key is readable by its owner
# only; it signs tokens that every local service accepts.
ensure_jwt_keys() {
  [ -s "$jwt_key_dir/private.pem" ] && [ -s "$jwt_key_dir/public.pem" ] && return 0
  command -v openssl >/dev/null || { warn "openssl is needed to make the local signing key"; return 1; }
  mkdir -p "$jwt_key_dir"
  chmod 700 "$jwt_key_dir"
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$jwt_key_dir/private.pem.tmp" 2>/dev/null) &&
    openssl pkey -in "$jwt_key_dir/private.pem.tmp" -pubout -out "$jwt_key_dir/public.pem" 2>/dev/null &&
    mv "$jwt_key_dir/private.pem.tmp" "$jwt_key_dir/private.pem" ||
    { warn "could not make the local key pair in $jwt_key_dir"; rm -f "$jwt_key_dir"/*.tmp; return 1; }
  log "  made a local signing key pair in ${jwt_key_dir#"$root/"}"
}

# Makes the key that notifications-service encrypts webhook secrets with (base64 of 32 random bytes) unless it exists.
ensure_secrets_key() {
  [ -s "$secrets_key_file" ] && return 0
  mkdir -p "$jwt_key_dir"
  chmod 700 "$jwt_key_dir"
  (umask 077 && openssl rand -base64 32 >"$secrets_key_file.tmp") && mv "$secrets_key_file.tmp" "$secrets_key_file" ||
    { warn "could not make the local secrets key in $jwt_key_dir"; rm -f "$secrets_key_file.tmp"; return 1; }
  log "  made a local key for webhook secrets in ${jwt_key_dir#"$root/"}"
}

# Sized for a two-core machine running four services and a broker: a small serial heap, and C1 only, which starts
# Quarkus noticeably faster than the full tiered compiler competing for the same two cores.
if [ -n "${SERVICE_JAVA_OPTS:-}" ]; then
  read -ra service_java_opts <<<"$SERVICE_JAVA_OPTS"
else
  service_java_opts=(-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError
    -Dfile.encoding=UTF-8)
fi

die() { warn "${0##*/}: $*"; exit 1; }

# The processes started by this invocation of the sourcing script (start_managed adds to it); the only ones it stops
# when it fails half-way.
started=()

# Starts a managed process: start_managed NAME [VAR=value...] -- COMMAND [ARG...]. Its output goes to
# .data/logs/NAME.log (the previous log is kept as NAME.log.prev) and its PID to .data/pids/NAME.pid. It gets a session
# of its own, so that Ctrl-C in this terminal reaches only run.sh, which then stops everything in order, and so that a
# --background stack outlives the terminal. The settings are exported rather than passed to env(1), which would show
# a password on a command line. Adding a managed process to the stack takes one call to this function (stop.sh stops
# whatever has a pid file).
start_managed() {
  local name="$1"; shift
  local pid_file="$pid_dir/$name.pid" log_file="$log_dir/$name.log" waited=0 settings=()
  while [ "$1" != -- ]; do settings+=("$1"); shift; done
  shift
  if [ -f "$log_file" ]; then mv -f "$log_file" "$log_file.prev"; fi
  rm -f "$pid_file"
  # The child writes its own PID just before exec'ing the command, so the record is right even if setsid forks.
  (
    cd "$root"
    for setting in "${settings[@]}"; do export "${setting?}"; done
    # shellcheck disable=SC2016  # expanded by the inner bash
    exec setsid bash -c 'echo $$ >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$pid_file" "$@"
  ) </dev/null >>"$log_file" 2>&1 9>&- &
  until [ -s "$pid_file" ]; do
    [ $waited -lt 100 ] || die "$name did not start (see $log_file)"
    sleep 0.05; waited=$((waited + 1))
  done
  started+=("$name")
  log "  started $name (pid $(cat "$pid_file"), log ${log_file#"$root/"})"
}

fail_with_log() {
  local name="$1" why="$2"
  warn "${0##*/}: $name $why. Last lines of $log_dir/$name.log:"
  tail -n 40 "$log_dir/$name.log" >&2 2>/dev/null || true
  exit 1
}

# What a service process needs from the stack, as NAME=value settings in the array service_env:
# service_settings SERVICE PORT KAFKA_BOOTSTRAP. Reads db_host/db_port/db_user/db_password and smtp_env, which the
# calling script has set; run.sh and ha.sh start their services with the same settings, plus ha.sh's own.
service_settings() {
  local name="$1" port="$2" kafka_bootstrap="$3" database
  service_env=(QUARKUS_HTTP_PORT="$port" KAFKA_BOOTSTRAP_SERVERS="$kafka_bootstrap")
  if [ "$name" = notifications-service ]; then
    service_env+=("${smtp_env[@]}" NOTIFICATIONS_SECRETS_KEY="$(cat "$secrets_key_file")")
  fi
  database="${name%-service}" # units, tasks, notifications; the gateway's (API keys) is gateway
  service_env+=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$db_host:$db_port/$database"
    QUARKUS_DATASOURCE_USERNAME="$db_user" QUARKUS_DATASOURCE_PASSWORD="$db_password")
  # every service verifies bearer tokens itself against the local key; the gateway also signs API-key tokens with it
  service_env+=(MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$jwt_key_dir/public.pem" MP_JWT_VERIFY_ISSUER="$jwt_issuer"
    MP_JWT_VERIFY_AUDIENCES="$jwt_audience")
  if [ "$name" = gateway ]; then
    service_env+=(SMALLRYE_JWT_SIGN_KEY_LOCATION="file:$jwt_key_dir/private.pem")
  fi
}
