#!/usr/bin/env bash
# The files every NOBD service image has below its application (docs/images.md): a Java runtime made with jlink from
# the JDK that builds the services, the shared libraries that runtime loads (copied from this machine's glibc, as
# ldd finds them), an /etc/passwd with the non-root user the images run as, and a writable /tmp. The images are
# built from `scratch` with these files as one layer, so no base image is pulled from a registry.
#
#   deploy/images/runtime-rootfs.sh <out-dir>
#
# Made once and kept while the JDK, the module list and this script are the same (<out-dir>/.stamp): the four
# services of one build share it. Needs a JDK with jmods (Debian: openjdk-17-jmods), ldd and flock.
set -euo pipefail

OUT="${1:?usage: runtime-rootfs.sh <out-dir>}"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
# java.se: every standard module (java.desktop for java.beans, java.sql, java.naming, java.management, ...); the jdk.*
# ones for elliptic-curve TLS, DNS names, the kk/ru locale data of the dashboard, extra charsets (CSV imports), JFR,
# zip file systems, jcmd-style management and sun.misc.Unsafe (Netty, Kafka)
MODULES=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.naming.dns,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.jfr,jdk.management,jdk.management.jfr,jdk.net
# the user of the images: numeric, not root (Kubernetes' runAsNonRoot can check a numeric user)
IMAGE_UID=10001
# AWT, sound and image native libraries: never loaded by a headless server; their X11/font dependencies stay out
SKIP_LIBS='libawt|libfontmanager|libjavajpeg|liblcms|libmlib_image|libsplashscreen|libjsound|libjawt'

log() { printf 'runtime-rootfs: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[[ -d "$JAVA_HOME/jmods" ]] || die "$JAVA_HOME/jmods not found: jlink needs the JDK's jmods (Debian: apt-get install openjdk-17-jmods)"
command -v ldd >/dev/null || die "ldd not found"

stamp="$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | grep -E 'java.(runtime.version|vm.vendor) =' | tr -d ' ')"
stamp="$stamp $MODULES $IMAGE_UID $(sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1)"

mkdir -p "$(dirname "$OUT")"
exec 9>"$OUT.lock"
flock 9
if [[ "$(cat "$OUT/.stamp" 2>/dev/null)" == "$stamp" ]]; then
  log "$OUT is up to date"
  exit 0
fi

tmp="$OUT.tmp"
rm -rf "$tmp" "$OUT"
mkdir -p "$tmp/opt" "$tmp/etc" "$tmp/tmp" "$tmp/deployments"
log "jlink ($JAVA_HOME, $MODULES)"
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$tmp/opt/java"

# the libraries of the launcher, the VM and the runtime's native libraries, with what they need in turn (ldd lists
# the whole closure), at the paths the dynamic loader searches; symbolic links resolved (a layer holds plain files)
copy_lib() { local dest="$tmp$1"; [[ -e $dest ]] || { mkdir -p "$(dirname "$dest")"; cp -L "$1" "$dest"; }; }
mapfile -t natives < <(find "$tmp/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) | grep -Ev "/($SKIP_LIBS)[^/]*\.so$")
for f in "${natives[@]}"; do
  ldd "$f" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}'
done | grep -v "^$tmp/" | sort -u | while read -r lib; do
  copy_lib "$lib"
  # the loader itself is also reached through the path in the executables' program header
  if [[ $lib == */ld-linux-*.so.* ]]; then copy_lib "$(readlink -f "$lib")"; fi
done
interp="$(readelf -l "$tmp/opt/java/bin/java" | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p')"
[[ -n $interp ]] || die "no program interpreter in $tmp/opt/java/bin/java"
mkdir -p "$tmp$(dirname "$interp")" && cp -L "$interp" "$tmp$interp"

cat >"$tmp/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
nobd:x:$IMAGE_UID:$IMAGE_UID:NOBD service:/deployments:/sbin/nologin
PASSWD
cat >"$tmp/etc/group" <<GROUP
root:x:0:
nobd:x:$IMAGE_UID:
GROUP
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$tmp/etc/nsswitch.conf"

# the runtime starts here, as the image's user would run it (no container engine needed to check that)
"$tmp/opt/java/bin/java" -version >/dev/null 2>&1 || die "the jlink runtime does not start"
echo "$stamp" >"$tmp/.stamp"
mv "$tmp" "$OUT"
log "$OUT: $(du -sh "$OUT" | cut -f1) ($(find "$OUT" -name '*.so*' -path '*/lib/x86_64*' | wc -l) system libraries)"
