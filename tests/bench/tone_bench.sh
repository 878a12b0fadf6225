#!/usr/bin/env bash
# Tone scoring speed against two peers, in one run, on one input (a benchmark,
# not a test; issue 3). The input is every NYT editorial sentence and every
# NewsMTSC train sentence of ../shared (10,353 lines, ~1.47 MB), one a line:
#   model_tone_bench   ToneModel::score(), one thread, REPEAT passes, with
#                      evidence (as `quotient analyze` scores) and without;
#                      MB/s by the thread's CPU time (and wall time), best of 3
#   fasttext predict   Debian CLI; a supervised NewsMTSC model trained here
#                      (tests/bench/fasttext_model.sh, as peers.sh); the same lines,
#                      lower-cased and tokenised beforehand (not timed), fed
#                      REPEAT times; MB/s of the raw lines per second of user
#                      CPU time, with and without its model load (the load
#                      measured on an empty input), best of 3
#   npm sentiment      AFINN scorer; analyze() on every line inside node,
#                      REPEAT passes after module load, the best pass
#
#   bash tests/bench/tone_bench.sh [MODEL] [REPEAT]
# MODEL defaults to model/tone.qtm, REPEAT to 8. Needs ../shared, node/npm
# (the package goes into $BUILD_DIR/tone_peers, never into the repository)
# and fasttext (apt-get install fasttext). BUILD_DIR defaults to build.
set -euo pipefail
cd "$(dirname "$0")/../.."
model=${1:-model/tone.qtm} repeat=${2:-8}
build=${BUILD_DIR:-build}
shared=${QUOTIENT_SHARED_DIR:-../shared}
out=$build/tone_peers
mkdir -p "$out"
for tool in node npm fasttext python3; do
  command -v "$tool" > /dev/null || { echo "tone_bench.sh needs $tool" >&2; exit 2; }
done
cmake --build "$build" --target model_tone_bench > /dev/null

# --- input: raw lines, and the same lines tokenised for fasttext ----------------------
in=$out/lines.txt
python3 - "$shared/tone" "$in" "$out/lines-tok.txt" <<'EOF'
import json, re, sys
root, raw, tok = sys.argv[1:]
lines = [l.rstrip("\n").split("\t")[2] for l in open(f"{root}/vader/nyt_editorial_train.tsv", encoding="utf-8")]
lines += [json.loads(l)["sentence_normalized"] for l in open(f"{root}/newsmtsc/train.jsonl", encoding="utf-8")]
lines = [" ".join(l.split()) for l in lines]
with open(raw, "w", encoding="utf-8") as f: f.write("\n".join(lines) + "\n")
with open(tok, "w", encoding="utf-8") as f:
    for l in lines: f.write(" ".join(re.sub(r"([^\w\s])", r" \1 ", l.lower()).split()) + "\n")
EOF
bytes=$(stat -c %s "$in")

# --- fasttext: a supervised tone model from NewsMTSC (tests/bench/fasttext_model.sh) ---
bash tests/bench/fasttext_model.sh "$shared" "$out"

# --- npm sentiment, pinned as in peers.sh ---------------------------------------------------
[ -d "$out/node_modules/sentiment" ] ||
  (cd "$out" && echo '{"name":"tone-peers","private":true,"dependencies":{"sentiment":"5.0.2"}}' > package.json &&
   npm install --no-audit --no-fund --silent > /dev/null)
cat > "$out/sentiment.js" <<'EOF'
const fs = require('fs');
const scorer = new (require(process.argv[3] + '/node_modules/sentiment'))();
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l);
let best = Infinity, sum = 0;
for (let r = 0; r < Number(process.argv[4]); ++r) {
  const start = process.hrtime.bigint();
  for (const l of lines) sum += scorer.analyze(l).score;
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
}
console.log(best, sum);
EOF

# --- runs -------------------------------------------------------------------------------
load=$(cut -d' ' -f1-3 /proc/loadavg)
rate() { awk -v b="$1" -v s="$2" 'BEGIN{printf "%.1f", b/1e6/s}'; }
best() { sort -g | head -1; }
tone_best() {  # the run with the highest CPU-time rate of 3
  for i in 1 2 3; do "$build/tests/model/model_tone_bench" "$model" "$in" "$repeat" "$@"; done |
    awk '{r = $0; sub(/.*cpu /, "", r); r += 0; if (r > best) { best = r; line = $0 }} END { print line }'
}
q=$(tone_best) qn=$(tone_best noevidence)
for ((i = 0; i < repeat; ++i)); do cat "$out/lines-tok.txt"; done > "$out/lines-tok-x.txt"
: > "$out/empty.txt"
ft_user() { for i in 1 2 3; do /usr/bin/time -f '%U' fasttext predict "$out/fasttext.bin" "$1" 2>&1 > /dev/null | tail -1; done | best; }
ft=$(ft_user "$out/lines-tok-x.txt") ft0=$(ft_user "$out/empty.txt")
sn=$(node "$out/sentiment.js" "$in" "$(realpath "$out")" "$repeat" | cut -d' ' -f1)

echo "tone benchmark, $(date -u '+%F %H:%M UTC'), load average before: $load, $(git describe --always --dirty)"
echo "input: $in ($(wc -l < "$in") lines, $(rate "$bytes" 1) MB)"
echo "model_tone_bench:  $q"
echo "                   $qn"
echo "fasttext predict:  $(rate $((bytes * repeat)) "$ft") MB/s with its model load (user CPU ${ft}s for $repeat passes)," \
  "$(rate $((bytes * repeat)) "$(awk -v a="$ft" -v b="$ft0" 'BEGIN{d = a - b; print (d > 0.001 ? d : 0.001)}')") MB/s without (load ${ft0}s)"
echo "npm sentiment:     $(rate "$bytes" "$sn") MB/s (best of $repeat passes inside node, ${sn}s)"
