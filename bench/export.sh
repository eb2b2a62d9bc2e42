#!/usr/bin/env bash
# The export benchmark (BENCHMARKS.md, "Exporting a session plan (JMH)") in one command: builds the
# benchmarks if needed (bench/test-classpath.sh), waits until the 1-minute load average is below a threshold
# (bench/quietload.py, as bench/run.sh --quiet-load), then runs JMH's ExportBenchmark (`pdf` and `all`: a
# plan of 40 injections on 8 frames of the sample studies) and ExportTiming (wall clock and the exporting
# thread's CPU time per export), and prints a Markdown table against the targets (PDF under 1.5 s, every
# format under 3 s). Raw output goes to target/export-bench/ (jmh.json, jmh.log, timing.txt).
# Usage, from the repository root:
#   bench/export.sh                    wait for a load below 1.0; JMH 3 × 2 s warm-up, 5 × 2 s measured,
#                                      1 fork; ExportTiming 8 rounds (about 2 min on 2 quiet cores)
#   bench/export.sh --quiet-load L     another threshold; `none` does not wait
#   bench/export.sh --quick            a smoke run (1 × 1 s warm-up and measured, 2 rounds): proves the
#                                      benchmark works, its numbers mean little
set -euo pipefail
cd "$(dirname "$0")/.."
load=1.0
jmh_args=()
rounds=8
while [ $# -gt 0 ]; do
    case "$1" in
        --quiet-load) load=${2:?--quiet-load needs a load average or none}; shift 2 ;;
        --quick) jmh_args=(-wi 1 -w 1s -i 1 -r 1s); rounds=2; shift ;;
        *) echo "usage: bench/export.sh [--quiet-load L|none] [--quick]" >&2; exit 2 ;;
    esac
done
CP=$(bench/test-classpath.sh)
OUT=target/export-bench
mkdir -p "$OUT"
[ "$load" = none ] || /usr/bin/python3 bench/quietload.py "$load"
before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "running JMH ExportBenchmark (log: $OUT/jmh.log)" >&2
if ! java -cp "$CP" org.openjdk.jmh.Main '\.ExportBenchmark\.' -jvmArgsAppend -Djava.awt.headless=true \
        ${jmh_args[@]+"${jmh_args[@]}"} -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.log" 2>&1; then
    tail -30 "$OUT/jmh.log" >&2
    exit 1
fi
echo "running ExportTiming $rounds (output: $OUT/timing.txt)" >&2
java -Djava.awt.headless=true -cp "$CP" org.injectionplanner.bench.ExportTiming "$rounds" > "$OUT/timing.txt"
after=$(cut -d' ' -f1-3 /proc/loadavg)
/usr/bin/python3 - "$OUT" "$before" "$after" "${jmh_args[*]:-3 × 2 s warm-up, 5 × 2 s measured}" <<'PY'
import json, os, re, statistics, subprocess, sys
out, before, after, jmh_runs = sys.argv[1:5]
jmh = {e["benchmark"].rsplit(".", 1)[1]: e["primaryMetric"] for e in json.load(open(os.path.join(out, "jmh.json")))}
rounds = [m.groupdict() for m in re.finditer(
    r"^round (?P<n>\d+): pdf (?P<pdf_cpu>\d+) ms cpu, (?P<pdf_wall>\d+) ms wall; "
    r"all (?P<all_cpu>\d+) ms cpu, (?P<all_wall>\d+) ms wall$", open(os.path.join(out, "timing.txt")).read(), re.M)]
counted = rounds[1:]  # round 1 warms the JVM up
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
java = subprocess.run(["java", "-version"], stderr=subprocess.PIPE, text=True).stderr.splitlines()
print("Machine: %d cores, %s, %s. Load average (1/5/15 min) %s before, %s after." % (
    os.cpu_count(), cpu, java[1] if len(java) > 1 else java[0], before, after))
print("JMH: %s, 1 fork. ExportTiming: rounds 2–%d of %d (round 1 warms the JVM up)." % (
    jmh_runs, len(rounds), len(rounds)))
print()
print("| export | target | JMH ms per export, mean ± 99.9 % | ExportTiming wall ms, median (range) "
      "| exporting thread's CPU ms, median (range) | met (JMH mean and wall median) |")
print("|---|---:|---:|---:|---:|---|")
def spread(key):
    xs = [int(r[key]) for r in counted]
    return "%.0f (%d–%d)" % (statistics.median(xs), min(xs), max(xs)), statistics.median(xs)
for name, label, target in (("pdf", "`pdf`: the PDF session map", 1500),
                            ("all", "`all`: PDF, 8 PNGs, CSV, JSON, SR, Encapsulated PDF", 3000)):
    m = jmh[name]
    err = m["scoreError"]
    score = "%.0f ± %.0f" % (m["score"], err) if isinstance(err, (int, float)) and err == err else "%.0f" % m["score"]
    wall, wall_median = spread(name + "_wall")
    cpu_ms, _ = spread(name + "_cpu")
    met = "yes" if m["score"] < target and wall_median < target else "no"
    print("| %s | < %d | %s | %s | %s | %s |" % (label, target, score, wall, cpu_ms, met))
PY
