#!/usr/bin/env bash
# What another system does with our API, checked against a running stack (smoke-test.sh calls it):
#   1. fetches the merged OpenAPI document from the gateway;
#   2. lints it with Redocly's recommended rules (api-clients/redocly.yaml; exceptions justified in the README);
#   3. generates a TypeScript client (typescript-fetch) and a Java client (java, native library) with
#      openapi-generator 7.17.0, failing on any warning about the document;
#   4. compiles both with a short scenario each (list tasks, create a plan and a task, read it with its ETag, report
#      progress, read a unit's notifications) and runs the scenarios against the gateway.
#
#   deploy/local/api-clients.sh [GATEWAY_URL]      (default http://localhost:8080; the stack must be running)
#
# Tools are pinned and installed by this script into target/api-clients (ignored by git): @redocly/cli and
# typescript from the npm registry, openapi-generator-cli from Maven Central. Needs node/npm, java, javac and mvn.
set -euo pipefail

# shellcheck source=stack-lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/stack-lib.sh"

die() { warn "$*"; exit 1; }

gateway_url="${1:-http://localhost:8080}"
work="$root/target/api-clients"
generator_version=7.17.0
redocly_version=2.77.0
typescript_version=5.9.3
maven_args=(-B -q ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL})

rm -rf "$work/ts" "$work/java" "$work/java-classes"
mkdir -p "$work/node"

log "api-clients: tools (@redocly/cli $redocly_version, typescript $typescript_version, openapi-generator $generator_version)"
npm install --prefix "$work/node" --no-audit --no-fund --silent \
  "@redocly/cli@$redocly_version" "typescript@$typescript_version" >/dev/null
generator="$work/openapi-generator-cli-$generator_version.jar"
if [ ! -s "$generator" ]; then
  mvn "${maven_args[@]}" dependency:copy -Dartifact="org.openapitools:openapi-generator-cli:$generator_version" \
    -DoutputDirectory="$work" -Dmdep.stripVersion=false
fi

token="$("$local_dir/token.sh" admin 2>/dev/null | tail -n 1)"
curl -fsS --max-time 30 "$gateway_url/q/openapi" -o "$work/openapi.json"

log "api-clients: Redocly lint (recommended)"
"$work/node/node_modules/.bin/redocly" lint --config "$local_dir/api-clients/redocly.yaml" "$work/openapi.json"

# generate NAME ARGS...: fails when the generator has anything to say about the document itself
generate() {
  local name="$1"; shift
  # skipFormModel=false: the import's multipart form is a model too, which the generators otherwise leave out
  # The form models get names of their own: by default they would be <operationId>Request, the very name
  # typescript-fetch gives an operation's parameter object (importPlan's upload, the mail link's 签收 and fresh-link
  # forms; the generator may also reuse one model for both, since they have the same fields).
  java -jar "$generator" generate -i "$work/openapi.json" --global-property skipFormModel=false \
    --inline-schema-name-mappings importPlan_request=ImportPlanForm,acknowledgeNotificationByLink_request=AcknowledgementForm,requestFreshAcknowledgementLink_request=FreshLinkForm \
    "$@" \
    >"$work/$name-generator.log" 2>&1 \
    || { cat "$work/$name-generator.log"; die "api-clients: generating the $name client failed"; }
  # Two messages are about the generator, not the document: it cannot make examples for non-JSON answers (the
  # iCalendar feed, the mail link's page), and typescript-fetch says "Date ... Renamed to ModelDate" whenever a
  # date parameter maps to its Date type (no schema is named Date: ApiDocumentFilter writes dates in place).
  if grep -E 'WARN|issues with the specification' "$work/$name-generator.log" \
      | grep -v -e 'ExamplesUtils - No application/json content media type' \
          -e 'Date (model name matches existing language type) cannot be used as a model name'; then
    die "api-clients: the $name generator warns about the document (above)"
  fi
}

log "api-clients: TypeScript client"
generate typescript -g typescript-fetch -o "$work/ts/generated"
cp "$local_dir/api-clients/scenario.ts" "$work/ts/"
cat >"$work/ts/tsconfig.json" <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "commonjs", "lib": ["ES2022", "DOM"], "strict": true,
  "outDir": "out", "skipLibCheck": false }, "include": ["scenario.ts", "generated/**/*.ts"] }
JSON
"$work/node/node_modules/.bin/tsc" -p "$work/ts/tsconfig.json"
GATEWAY_URL="$gateway_url" TOKEN="$token" node "$work/ts/out/scenario.js"

log "api-clients: Java client"
generate java -g java --library native -o "$work/java" \
  --additional-properties=invokerPackage=cn.gov.supervision.client,apiPackage=cn.gov.supervision.client.api,modelPackage=cn.gov.supervision.client.model,hideGenerationTimestamp=true
mvn "${maven_args[@]}" -f "$work/java/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/java/classpath.txt" >/dev/null
classpath="$(cat "$work/java/classpath.txt")"
mkdir -p "$work/java-classes"
javac -Xlint:none -nowarn -d "$work/java-classes" -cp "$classpath" \
  $(find "$work/java/src/main/java" -name '*.java') "$local_dir/api-clients/ClientScenario.java"
GATEWAY_URL="$gateway_url" TOKEN="$token" java -cp "$work/java-classes:$classpath" ClientScenario

log "api-clients: OK (lint clean, both clients compile and ran their scenario)"
