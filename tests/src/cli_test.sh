#!/usr/bin/env bash
# End-to-end tests of `quotient analyze` on bad input: each case checks the
# exit code, that the error names the file and the byte (or line), and that
# no document is lost and no partial output is left behind.
set -uo pipefail
bin=$1
root=${QUOTIENT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d "${QUOTIENT_TEST_TMP:-/tmp}/cli_test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
model=(--model "$root/model/tone.qtm")
passed=0 failed=0

check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name"; echo "--- stderr:"; cat "$tmp/err" 2>/dev/null | head -20; fi
}
run() {  # run ARGS... : stdout to $tmp/out, stderr to $tmp/err, exit code to $rc
  "$bin" "$@" > "$tmp/out" 2> "$tmp/err"; rc=$?
}
has() { grep -q -- "$1" "$2"; }
lines() { wc -l < "$1" | tr -d ' '; }

printf 'Caf\xc3\xa9 \xff\xfe said “hi”.\n' > "$tmp/bad-utf8.txt"
printf 'abc\0def “x”\n' > "$tmp/binary.txt"
: > "$tmp/empty.txt"
printf 'Ms Rowe said the plan was “sound”.\n' > "$tmp/good.txt"

run analyze "${model[@]}" -f results "$tmp/bad-utf8.txt" "$tmp/binary.txt" "$tmp/empty.txt" "$tmp/good.txt"
check "bad documents do not stop the run (exit 0)" test "$rc" -eq 0
check "invalid UTF-8 named with file and byte" has "bad-utf8.txt: byte 6: error: invalid UTF-8" "$tmp/err"
check "NUL byte named with file and byte" has "binary.txt: byte 3: error: NUL byte" "$tmp/err"
check "every document accounted for in -f results" test "$(lines "$tmp/out")" -eq 4
check "failed status recorded" has '"status":"FAILED"' "$tmp/out"
check "empty document skipped" has '"code":"empty"' "$tmp/out"
check "good document still analyzed" has '"text":"sound"' "$tmp/out"
check "summary line counts them" has "4 documents (1 ok, 1 skipped, 2 failed)" "$tmp/err"

run analyze "${model[@]}" --strict -q "$tmp/bad-utf8.txt" "$tmp/good.txt"
check "--strict turns a failure into exit 1" test "$rc" -eq 1

printf '{"id":"a","text":"Mr Bo said it was “fine”."}\n{"id":"b","text": oops}\n{"id":"c","text":"“Yes,” said Ann Lee."}\n' > "$tmp/docs.jsonl"
run analyze "${model[@]}" -f jsonl "$tmp/docs.jsonl"
check "malformed JSONL line named with file and line" has "docs.jsonl:2: byte" "$tmp/err"
check "the other JSONL documents still come out" test "$(lines "$tmp/out")" -eq 2

head -c 20000000 /dev/zero | tr '\0' 'a' > "$tmp/long.txt"
printf ' Then Kim Ode said: “It works.”\n' >> "$tmp/long.txt"
run analyze "${model[@]}" -f jsonl "$tmp/long.txt"
check "a 20 MB single line is analyzed" has '"text":"It works."' "$tmp/out"

printf 'x “unclosed\n\nMs Ek said “closed”.\n' > "$tmp/unmatched.txt"
run analyze "${model[@]}" -f jsonl -v "$tmp/unmatched.txt"
check "an unclosed quote does not swallow the rest" has '"text":"closed"' "$tmp/out"
check "the unclosed quote is reported with its byte" has "unmatched.txt: byte 2: warning" "$tmp/err"

run analyze "${model[@]}" -o /nonexistent-dir/out.jsonl "$tmp/good.txt"
check "unwritable output: exit 3" test "$rc" -eq 3
check "unwritable output: clear error" has "cannot create /nonexistent-dir/out.jsonl" "$tmp/err"

run analyze "${model[@]}" -o "$tmp/out.jsonl" "$tmp/good.txt"
check "-o writes the complete file" test "$rc" -eq 0 -a -s "$tmp/out.jsonl"
check "-o leaves no temporary file" test -z "$(ls "$tmp" | grep '\.tmp\.')"

run analyze "${model[@]}" -o /dev/null "$tmp/good.txt"
check "-o /dev/null writes in place and leaves the device alone" test "$rc" -eq 0 -a -c /dev/null

head -c 1000 "$root/model/tone.qtm" > "$tmp/cut.qtm"
run analyze --model "$tmp/cut.qtm" "$tmp/good.txt"
check "truncated model: exit 4" test "$rc" -eq 4
check "truncated model: message names the file" has "cut.qtm" "$tmp/err"

run analyze --model "$tmp/good.txt" "$tmp/good.txt"
check "a text file as model: exit 4" test "$rc" -eq 4

run analyze --no-such-flag
check "unknown flag: exit 2" test "$rc" -eq 2
run analyze --help
check "--help teaches with examples and exit codes" has "Exit status" "$tmp/out"
check "--help exits 0" test "$rc" -eq 0

printf '{"id":"s1","text":"“Go,” said Tia Moss."}\n' | "$bin" analyze "${model[@]}" -q -f jsonl - > "$tmp/out" 2> "$tmp/err"
check "JSONL on standard input" has '"doc_id":"s1"' "$tmp/out"
printf '“Stop,” said Bo Lund.\n' | "$bin" analyze "${model[@]}" -q -f tsv > "$tmp/out" 2> "$tmp/err"
check "text on standard input" has "Bo Lund" "$tmp/out"

echo "$passed passed, $failed failed"
test "$failed" -eq 0
