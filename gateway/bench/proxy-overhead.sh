#!/usr/bin/env bash
# What the gateway costs on a typical read: GET /api/v1/tasks/{id} per second through the gateway versus directly
# against tasks-service, at the same concurrency and for the same time, with wrk (apt-get install -y wrk).
# Prints both rates and their ratio; the target is a ratio of at least 80 %.
#
#   gateway/bench/proxy-overhead.sh                  start Kafka, units-service, tasks-service and the gateway from
#                                                    the built jars (mvn -B -q install -DskipTests first), measure,
#                                                    stop them again
#   gateway/bench/proxy-overhead.sh --gateway http://127.0.0.1:8080 --tasks http://127.0.0.1:8082
#                                                    measure a stack that is already running, as admin with a
#                                                    token from deploy/local/token.sh (or --token JWT)
#
# Options: --connections N (32), --threads N (2), --duration SECONDS (20, at most 60), --warmup SECONDS (45),
# --rounds N (2, at most 5): direct and gateway are measured in the order ABBA…, so that a drift during the run
# (JIT still warming, other load on the machine) weighs on both sides alike; the rates are averaged.
# Only loopback targets are accepted; every load run is bounded by its duration. The services it starts use their own
# databases (*_for_gateway_bench) on the PostgreSQL server at PGHOST:PGPORT (default 127.0.0.1:5432, user PGUSER or
# postgres).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The repository root is the folder whose pom.xml is the aggregator (supervision-parent) itself, not a module naming it
# as its <parent>, wherever this script lives.
root="$(d="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; until sed '/<parent>/,/<\/parent>/d' "$d/pom.xml" 2>/dev/null | grep -s '<artifactId>supervision-parent</artifactId>' >/dev/null || [ "$d" = / ]; do d="$(dirname "$d")"; done; printf %s "$d")"
[ "$root" != / ] || { echo "cannot find the repository root (the pom.xml of supervision-parent) above $0" >&2; exit 1; }
gateway_url="" tasks_url="" token="" gateway_pid="" tasks_pid="" connections=32 threads=2 duration=20 warmup=45 rounds=2
while [ $# -gt 0 ]; do
  case "$1" in
    --gateway) gateway_url="$2"; shift 2;;
    --tasks) tasks_url="$2"; shift 2;;
    --token) token="$2"; shift 2;;
    --connections) connections="$2"; shift 2;;
    --threads) threads="$2"; shift 2;;
    --duration) duration="$2"; shift 2;;
    --warmup) warmup="$2"; shift 2;;
    --rounds) rounds="$2"; shift 2;;
    -h | --help) sed -n '2,/^set -euo pipefail$/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0;;
    *) echo "proxy-overhead.sh: unknown option $1" >&2; exit 2;;
  esac
done
[ "$duration" -le 60 ] && [ "$warmup" -le 60 ] && [ "$rounds" -le 5 ] \
  || { echo "duration and warmup are at most 60 s, rounds at most 5" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

loopback() { [[ "$1" =~ ^http://(127\.[0-9.]+|localhost)(:[0-9]+)?$ ]]; }

work="$(mktemp -d /tmp/gateway-bench.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# Started here: a key pair of this run (made by token.sh, in the run's own folder), which the services and the gateway
# trust, and an admin token signed with it.
issuer="https://supervision.local/issuer"
make_keys_and_token() {
  token="$(SUPERVISION_JWT_KEY_DIR="$work/keys" "$root/deploy/local/token.sh" admin 2>/dev/null | tail -n 1)"
}
trust_env() {
  echo MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$work/keys/public.pem" MP_JWT_VERIFY_ISSUER="$issuer"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

await_ready() { # url name
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "$1/q/health/ready" && return 0
    sleep 0.5
  done
  echo "$2 did not become ready; see $work/$2.log" >&2; exit 1
}

# The same JVM settings for the service and the gateway, so that the comparison is about the proxy, not the flags.
JAVA_OPTS=(-Xms256m -Xmx512m -Dfile.encoding=UTF-8)

pg_host="${PGHOST:-127.0.0.1}" pg_port="${PGPORT:-5432}" pg_user="${PGUSER:-postgres}"
ensure_database() {
  psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -qtc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1 \
    || psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -qc "CREATE DATABASE $1"
}
database_env() { # database → the settings of a service that uses it
  echo QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$pg_host:$pg_port/$1" QUARKUS_DATASOURCE_USERNAME="$pg_user"
}

start_service() { # module database port extra-env...
  local module="$1" database="$2" port="$3"; shift 3
  ensure_database "$database"
  # shellcheck disable=SC2046  # trust_env prints NAME=value words without spaces
  env QUARKUS_HTTP_PORT="$port" $(trust_env) $(database_env "$database") QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
      QUARKUS_FLYWAY_CLEAN_AT_START=true QUARKUS_FLYWAY_CLEAN_DISABLED=false \
      KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port" "$@" \
      java "${JAVA_OPTS[@]}" -jar "$root/$module/target/quarkus-app/quarkus-run.jar" > "$work/$module.log" 2>&1 &
  pids+=($!)
  [ "$module" != tasks-service ] || tasks_pid=$!
}

if [ -z "$gateway_url" ]; then
  for jar in units-service tasks-service gateway; do
    [ -f "$root/$jar/target/quarkus-app/quarkus-run.jar" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 2; }
  done
  kafka_port="$(free_port)"; controller_port="$(free_port)"
  units_port="$(free_port)"; tasks_port="$(free_port)"; gateway_port="$(free_port)"
  echo "Starting Kafka, units-service, tasks-service and the gateway (logs in $work)"
  make_keys_and_token
  bash "$root/deploy/local/kafka.sh" run --port "$kafka_port" --controller-port "$controller_port" \
    --data-dir "$work/kafka" > "$work/kafka.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 180); do (exec 3<>"/dev/tcp/127.0.0.1/$kafka_port") 2>/dev/null && break; sleep 0.5; done
  start_service units-service units_for_gateway_bench "$units_port"
  start_service tasks-service tasks_for_gateway_bench "$tasks_port"
  await_ready "http://127.0.0.1:$units_port" units-service
  await_ready "http://127.0.0.1:$tasks_port" tasks-service
  ensure_database gateway_for_gateway_bench
  # the rate limit stays on (its bookkeeping is part of the cost) with a bucket no benchmark empties
  # shellcheck disable=SC2046
  GATEWAY_UPSTREAMS_UNITS_URL="http://127.0.0.1:$units_port" \
  GATEWAY_UPSTREAMS_TASKS_URL="http://127.0.0.1:$tasks_port" \
  GATEWAY_UPSTREAMS_NOTIFICATIONS_URL="http://127.0.0.1:$(free_port)" \
  GATEWAY_RATE_LIMIT_CAPACITY=1000000000 GATEWAY_RATE_LIMIT_REFILL_TOKENS=1000000000 \
  QUARKUS_HTTP_PORT="$gateway_port" \
  QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" SMALLRYE_JWT_SIGN_KEY_LOCATION="file:$work/keys/private.pem" \
    env $(trust_env) $(database_env gateway_for_gateway_bench) java "${JAVA_OPTS[@]}" -jar "$root/gateway/target/quarkus-app/quarkus-run.jar" > "$work/gateway.log" 2>&1 &
  pids+=($!)
  gateway_pid=$!
  gateway_url="http://127.0.0.1:$gateway_port"; tasks_url="http://127.0.0.1:$tasks_port"
  await_ready "$gateway_url" gateway
fi
loopback "$gateway_url" && loopback "$tasks_url" || { echo "only loopback targets are measured" >&2; exit 2; }
[ -n "$token" ] || token="$("$root/deploy/local/token.sh" admin 2>/dev/null | tail -n 1)"
auth="Authorization: Bearer $token"

echo "Creating a plan and a task through the gateway"
body="$(curl -s -H "$auth" -H 'Content-Type: application/json' \
  -d '{"title":"性能测试计划","year":2031,"issuer":"湖州市人民政府办公室"}' "$gateway_url/api/v1/plans")"
plan="$(printf '%s' "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("id",""))' 2>/dev/null || true)"
[ -n "$plan" ] || { echo "could not create the plan: $body" >&2; exit 1; }
task=""
for _ in $(seq 1 120); do # the reference units reach tasks-service through Kafka shortly after its start
  body="$(curl -s -H "$auth" -H 'Content-Type: application/json' -d '{"planId":"'"$plan"'","code":"BENCH-1","category":"KEY_TASK",
    "title":"性能测试任务","leadUnitIds":["f2a77c3b-e192-5206-8d80-10907d4acb13"],
    "deadline":{"text":"9月底前","kind":"DATE","dueDate":"2031-09-30"}}' "$gateway_url/api/v1/tasks")"
  task="$(printf '%s' "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("id",""))' 2>/dev/null || true)"
  [ -n "$task" ] && break
  sleep 1
done
[ -n "$task" ] || { echo "could not create the task: $body" >&2; exit 1; }
path="/api/v1/tasks/$task"
curl -fs -H "$auth" -o /dev/null "$tasks_url$path" && curl -fs -H "$auth" -o /dev/null "$gateway_url$path"

rate() { # url seconds → requests/s; fails on any non-2xx answer or socket error
  local out
  out="$(wrk -t"$threads" -c"$connections" -d"${2}s" --latency -H "$auth" "$1")"
  echo "$out" > "$work/wrk-$(date +%s%N).txt"
  if grep -q "Non-2xx or 3xx responses" <<<"$out"; then
    echo "wrong answers while measuring $1:" >&2; echo "$out" >&2; exit 1
  fi
  # requests slower than wrk's 2 s time-out are counted as socket errors: reported, not fatal
  grep "Socket errors" <<<"$out" | sed "s|^ *|  $1: |" >&2 || true
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
p99() { awk '/ 99%/ {print $2}' "$(ls -t "$work"/wrk-*.txt | head -1)"; }

echo "Warming up both for ${warmup} s each (JIT)"
rate "$tasks_url$path" "$warmup" > /dev/null
rate "$gateway_url$path" "$warmup" > /dev/null
echo "Measuring ${rounds} rounds of ${duration} s each, ${connections} connections, ${threads} wrk threads"
# CPU time of a process we started (utime+stime, in clock ticks), to tell the proxy's own cost per request apart
# from what a busy machine does to the rates
cpu_ticks() { [ -n "$1" ] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }
direct=0 proxied=0 gateway_cpu=0 tasks_cpu=0
for round in $(seq 1 "$rounds"); do
  measure_gateway() {
    gateway_before="$(cpu_ticks "$gateway_pid")"; tasks_before="$(cpu_ticks "$tasks_pid")"
    g="$(rate "$gateway_url$path" "$duration")"; proxied_p99="$(p99)"
    gateway_cpu=$(( gateway_cpu + $(cpu_ticks "$gateway_pid") - gateway_before ))
    tasks_cpu=$(( tasks_cpu + $(cpu_ticks "$tasks_pid") - tasks_before ))
  }
  if [ $((round % 2)) -eq 1 ]; then
    d="$(rate "$tasks_url$path" "$duration")"; direct_p99="$(p99)"; measure_gateway
  else
    measure_gateway; d="$(rate "$tasks_url$path" "$duration")"; direct_p99="$(p99)"
  fi
  printf '  round %d: direct %8.0f req/s, gateway %8.0f req/s\n' "$round" "$d" "$g"
  direct="$(python3 -c "print($direct + $d / $rounds)")"; proxied="$(python3 -c "print($proxied + $g / $rounds)")"
done

printf 'direct to tasks-service : %10.0f req/s   p99 %s (last round)\n' "$direct" "$direct_p99"
printf 'through the gateway     : %10.0f req/s   p99 %s (last round)\n' "$proxied" "$proxied_p99"
python3 -c "r=$proxied/$direct; print(f'ratio gateway/direct    : {r:10.1%}   (target >= 80%)')"
if [ -n "$gateway_pid" ]; then
  python3 -c "
hz, n = $(getconf CLK_TCK), $proxied * $duration * $rounds
print(f'CPU per proxied request : gateway {$gateway_cpu / hz / n * 1e6:6.0f} us, tasks-service {$tasks_cpu / hz / n * 1e6:6.0f} us')"
fi
echo "machine load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
