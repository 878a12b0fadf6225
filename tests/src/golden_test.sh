#!/usr/bin/env bash
# Golden test: `quotient analyze -f jsonl` on each data/samples/*.txt must
# reproduce tests/golden/NAME.expected.jsonl byte for byte. After an
# intended change, regenerate with:  tests/src/golden_test.sh build/quotient --update
set -euo pipefail
bin=$1
root=${QUOTIENT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
status=0
for txt in "$root"/data/samples/*.txt; do
  name=$(basename "$txt" .txt)
  expected="$root/tests/golden/$name.expected.jsonl"
  actual=$("$bin" analyze -q -f jsonl --model "$root/model/tone.qtm" "$txt")
  if [[ "${2:-}" == "--update" ]]; then
    printf '%s\n' "$actual" > "$expected"
    echo "updated $expected"
  elif ! diff -u "$expected" <(printf '%s\n' "$actual") > /tmp/golden.$$.diff; then
    echo "FAIL $name: output differs from $expected"; head -40 /tmp/golden.$$.diff; status=1
  else
    echo "ok   $name"
  fi
done
rm -f /tmp/golden.$$.diff
exit $status
