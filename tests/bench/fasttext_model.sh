#!/usr/bin/env bash
# The fastText peer's tone model, shared by peers.sh and tone_bench.sh: a
# supervised model trained on NewsMTSC train.jsonl with the labels of
# model/README.md (sentences whose targets agree; 2 → critical, 4 → neutral,
# 6 → constructive), lower-cased and tokenised as the benchmarks feed it.
# One thread, so the same data gives the same model.
#   bash tests/bench/fasttext_model.sh SHARED OUT   → OUT/fasttext.bin (kept if present)
set -euo pipefail
shared=$1 out=$2
[ -s "$out/fasttext.bin" ] && exit 0
mkdir -p "$out"
python3 - "$shared/tone/newsmtsc/train.jsonl" "$out/fasttext-train.txt" <<'PY'
import json, re, sys
labels = {2.0: "critical", 4.0: "neutral", 6.0: "constructive"}
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        r = json.loads(line)
        pol = {t["polarity"] for t in r["targets"]}
        if len(pol) == 1 and pol <= labels.keys():  # the targets agree
            text = re.sub(r"([^\w\s])", r" \1 ", r["sentence_normalized"].lower())
            out.write(f"__label__{labels[pol.pop()]} {' '.join(text.split())}\n")
PY
fasttext supervised -input "$out/fasttext-train.txt" -output "$out/fasttext" \
  -epoch 10 -wordNgrams 2 -bucket 200000 -dim 50 -thread 1 -verbose 0
