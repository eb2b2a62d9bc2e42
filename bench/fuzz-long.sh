#!/bin/sh
# The long fuzz run of the DICOM reader (README "Fuzzing the DICOM reader"); not part of CI.
#
#   sh bench/fuzz-long.sh                      1,000,000 inputs in chunks of 100,000
#   TOTAL=2000 CHUNK=1000 sh bench/fuzz-long.sh   a smoke run
#
# Each chunk is one `mvn -o test -Dtest=DicomFuzzTest` in a fresh JVM with a 256 MiB heap and its own
# random jqwik seed (-Dproperty.seed= overrides the build's fixed one), so a chunk that fails is reproduced by
# re-running it (jqwik tries the failing sample first) or by its logged seed: -Dproperty.seed=SEED with the
# chunk's -Dfuzz.tries. Logs go to target/fuzz-long/; the summary line gives the inputs run, the failed chunks
# (any input that ends in anything but a DicomException naming the file, an OutOfMemoryError, a stack
# overflow, a hang or an oversized allocation fails its chunk) and the wall-clock time. Exit status 0
# when no chunk failed. Extra arguments are passed to Maven (e.g. -Dfuzz.seeds='.*J2K.*').
set -u
cd "$(dirname "$0")/.." || exit 2
total=${TOTAL:-1000000}
chunk=${CHUNK:-100000}
logs=target/fuzz-long
mkdir -p "$logs"
start=$(date +%s)
done_inputs=0
failed=0
n=0
while [ "$done_inputs" -lt "$total" ]; do
    n=$((n + 1))
    tries=$chunk
    if [ $((total - done_inputs)) -lt "$tries" ]; then
        tries=$((total - done_inputs))
    fi
    chunk_start=$(date +%s)
    if mvn -o -B test -Dtest=DicomFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.tries="$tries" \
            -Dproperty.seed= -DargLine=-Xmx256m "$@" > "$logs/chunk-$n.log" 2>&1; then
        result=passed
    else
        result=FAILED
        failed=$((failed + 1))
    fi
    seed=$(grep -m1 -o '^seed = -\?[0-9]*' "$logs/chunk-$n.log" | sed 's/seed = //')
    done_inputs=$((done_inputs + tries))
    echo "chunk $n: $tries inputs, seed ${seed:-?}, $(( $(date +%s) - chunk_start )) s, $result ($logs/chunk-$n.log)"
done
echo "fuzz-long: $done_inputs inputs in $n chunks, $failed failed, $(( $(date +%s) - start )) s wall clock"
[ "$failed" -eq 0 ]
