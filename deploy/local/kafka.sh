#!/usr/bin/env bash
# Runs an Apache Kafka node (KRaft, combined broker+controller) from the Maven Central artifacts that
# deploy/local/infra copies to target/lib. No Docker, no downloaded tarball. By default a single-node cluster; with
# --voters one node of a cluster whose controllers are the voters named (ha.sh starts three).
#
#   kafka.sh run --port 9092 --controller-port 9093 --data-dir DIR
#                [--node-id N --voters 1@HOST:PORT,2@HOST:PORT,3@HOST:PORT --cluster-id ID] [--heap 512m]
#
# In a cluster of three or more, topics get 3 replicas and min.insync.replicas 2 (as the Strimzi manifests do), and
# so do Kafka's own topics (consumer offsets, transactions).
#
# Formats DIR once (kept across restarts, so topics and offsets survive), then execs the broker in the
# foreground: the caller owns the process (run.sh backgrounds it, tests start and stop it).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The repository root is the folder whose pom.xml is the aggregator (supervision-parent) itself, not a module naming it
# as its <parent>, wherever this script lives.
root="$(d="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; until sed '/<parent>/,/<\/parent>/d' "$d/pom.xml" 2>/dev/null | grep -s '<artifactId>supervision-parent</artifactId>' >/dev/null || [ "$d" = / ]; do d="$(dirname "$d")"; done; printf %s "$d")"
[ "$root" != / ] || { echo "cannot find the repository root (the pom.xml of supervision-parent) above $0" >&2; exit 1; }
lib="$root/deploy/local/infra/target/lib"

port=9092
controller_port=9093
data_dir="$here/.data/kafka"
node_id=1 voters="" cluster_id="" heap=512m
cmd="${1:-}"; shift || true
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2;;
    --controller-port) controller_port="$2"; shift 2;;
    --data-dir) data_dir="$2"; shift 2;;
    --node-id) node_id="$2"; shift 2;;
    --voters) voters="$2"; shift 2;;
    --cluster-id) cluster_id="$2"; shift 2;;
    --heap) heap="$2"; shift 2;;
    *) echo "kafka.sh: unknown option $1" >&2; exit 2;;
  esac
done
[ "$cmd" = "run" ] || { echo "usage: kafka.sh run [--port P] [--controller-port C] [--data-dir DIR]" >&2; exit 2; }

if [ ! -f "$lib/kafka_2.13-4.1.2.jar" ]; then
  echo "kafka.sh: broker libraries missing in $lib; building deploy/local/infra" >&2
  mvn -B -q -f "$root/deploy/local/infra/pom.xml" package -DskipTests >&2
fi

if [ -n "$voters" ]; then
  [ -n "$cluster_id" ] || { echo "kafka.sh: --voters needs --cluster-id (the same for every node)" >&2; exit 2; }
  quorum="controller.quorum.voters=$voters"
  nodes="$(tr ',' '\n' <<<"$voters" | grep -c .)"
else
  quorum="controller.quorum.bootstrap.servers=127.0.0.1:${controller_port}"
  nodes=1
fi
if [ "$nodes" -ge 3 ]; then replicas=3 min_isr=2; else replicas=1 min_isr=1; fi

mkdir -p "$data_dir"
config="$data_dir/server.properties"
cat > "$config" <<PROPS
process.roles=broker,controller
node.id=${node_id}
${quorum}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller_port}
advertised.listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller_port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${data_dir}/logs
num.partitions=3
auto.create.topics.enable=true
default.replication.factor=${replicas}
min.insync.replicas=${min_isr}
offsets.topic.replication.factor=${replicas}
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=${replicas}
transaction.state.log.min.isr=${min_isr}
share.coordinator.state.topic.replication.factor=${replicas}
share.coordinator.state.topic.min.isr=${min_isr}
group.initial.rebalance.delay.ms=0
PROPS

java_opts=(-Xms128m "-Xmx$heap" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8
  "-Dlog4j2.configurationFile=$here/kafka-log4j2.properties")

if [ ! -f "$data_dir/logs/meta.properties" ]; then
  if [ -n "$voters" ]; then
    # a static quorum (controller.quorum.voters): every node formatted with the same cluster id
    java -cp "$lib/*" "${java_opts[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$config" >/dev/null
  else
    cluster_id="$(java -cp "$lib/*" "${java_opts[@]}" kafka.tools.StorageTool random-uuid)"
    java -cp "$lib/*" "${java_opts[@]}" kafka.tools.StorageTool format --standalone \
      -t "$cluster_id" -c "$config" >/dev/null
  fi
fi

exec java -cp "$lib/*" "${java_opts[@]}" kafka.Kafka "$config"
