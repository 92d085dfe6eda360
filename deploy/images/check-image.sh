#!/usr/bin/env bash
# Checks an image tarball that `./mvnw -B package -Pimages` wrote (Docker or OCI layout) without a container engine,
# and prints one line about it:
#   deploy/images/check-image.sh <service>/target/jib-image.tar [--run]
# It fails unless: the image runs as a numeric non-root user that /etc/passwd names; the entrypoint is the image's
# java with -XX:+ExitOnOutOfMemoryError and -jar /deployments/quarkus-run.jar (report-service's also with the two
# flags that put its background threads at nice 10); the layers hold that jar, the runtime
# (/opt/java/bin/java executable) and its loader. --run (as root, Linux): unpacks the layers and starts the
# entrypoint with the image's environment as the image's user, in a chroot with its own /proc and an empty network
# namespace, for at most 60 s: the service must boot the JVM and Quarkus (without configuration it stops naming the
# first missing variable, which is what a server must do).
set -euo pipefail
tarball="${1:?usage: check-image.sh <jib-image.tar> [--run]}"
run="${2:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "check-image: $tarball: $*" >&2; exit 1; }
tar -xf "$tarball" -C "$work"

if [[ -f $work/manifest.json ]]; then # Docker (docker save) layout
  config="$work/$(jq -r '.[0].Config' "$work/manifest.json")"
  name="$(jq -r '.[0].RepoTags[0]' "$work/manifest.json")"
  mapfile -t layers < <(jq -r '.[0].Layers[]' "$work/manifest.json" | sed "s|^|$work/|")
  format=Docker
else # OCI image layout
  manifest="$work/blobs/sha256/$(jq -r '.manifests[0].digest' "$work/index.json" | cut -d: -f2)"
  name="$(jq -r '.manifests[0].annotations["org.opencontainers.image.ref.name"]' "$work/index.json")"
  config="$work/blobs/sha256/$(jq -r '.config.digest' "$manifest" | cut -d: -f2)"
  mapfile -t layers < <(jq -r '.layers[].digest' "$manifest" | cut -d: -f2 | sed "s|^|$work/blobs/sha256/|")
  format=OCI
fi

user="$(jq -r '.config.User // ""' "$config")"
uid="${user%%:*}"
[[ $uid =~ ^[0-9]+$ && $uid != 0 ]] || fail "user '$user' is not a numeric non-root user"
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
[[ ${entrypoint[0]} == /opt/java/bin/java ]] || fail "entrypoint starts with ${entrypoint[0]}, not /opt/java/bin/java"
[[ " ${entrypoint[*]} " == *" -XX:+ExitOnOutOfMemoryError "* ]] || fail "entrypoint lacks -XX:+ExitOnOutOfMemoryError"
[[ " ${entrypoint[*]} " == *" -jar /deployments/quarkus-run.jar " ]] || fail "entrypoint does not end with -jar /deployments/quarkus-run.jar"
if [[ $name == */report-service:* ]]; then # its consumers and recomputation at nice 10 (docs/operations.md)
  [[ " ${entrypoint[*]} " == *" -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=10 "* ]] \
    || fail "report-service's entrypoint lacks -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=10"
fi

rootfs="$work/rootfs"
mkdir -p "$rootfs"
for layer in "${layers[@]}"; do tar -xzf "$layer" -C "$rootfs" 2>/dev/null || tar -xf "$layer" -C "$rootfs"; done
[[ -f $rootfs/deployments/quarkus-run.jar ]] || fail "no /deployments/quarkus-run.jar"
[[ -x $rootfs/opt/java/bin/java ]] || fail "no executable /opt/java/bin/java"
[[ -x $rootfs/lib64/ld-linux-x86-64.so.2 ]] || fail "no executable /lib64/ld-linux-x86-64.so.2"
grep -q "^[^:]*:x:$uid:" "$rootfs/etc/passwd" || fail "/etc/passwd has no user $uid"

printf '%s: %s image %s, %s, user %s, %d layers (%s compressed), entrypoint: %s\n' "$tarball" "$format" "$name" \
  "$(du -h "$tarball" | cut -f1)B tarball" "$user" "${#layers[@]}" "$(du -ch "${layers[@]}" | tail -n 1 | cut -f1)B" \
  "${entrypoint[*]}"

if [[ $run == --run ]]; then
  mkdir -p "$rootfs/proc"
  echo "check-image: starting the entrypoint as $user in a chroot of the image (60 s at most):"
  # the image's environment only (it has no shell: the entrypoint runs as it is)
  mapfile -t environment < <(jq -r '.config.Env[]' "$config")
  (cd / && env -i "${environment[@]}" "$(command -v timeout)" 60 "$(command -v unshare)" --mount --pid --net --fork \
    --mount-proc="$rootfs/proc" "$(command -v chroot)" --userspec="$user" "$rootfs" "${entrypoint[@]}" 2>&1) | tail -n 15 || true
fi
