#!/usr/bin/env bash
# Times opening the 212 MB uncompressed RGB cine (bench/make-files.sh) in a real ImageJ with a display,
# Injection Planner's Open Ultrasound Study... against ImageJ's own File > Open, and measures memory.
# Each measurement is a fresh JVM with the same heap (org.injectionplanner.bench.OpenStudyBench, test
# scope) on a private Xvfb display, driven by macros; the three kinds are interleaved round by round:
#   ours          run("Open Ultrasound Study...", "path=[FILE]"), default memory budget (in memory)
#   ours-virtual  the same after run("Injection Planner Options...", "memory=BUDGET") (a virtual
#                 stack), then paging through every frame while sampling the live heap
#   imagej        open(FILE): ij.io.Opener, ij.plugin.DICOM
# Prints a Markdown report on stdout (progress on stderr); raw numbers go to
# bench/work/open-study/results.tsv. Run from the repository root:
#   bench/open-study.sh [ROUNDS] > report.md      (ROUNDS defaults to 5)
# Environment: HEAP (default -Xmx2g), BUDGET_MB (default 64).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds="${1:-5}"
heap="${HEAP:--Xmx2g}"
budget="${BUDGET_MB:-64}"
file=bench/work/us-rgb-cine.dcm
out=bench/work/open-study

for tool in java mvn Xvfb /usr/bin/time awk; do
    command -v "$tool" >/dev/null || { echo "bench/open-study.sh needs $tool" >&2; exit 2; }
done

jar=plugins/Injection_Planner.jar
if [ ! -f "$jar" ] || [ ! -f target/imagej/ij.jar ] \
        || [ ! -f target/test-classes/org/injectionplanner/bench/OpenStudyBench.class ] \
        || [ -n "$(find src pom.xml -newer "$jar" -type f -print -quit)" ]; then
    echo "building..." >&2
    mvn -o -q package -DskipTests >&2
fi
bench/make-files.sh

display=""
for n in $(seq 90 150); do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then
        display="$n"
        break
    fi
done
[ -n "$display" ] || { echo "no free X display number in 90-150" >&2; exit 2; }
home="$(mktemp -d)"
Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >"$home/xvfb.log" 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$home"' EXIT
for _ in $(seq 50); do
    [ -e "/tmp/.X11-unix/X$display" ] && break
    sleep 0.1
done
[ -e "/tmp/.X11-unix/X$display" ] || { echo "Xvfb :$display did not start:" >&2; cat "$home/xvfb.log" >&2; exit 2; }

rm -rf "$out"
mkdir -p "$out"
results="$out/results.tsv"
printf 'round\tmode\tkey\tvalue\n' >"$results"

# One fresh ImageJ; appends its KEY value lines and its max RSS (MiB) to the results.
measure() {
    local round="$1" mode="$2" log="$out/$2-$1.txt"
    # A fresh user.home each time: ImageJ starts from its default preferences.
    rm -rf "$home/user" && mkdir -p "$home/user"
    if ! DISPLAY=":$display" /usr/bin/time -v -o "$log.time" java "$heap" -Duser.home="$home/user" \
            -Dplugins.dir="$PWD" -cp target/imagej/ij.jar:target/test-classes \
            org.injectionplanner.bench.OpenStudyBench "$mode" "$file" "$budget" >"$log" 2>&1; then
        echo "failed: $mode (round $round); its output:" >&2
        cat "$log" >&2
        exit 1
    fi
    awk -v r="$round" -v m="$mode" 'NF == 2 && $1 ~ /^[A-Z_]+$/ { printf "%s\t%s\t%s\t%s\n", r, m, $1, $2 }' \
        "$log" >>"$results"
    awk -v r="$round" -v m="$mode" -F': ' '/Maximum resident set size/ { printf "%s\t%s\tRSS\t%.1f\n", r, m, $2 / 1024 }' \
        "$log.time" >>"$results"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started=$(date +%s)
for round in $(seq "$rounds"); do
    for mode in ours ours-virtual imagej; do
        measure "$round" "$mode"
    done
    echo "round $round/$rounds done" >&2
done
elapsed=$(( $(date +%s) - started ))
# The image's own pixel arrays at the paging peak: int[] at the peak less int[] before opening.
awk -F'\t' '$2 == "ours-virtual" && $3 == "PIXELS_BASE" { base[$1] = $4 }
    $2 == "ours-virtual" && $3 == "PIXELS_PEAK" { peak[$1] = $4 }
    $2 == "ours-virtual" && $3 == "FRAMES_PEAK" { frames[$1] = $4 }
    END { for (r in peak) {
        printf "%s\tours-virtual\tPIXELS_GROWTH\t%.2f\n", r, peak[r] - base[r]
        printf "%s\tours-virtual\tFRAMES_GROWTH\t%.2f\n", r, (peak[r] - base[r]) * frames[r] / peak[r] } }' \
    "$results" >"$out/growth.tsv"
cat "$out/growth.tsv" >>"$results"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# median MODE KEY [DECIMALS]: the median over the rounds
median() {
    awk -F'\t' -v m="$1" -v k="$2" '$2 == m && $3 == k { print $4 }' "$results" | sort -g \
        | awk -v d="${3:-0}" '{ a[NR] = $1 } END {
            if (NR == 0) { print "–"; exit }
            v = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
            printf "%.*f\n", d, v }'
}
# range MODE KEY [DECIMALS]: min–max over the rounds
range() {
    awk -F'\t' -v m="$1" -v k="$2" '$2 == m && $3 == k { print $4 }' "$results" | sort -g \
        | awk -v d="${3:-0}" '{ a[NR] = $1 } END { if (NR) printf "%.*f–%.*f\n", d, a[1], d, a[NR]; else print "–" }'
}
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×\n", a / b; else print "–" }'
}

cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
ram="$(awk '/^MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)"
java_version="$(java -version 2>&1 | sed -n 2p)"
stack="$(sed -n 's/^STACK \([0-9x]*\) .*/\1/p' "$out/ours-1.txt")"
echo "Machine: $(nproc) cores, $cpu, $ram GB RAM, $java_version, Linux $(uname -r), Xvfb 1600×1000×24."
echo "Load average (1/5/15 min) $load_before before, $load_after after; ${elapsed} s in all."
echo "Image: $file, $stack (width × height × frames) RGB. Every JVM: \`java $heap\`, a fresh ImageJ 1.54p with the plugin jar."
echo "Medians of $rounds fresh JVMs per row (min–max in brackets); times in ms from the start of the macro,"
echo "memory in MiB (the plugin's \"MB\" budget is MiB)."
echo
echo "| opener | first frame on screen | \`imageOpened\` | command returns | process max RSS | live heap, image open |"
echo "|---|---:|---:|---:|---:|---:|"
for mode in ours ours-virtual imagej; do
    case "$mode" in
        ours) label="Injection Planner, Open Ultrasound Study..., default budget (in memory)" ;;
        ours-virtual) label="Injection Planner, Open Ultrasound Study..., budget $budget MB (virtual stack)" ;;
        imagej) label="ImageJ \`open(FILE)\` (File › Open, \`ij.plugin.DICOM\`)" ;;
    esac
    echo "| $label | $(median $mode PAINTED) ($(range $mode PAINTED)) | $(median $mode OPENED) \
| $(median $mode TOTAL) ($(range $mode TOTAL)) | $(median $mode RSS) ($(range $mode RSS)) | $(median $mode LIVE_OPEN) |"
done
echo
echo "ImageJ ÷ Injection Planner (in memory): first frame on screen $(ratio "$(median imagej PAINTED 1)" \
"$(median ours PAINTED 1)"), whole file $(ratio "$(median imagej TOTAL 1)" "$(median ours TOTAL 1)"),"
echo "max RSS $(ratio "$(median imagej RSS 1)" "$(median ours RSS 1)"). ImageJ ÷ virtual stack: first frame on screen"
echo "$(ratio "$(median imagej PAINTED 1)" "$(median ours-virtual PAINTED 1)"), max RSS \
$(ratio "$(median imagej RSS 1)" "$(median ours-virtual RSS 1)")."
echo
frame_mib="$(awk -v s="$stack" 'BEGIN { split(s, d, "[x ]"); print d[1] * d[2] * 4 / 1048576 }')"
capacity="$(awk -v b="$budget" -v f="$frame_mib" 'BEGIN { print int(b / f) }')"
echo "Virtual stack, budget $budget MiB: its cache holds at most $capacity frames of $(printf '%.2f' "$frame_mib") MiB"
echo "($(awk -v c="$capacity" -v f="$frame_mib" 'BEGIN { printf "%.1f", c * f }') MiB). Paging through all frames (\`setSlice\` 1…n, the heap sampled after a full GC every 10 frames):"
echo
echo "| | median | min–max |"
echo "|---|---:|---:|"
echo "| live heap before opening | $(median ours-virtual LIVE_BASE 1) | $(range ours-virtual LIVE_BASE 1) |"
echo "| live heap, peak while paging | $(median ours-virtual LIVE_PEAK 1) | $(range ours-virtual LIVE_PEAK 1) |"
echo "| pixel arrays (\`int[]\`) added by the image at that peak (cache + ImageJ's current frame) \
| $(median ours-virtual PIXELS_GROWTH 1) | $(range ours-virtual PIXELS_GROWTH 1) |"
echo "| the same in frames | $(median ours-virtual FRAMES_GROWTH 1) | $(range ours-virtual FRAMES_GROWTH 1) |"
echo "| heap in use as G1 counts it (each frame array takes two whole 1 MiB regions) \
| $(median ours-virtual USED_PEAK 1) | $(range ours-virtual USED_PEAK 1) |"
echo "| process max RSS | $(median ours-virtual RSS 1) | $(range ours-virtual RSS 1) |"
echo "| paging through all frames, ms (GCs excluded) | $(median ours-virtual PAGE 0) | $(range ours-virtual PAGE 0) |"
