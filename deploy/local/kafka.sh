#!/usr/bin/env bash
# Runs a single-node Apache Kafka broker (KRaft, combined broker+controller) from the Maven Central
# artifacts that deploy/local/infra copies to target/lib. No Docker, no downloaded tarball.
#
#   kafka.sh run --port 9092 --controller-port 9093 --data-dir DIR
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
cmd="${1:-}"; shift || true
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2;;
    --controller-port) controller_port="$2"; shift 2;;
    --data-dir) data_dir="$2"; shift 2;;
    *) echo "kafka.sh: unknown option $1" >&2; exit 2;;
  esac
done
[ "$cmd" = "run" ] || { echo "usage: kafka.sh run [--port P] [--controller-port C] [--data-dir DIR]" >&2; exit 2; }

if [ ! -f "$lib/kafka_2.13-4.1.2.jar" ]; then
  echo "kafka.sh: broker libraries missing in $lib; building deploy/local/infra" >&2
  mvn -B -q -f "$root/deploy/local/infra/pom.xml" package -DskipTests >&2
fi

mkdir -p "$data_dir"
config="$data_dir/server.properties"
cat > "$config" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:${controller_port}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller_port}
advertised.listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller_port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${data_dir}/logs
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS

java_opts=(-Xms128m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8
  "-Dlog4j2.configurationFile=$here/kafka-log4j2.properties")

if [ ! -f "$data_dir/logs/meta.properties" ]; then
  cluster_id="$(java -cp "$lib/*" "${java_opts[@]}" kafka.tools.StorageTool random-uuid)"
  java -cp "$lib/*" "${java_opts[@]}" kafka.tools.StorageTool format --standalone \
    -t "$cluster_id" -c "$config" >/dev/null
fi

exec java -cp "$lib/*" "${java_opts[@]}" kafka.Kafka "$config"
