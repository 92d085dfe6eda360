#!/usr/bin/env bash
# Benchmark of registry-service on the running dev stack (deploy/local/nobd up):
#  1. seeds N institutions (default 20,000) spread like deploy/seed/schools_by_region.csv through the CSV
#     import API, in files of 5,000 rows: each file twice as a dry run (warm-up), the dry runs' leftovers vacuumed, then
#     the timed import, PARALLEL files sent at once;
#  2. measures GET /api/v1/institutions/{bin} for random seeded BINs with a real Keycloak token at fixed
#     concurrency with wrk (Debian package; installed if missing): requests/s, p50, p99, non-2xx.
# Usage: deploy/bench/registry-bench.sh [N]   env: CONNECTIONS ("8 16 32"; empty: import only), THREADS (2),
#   DURATION (20s), PARALLEL (4), SKIP_IMPORT=1 (measure the GET on the open institutions already in the registry),
#   REIMPORT=1 (step 1 imports N of the registry's own open cards by BIN, each with its capacity one higher: every
#   row an update)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-20000}
CONNECTIONS=${CONNECTIONS-8 16 32} THREADS=${THREADS:-2} DURATION=${DURATION:-20s} PARALLEL=${PARALLEL:-4}
REGISTRY="http://127.0.0.1:${NOBD_REGISTRY_PORT:-8081}"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
eval "$("$ROOT/deploy/local/nobd" env --instance dev)"
PSQL=(psql -h 127.0.0.1 -p "$NOBD_PG_PORT" -U nobd -d registry -Atq)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ -n ${SKIP_IMPORT:-} ]]; then
  "${PSQL[@]}" -c "select bin from institution where status = 'OPEN'" > "$work/bins.txt"
  N=$(wc -l < "$work/bins.txt")
else
  if [[ -n ${REIMPORT:-} ]]; then
    # the country's open cards as they are, every capacity one higher (a yearly refresh: every row an update)
    query=$(tr '\n' ' ' <<SQL
select bin, name_kk as "nameKk", name_ru as "nameRu", type, ownership, kato, locality,
  replace(languages, ',', ';') as languages, capacity + 1 as capacity, shifts, address, phone, email,
  opened_on as "openedOn" from institution where status = 'OPEN' and capacity is not null order by bin limit $N
SQL
)
    "${PSQL[@]}" -c "\\copy ($query) to '$work/all.csv' csv header"
    N=$(( $(wc -l < "$work/all.csv") - 1 ))
  else
    [[ -d "$ROOT/contracts/target/classes" ]] || (cd "$ROOT" && ./mvnw -B -q -pl contracts compile >&2) # Checksum12
    java -cp "$ROOT/contracts/target/classes" "$ROOT/deploy/bench/GenerateInstitutions.java" "$N" 42 \
      "$ROOT/registry-service/src/main/resources/kato/kato.csv" "$ROOT/deploy/seed/schools_by_region.csv" "$work/all.csv"
  fi
  tail -n +2 "$work/all.csv" | cut -d, -f1 > "$work/bins.txt"
  tail -n +2 "$work/all.csv" | split -l 5000 - "$work/part-"
  for part in "$work"/part-*; do { head -1 "$work/all.csv"; cat "$part"; } > "$part.csv"; done
  token=$("$ROOT/deploy/local/token.sh" ministry)
  # warm-up: every file twice as a dry run (the same validation and writes, rolled back), so that the timed import
  # runs compiled code as a replica that has been up for a while does (the first import of a fresh JVM is slower:
  # docs/benchmarks.md)
  for round in 1 2; do
    for part in "$work"/part-*.csv; do
      DRY_RUN=1 "$ROOT/deploy/local/import-csv.sh" "$part" "$token" "$REGISTRY" 2>/dev/null
    done
  done
  # the dry runs' rolled-back rows (40,000 dead cards, history rows, outbox messages and their index entries) are
  # vacuumed now: autovacuum (one-minute naptime) would otherwise clean them up at a random moment, inside the timed
  # import or not (4.4-7.0 s for the same import)
  "${PSQL[@]}" -c "vacuum (analyze) institution, institution_version, outbox_message"
  # the timed import: PARALLEL files sent at once, as a clerk sends the country's four files; a replica runs two jobs
  # and queues two (nobd.registry.import.max-concurrent, max-queued), a queued job starting as a running one ends
  start=$(date +%s.%N)
  printf '%s\n' "$work"/part-*.csv | xargs -P "$PARALLEL" -I{} "$ROOT/deploy/local/import-csv.sh" {} "$token" "$REGISTRY"
  end=$(date +%s.%N)
  echo "import: $N rows in $(awk "BEGIN{printf \"%.1f\", $end - $start}") s = $(awk "BEGIN{printf \"%.0f\", $N / ($end - $start)}") rows/s ($PARALLEL files sent at once, after two dry runs of each)"
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
