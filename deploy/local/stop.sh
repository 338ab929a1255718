#!/usr/bin/env bash
# Stops what deploy/local/run.sh started, by the PIDs it recorded in deploy/local/.data/pids: the services first,
# then the Kafka broker and the embedded PostgreSQL server if run.sh started them (a broker or database that run.sh
# merely reused is left alone). SIGTERM, up to 30 s (STOP_TIMEOUT) for a clean shutdown, then SIGKILL.
# The data in deploy/local/.data is kept, so the next run.sh finds the same databases and topics.
#
#   deploy/local/stop.sh              the whole stack
#   deploy/local/stop.sh SERVICE...   only these services (units-service, tasks-service, notifications-service,
#                                     gateway), e.g. to run one in dev mode on its port (mvn -pl SERVICE quarkus:dev);
#                                     the rest keeps running, and deploy/local/run.sh --background SERVICE puts it back
#
# Exits non-zero if a process of this checkout's stack is still running afterwards (one run.sh did not record):
# it is listed, not killed, because only recorded PIDs are ours to stop for sure.
set -euo pipefail

# shellcheck source=stack-lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/stack-lib.sh"

usage() { sed -n '2,/^set -euo pipefail$/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }
selected=()
for arg in "$@"; do
  case "$arg" in
    -h | --help) usage; exit 0 ;;
    *) service_entry "$arg" >/dev/null || { warn "stop.sh: no service named $arg"; usage >&2; exit 2; }
       selected+=("$arg") ;;
  esac
done

mkdir -p "$pid_dir"
# Wait for a run.sh that is still starting (it holds this lock until everything is ready or it has given up):
# stopping half-way through its start would race with it.
exec 9>"$data_dir/run.lock"
flock -w 300 9 || { warn "stop.sh: run.sh still holds $data_dir/run.lock after 300 s"; exit 1; }

if [ ${#selected[@]} -gt 0 ]; then
  log "Stopping ${selected[*]} (the rest of the local stack keeps running):"
  stop_names "${selected[@]}"
  status=0
  for name in "${selected[@]}"; do
    # the same check as below, for the processes of this service only
    leftover="$(stack_processes | grep -F " $root/$name/target/quarkus-app/" || true)"
    if [ -n "$leftover" ]; then
      warn "stop.sh: $name is still running, but run.sh did not record it, so it was left alone:"
      warn "$leftover"
      status=1
    fi
  done
  any_alive=false
  for name in $(recorded_names); do
    if recorded_pid "$name" >/dev/null; then any_alive=true; fi
  done
  $any_alive || rm -f "$db_choice_file"
  [ $status -ne 0 ] || log "Stopped ${selected[*]}."
  exit $status
fi

mapfile -t names < <(recorded_names)
if [ ${#names[@]} -eq 0 ]; then
  log "Nothing recorded as running in ${pid_dir#"$root/"}."
else
  log "Stopping the local stack:"
  stop_names "${names[@]}"
fi
stop_orphan_postmaster # an embedded server whose launcher was killed outright has no pid file of its own
rm -f "$db_choice_file"

leftover="$(stack_processes)"
if [ -n "$leftover" ]; then
  warn "stop.sh: these processes of this checkout's stack are still running, but run.sh did not record them,"
  warn "so they were left alone:"
  warn "$leftover"
  exit 1
fi
log "Stopped. Data kept in ${data_dir#"$root/"}."
