#!/usr/bin/env bash
# The dashboard in a real browser on the running dev stack (deploy/local/nobd up): Debian's headless Chromium driven
# by Selenium logs in as each demo user through Keycloak and loads each page RUNS times (after one warm-up),
# measured by the browser's Navigation Timing: first byte, first view (the load event) and complete (trend and
# completeness arrived). For the national figure seed 20,000 schools first (docs/benchmarks.md).
# Usage: deploy/bench/dashboard-bench.sh [RUNS]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-20}
eval "$("$ROOT/deploy/local/nobd" env --instance dev)"
base="http://127.0.0.1:${NOBD_DASHBOARD_PORT:-8084}"
cp_file="$ROOT/dashboard/target/test-classpath.txt"
if [[ ! -s $cp_file || ! -d $ROOT/dashboard/target/test-classes ]]; then
  # (test-compile: the reactor resolves test-support to its classes; the last module written is the dashboard)
  (cd "$ROOT" && ./mvnw -B -q -pl dashboard -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$cp_file" </dev/null >&2)
fi
# a district and a school of Akmola that the demo users may open (the oblast user's first district with schools)
district=${NOBD_BENCH_DISTRICT:-111000000}
school=${NOBD_BENCH_SCHOOL:-210540000010}
# the browser and the sign-in of the browser tests (dashboard/target/test-classes)
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$ROOT/dashboard/target/test-classes:$(cat "$cp_file")" "$ROOT/deploy/bench/DashboardFirstView.java" "$base" "$RUNS" \
  ministry=/country ministry=/oblast/110000000 oblast.akmola=/oblast/110000000 \
  oblast.akmola=/district/$district school.akmola=/school/$school
