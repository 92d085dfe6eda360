#!/usr/bin/env bash
# The yardstick of the ingest benchmarks: a bare PostgreSQL COPY of N enrolment-shaped rows with a UUID key into the
# dev instance's ingest database (same server, same durability as ingest-service's writes), timed on its own.
# Prints "COPY yardstick: N rows in S s = R rows/s".
# Usage: deploy/bench/copy-yardstick.sh [N]   (default 1,000,000)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-1000000}
eval "$("$ROOT/deploy/local/nobd" env --instance dev)"
PSQL=(psql -h 127.0.0.1 -p "$NOBD_PG_PORT" -U nobd -v ON_ERROR_STOP=1 -Atq)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java "$ROOT/deploy/bench/EnrolmentRows.java" "$N" > "$work/rows.csv"
"${PSQL[@]}" -d ingest -c "create table if not exists bench_copy (id uuid primary key, student_id varchar(43),
  school_bin varchar(12), grade smallint, language varchar(2), valid_from date, valid_to date); truncate bench_copy"
start=$(date +%s.%N)
"${PSQL[@]}" -d ingest -c "\\copy bench_copy from '$work/rows.csv' with (format csv)"
end=$(date +%s.%N)
"${PSQL[@]}" -d ingest -c "drop table bench_copy"
echo "COPY yardstick: $N rows in $(awk "BEGIN{printf \"%.1f\", $end - $start}") s = $(awk "BEGIN{printf \"%.0f\", $N / ($end - $start)}") rows/s"
