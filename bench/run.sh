#!/usr/bin/env bash
# Times Injection Planner's DICOM reader against its peers on the same files, in one run:
#   (a) full decode of a 212 MB uncompressed RGB cine: ours, ImageJ's own DICOM opener, pydicom
#   (b) decode of a 230-frame JPEG Baseline cine: ours, pydicom + Pillow, dcmtk's dcmdjpeg
#   (c) metadata read and time to first frame of the 212 MB file
# Builds the plugin if needed, generates the files (bench/make-files.sh), then prints a Markdown
# report on stdout (progress on stderr). Options go to bench/run.py (--rounds, --warm-procs, --warm-runs,
# --quiet-load).
# Run from the repository root: bench/run.sh > report.md
set -euo pipefail
cd "$(dirname "$0")/.."
ij_jar="$HOME/.m2/repository/net/imagej/ij/1.54p/ij-1.54p.jar"
for tool in java javac mvn dcmdjpeg /usr/bin/python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench/run.sh needs $tool" >&2; exit 2; }
done
[ -f "$ij_jar" ] || { echo "bench/run.sh needs ImageJ 1.54p in $ij_jar (mvn -o dependency:resolve)" >&2; exit 2; }
/usr/bin/python3 -c 'import pydicom, numpy, PIL' || { echo "bench/run.sh needs pydicom, numpy and Pillow for /usr/bin/python3" >&2; exit 2; }

jar=plugins/Injection_Planner.jar
if [ ! -f "$jar" ] || [ ! -f target/test-classes/org/injectionplanner/bench/DecodeBench.class ] \
        || [ -n "$(find src pom.xml -newer "$jar" -type f -print -quit)" ]; then
    echo "building..." >&2
    mvn -o -q package -DskipTests >&2
fi
bench/make-files.sh
mkdir -p bench/work/classes
if [ ! -f bench/work/classes/ImageJOpen.class ] || [ bench/ImageJOpen.java -nt bench/work/classes/ImageJOpen.class ]; then
    javac -cp "$ij_jar" -d bench/work/classes bench/ImageJOpen.java
fi
exec /usr/bin/python3 bench/run.py "$@"
