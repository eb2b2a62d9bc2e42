#!/usr/bin/env bash
# The treatment course benchmark (BENCHMARKS.md, "Course store"): generates a plan store of COURSES courses ×
# SESSIONS sessions (default 5,000 × 6, one site each) through the store's own save into target/course-store/
# (kept out of git), then times finding a patient's course by Patient ID and listing its sessions, runs
# verify-store on it in a 64 MiB heap under /usr/bin/time -v (time and peak RSS), and times opening a course of 6 sessions ×
# 40 sites (and comparing its consecutive sessions) in a second store.
# Usage, from the repository root:  bench/course-store.sh [COURSES] [SESSIONS]
# (run it with 1000 and with 5000 courses to see verify-store's time grow with the revisions and its memory not)
set -euo pipefail
cd "$(dirname "$0")/.."
COURSES=${1:-5000}
SESSIONS=${2:-6}
mvn -o -q package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
OUT=target/course-store
STORE=$OUT/store-$COURSES-x-$SESSIONS
mkdir -p "$OUT"
if [ ! -d "$STORE" ]; then
    echo "generating $COURSES courses × $SESSIONS sessions in $STORE"
    /usr/bin/time -f "generate: %e s wall, %M KiB peak RSS" \
        java -cp "$CP" org.injectionplanner.bench.CourseStoreBench generate "$STORE" "$COURSES" "$SESSIONS" 1
fi
echo "revisions: $(find "$STORE/courses" -name '0000*.json' | wc -l), store size: $(du -sh "$STORE" | cut -f1)"
java -cp "$CP" org.injectionplanner.bench.CourseStoreBench lookup "$STORE" "P$(printf %06d $((COURSES / 2)))"
# a 64 MiB heap: verify-store holds one course's plans at a time, so the heap need not grow with the store
/usr/bin/time -v java -Xmx64m -jar plugins/Injection_Planner.jar verify-store "$STORE" 2> "$OUT/verify-time.txt" \
    | tail -1
grep -E "Elapsed|Maximum resident" "$OUT/verify-time.txt"
WIDE=$OUT/store-wide
if [ ! -d "$WIDE" ]; then
    java -cp "$CP" org.injectionplanner.bench.CourseStoreBench generate "$WIDE" 1 6 40
fi
java -cp "$CP" org.injectionplanner.bench.CourseStoreBench open "$WIDE" P000000
