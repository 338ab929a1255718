#!/usr/bin/env bash
# The project's test command (README, CI): every module's tests against the real PostgreSQL on 127.0.0.1:5432 and
# real Kafka brokers that the tests start themselves, then the local stack's smoke test (run.sh --background, all
# four services ready, stop.sh, nothing left behind).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B verify
deploy/local/smoke-test.sh
