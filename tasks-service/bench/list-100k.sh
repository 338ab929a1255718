#!/usr/bin/env bash
# Measures GET /api/v1/tasks?unitId=…&overdue=true&size=50 at 100,000 tasks against a reference measured alike in
# the same run (GET /api/v1/tasks/{id}, one task by its key), and prints the query plan.
#
#   tasks-service/bench/list-100k.sh [--tasks N] [--requests N] [--warmup N]
#
#   --tasks     how many tasks to seed (default 100000; CI runs --tasks 2000 --requests 20 to see that it works)
#   --requests  sequential requests measured (default 200), after --warmup (default 30) unmeasured ones
#
# Needs: a built tasks-service (mvn -pl tasks-service -am package -DskipTests), psql, curl, openssl, python3, and the
# PostgreSQL server at PGHOST:PGPORT (default 127.0.0.1:5432, user PGUSER or postgres, trust auth). Uses its own
# database, tasks_bench (seeded again whenever it holds another number of tasks than --tasks: 200 units, each task
# with two assignments, due dates spread over 400 days around today), and its own tasks-service on port 18082 with
# Kafka switched off and a key pair of this run (made by deploy/local/token.sh in a temporary folder), whose admin
# token the requests carry; so nothing else is touched. Only 127.0.0.1 is asked.
set -euo pipefail
# The repository root is the folder whose pom.xml is the aggregator (supervision-parent) itself, not a module naming it
# as its <parent>, wherever this script lives.
root="$(d="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; until sed '/<parent>/,/<\/parent>/d' "$d/pom.xml" 2>/dev/null | grep -s '<artifactId>supervision-parent</artifactId>' >/dev/null || [ "$d" = / ]; do d="$(dirname "$d")"; done; printf %s "$d")"
[ "$root" != / ] || { echo "cannot find the repository root (the pom.xml of supervision-parent) above $0" >&2; exit 1; }
tasks=100000 requests=200 warmup=30
while [ $# -gt 0 ]; do
  case "$1" in
    --tasks) tasks="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo pipefail$/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "list-100k.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$tasks" "$requests" "$warmup"; do
  [[ "$n" =~ ^[1-9][0-9]{0,6}$ ]] || { echo "list-100k.sh: counts are whole numbers from 1 to 9999999" >&2; exit 2; }
done
[ -f "$root/tasks-service/target/quarkus-app/quarkus-run.jar" ] ||
  { echo "build first: mvn -pl tasks-service -am package -DskipTests" >&2; exit 2; }
db=tasks_bench
port=18082
pg_host="${PGHOST:-127.0.0.1}" pg_port="${PGPORT:-5432}" pg_user="${PGUSER:-postgres}"
psql_db=(psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$db" -v ON_ERROR_STOP=1 -q)
psql_admin=(psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres)

"${psql_admin[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 ||
  "${psql_admin[@]}" -qc "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0"

work="$(mktemp -d /tmp/list-bench.XXXXXX)"
log="$work/tasks-service.log"
service=""
trap '[ -z "$service" ] || { kill $service 2>/dev/null; wait $service 2>/dev/null || true; }; rm -rf "$work"' EXIT
# A key pair of this run: the service trusts its public key, the requests carry an admin token signed with it.
token="$(SUPERVISION_JWT_KEY_DIR="$work/keys" "$root/deploy/local/token.sh" admin 2>/dev/null | tail -n 1)"
auth="Authorization: Bearer $token"
QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$pg_host:$pg_port/$db" \
  QUARKUS_DATASOURCE_USERNAME="$pg_user" QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$work/keys/public.pem" MP_JWT_VERIFY_ISSUER="https://supervision.local/issuer" \
  EVENTS_CONSUMER_ENABLED=false OUTBOX_ENABLED=false QUARKUS_KAFKA_HEALTH_ENABLED=false \
  java -Xmx384m -XX:+UseSerialGC -jar "$root/tasks-service/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
service=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/q/health/live" >/dev/null && break
  kill -0 $service 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done

if [ "$("${psql_db[@]}" -tAc 'SELECT count(*) FROM task')" -ne "$tasks" ]; then
  echo "Seeding $tasks tasks..."
  "${psql_db[@]}" -v tasks="$tasks" <<'SQL'
TRUNCATE task, plan, unit_ref CASCADE;
INSERT INTO unit_ref (id, code, name, kind, active, version)
SELECT md5('bench-unit-' || i)::uuid, 'bench-' || i, '基准单位' || i, 'CITY_DEPARTMENT', true, 0
FROM generate_series(0, 199) i;
INSERT INTO plan (id, title, year, created_at, updated_at)
SELECT md5('bench-plan-' || p)::uuid, '基准计划' || p, 2020 + p, now(), now() FROM generate_series(0, 9) p;
INSERT INTO task (id, plan_id, code, category, title, description, deadline_text, deadline_kind, due_date, status,
                  next_due_date, search_text, created_at, updated_at)
SELECT md5('bench-task-' || i)::uuid, md5('bench-plan-' || (i % 10))::uuid, 'B-' || i,
       (ARRAY['KEY_TASK','ACTION','INNOVATION_PROJECT','WORK_POINT'])[1 + i % 4],
       '基准任务' || i, '基准任务说明' || i, '按期完成', 'DATE', current_date - 200 + (i % 400),
       'NOT_STARTED', current_date - 200 + (i % 400), '基准任务' || i, now(), now()
FROM generate_series(0, :tasks - 1) i;
INSERT INTO task_unit (task_id, unit_id, role, position)
SELECT md5('bench-task-' || i)::uuid, md5('bench-unit-' || (i % 200))::uuid, 'LEAD', 0 FROM generate_series(0, :tasks - 1) i
UNION ALL
SELECT md5('bench-task-' || i)::uuid, md5('bench-unit-' || ((i * 7 + 3) % 200))::uuid, 'CO', 1 FROM generate_series(0, :tasks - 1) i;
INSERT INTO assignment (id, task_id, unit_id, role, status, created_at, updated_at)
SELECT md5('bench-a-' || task_id || role)::uuid, task_id, unit_id, role, 'NOT_STARTED', now(), now() FROM task_unit;
ANALYZE;
SQL
fi

unit=$("${psql_db[@]}" -tAc "SELECT md5('bench-unit-42')::uuid")
url="http://127.0.0.1:$port/api/v1/tasks?unitId=$unit&overdue=true&size=50"
echo "Query plan (the page with its total, as TaskRepository.search issues it):"
"${psql_db[@]}" <<SQL
SET random_page_cost = 1.1; -- as tasks-service sets it on its connections
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH mine AS MATERIALIZED (SELECT DISTINCT task_id FROM assignment WHERE unit_id = '$unit')
SELECT t.id, count(*) OVER () FROM task t JOIN mine ON mine.task_id = t.id WHERE t.next_due_date < current_date
ORDER BY t.due_date ASC NULLS LAST, t.code, t.id LIMIT 50 OFFSET 0;
SQL

# The reference, measured alike in the same run: one task by id (a primary-key read through the same HTTP, security
# and JSON path), so the figure to compare across machines and loads is the ratio, not the milliseconds.
reference="http://127.0.0.1:$port/api/v1/tasks/$("${psql_db[@]}" -tAc "SELECT md5('bench-task-0')::uuid")"
echo "Warming up ($warmup requests each)..."
for _ in $(seq 1 "$warmup"); do
  for u in "$url" "$reference"; do
    curl -sf -o /dev/null -H "$auth" "$u" || { echo "request failed:"; curl -s -H "$auth" "$u"; tail -20 "$log"; exit 1; }
  done
done
echo "Measuring $requests requests each at $tasks tasks, alternating: $url and $reference"
: >"$work/list.times"; : >"$work/reference.times"
for _ in $(seq 1 "$requests"); do
  curl -sf -o /dev/null -H "$auth" -w '%{time_total}\n' "$url" >>"$work/list.times"
  curl -sf -o /dev/null -H "$auth" -w '%{time_total}\n' "$reference" >>"$work/reference.times"
done
total=$(curl -sf -H "$auth" "$url" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], len(d["items"]))')
python3 - "$total" "$work/list.times" "$work/reference.times" <<'PY'
import sys
def stats(path):
    times = sorted(float(t) * 1000 for t in open(path).read().split())
    n = len(times)
    return n, sum(times) / n, times[n // 2], times[max(int(n * 0.95) - 1, 0)], times[-1]
print(f"matching tasks (total, page): {sys.argv[1]}")
lists, reference = stats(sys.argv[2]), stats(sys.argv[3])
for name, (n, mean, p50, p95, top) in (("list", lists), ("reference (one task by id)", reference)):
    print(f"{name}: {n} requests  mean {mean:.1f} ms  p50 {p50:.1f} ms  p95 {p95:.1f} ms  max {top:.1f} ms")
print(f"list / reference: p50 {lists[2] / reference[2]:.2f}x, mean {lists[1] / reference[1]:.2f}x")
PY
