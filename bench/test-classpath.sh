#!/usr/bin/env bash
# Prints the classpath of the benchmarks (target/test-classes, target/classes and the test-scope
# dependencies, listed in target/bench.classpath) for `java -cp`, first building them (offline) when
# target/bench.classpath is missing or a file under src/ or pom.xml is newer. Build output goes to stderr.
# Used by bench/jmh.sh and bench/export.sh; run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/bench.classpath ] || [ ! -d target/test-classes ] \
        || [ -n "$(find src pom.xml -newer target/bench.classpath -type f -print -quit)" ]; then
    mvn -o -q test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
fi
echo "target/test-classes:target/classes:$(cat target/bench.classpath)"
