#!/usr/bin/env bash
# quotient benchmark (not a test): end-to-end throughput on a PolNeAR-derived
# corpus and the linear-growth table for adversarial inputs.
#   bash tests/bench/bench.sh [MB]        (default 50; needs ../shared)
# Prints MB/s, documents/s, quotes/s and peak RSS for 1 and 2 threads (each
# the best of 2 runs: other work on a shared machine only slows a run down),
# the -j2/-j1 speed-up, and the time of 1/2/4/8 MB adversarial files with the
# growth factor per doubling. Environment: BUILD_DIR (default build).
set -euo pipefail
cd "$(dirname "$0")/../.."
mb=${1:-50}
build=${BUILD_DIR:-build}
bin=$build/quotient
out=$build/bench
mkdir -p "$out"
[ -x "$bin" ] || { echo "build first: bash setup.sh demo" >&2; exit 2; }
corpus=$out/corpus-$mb.jsonl
[ -s "$corpus" ] || python3 tests/bench/make_corpus.py --mb "$mb" --out "$corpus"
bytes=$(stat -c %s "$corpus")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%F)"
echo "corpus: $corpus ($(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB)"
printf '%-34s %8s %8s %10s %10s %9s\n' run seconds MB/s docs/s quotes/s "RSS MB"
measure() {  # measure LABEL ARGS... (best of 2; sets $secs)
  local label=$1; shift
  local best=0 rss=0 s r
  for run in 1 2; do
    /usr/bin/time -f '%e %M' -o "$out/time.txt" "$bin" analyze -q "$@" > "$out/records.jsonl"
    read -r s r < "$out/time.txt"
    if [ "$best" = 0 ] || awk -v a="$s" -v b="$best" 'BEGIN{exit !(a < b)}'; then best=$s; fi
    if awk -v a="$r" -v b="$rss" 'BEGIN{exit !(a > b)}'; then rss=$r; fi
  done
  secs=$best
  local docs quotes
  docs=$(wc -l < "$corpus"); quotes=$(wc -l < "$out/records.jsonl")
  awk -v l="$label" -v s="$secs" -v b="$bytes" -v d="$docs" -v q="$quotes" -v r="$rss" \
    'BEGIN{printf "%-34s %8.2f %8.1f %10.0f %10.0f %9.1f\n", l, s, b/1e6/s, d/s, q/s, r/1024}'
}
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "analyze -j1 (quotes+speakers+tone)" -j1 -f jsonl "$corpus"; j1=$secs
measure "analyze -j2 (quotes+speakers+tone)" -j2 -f jsonl "$corpus"; j2=$secs
measure "analyze -j1 --no-tone" -j1 --no-tone -f jsonl "$corpus"
awk -v a="$j1" -v b="$j2" 'BEGIN{printf "%-34s %8.2fx\n", "speed-up -j2 / -j1", a/b}'
start=$(date +%s.%N); grep -c '“\|"' "$corpus" > /dev/null; end=$(date +%s.%N)
# grep -c stops reading a line at its first match (every JSONL line has a '"'), so this is
# a line scan, not the floor; tests/bench/peers.sh counts every quote mark with memchr.
awk -v s="$(echo "$end - $start" | bc)" -v b="$bytes" 'BEGIN{printf "%-34s %8.3f %8.1f\n", "grep -c: lines with a quote mark", s, b/1e6/s}'

echo
echo "linear growth (seconds per file; factor = time(2n)/time(n), 2.0 is linear):"
printf '%-10s %8s %8s %8s %8s   %s\n' kind 1MB 2MB 4MB 8MB factors
for kind in unmatched caps colons nested start names saidrun pronouns; do
  times=()
  for size in 1 2 4 8; do
    f=$out/$kind-$size.txt
    [ -s "$f" ] || python3 tests/bench/adversarial.py --kind "$kind" --mb "$size" --out "$f"
    /usr/bin/time -f '%e' -o "$out/time.txt" "$bin" analyze -q -j1 -f jsonl "$f" > /dev/null
    times+=("$(cat "$out/time.txt")")
  done
  awk -v k="$kind" -v a="${times[0]}" -v b="${times[1]}" -v c="${times[2]}" -v d="${times[3]}" \
    'function f(x,y){return x>0.005? sprintf("%.2f", y/x) : "-"} BEGIN{printf "%-10s %8.2f %8.2f %8.2f %8.2f   %s %s %s\n", k, a, b, c, d, f(a,b), f(b,c), f(c,d)}'
done
