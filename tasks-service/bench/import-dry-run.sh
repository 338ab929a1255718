#!/usr/bin/env bash
# Measures a dry-run import of the Huzhou 2022 plan (parse, resolve all unit names with units-service, build the
# preview) through tasks-service's HTTP API, as admin (a token from deploy/local/token.sh).
#
#   tasks-service/bench/import-dry-run.sh [--requests N] [--warmup N]
#
#   --requests  sequential requests measured (default 50), after --warmup (default 10) unmeasured ones
#
# Needs the local stack running (deploy/local/run.sh --background: tasks-service on 8082, units-service on 8081),
# curl, openssl and python3. Only 127.0.0.1 is asked; a dry run stores nothing.
set -euo pipefail
# The repository root is the folder whose pom.xml is the aggregator (supervision-parent) itself, not a module naming it
# as its <parent>, wherever this script lives.
root="$(d="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; until sed '/<parent>/,/<\/parent>/d' "$d/pom.xml" 2>/dev/null | grep -s '<artifactId>supervision-parent</artifactId>' >/dev/null || [ "$d" = / ]; do d="$(dirname "$d")"; done; printf %s "$d")"
[ "$root" != / ] || { echo "cannot find the repository root (the pom.xml of supervision-parent) above $0" >&2; exit 1; }
requests=50 warmup=10
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo pipefail$/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "import-dry-run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$requests" "$warmup"; do
  [[ "$n" =~ ^[1-9][0-9]{0,4}$ ]] || { echo "import-dry-run.sh: counts are whole numbers from 1 to 99999" >&2; exit 2; }
done
token="$("$root/deploy/local/token.sh" admin 2>/dev/null | tail -n 1)"
document="$root/deploy/libs/test-kit/src/main/resources/documents/huzhou-2022-work-plan.txt"
url="http://127.0.0.1:8082/api/v1/plans/import?dryRun=true"
post() {
  curl -sf -o "$1" -w '%{time_total}\n' -H "Authorization: Bearer $token" -H 'Content-Type: text/plain; charset=UTF-8' \
    --data-binary @"$document" "$url"
}
first=$(post /dev/null) || {
  echo "the dry run failed (is the local stack running? deploy/local/run.sh --background); its answer:" >&2
  curl -s -H "Authorization: Bearer $token" -H 'Content-Type: text/plain; charset=UTF-8' --data-binary @"$document" "$url" |
    head -c 500 >&2
  exit 1
}
for _ in $(seq 1 "$warmup"); do post /dev/null >/dev/null; done
times=$(for _ in $(seq 1 "$requests"); do post /dev/null; done | sort -n)
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
post "$summary" >/dev/null
python3 - "$first" "$summary" <<PY
import json, sys
times = [float(t) * 1000 for t in """$times""".split()]
n = len(times)
result = json.load(open(sys.argv[2]))
print("summary:", result["summary"])
print(f"first request (cold): {float(sys.argv[1]) * 1000:.0f} ms")
print(f"requests: {n}  mean {sum(times)/n:.0f} ms  p50 {times[n//2]:.0f} ms  p95 {times[int(n*0.95)-1]:.0f} ms  max {times[-1]:.0f} ms")
PY
