#!/usr/bin/env bash
# Runs Maven 3.9 or later with the given arguments: `mvn` itself when it is recent enough, else Apache Maven 3.9.16,
# fetched once from Maven Central (org.apache.maven:apache-maven, through the local repository) and unpacked into
# target/ at the repository root. The build works with Maven 3.8, but quarkus:dev refuses anything before 3.9, and
# Debian 12 ships 3.8.7.
#
#   deploy/maven.sh -pl tasks-service quarkus:dev      (any Maven arguments; run from the repository root)
#
# MAVEN_OPTS and MAVEN_ARGS (e.g. -Dmaven.repo.local=...) apply to both Mavens.
set -euo pipefail
# The repository root is the folder whose pom.xml is the aggregator (supervision-parent) itself, not a module naming it
# as its <parent>, wherever this script lives.
root="$(d="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; until sed '/<parent>/,/<\/parent>/d' "$d/pom.xml" 2>/dev/null | grep -s '<artifactId>supervision-parent</artifactId>' >/dev/null || [ "$d" = / ]; do d="$(dirname "$d")"; done; printf %s "$d")"
[ "$root" != / ] || { echo "cannot find the repository root (the pom.xml of supervision-parent) above $0" >&2; exit 1; }
case "${1:-}" in -h | --help) sed -n '2,/^set -euo pipefail$/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;; esac

fetched_version=3.9.16
fetched_home="$root/target/apache-maven-$fetched_version"

# "Apache Maven 3.8.7 (...)", possibly in colour
installed="$(mvn -B --version 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | sed -n 's/^Apache Maven \([0-9][0-9.]*\).*/\1/p' | head -n 1)" || true
if [ -n "$installed" ] && printf '3.9.0\n%s\n' "$installed" | sort -V -C; then
  exec mvn "$@"
fi

if [ ! -x "$fetched_home/bin/mvn" ]; then
  echo "maven.sh: Maven ${installed:-(none)} is older than 3.9; fetching Apache Maven $fetched_version from Maven Central" >&2
  command -v mvn >/dev/null || { echo "maven.sh: no mvn on PATH to fetch it with" >&2; exit 1; }
  mkdir -p "$root/target"
  download="$(mktemp -d "$root/target/maven-download.XXXXXX")"
  trap 'rm -rf "$download"' EXIT
  (cd "$root" && mvn -B -q -N dependency:copy \
    -Dartifact="org.apache.maven:apache-maven:$fetched_version:tar.gz:bin" -DoutputDirectory="$download") >&2
  tar -xzf "$download/apache-maven-$fetched_version-bin.tar.gz" -C "$download"
  rm -rf "$fetched_home"
  mv "$download/apache-maven-$fetched_version" "$fetched_home"
  rm -rf "$download"
  trap - EXIT
fi
exec "$fetched_home/bin/mvn" "$@"
