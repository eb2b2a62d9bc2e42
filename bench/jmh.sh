#!/usr/bin/env bash
# Runs the JMH benchmarks of the codec's hot paths (src/test/java/org/injectionplanner/bench/*Benchmark),
# building them first when needed (bench/test-classpath.sh).
# Usage, from the repository root:
#   bench/jmh.sh                      all benchmarks (about 1 min each on 2 cores)
#   bench/jmh.sh ColourConversion     those whose name matches a regexp
#   bench/jmh.sh -h                   JMH's own options (-f forks, -wi/-i iterations, -prof gc, ...)
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(bench/test-classpath.sh)
exec java -cp "$CP" org.openjdk.jmh.Main "$@"
