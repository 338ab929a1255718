#!/usr/bin/env bash
# The project's test command (README, CI): every module's tests against the real PostgreSQL on 127.0.0.1:5432 and
# real Kafka brokers that the tests start themselves (mvn -B install: verify, then the modules go into the local
# Maven repository, where quarkus:dev resolves them, as the README's "Change one service" does with -DskipTests), then the local stack's smoke test (run.sh --background, all
# four services ready, stop.sh, nothing left behind), then every command the READMEs show, in its cheapest mode
# (deploy/readme-commands.sh; it starts and stops the stack again, and runs each service in dev mode against it).
set -euo pipefail
# The repository root is the folder whose pom.xml is the aggregator (supervision-parent) itself, not a module naming it
# as its <parent>, wherever this script lives.
root="$(d="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; until sed '/<parent>/,/<\/parent>/d' "$d/pom.xml" 2>/dev/null | grep -s '<artifactId>supervision-parent</artifactId>' >/dev/null || [ "$d" = / ]; do d="$(dirname "$d")"; done; printf %s "$d")"
[ "$root" != / ] || { echo "cannot find the repository root (the pom.xml of supervision-parent) above $0" >&2; exit 1; }
cd "$root"
mvn -B install
deploy/local/smoke-test.sh
deploy/readme-commands.sh
