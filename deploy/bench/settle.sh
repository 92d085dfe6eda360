#!/usr/bin/env bash
# Waits (at most 3 minutes) until the machine is quiet, less than a tenth of its cores busy over 5 s: services that
# have just started still compile and load, and the work a benchmark step leaves behind (consumers catching up,
# autovacuum of the tables it filled) would be measured with the step that follows. Used between the steps of
# national.sh.
set -euo pipefail
tries=36 busy=100
while (( tries-- > 0 )); do
  read -r _ a < /proc/stat; sleep 5; read -r _ b < /proc/stat
  busy=$(awk -v a="$a" -v b="$b" 'BEGIN { n = split(a, x, " "); split(b, y, " "); for (i = 1; i <= n; i++) {
    d = y[i] - x[i]; all += d; if (i == 4 || i == 5) idle += d }; printf "%d", 100 * (all - idle) / all }')
  (( busy >= 10 )) || exit 0
done
echo "  the machine stayed busy ($busy % of its cores): measuring anyway"
