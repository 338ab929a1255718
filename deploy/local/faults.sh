#!/usr/bin/env bash
# The fault suite: five faults injected into the HA stack (deploy/local/ha.sh) while it works, each checked for what
# was acknowledged and what arrived, each printing one line of figures. Loopback only; bounded in time (every wait has
# a deadline) and in count (--tasks writes per case).
#
#   deploy/local/faults.sh [--tasks N] [--keep]
#
#   --tasks N   tasks written through the gateway during each write case (default 1000; CI uses 200)
#   --keep      leave the HA stack running afterwards (by default the suite stops it if it started it)
#
# The cases, in this order, on one started stack (it is healed between cases: ha.sh start restarts what was killed):
#   kafka       kill -9 the Kafka node that leads most partitions of tasks.events (asked of Kafka) during the writes;
#               every acknowledged task is in tasks-service's database and notifications-service's read model, none
#               twice (by task code, by event id in tasks.events and in the consumer's processed events); the node
#               restarts and is back in every partition's ISR
#   replica     kill -9 tasks-service-2 while requests are in flight on it (its active-requests gauge); only requests
#               in flight fail (at most the writer's concurrency), the rest go to tasks-service-1, every acknowledged
#               write is there
#   digest      both notifications-service replicas run the day's job for the same date at once; one is killed -9 in
#               the middle of delivery (deliveries claimed and unsent); every planned mail reaches GreenMail (counted
#               by IMAP), none lost; duplicates only with the same Message-ID, counted
#   smtp        GreenMail stopped, the job run, failed attempts recorded, GreenMail back: every mail delivered
#   postgres    the primary stopped (immediate shutdown, as a crash) during writes and started again: every service
#               seen not ready while it was down and ready again without a restart of its own (same pids), every
#               acknowledged write there
# Exits non-zero when a case's check fails (after stopping the stack it started). Needs python3, psql, curl, java.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tasks=1000 keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --tasks) tasks="${2:?--tasks needs a number}"; shift 2 ;;
    --keep) keep=true; shift ;;
    -h | --help) sed -n '2,/^set -euo pipefail$/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "faults.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

was_running=false
[ -z "$(HA_LAYOUT_ONLY=1 bash -c 'source "$0"/ha.sh; for n in $(recorded_names); do recorded_pid "$n" >/dev/null && echo "$n"; done' "$here")" ] ||
  was_running=true
stop_after() {
  local status=$?
  if ! $keep && ! $was_running; then "$here/ha.sh" stop </dev/null || status=1; fi
  exit "$status"
}
trap stop_after EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$here/ha.sh" start </dev/null
token="$("$here/token.sh" admin 2>/dev/null | tail -n 1)"
TOKEN="$token" TASKS="$tasks" python3 "$here/faults.py" "$here"
