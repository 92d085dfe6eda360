#!/usr/bin/env bash
# Benchmark of registry-service on the running dev stack (deploy/local/nobd up):
#  1. seeds N institutions (default 20,000) spread like deploy/seed/schools_by_region.csv through the CSV
#     import API, in files of 5,000 rows, and times the import;
#  2. measures GET /api/v1/institutions/{bin} for random seeded BINs with a real Keycloak token at fixed
#     concurrency with wrk (Debian package; installed if missing): requests/s, p50, p99, non-2xx.
# Usage: deploy/bench/registry-bench.sh [N]   env: CONNECTIONS ("8 16 32"; empty: import only), THREADS (2),
#   DURATION (20s), SKIP_IMPORT=1 (measure the GET on the open institutions already in the registry)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-20000}
CONNECTIONS=${CONNECTIONS-8 16 32} THREADS=${THREADS:-2} DURATION=${DURATION:-20s}
REGISTRY="http://127.0.0.1:${NOBD_REGISTRY_PORT:-8081}"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ -n ${SKIP_IMPORT:-} ]]; then
  eval "$("$ROOT/deploy/local/nobd" env --instance dev)"
  psql -h 127.0.0.1 -p "$NOBD_PG_PORT" -U nobd -d registry -Atq -c "select bin from institution where status = 'OPEN'" \
    > "$work/bins.txt"
  N=$(wc -l < "$work/bins.txt")
else
  [[ -d "$ROOT/contracts/target/classes" ]] || (cd "$ROOT" && ./mvnw -B -q -pl contracts compile >&2) # Checksum12
  java -cp "$ROOT/contracts/target/classes" "$ROOT/deploy/bench/GenerateInstitutions.java" "$N" 42 \
    "$ROOT/registry-service/src/main/resources/kato/kato.csv" "$ROOT/deploy/seed/schools_by_region.csv" "$work/all.csv"
  tail -n +2 "$work/all.csv" | cut -d, -f1 > "$work/bins.txt"
  tail -n +2 "$work/all.csv" | split -l 5000 - "$work/part-"
  token=$("$ROOT/deploy/local/token.sh" ministry)
  start=$(date +%s.%N)
  for part in "$work"/part-*; do
    { head -1 "$work/all.csv"; cat "$part"; } > "$part.csv"
    "$ROOT/deploy/local/import-csv.sh" "$part.csv" "$token" "$REGISTRY"
  done
  end=$(date +%s.%N)
  echo "import: $N rows in $(awk "BEGIN{printf \"%.1f\", $end - $start}") s = $(awk "BEGIN{printf \"%.0f\", $N / ($end - $start)}") rows/s"
fi
[[ -n $CONNECTIONS ]] || exit 0

token=$("$ROOT/deploy/local/token.sh" ministry)
# warm-up (JIT, connection pool: 15 s left the GET path half compiled after an import on a busy machine), then one
# measured run per concurrency
BINS_FILE="$work/bins.txt" TOKEN="$token" wrk -t"$THREADS" -c16 -d30s \
  -s "$ROOT/deploy/bench/get-by-bin.lua" "$REGISTRY" >/dev/null
echo "GET /api/v1/institutions/{bin}, random BIN of $N, real token; wrk -t$THREADS -d$DURATION --latency"
echo "connections  requests/s  p50  p99  non-2xx"
for c in $CONNECTIONS; do
  out=$(BINS_FILE="$work/bins.txt" TOKEN="$token" wrk -t"$THREADS" -c"$c" -d"$DURATION" --latency \
    -s "$ROOT/deploy/bench/get-by-bin.lua" "$REGISTRY")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$c  $rps  $p50  $p99  ${non2xx:-0}"
done
