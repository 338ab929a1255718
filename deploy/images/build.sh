#!/usr/bin/env bash
# Builds the container images of the four services with podman, without a container registry: a Java 17 runtime base
# made from Debian's packages (mmdebstrap, then podman import; built once and kept in podman's image store), and on it
# one image per service from Containerfile, each holding the service's Quarkus fast-jar.
#
#   deploy/images/build.sh [--base-image IMAGE] [--rebuild-base] [--tag TAG] [--save DIR] [SERVICE...]
#
#   --base-image IMAGE  build FROM this image instead of the local Debian base, e.g. where a registry is reachable:
#                       docker.io/library/eclipse-temurin:17-jre (any image with java 17 on the PATH and a shell)
#   --rebuild-base      make the local base again (for Debian's security updates); otherwise an existing one is used
#   --tag TAG           the images' tag (default: the project's version from the aggregator pom.xml)
#   --save DIR          also write the images to DIR/supervision-images-<tag>.tar (podman save, one docker archive
#                       holding all of them, so the layers they share are in it once) for an offline install
#   SERVICE             build only these (units-service, tasks-service, notifications-service, gateway)
#
# The images are localhost/supervision/<service>:<tag>. Jars that are not built yet are built first
# (mvn -B -q package -DskipTests). Needs podman, runc and, for the local base, mmdebstrap (.ci/run installs them) and
# root. Podman reads the project's deploy/images/containers.conf (CONTAINERS_CONF), which this machine kind needs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The repository root is the folder whose pom.xml is the aggregator (supervision-parent) itself, not a module naming it
# as its <parent>, wherever this script lives.
root="$(d="$here"; until sed '/<parent>/,/<\/parent>/d' "$d/pom.xml" 2>/dev/null | grep -s '<artifactId>supervision-parent</artifactId>' >/dev/null || [ "$d" = / ]; do d="$(dirname "$d")"; done; printf %s "$d")"
[ "$root" != / ] || { echo "cannot find the repository root (the pom.xml of supervision-parent) above $0" >&2; exit 1; }

local_base=localhost/supervision/jre-base:17-bookworm
base_image="" rebuild_base=false tag="" save_dir="" services=()
all_services=(units-service:8081 tasks-service:8082 notifications-service:8083 gateway:8080)
while [ $# -gt 0 ]; do
  case "$1" in
    --base-image) base_image="${2:?--base-image needs an image}"; shift 2 ;;
    --rebuild-base) rebuild_base=true; shift ;;
    --tag) tag="${2:?--tag needs a tag}"; shift 2 ;;
    --save) save_dir="${2:?--save needs a directory}"; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo pipefail$/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) printf '%s\n' "${all_services[@]}" | grep -q "^$1:" || { echo "build.sh: no service named $1" >&2; exit 2; }
       services+=("$1"); shift ;;
  esac
done
[ ${#services[@]} -gt 0 ] || services=(units-service tasks-service notifications-service gateway)
# the aggregator's own <version>, the first one outside its <parent> block (it has none)
[ -n "$tag" ] || tag="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)"
for tool in podman runc; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing (apt-get install podman runc catatonit mmdebstrap)" >&2; exit 1; }
done
export CONTAINERS_CONF="$here/containers.conf"
t0=$SECONDS

# --- the local base -------------------------------------------------------------------------------------------------
# Debian bookworm's own OpenJDK 17 runtime: the same packages as this machine's JDK, from the Debian mirror that apt
# already reaches. --variant=apt: only Essential packages, apt and what the JRE needs; no documentation.
build_local_base() {
  command -v mmdebstrap >/dev/null || { echo "build.sh: mmdebstrap is missing (apt-get install mmdebstrap)" >&2; exit 1; }
  local work start=$SECONDS
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' RETURN
  echo "Building the base image $local_base from Debian packages (mmdebstrap; a few minutes)..."
  # without documentation; the JRE's alternatives still link their manual pages, so man1 must exist
  mmdebstrap --quiet --variant=apt --include=openjdk-17-jre-headless,ca-certificates \
    --setup-hook='mkdir -p "$1/usr/share/man/man1"' \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin' \
    bookworm "$work/base.tar"
  podman import --quiet \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["/bin/bash"]' \
    --message "Debian bookworm with openjdk-17-jre-headless (deploy/images/build.sh)" \
    "$work/base.tar" "$local_base" >/dev/null
  echo "  base built in $((SECONDS - start)) s"
}

if [ -z "$base_image" ]; then
  base_image="$local_base"
  if $rebuild_base || ! podman image exists "$local_base"; then
    build_local_base
  else
    echo "Base image $local_base: already built (--rebuild-base makes it again)"
  fi
fi

# --- the service images ---------------------------------------------------------------------------------------------
missing=()
for service in "${services[@]}"; do
  [ -f "$root/$service/target/quarkus-app/quarkus-run.jar" ] || missing+=("$service")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Not built yet: ${missing[*]}; building (mvn -B -q package -DskipTests)..."
  (cd "$root" && mvn -B -q package -DskipTests -pl "$(IFS=,; echo "${missing[*]}")" -am)
fi

[ -z "$save_dir" ] || mkdir -p "$save_dir"
built=()
for service in "${services[@]}"; do
  port="$(printf '%s\n' "${all_services[@]}" | sed -n "s/^$service://p")"
  image="localhost/supervision/$service:$tag"
  start=$SECONDS
  podman build --quiet --file "$here/Containerfile" --build-arg BASE_IMAGE="$base_image" \
    --build-arg SERVICE="$service" --build-arg PORT="$port" --build-arg VERSION="$tag" \
    --tag "$image" "$root/$service/target/quarkus-app" >/dev/null
  size="$(podman image inspect --format '{{.Size}}' "$image")"
  echo "  $image built in $((SECONDS - start)) s ($((size / 1024 / 1024)) MB)"
  built+=("$image")
done
if [ -n "$save_dir" ]; then
  # podman refuses to write into an existing archive ("docker-archive doesn't support modifying existing images"):
  # a second build replaces the first one's tarball
  rm -f "$save_dir/supervision-images-$tag.tar"
  podman save --quiet --multi-image-archive --output "$save_dir/supervision-images-$tag.tar" "${built[@]}"
  echo "Saved as $save_dir/supervision-images-$tag.tar ($(($(stat -c %s "$save_dir/supervision-images-$tag.tar") / 1024 / 1024)) MB)"
fi
echo "Images built in $((SECONDS - t0)) s (base: $base_image)"
