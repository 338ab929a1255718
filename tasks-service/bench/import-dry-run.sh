#!/usr/bin/env bash
# Measures a dry-run import of the Huzhou 2022 plan (parse, resolve all unit names with units-service, build the
# preview) through tasks-service's HTTP API.
#
#   deploy/local/run.sh --background && tasks-service/bench/import-dry-run.sh [REQUESTS]
#
# Needs the local stack running (tasks-service on 8082, units-service on 8081) and curl. Bounded: 10 warm-up and
# REQUESTS (default 50) sequential requests to 127.0.0.1 only; stores nothing.
set -euo pipefail
# The repository root is the folder whose pom.xml is the aggregator (supervision-parent), wherever this script lives.
root="$(d="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; until grep -qs '<artifactId>supervision-parent</artifactId>' "$d/pom.xml" || [ "$d" = / ]; do d="$(dirname "$d")"; done; printf %s "$d")"
[ "$root" != / ] || { echo "cannot find the repository root (the pom.xml of supervision-parent) above $0" >&2; exit 1; }
requests="${1:-50}"
document="$root/deploy/libs/test-kit/src/main/resources/documents/huzhou-2022-work-plan.txt"
url="http://127.0.0.1:8082/api/v1/plans/import?dryRun=true"
post() {
  curl -sf -o "$1" -w '%{time_total}\n' -H 'Content-Type: text/plain; charset=UTF-8' --data-binary @"$document" "$url"
}
first=$(post /dev/null)
for _ in $(seq 1 10); do post /dev/null >/dev/null; done
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
