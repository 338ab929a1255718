#!/usr/bin/env bash
# Measures GET /api/v1/tasks?unitId=…&overdue=true&size=50 at 100,000 tasks, and prints the query plans.
#
#   tasks-service/bench/list-100k.sh [REQUESTS]
#
# Needs: a built tasks-service (mvn -pl tasks-service -am package -DskipTests), psql, curl, and the PostgreSQL server
# at 127.0.0.1:5432 (trust auth). Uses its own database, tasks_bench (seeded once: 200 units, 100,000 tasks with two
# assignments each, due dates spread over 400 days around today), and its own tasks-service on port 18082 with Kafka
# switched off, so nothing else is touched. Bounded: REQUESTS (default 200) sequential requests to 127.0.0.1 only.
set -euo pipefail
# The repository root is the folder whose pom.xml is the aggregator (supervision-parent), wherever this script lives.
root="$(d="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; until grep -qs '<artifactId>supervision-parent</artifactId>' "$d/pom.xml" || [ "$d" = / ]; do d="$(dirname "$d")"; done; printf %s "$d")"
[ "$root" != / ] || { echo "cannot find the repository root (the pom.xml of supervision-parent) above $0" >&2; exit 1; }
requests="${1:-200}"
db=tasks_bench
port=18082
psql_db=(psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -q)

psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 ||
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0"

log=$(mktemp)
QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
  EVENTS_CONSUMER_ENABLED=false OUTBOX_ENABLED=false QUARKUS_KAFKA_HEALTH_ENABLED=false \
  java -Xmx384m -XX:+UseSerialGC -jar "$root/tasks-service/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/q/health/live" >/dev/null && break
  kill -0 $service 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done

if [ "$("${psql_db[@]}" -tAc 'SELECT count(*) FROM task')" -lt 100000 ]; then
  echo "Seeding 100,000 tasks..."
  "${psql_db[@]}" <<'SQL'
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
FROM generate_series(0, 99999) i;
INSERT INTO task_unit (task_id, unit_id, role, position)
SELECT md5('bench-task-' || i)::uuid, md5('bench-unit-' || (i % 200))::uuid, 'LEAD', 0 FROM generate_series(0, 99999) i
UNION ALL
SELECT md5('bench-task-' || i)::uuid, md5('bench-unit-' || ((i * 7 + 3) % 200))::uuid, 'CO', 1 FROM generate_series(0, 99999) i;
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

echo "Warming up..."
for _ in $(seq 1 30); do curl -sf -o /dev/null "$url" || { echo "request failed:"; curl -s "$url"; tail -20 "$log"; exit 1; }; done
echo "Measuring $requests requests: $url"
times=$(for _ in $(seq 1 "$requests"); do curl -sf -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n)
total=$(curl -sf "$url" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], len(d["items"]))')
python3 - "$total" <<PY
import sys
times = [float(t) * 1000 for t in """$times""".split()]
n = len(times)
print(f"matching tasks (total, page): {sys.argv[1]}")
print(f"requests: {n}  mean {sum(times)/n:.1f} ms  p50 {times[n//2]:.1f} ms  p95 {times[int(n*0.95)-1]:.1f} ms  max {times[-1]:.1f} ms")
PY
