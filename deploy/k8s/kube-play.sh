#!/usr/bin/env bash
# Runs the Kubernetes manifests for real on this machine: the podman overlay (deploy/k8s/overlays/podman, the base's
# Deployments and ConfigMaps, one replica each on the host's network) under `podman kube play`, with what the cluster's
# operators would supply made here, then checks the result through the gateway and removes it all again.
#
#   deploy/k8s/kube-play.sh [--kafka BOOTSTRAP] [--timeout SECONDS] [--keep | --down]
#
#   --kafka BOOTSTRAP  the Kafka brokers (HOST:PORT[,HOST:PORT...]), e.g. a multi-node cluster's; by default a
#                      single-node broker of deploy/local/kafka.sh on 127.0.0.1:9092 for this run only
#   --timeout SECONDS  how long the four services may take to be ready (default 300)
#   --keep             leave everything running (ports 8080-8083) for a look; --down removes it later
#   --down             remove what a --keep run left (pods, podman secrets, its broker, its databases)
#
# What the run supplies in place of the cluster (overlays/podman/kustomization.yaml lists it too):
#   databases   kube_units, kube_tasks, kube_notifications, kube_gateway on PGHOST:PGPORT (default 127.0.0.1:5432,
#               PGUSER postgres, PGPASSWORD), made afresh; the <cluster>-app credentials CloudNativePG would generate
#               are podman secrets with PGUSER/PGPASSWORD
#   Secrets     podman secrets of the same names and keys as deploy/k8s/secrets.example.yaml, with keys made for the
#               run (podman 4.3 reads secretKeyRef from its own secrets, not from Secret manifests); the JWT key
#               files are folders under target/kube-play/keys, mounted read-only where the cluster mounts Secrets
#   probes      podman 4.3 neither waits for readiness nor restarts on liveness: this script polls each Deployment's
#               startup and readiness probe (path and port read from the rendered manifests) until they answer 200
# The run layer (target/kube-play/kustomization.yaml) is a kustomization over the podman overlay that names the
# infrastructure's addresses and the key folders; the rendered manifests are in target/kube-play/manifests.yaml.
#
# Checks, once all four are ready: each container runs as uid 185 on a read-only root filesystem; through the gateway
# a request without a token is a 401 and one with an admin token a 200; the Huzhou plan imported as a multipart upload
# (a temporary file on the /tmp emptyDir) is a 201, and its tasks can be listed; stopped with SIGTERM as the kubelet
# stops them, the services leave none of their Kafka consumer groups with a member. Needs podman and runc (images built
# by deploy/images/build.sh), kubectl or kustomize, java, curl, openssl, psql and python3 with PyYAML, and root.
# Ports 8080-8083 (and 9092/9093 for its own broker) must be free: the local stack uses the same ones.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The repository root is the folder whose pom.xml is the aggregator (supervision-parent) itself, not a module naming it
# as its <parent>, wherever this script lives.
root="$(d="$here"; until sed '/<parent>/,/<\/parent>/d' "$d/pom.xml" 2>/dev/null | grep -s '<artifactId>supervision-parent</artifactId>' >/dev/null || [ "$d" = / ]; do d="$(dirname "$d")"; done; printf %s "$d")"
[ "$root" != / ] || { echo "cannot find the repository root (the pom.xml of supervision-parent) above $0" >&2; exit 1; }

kafka_bootstrap="" timeout=300 keep=false down_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --kafka) kafka_bootstrap="${2:?--kafka needs HOST:PORT}"; shift 2 ;;
    --timeout) timeout="${2:?--timeout needs seconds}"; shift 2 ;;
    --keep) keep=true; shift ;;
    --down) down_only=true; shift ;;
    -h | --help) sed -n '2,/^set -euo pipefail$/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "kube-play.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

export CONTAINERS_CONF="$root/deploy/images/containers.conf"
run="$root/target/kube-play"
services=(units-service tasks-service notifications-service gateway)
databases=(kube_units kube_tasks kube_notifications kube_gateway)
secrets=(units-db-app tasks-db-app notifications-db-app gateway-db-app tasks-service-secrets notifications-service-secrets)
db_host="${PGHOST:-127.0.0.1}" db_port="${PGPORT:-5432}" db_user="${PGUSER:-postgres}" db_password="${PGPASSWORD:-}"
kafka_port=9092 kafka_controller_port=9093
tag="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)"
log() { printf '%s\n' "$*"; }
fail() { printf 'kube-play: FAIL: %s\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
kustomize_build() { if command -v kustomize >/dev/null; then kustomize build "$1"; else kubectl kustomize "$1"; fi; }

# Stops the pods as Kubernetes stops a pod: SIGTERM, then up to its grace period (30 s by default) to finish. podman
# 4.3's `kube down` kills at once, and a service killed so never leaves its Kafka consumer groups: they then give
# nobody their partitions until its session times out (45 s), which stalled the next stack on the same brokers.
stop_pods() {
  local pods
  pods="$(podman pod ps --format '{{.Name}}' 2>/dev/null | grep -E "^($(IFS='|'; echo "${services[*]}"))-pod-" || true)"
  if [ -n "$pods" ]; then
    # shellcheck disable=SC2086 # one pod name per word
    podman pod stop --time 30 $pods >/dev/null 2>&1 || true
  fi
}

# Removes what a run made: pods, secrets, its broker (by its recorded pid), its databases.
down() {
  stop_pods
  if [ -f "$run/manifests.yaml" ]; then podman kube down "$run/manifests.yaml" >/dev/null 2>&1 || true; fi
  for secret in "${secrets[@]}"; do podman secret rm "$secret" >/dev/null 2>&1 || true; done
  # podman 4.3 makes each emptyDir a named volume that outlives the pod
  for service in "${services[@]}"; do podman volume rm -f "$service-tmp" >/dev/null 2>&1 || true; done
  local pid
  if pid="$(cat "$run/kafka.pid" 2>/dev/null)" && [[ "$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" == *"$run/kafka"* ]]; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$run/kafka.pid"
  for database in "${databases[@]}"; do
    PGPASSWORD="$db_password" psql -q -h "$db_host" -p "$db_port" -U "$db_user" -d postgres \
      -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  done
}
if $down_only; then down; log "kube-play: removed"; exit 0; fi

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ "$status" -ne 0 ] && [ -f "$run/manifests.yaml" ]; then
    for service in "${services[@]}"; do
      log "--- last lines of $service:" >&2
      podman logs --tail 30 "$service-pod-0-$service" >&2 2>/dev/null || true
    done
  fi
  if ! $keep || [ "$status" -ne 0 ]; then down; fi
  exit "$status"
}

# --- preconditions --------------------------------------------------------------------------------------------------
for tool in podman runc curl openssl psql java python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (.ci/run installs what the tests need)"
done
command -v kustomize >/dev/null || command -v kubectl >/dev/null || fail "neither kustomize nor kubectl is installed"
# a python3 with PyYAML: the one on the PATH, or Debian's (python3-yaml)
python=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import yaml' 2>/dev/null; then python="$candidate"; break; fi
done
[ -n "$python" ] || fail "no python3 with PyYAML (apt-get install python3-yaml)"
for service in "${services[@]}"; do
  podman image exists "localhost/supervision/$service:$tag" ||
    fail "no image localhost/supervision/$service:$tag: run deploy/images/build.sh first"
done
for port in 8080 8081 8082 8083; do
  ! port_open "$port" || fail "port $port is taken (the local stack, or a --keep run: deploy/k8s/kube-play.sh --down)"
done
[ -n "$kafka_bootstrap" ] || ! port_open "$kafka_port" || fail "port $kafka_port is taken; stop that broker or name it with --kafka"

down # whatever an interrupted run left
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
rm -rf "$run" && mkdir -p "$run/keys/public" "$run/keys/gateway"
t0=$SECONDS

# --- infrastructure -------------------------------------------------------------------------------------------------
if [ -z "$kafka_bootstrap" ]; then
  setsid "$root/deploy/local/kafka.sh" run --port "$kafka_port" --controller-port "$kafka_controller_port" \
    --data-dir "$run/kafka" </dev/null >"$run/kafka.log" 2>&1 &
  echo $! >"$run/kafka.pid"
  kafka_bootstrap="127.0.0.1:$kafka_port"
  for _ in $(seq 1 180); do port_open "$kafka_port" && break; sleep 0.5; done
  port_open "$kafka_port" || { tail -n 20 "$run/kafka.log" >&2; fail "the broker did not open port $kafka_port"; }
  log "Kafka: a single-node broker for this run at $kafka_bootstrap"
else
  log "Kafka: $kafka_bootstrap"
fi

infra="$root/deploy/local/infra"
[ -d "$infra/target/lib" ] && [ -d "$infra/target/classes" ] ||
  (cd "$root" && mvn -B -q -f deploy/local/infra/pom.xml package -DskipTests)
PGHOST="$db_host" PGPORT="$db_port" PGUSER="$db_user" PGPASSWORD="$db_password" \
  java -cp "$infra/target/classes:$infra/target/lib/*" cn.gov.supervision.localinfra.LocalDatabases --wait 30 \
  "${databases[@]}" | sed 's/^/  /'
log "PostgreSQL: $db_host:$db_port, databases ${databases[*]}"

# --- what the operators and the administrator would supply -----------------------------------------------------------
# the key pair: the gateway signs API-key tokens with it, every service trusts its public half, token.sh signs with it
SUPERVISION_JWT_KEY_DIR="$run/keys/gateway" "$root/deploy/local/token.sh" admin >/dev/null 2>&1 ||
  fail "could not make a key pair"
cp "$run/keys/gateway/public.pem" "$run/keys/public/public.pem"
chmod 0755 "$run/keys" "$run/keys/public" "$run/keys/gateway" && chmod 0644 "$run/keys"/*/*.pem

# podman 4.3's secretKeyRef reads a podman secret holding a JSON object of base64 values
podman_secret() {
  local name="$1" json="{" separator="" key value
  shift
  while [ $# -gt 0 ]; do
    key="$1" value="$2"; shift 2
    json+="$separator\"$key\":\"$(printf '%s' "$value" | base64 -w0)\"" separator=","
  done
  printf '%s}' "$json" | podman secret create "$name" - >/dev/null
}
for database in units tasks notifications gateway; do
  podman_secret "$database-db-app" username "$db_user" password "$db_password"
done
podman_secret tasks-service-secrets calendar-secret "$(openssl rand -base64 32)"
podman_secret notifications-service-secrets secrets-key "$(openssl rand -base64 32)" \
  ack-secret "$(openssl rand -base64 32)" smtp-username "" smtp-password ""

# --- the run layer over the podman overlay ---------------------------------------------------------------------------
jdbc="jdbc:postgresql://$db_host:$db_port"
cat >"$run/kustomization.yaml" <<EOF
# Written by deploy/k8s/kube-play.sh for one run: the podman overlay with this machine's infrastructure and keys.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../deploy/k8s/overlays/podman
patches:
  - target:
      kind: Deployment
    patch: |-
      - op: replace
        path: /spec/template/spec/volumes/1/hostPath/path
        value: $run/keys/public
  - target:
      kind: Deployment
      name: gateway
    patch: |-
      - op: replace
        path: /spec/template/spec/volumes/1/hostPath/path
        value: $run/keys/gateway
EOF
for service in "${services[@]}"; do
  database="kube_${service%-service}"
  cat >>"$run/kustomization.yaml" <<EOF
  - patch: |-
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: $service-config
      data:
        QUARKUS_DATASOURCE_JDBC_URL: $jdbc/$database
EOF
  [ "$service" = gateway ] || printf '        KAFKA_BOOTSTRAP_SERVERS: %s\n' "$kafka_bootstrap" >>"$run/kustomization.yaml"
done
kustomize_build "$run" >"$run/manifests.yaml" || fail "the run layer does not render"

# --- play -----------------------------------------------------------------------------------------------------------
# name, startup probe URL, readiness probe URL of each Deployment, as the rendered manifests say
probes="$("$python" - "$run/manifests.yaml" <<'PY'
import sys, yaml
for d in yaml.safe_load_all(open(sys.argv[1])):
    if not d or d.get("kind") != "Deployment":
        continue
    c = d["spec"]["template"]["spec"]["containers"][0]
    ports = {p.get("name"): p["containerPort"] for p in c.get("ports", [])}
    def url(probe):
        get = c[probe]["httpGet"]
        port = get["port"] if isinstance(get["port"], int) else ports[get["port"]]
        return f"http://127.0.0.1:{port}{get['path']}"
    print(d["metadata"]["name"], url("startupProbe"), url("readinessProbe"))
PY
)"
play_start=$SECONDS
podman kube play "$run/manifests.yaml" >"$run/play.log" 2>&1 || { cat "$run/play.log" >&2; fail "podman kube play failed"; }
log "podman kube play: 4 pods started in $((SECONDS - play_start)) s"

deadline=$((play_start + timeout))
while read -r name started ready; do
  # a container that exits is restarted (restartPolicy Always), as the kubelet would; only the deadline fails
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$started")" = 200 ]; do
    [ $SECONDS -lt $deadline ] || fail "$name did not start within $timeout s ($started)"
    sleep 1
  done
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$ready")" = 200 ]; do
    [ $SECONDS -lt $deadline ] || fail "$name not ready within $timeout s: $(curl -s --max-time 2 "$ready")"
    sleep 1
  done
  restarts="$(podman inspect --format '{{.RestartCount}}' "$name-pod-0-$name" 2>/dev/null || echo '?')"
  log "  $name ready after $((SECONDS - play_start)) s ($ready; restarts: $restarts)"
done <<<"$probes"
log "All four ready $((SECONDS - play_start)) s after podman kube play"

# --- checks ---------------------------------------------------------------------------------------------------------
for service in "${services[@]}"; do
  settings="$(podman inspect --format '{{.Config.User}} {{.HostConfig.ReadonlyRootfs}}' "$service-pod-0-$service")"
  [ "$settings" = "185:185 true" ] || fail "$service runs as '$settings', not as 185:185 on a read-only root filesystem"
done
log "  every container: user 185:185, read-only root filesystem"

status="$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/api/v1/units)"
[ "$status" = 401 ] || fail "GET /api/v1/units without a token: $status, not 401"
token="$(SUPERVISION_JWT_KEY_DIR="$run/keys/gateway" "$root/deploy/local/token.sh" admin 2>/dev/null | tail -n 1)"
status="$(curl -s -o "$run/units.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
  'http://127.0.0.1:8080/api/v1/units?size=5')"
[ "$status" = 200 ] || fail "GET /api/v1/units with an admin token: $status, not 200: $(cat "$run/units.json")"
log "  through the gateway: 401 without a token, 200 with one"

document="$root/deploy/libs/test-kit/src/main/resources/documents/huzhou-2022-work-plan.txt"
# A dry run first, repeated while the gateway's 30 s upstream timeout cuts it short (504): the first import of a cold
# JVM on a loaded machine can take longer, and a dry run stores nothing, so trying again is harmless.
for attempt in $(seq 1 10); do
  status="$(curl -s -o "$run/import.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
    -F "file=@$document;type=text/plain" 'http://127.0.0.1:8080/api/v1/plans/import?dryRun=true')"
  [ "$status" = 504 ] || break
done
[ "$status" = 200 ] || fail "a dry run of the Huzhou plan's import: $status, not 200: $(head -c 600 "$run/import.json")"
status="$(curl -s -o "$run/import.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
  -F "file=@$document;type=text/plain" 'http://127.0.0.1:8080/api/v1/plans/import')"
[ "$status" = 201 ] || fail "importing the Huzhou plan (multipart): $status, not 201: $(head -c 600 "$run/import.json")"
plan_id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["plan"]["id"])' "$run/import.json")"
tasks="$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:8080/api/v1/tasks?planId=$plan_id&size=1" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
[ "$tasks" -gt 0 ] || fail "the imported plan $plan_id has no tasks"
log "  the Huzhou plan imported through the gateway (multipart upload): plan $plan_id with $tasks tasks"

if $keep; then
  log "kube-play: OK; left running (gateway http://127.0.0.1:8080); remove with deploy/k8s/kube-play.sh --down"
  exit 0
fi

# Stopped as the cluster stops them, the services leave their consumer groups: none of the product's groups keeps a
# member (a replica started next on the same brokers would otherwise wait out the dead members' sessions).
stop_pods
groups_left="$(java -XX:TieredStopAtLevel=1 -cp "$infra/target/lib/*" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand \
  --bootstrap-server "$kafka_bootstrap" --describe --all-groups --state 2>/dev/null |
  awk '$1 ~ /^(units|tasks|notifications)-service\./ && $NF ~ /^[0-9]+$/ && $NF > 0 { printf "%s (%s members) ", $1, $NF }')"
[ -z "$groups_left" ] || fail "stopped with SIGTERM, the services left members in their consumer groups: $groups_left"
log "  stopped with SIGTERM (as the kubelet stops a pod): no consumer group kept a member"
log "kube-play: OK in $((SECONDS - t0)) s; removing everything"
