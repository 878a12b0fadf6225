#!/usr/bin/env bash
# Output does not depend on the thread count (issue 5): a 3 MB corpus built
# from ../shared PolNeAR text (tests/bench/make_corpus.py) is analysed with 1,
# 2 and 3 worker threads (3 > cores: batches finish out of order) in the
# record and the document format, with and without --indirect; every output
# must be byte-identical to the single-thread one. Skips (77) without
# ../shared.
set -uo pipefail
bin=$1
source "$(dirname "$0")/../check_lib.sh"
shared=${QUOTIENT_SHARED_DIR:-$root/../shared}
[ -d "$shared/corpus/polnear" ] || { echo "skip: no $shared/corpus/polnear"; exit 77; }
check_tmp threads_test
model=(--model "$root/model/tone.qtm")

python3 "$root/tests/bench/make_corpus.py" --shared "$shared" --mb 3 --out "$tmp/corpus.jsonl" > /dev/null || exit 1
for args in "-f jsonl" "-f results" "-f jsonl --indirect"; do
  # shellcheck disable=SC2086
  "$bin" analyze "${model[@]}" -q -j1 $args "$tmp/corpus.jsonl" > "$tmp/j1" || { check "$args -j1 runs" false; continue; }
  check "$args -j1: records written" test -s "$tmp/j1"
  for j in 2 3; do
    # shellcheck disable=SC2086
    "$bin" analyze "${model[@]}" -q -j$j $args "$tmp/corpus.jsonl" > "$tmp/jn"
    check "$args: -j$j output is byte-identical to -j1" cmp -s "$tmp/j1" "$tmp/jn"
  done
done
# Standard input goes through the same reader thread.
"$bin" analyze "${model[@]}" -q -j2 -f jsonl - < "$tmp/corpus.jsonl" > "$tmp/jn"
"$bin" analyze "${model[@]}" -q -j1 -f jsonl "$tmp/corpus.jsonl" > "$tmp/j1"
check "stdin -j2 is byte-identical to the file at -j1" cmp -s "$tmp/j1" "$tmp/jn"
finish
