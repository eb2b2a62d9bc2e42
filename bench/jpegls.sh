#!/usr/bin/env bash
# JPEG-LS file to file: our `decode` command against dcmtk's dcmdjpls (CharLS) on the benchmark cine
# re-encoded with dcmcjpls (lossless, line interleaved): bench/work/us-jpegls-cine.dcm. Runs the two
# interleaved, ROUNDS times (default 5), and prints the median wall and CPU (user + system) seconds of
# each and the ratio dcmdjpls ÷ ours; then whether pydicom can decode the file here. Both outputs are
# compared once (ours as RGB bytes, dcmdjpls's Pixel Data). Run from the repository root after
# `mvn package`; needs dcmtk, and bench/make-files.sh's uncompressed cine (made if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
WORK=bench/work
OUT=$WORK/jpegls-out
mkdir -p "$OUT"
[ -f $WORK/us-rgb-cine.dcm ] || bench/make-files.sh
[ -f $WORK/us-jpegls-cine.dcm ] || dcmcjpls +il $WORK/us-rgb-cine.dcm $WORK/us-jpegls-cine.dcm
echo "file: $WORK/us-jpegls-cine.dcm, $(du -m $WORK/us-jpegls-cine.dcm | cut -f1) MB (from $(du -m \
    $WORK/us-rgb-cine.dcm | cut -f1) MB uncompressed)"

# prints "wall cpu" in seconds for one run of the command
measure() {
    /usr/bin/time -f "%e %U %S" -o "$OUT/time" "$@" > /dev/null 2>&1
    awk '{printf "%s %.2f\n", $1, $2 + $3}' "$OUT/time"
}

ours=()
oursCpu=()
theirs=()
theirsCpu=()
for _ in $(seq "$ROUNDS"); do
    read -r w c < <(measure java -Xmx2g -jar plugins/Injection_Planner.jar decode $WORK/us-jpegls-cine.dcm \
        --out "$OUT/ours")
    ours+=("$w"); oursCpu+=("$c")
    read -r w c < <(measure dcmdjpls $WORK/us-jpegls-cine.dcm "$OUT/dcmdjpls.dcm")
    theirs+=("$w"); theirsCpu+=("$c")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mo=$(median "${ours[@]}"); moc=$(median "${oursCpu[@]}")
mt=$(median "${theirs[@]}"); mtc=$(median "${theirsCpu[@]}")
echo "| reader | wall s | CPU s |"
echo "|---|---|---|"
echo "| ours: \`java -jar plugins/Injection_Planner.jar decode IN --out DIR\` | $mo | $moc |"
echo "| dcmtk 3.6.7 \`dcmdjpls IN OUT\` | $mt | $mtc |"
echo "dcmdjpls ÷ ours: wall $(awk -v a="$mt" -v b="$mo" 'BEGIN {printf "%.2f", a / b}')×," \
    "CPU $(awk -v a="$mtc" -v b="$moc" 'BEGIN {printf "%.2f", a / b}')× (medians of $ROUNDS runs)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$OUT" <<'EOF'
import sys, numpy, pydicom
out = sys.argv[1]
theirs = pydicom.dcmread(out + "/dcmdjpls.dcm").pixel_array
ours = numpy.fromfile(out + "/ours/frames.raw", dtype=numpy.uint8).reshape(theirs.shape)
print("outputs identical:", bool((ours == theirs).all()))
try:
    pydicom.dcmread("bench/work/us-jpegls-cine.dcm").pixel_array
    print("pydicom decodes JPEG-LS here")
except Exception as e:
    print("pydicom %s cannot decode JPEG-LS here: %s" % (pydicom.__version__, str(e).splitlines()[0]))
EOF
