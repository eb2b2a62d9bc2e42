#!/usr/bin/env bash
# Generates the benchmark files into bench/work/ (git-ignored) with the project's own writer
# (org.injectionplanner.bench.BenchFiles, test scope):
#   us-rgb-cine.dcm   uncompressed RGB US Multi-frame cine, 230 frames of 640 x 480, 212 MB
#   us-jpeg-cine.dcm  the same frames as JPEG Baseline YBR_FULL_422, 10 MB
# The files are deterministic; their SHA-256 sums are in bench/files.sha256. Existing files that
# match are kept. Run from the repository root after a build (bench/run.sh builds first).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f bench/work/us-rgb-cine.dcm ] && [ -f bench/work/us-jpeg-cine.dcm ] \
        && (cd bench/work && sha256sum --quiet -c ../files.sha256 2>/dev/null); then
    echo "bench/work: files present and as expected" >&2
    exit 0
fi
java -Xmx1g -cp plugins/Injection_Planner.jar:target/test-classes org.injectionplanner.bench.BenchFiles bench/work >&2
if ! (cd bench/work && sha256sum --quiet -c ../files.sha256); then
    echo "warning: the generated files differ from bench/files.sha256 (another JDK's JPEG encoder?);" \
        "timings are not comparable with BENCHMARKS.md" >&2
fi
