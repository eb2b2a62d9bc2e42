#!/bin/sh
# The GUI tests, several times in a row, while two busy loops keep both cores of a 2-core machine busy:
# a GUI test that waits for a time instead of a condition fails here first. Not part of CI.
#
#   sh bench/gui-under-load.sh            5 runs, 2 hogs
#   RUNS=10 HOGS=4 sh bench/gui-under-load.sh
#
# Builds the plugin once (mvn package, no tests), then runs the failsafe GUI tests (`*IT`) under xvfb-run
# RUNS times. Logs go to target/gui-under-load/; the summary line counts the runs that failed. Exit status
# 0 when none failed.
set -u
cd "$(dirname "$0")/.." || exit 2
runs=${RUNS:-5}
hogs=${HOGS:-2}
logs=target/gui-under-load
mvn -o -q -B package -DskipTests || exit 2
mkdir -p "$logs"
pids=""
i=0
while [ "$i" -lt "$hogs" ]; do
    sh -c 'while :; do :; done' &
    pids="$pids $!"
    i=$((i + 1))
done
trap 'kill $pids 2>/dev/null' EXIT INT TERM
failed=0
n=1
while [ "$n" -le "$runs" ]; do
    if xvfb-run -a -s "-screen 0 1600x1000x24" mvn -o -B failsafe:integration-test failsafe:verify \
            >"$logs/run-$n.log" 2>&1; then
        echo "run $n: passed ($(grep -h 'Tests run:' "$logs/run-$n.log" | tail -1))"
    else
        failed=$((failed + 1))
        echo "run $n: FAILED, see $logs/run-$n.log"
    fi
    n=$((n + 1))
done
echo "gui under load: $runs runs with $hogs busy loops, $failed failed"
[ "$failed" -eq 0 ]
