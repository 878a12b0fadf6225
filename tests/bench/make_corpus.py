#!/usr/bin/env python3
"""Builds a deterministic benchmark corpus from PolNeAR article text.

Paragraphs of every ../shared/corpus/polnear/*/text/*.txt are shuffled with a
fixed seed and regrouped into JSONL documents of 12 paragraphs until the
output reaches --mb megabytes. The output is derived data for benchmarks
only: it is written under the build directory, never into the repository.

  python3 tests/bench/make_corpus.py --mb 100 --out build/bench/corpus.jsonl
"""
import argparse
import glob
import json
import os
import random


def paragraphs(shared):
    out = []
    for path in sorted(glob.glob(os.path.join(shared, "corpus/polnear/*/text/*.txt"))):
        with open(path, encoding="utf-8") as f:
            out.extend(p.strip() for p in f.read().split("\n\n") if p.strip())
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "../../../shared"))
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20241018)
    ap.add_argument("--text", action="store_true", help="one paragraph per line (plain text) instead of JSONL")
    args = ap.parse_args()
    paras = paragraphs(args.shared)
    if not paras:
        raise SystemExit(f"no PolNeAR text under {args.shared}")
    rng = random.Random(args.seed)
    limit = int(args.mb * 1e6)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    written = doc = 0
    with open(args.out, "w", encoding="utf-8") as f:
        while written < limit:
            order = paras[:]
            rng.shuffle(order)
            for i in range(0, len(order), 12):
                text = "\n\n".join(order[i:i + 12])
                line = text.replace("\n", " ") + "\n" if args.text else \
                    json.dumps({"id": f"bench-{doc}", "text": text}, ensure_ascii=False) + "\n"
                f.write(line)
                written += len(line.encode("utf-8"))
                doc += 1
                if written >= limit:
                    break
    print(f"{args.out}: {doc} documents, {written / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
