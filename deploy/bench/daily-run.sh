#!/usr/bin/env bash
# The daily notifications run at growing read models: how long planning the day's digests takes (p99 over repeated
# runs), whether the digests are what a plain SQL reference query says they must be, and the service's resident
# memory, with the service at -Xmx256m and the container images' other JVM flags.
#
#   deploy/bench/daily-run.sh [--small|--full] [--runs N]
#
#   --full   (default) 20,000 / 200,000 / 2,000,000 assignments, the issue's curve; 10 measured runs each
#   --small  2,000 / 20,000 assignments, 5 runs each: under a minute, to see that it works (CI, run.sh's small mode)
#   --runs   measured runs per size (after one unmeasured warm-up run)
#
# Prints tab-separated rows `figure<TAB>ours<TAB>reference<TAB>ratio<TAB>target<TAB>PASS|FAIL` on stdout, everything
# else on stderr; exits 1 if a row fails.
#
# What it does: a database of its own, notifications_bench, on PGHOST:PGPORT (default 127.0.0.1:5432, user PGUSER or
# postgres, trust auth), whose read model it seeds directly with generate_series for each size: 200 units (and the
# supervising unit, 市政府办公室), two assignments per task, due dates spread over 400 days (2022-01-01 to 2023-02-04),
# past-due work mostly completed (1 in 20 left open), some extensions and some assignments without a due date of their
# own, a tenth year-round tasks, a fiftieth recurring ones (monthly). It starts notifications-service on port 8483 with its
# delivery worker, scheduler and Kafka switched off (nothing is sent anywhere) and a key pair of this run (made by
# deploy/local/token.sh in a temporary folder), then plans 2022-10-12 with the runs endpoint (POST
# /api/v1/notifications/runs): "planned" is the run answering with its digests stored. Before each run the day's
# digests and escalations are deleted, so every run plans and stores the whole day again. The time is curl's total
# for the request. The reference is a plain SQL query that applies the default reminder policy on the official
# calendar (calendar_day) to every assignment; the comparison is of the set of (unit, items) pairs, with items as the
# set of (task, kind, unit escalated about). Its time is printed as the reference of the timing rows.
#
# Needs: a built notifications-service (mvn -pl notifications-service -am package -DskipTests), psql, curl, openssl,
# python3. Only 127.0.0.1 is asked.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sizes=(20000 200000 2000000) runs=10
while [ $# -gt 0 ]; do
  case "$1" in
    --full) sizes=(20000 200000 2000000); shift ;;
    --small) sizes=(2000 20000); runs=5; shift ;;
    --runs) runs="${2:-}"; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo pipefail$/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "daily-run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]{0,2}$ ]] || { echo "daily-run.sh: --runs is a whole number from 1 to 999" >&2; exit 2; }
jar="$root/notifications-service/target/quarkus-app/quarkus-run.jar"
[ -f "$jar" ] || { echo "build first: mvn -pl notifications-service -am package -DskipTests" >&2; exit 2; }
exec 3>&1 1>&2 # rows go to the saved stdout (3), everything else to stderr

day=2022-10-12
db=notifications_bench
port="${DAILY_RUN_BENCH_PORT:-8483}"
heap=256m
pg_host="${PGHOST:-127.0.0.1}" pg_port="${PGPORT:-5432}" pg_user="${PGUSER:-postgres}"
psql_db=(psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$db" -v ON_ERROR_STOP=1 -q -X)
psql_admin=(psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -X)
# made anew each run: it is seeded anew anyway, and a schema left by an older build (migrations applied in another
# order) would stop the service's Flyway at start
"${psql_admin[@]}" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
"${psql_admin[@]}" -qc "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0"

# The container images' JVM flags (deploy/images/Containerfile), read from the file so they cannot drift, with the
# heap fixed here: -Xmx takes precedence over MaxRAMPercentage.
image_flags="$(sed -n 's/^ENV JDK_JAVA_OPTIONS="\([^"]*\)".*/\1/p' "$root/deploy/images/Containerfile")"
[ -n "$image_flags" ] || { echo "no JDK_JAVA_OPTIONS in deploy/images/Containerfile" >&2; exit 1; }
# shellcheck disable=SC2206 # the flags are words
jvm_flags=($image_flags -Xmx$heap)

work="$(mktemp -d /tmp/daily-run-bench.XXXXXX)"
log="$work/notifications-service.log"
service=""
trap '[ -z "$service" ] || { kill $service 2>/dev/null; wait $service 2>/dev/null || true; }; rm -rf "$work"' EXIT
token="$(SUPERVISION_JWT_KEY_DIR="$work/keys" "$root/deploy/local/token.sh" admin 2>/dev/null | tail -n 1)"
echo "notifications-service: java ${jvm_flags[*]} on port $port, database $db"
QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$pg_host:$pg_port/$db" \
  QUARKUS_DATASOURCE_USERNAME="$pg_user" QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$work/keys/public.pem" MP_JWT_VERIFY_ISSUER="https://supervision.local/issuer" \
  EVENTS_CONSUMER_ENABLED=false OUTBOX_ENABLED=false QUARKUS_KAFKA_HEALTH_ENABLED=false \
  NOTIFICATIONS_DELIVERY_ENABLED=false NOTIFICATIONS_DAILY_RUN_CRON=off \
  java "${jvm_flags[@]}" -jar "$jar" >"$log" 2>&1 &
service=$!
for _ in $(seq 1 600); do # a loaded machine starts it in minutes
  curl -sf "http://127.0.0.1:$port/q/health/live" >/dev/null && break
  kill -0 $service 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/q/health/live" >/dev/null || { tail -50 "$log"; echo "service did not start" >&2; exit 1; }
[ "$("${psql_db[@]}" -tAc 'SELECT count(*) FROM reminder_policy')" -eq 0 ] ||
  { echo "$db has a stored reminder policy; the reference assumes the default one" >&2; exit 1; }

seed() { # $1: number of assignments (two per task)
  echo "Seeding $1 assignments..."
  "${psql_db[@]}" -v tasks="$(($1 / 2))" <<'SQL'
TRUNCATE task_info, assignment_info, unit_info, escalation, delivery_attempt, delivery, digest CASCADE;
INSERT INTO unit_info (id, code, name, kind, active, contacts, version)
SELECT md5('bench-unit-' || i)::uuid, 'bench-' || i, '基准单位' || i, 'CITY_DEPARTMENT', true, '[]', 0
FROM generate_series(0, 199) i
UNION ALL SELECT '6546456c-86ad-5db5-8a53-3fd9293a11f6', 'szfb', '市政府办公室', 'CITY_DEPARTMENT', true, '[]', 0;
-- Due dates, units and what is left open are spread by hashes of the task's number, so that none of them follows
-- another, the key or the place on disk.
INSERT INTO task_info (id, plan_id, code, title, deadline_text, deadline_kind, due_date, recurrence, version)
SELECT md5('bench-task-' || i)::uuid, md5('bench-plan-' || (i % 10))::uuid, 'B-' || i, '基准任务' || i,
       CASE WHEN i % 50 = 1 THEN '每月' ELSE '按期完成' END,
       CASE WHEN i % 50 = 1 THEN 'RECURRING' WHEN i % 10 = 0 THEN 'YEAR_ROUND' ELSE 'DATE' END,
       CASE WHEN i % 50 = 1 THEN NULL ELSE DATE '2022-01-01' + (hashtext('due-' || i) & 2147483647) % 400 END,
       CASE WHEN i % 50 = 1 THEN 'MONTHLY' END, 1
FROM generate_series(0, :tasks - 1) i;
-- Lead and co-organiser (never the same unit); past-due work is completed except one in twenty; every 50th
-- co-organiser has a ten-day extension, every 100th lead no due date of its own (it counts towards the task's).
INSERT INTO assignment_info (task_id, unit_id, role, status, due_date)
SELECT t.id, md5('bench-unit-' || (lead + r * (1 + (hashtext('co-' || n) & 2147483647) % 199)) % 200)::uuid,
       CASE r WHEN 0 THEN 'LEAD' ELSE 'CO' END,
       CASE WHEN t.due_date < DATE '2022-10-12' AND (hashtext('open-' || n || '-' || r) & 2147483647) % 20 <> 0
            THEN 'COMPLETED' ELSE 'IN_PROGRESS' END,
       CASE WHEN r = 1 AND n % 50 = 7 THEN t.due_date + 10 WHEN r = 0 AND n % 100 = 3 THEN NULL ELSE t.due_date END
FROM (SELECT id, due_date, substr(code, 3)::int AS n, (hashtext('lead-' || substr(code, 3)) & 2147483647) % 200 AS lead
      FROM task_info) t CROSS JOIN generate_series(0, 1) r;
-- A third of the open past-due assignments were escalated on an earlier run (only once per assignment).
INSERT INTO escalation (task_id, unit_id, day)
SELECT task_id, unit_id, DATE '2022-10-11' FROM assignment_info
WHERE status <> 'COMPLETED' AND due_date < DATE '2022-10-12' AND (hashtext('esc-' || task_id || unit_id) & 3) = 0;
VACUUM ANALYZE task_info;
VACUUM ANALYZE assignment_info;
SQL
}

# The reference: the default policy (30 and 7 days, 3 and 1 working days before; on the day; overdue every 3
# working days; escalation on overdue working day 5; quarterly progress of year-round tasks, period-end progress of
# recurring ones) applied to every assignment, in plain SQL over the calendar. One row per item.
reference_items_sql="
WITH days AS (
  SELECT g::date AS day, COALESCE(c.kind = 'WORKDAY', extract(isodow FROM g) < 6) AS working
  FROM generate_series(DATE '2021-01-01', DATE '2024-12-31', interval '1 day') g LEFT JOIN calendar_day c ON c.day = g::date),
cal AS (
  SELECT day, working, max(CASE WHEN working THEN day END) OVER (ORDER BY day) AS last_working,
         count(*) FILTER (WHERE working) OVER (ORDER BY day) AS wn
  FROM days),
run AS (SELECT c.day, c.wn, c.working FROM cal c WHERE c.day = DATE '$day'),
period_end AS (
  SELECT p.recurrence, c.last_working
  FROM (VALUES ('MONTHLY', date_trunc('month', DATE '$day') + interval '1 month - 1 day'),
               ('QUARTERLY', date_trunc('quarter', DATE '$day') + interval '3 months - 1 day'),
               ('ANNUAL', date_trunc('year', DATE '$day') + interval '1 year - 1 day')) p (recurrence, last_day)
  JOIN cal c ON c.day = p.last_day::date),
open_assignment AS (
  SELECT t.id AS task_id, a.unit_id, t.deadline_kind, t.recurrence, COALESCE(a.due_date, t.due_date) AS due,
         e.task_id IS NOT NULL AS escalated
  FROM assignment_info a JOIN task_info t ON t.id = a.task_id
  LEFT JOIN escalation e ON e.task_id = a.task_id AND e.unit_id = a.unit_id AND e.day < DATE '$day'
  WHERE a.status <> 'COMPLETED'),
dated AS (
  SELECT o.*, ce.day AS deadline, run.wn - ce.wn AS overdue_day, ce.wn - run.wn AS working_days_ahead,
         c7.last_working AS seven_days_before, c30.last_working AS thirty_days_before
  FROM open_assignment o JOIN cal cd ON cd.day = o.due JOIN cal ce ON ce.day = cd.last_working
  JOIN cal c7 ON c7.day = ce.day - 7 JOIN cal c30 ON c30.day = ce.day - 30 CROSS JOIN run
  WHERE o.deadline_kind IN ('DATE', 'YEAR_ROUND')),
items AS (
  SELECT unit_id, task_id, 'DUE_TODAY' AS kind, NULL::uuid AS about FROM dated WHERE deadline = DATE '$day'
  UNION ALL
  SELECT unit_id, task_id, 'DUE_SOON', NULL FROM dated
  WHERE deadline > DATE '$day' AND (working_days_ahead IN (1, 3) OR DATE '$day' IN (seven_days_before, thirty_days_before))
  UNION ALL
  SELECT unit_id, task_id, 'OVERDUE', NULL FROM dated WHERE deadline < DATE '$day' AND (overdue_day - 1) % 3 = 0
  UNION ALL
  SELECT unit_id, task_id, 'ESCALATION', NULL FROM dated WHERE deadline < DATE '$day' AND overdue_day = 5 AND NOT escalated
  UNION ALL
  SELECT '6546456c-86ad-5db5-8a53-3fd9293a11f6', task_id, 'ESCALATION', unit_id FROM dated
  WHERE deadline < DATE '$day' AND overdue_day = 5 AND NOT escalated
  UNION ALL
  SELECT unit_id, task_id, 'PROGRESS_REPORT', NULL FROM dated
  WHERE deadline_kind = 'YEAR_ROUND' AND extract(year FROM due) = extract(year FROM DATE '$day') AND deadline >= DATE '$day'
    AND DATE '$day' = (SELECT last_working FROM period_end WHERE recurrence = 'QUARTERLY')
  UNION ALL
  SELECT o.unit_id, o.task_id, 'PROGRESS_REPORT', NULL FROM open_assignment o JOIN period_end p USING (recurrence)
  WHERE o.deadline_kind = 'RECURRING' AND p.last_working = DATE '$day')
SELECT i.* FROM items i CROSS JOIN run WHERE run.working AND i.unit_id IN (SELECT id FROM unit_info)"

# One line per digest: the unit and its items in a fixed order, from the stored digests or from the reference.
planned_digests_sql="
SELECT d.unit_id || ' ' || string_agg((i->>'kind') || ':' || (i->>'taskId') || ':' || COALESCE(i->>'aboutUnitId', ''),
                                      ',' ORDER BY i->>'kind', i->>'taskId', i->>'aboutUnitId')
FROM digest d CROSS JOIN jsonb_array_elements(d.items::jsonb) i WHERE d.day = DATE '$day' GROUP BY d.unit_id"
reference_digests_sql="
SELECT unit_id || ' ' || string_agg(kind || ':' || task_id || ':' || COALESCE(about::text, ''),
                                    ',' ORDER BY kind, task_id::text, about::text)
FROM ($reference_items_sql) r GROUP BY unit_id"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
run_once() { # prints the run's milliseconds; the day's digests and escalations are removed first
  "${psql_db[@]}" -c "DELETE FROM delivery_attempt; DELETE FROM delivery; DELETE FROM digest WHERE day = DATE '$day';
                      DELETE FROM escalation WHERE day = DATE '$day'"
  local answer
  answer="$(curl -s -o "$work/run.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "{\"date\":\"$day\"}" "http://127.0.0.1:$port/api/v1/notifications/runs")" ||
    answer="000 0"
  if [ "${answer%% *}" != 200 ] || ! kill -0 $service 2>/dev/null; then
    echo "the run failed (HTTP ${answer%% *}): $(head -c 500 "$work/run.json" 2>/dev/null)" >&2
    grep -E 'ERROR|Exception|OutOfMemory' "$log" | tail -20 >&2
    return 1
  fi
  python3 -c 'import sys; print(round(float(sys.argv[1]) * 1000))' "${answer#* }"
}

failed=0
row() { # figure ours reference ratio target verdict
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >&3
  [ "$6" = PASS ] || failed=1
}
peak_rss_mb() { awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$service/status"; }

for size in "${sizes[@]}"; do
  seed "$size"
  label="$(python3 -c 'import sys; n = int(sys.argv[1]); print(f"{n // 1000000}M" if n % 1000000 == 0 else f"{n // 1000}k")' "$size")"
  echo "Warm-up run at $label assignments..."
  times=()
  if run_once >/dev/null; then
    for i in $(seq 1 "$runs"); do
      ms="$(run_once)" || { times=(); break; }
      times+=("$ms")
      echo "  run $i: $ms ms, $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["digestsPlanned"])' "$work/run.json") digests planned"
    done
  fi
  target=$([ "$size" -ge 2000000 ] && echo 60000 || echo 5000)
  if [ ${#times[@]} -eq 0 ]; then
    row "daily run p99 ms, $label assignments" failed - - "<= $target" FAIL
    break
  fi
  p99="$(printf '%s\n' "${times[@]}" | sort -n | python3 -c 'import math,sys; t = [int(x) for x in sys.stdin]; print(t[max(math.ceil(len(t) * 0.99) - 1, 0)])')"
  start="$(now_ms)"
  "${psql_db[@]}" -tAc "$reference_digests_sql" | sort >"$work/reference.txt"
  reference_ms=$(($(now_ms) - start))
  "${psql_db[@]}" -tAc "$planned_digests_sql" | sort >"$work/planned.txt"
  echo "Query plan of a page of overdue assignments at $label (DueAssignmentRepository):"
  "${psql_db[@]}" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT a.due_date, a.task_id, a.unit_id, e.task_id IS NOT NULL
    FROM assignment_info a JOIN task_info t ON t.id = a.task_id
    LEFT JOIN escalation e ON e.task_id = a.task_id AND e.unit_id = a.unit_id
    WHERE a.status <> 'COMPLETED' AND t.deadline_kind = 'DATE' AND a.due_date <= DATE '$day' - 1
      AND (a.due_date, a.task_id, a.unit_id) > (DATE '2022-06-01', '00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000')
    ORDER BY a.due_date, a.task_id, a.unit_id LIMIT 2000" | sed -n '1,14p'
  p99_ratio="$(python3 -c 'import sys; print(f"{int(sys.argv[1]) / max(int(sys.argv[2]), 1):.2f}")' "$p99" "$reference_ms")"
  row "daily run p99 ms, $label assignments ($runs runs; reference: the SQL reference query)" "$p99" "$reference_ms" \
    "$p99_ratio" "<= $target" "$([ "$p99" -le "$target" ] && echo PASS || echo FAIL)"
  matching="$(comm -12 "$work/planned.txt" "$work/reference.txt" | wc -l)"
  planned_count="$(wc -l <"$work/planned.txt")" reference_count="$(wc -l <"$work/reference.txt")"
  items="$("${psql_db[@]}" -tAc "SELECT count(*) FROM ($reference_items_sql) r")"
  echo "reference: $reference_count digests, $items items; planned: $planned_count digests, $matching equal to the reference's"
  row "digests equal to the reference, $label assignments ($items items)" "$planned_count" "$reference_count" \
    "$(python3 -c 'import sys; print(f"{int(sys.argv[1]) / max(int(sys.argv[2]), 1):.2f}")' "$matching" "$reference_count")" \
    "same (unit, items) set" \
    "$([ "$matching" -eq "$reference_count" ] && [ "$planned_count" -eq "$reference_count" ] && [ "$reference_count" -gt 0 ] && echo PASS || echo FAIL)"
  rss="$(peak_rss_mb)"
  row "notifications-service peak resident MB, $label assignments (reference: -Xmx)" "$rss" "${heap%m}" \
    "$(python3 -c 'import sys; print(f"{int(sys.argv[1]) / int(sys.argv[2]):.2f}")' "$rss" "${heap%m}")" \
    "completes at -Xmx$heap" PASS
done
uptime
exit $failed
