#!/usr/bin/env bash
# End-to-end tests of `quotient analyze` on bad input: each case checks the
# exit code, that the error names the file and the byte (or line), and that
# no document is lost and no partial output is left behind.
set -uo pipefail
bin=$1
source "$(dirname "$0")/../check_lib.sh"
check_tmp cli_test
model=(--model "$root/model/tone.qtm")

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
run analyze "${model[@]}" --strict -q "$tmp/empty.txt" "$tmp/good.txt"
check "--strict turns a skip (an empty document) into exit 1" test "$rc" -eq 1
run analyze "${model[@]}" -q "$tmp/empty.txt" "$tmp/good.txt"
check "without --strict a skip is reported and the run goes on (exit 0)" test "$rc" -eq 0

# setup.sh demo's command: every article of data/samples analysed, none
# skipped (the directory itself also holds each article's gold JSONL).
run analyze "${model[@]}" --strict -f table "$root"/data/samples/*.txt
check "the demo's input: every sample article analysed (--strict exit 0)" test "$rc" -eq 0
check "the demo's summary counts only the articles" \
  has "$(ls "$root"/data/samples/*.txt | wc -l) documents ($(ls "$root"/data/samples/*.txt | wc -l) ok, 0 skipped, 0 failed)" "$tmp/err"

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

# Compressed input: .gz and .zst are decoded by the extension before them; a
# truncated file is a failure naming the file and the compressed byte.
gzip -c "$tmp/docs.jsonl" > "$tmp/docs.jsonl.gz"
gzip -c "$tmp/good.txt" > "$tmp/good.txt.gz"
run analyze "${model[@]}" -f jsonl "$tmp/docs.jsonl.gz" "$tmp/good.txt.gz"
check "gzip JSONL and text are read transparently" test "$(lines "$tmp/out")" -eq 3
check "a .txt.gz document is named by its stem" has '"doc_id":"good"' "$tmp/out"
check "a bad line inside .jsonl.gz is named with line" has "docs.jsonl.gz:2: byte" "$tmp/err"
head -c 40 "$tmp/docs.jsonl.gz" > "$tmp/cut.jsonl.gz"
run analyze "${model[@]}" -f results "$tmp/cut.jsonl.gz" "$tmp/good.txt"
check "truncated gzip: exit 0, the next input still read" test "$rc" -eq 0 -a "$(grep -c '"status":"OK"' "$tmp/out")" -eq 1
check "truncated gzip named with file and compressed byte" has "cut.jsonl.gz: byte 40: error: truncated gzip data" "$tmp/err"
if command -v zstd > /dev/null; then
  zstd -q -c "$tmp/docs.jsonl" > "$tmp/docs.jsonl.zst"
  head -c 30 "$tmp/docs.jsonl.zst" > "$tmp/cut.txt.zst"
  run analyze "${model[@]}" -f jsonl "$tmp/docs.jsonl.zst" "$tmp/cut.txt.zst"
  check "zstd JSONL is read transparently" test "$(lines "$tmp/out")" -eq 2
  check "truncated zstd named with file and compressed byte" has "cut.txt.zst: byte 30: error: truncated zstd data" "$tmp/err"
else
  echo "skip zstd cases: no zstd command"
fi

# Sharding: --shard I/N over the sorted file list; the shards together read
# every document exactly once.
mkdir -p "$tmp/shards/sub"
for i in 1 2 3 4 5; do printf 'Ms Rowe%s said it was “fine”.\n' "$i" > "$tmp/shards/t$i.txt"; done
printf '{"id":"j1","text":"“Go,” said Tia Moss."}\n{"id":"j2","text":"Mr Bo said “no”."}\n' > "$tmp/shards/sub/j.jsonl"
printf '{"id":"z1","text":"“Yes,” said Ann Lee."}\n' | gzip -c > "$tmp/shards/sub/z.jsonl.gz"
ids() { grep -o '^{"doc_id":"[^"]*"' "$1" | sort; }
run analyze "${model[@]}" -q -f results "$tmp/shards"; ids "$tmp/out" > "$tmp/all.ids"
run analyze "${model[@]}" -q --shard 0/2 -f results "$tmp/shards"; ids "$tmp/out" > "$tmp/s0.ids"
run analyze "${model[@]}" -q --shard 1/2 -f results "$tmp/shards/sub" "$tmp/shards"/t*.txt; ids "$tmp/out" > "$tmp/s1.ids"
check "the unsharded run reads all 8 documents" test "$(lines "$tmp/all.ids")" -eq 8
check "both shards read something" test -s "$tmp/s0.ids" -a -s "$tmp/s1.ids"
check "two shards cover every document exactly once" \
  test "$(sort "$tmp/s0.ids" "$tmp/s1.ids" | uniq -u | tr '\n' ' ')" = "$(tr '\n' ' ' < "$tmp/all.ids")"
run analyze --shard 2/2 "$tmp/shards"
check "--shard 2/2: usage error (exit 2)" test "$rc" -eq 2
run analyze --shard 0/2 -
check "--shard on standard input: usage error (exit 2)" test "$rc" -eq 2
check "--shard on standard input: says why" has "standard input cannot be sharded" "$tmp/err"
run analyze --help
check "--help documents --shard" has "I/N: read only the input files" "$tmp/out"

# As a Hadoop Streaming / RDD.pipe() mapper: JSONL on stdin, deterministic
# JSONL on stdout, the same on any thread count; an empty split gives no output.
cat "$tmp/docs.jsonl" "$tmp/shards/sub/j.jsonl" | "$bin" analyze "${model[@]}" -q -j1 --input-format jsonl -f jsonl - > "$tmp/m1" 2> "$tmp/err"
cat "$tmp/docs.jsonl" "$tmp/shards/sub/j.jsonl" | "$bin" analyze "${model[@]}" -q -j2 --input-format jsonl -f jsonl - > "$tmp/m2" 2>> "$tmp/err"
check "mapper output is the same on 1 and 2 threads" cmp -s "$tmp/m1" "$tmp/m2"
check "mapper output has a record per quote" test "$(lines "$tmp/m1")" -eq 4
"$bin" analyze "${model[@]}" -q --input-format jsonl -f jsonl - < /dev/null > "$tmp/out" 2>> "$tmp/err"; rc=$?
check "an empty split: exit 0, no output" test "$rc" -eq 0 -a ! -s "$tmp/out"

printf 'The finance minister said that the budget would balance by 2027.\n' > "$tmp/indirect.txt"
run analyze "${model[@]}" -f tsv "$tmp/indirect.txt"
check "no INDIRECT records by default" test "$(grep -c $'\tindirect\t' "$tmp/out")" -eq 0
run analyze "${model[@]}" --indirect -f tsv "$tmp/indirect.txt"
check "--indirect reports speech without quote marks" test "$(grep $'\tindirect\t' "$tmp/out" | grep -c 'finance minister')" -eq 1

# Faults while writing: a closed pipe and a file-size limit.
for i in $(seq 1 3000); do printf '{"id":"p%d","text":"“Yes,” said Ann Lee. “No,” said Bo Lund."}\n' "$i"; done > "$tmp/many.jsonl"
"$bin" analyze "${model[@]}" -f jsonl "$tmp/many.jsonl" 2> "$tmp/err" | head -1 > /dev/null
rc=${PIPESTATUS[0]}
check "a closed stdout: exit 3, not killed by SIGPIPE" test "$rc" -eq 3
check "a closed stdout: clear error" has "cannot write standard output" "$tmp/err"
(ulimit -f 8; "$bin" analyze "${model[@]}" -f jsonl -o "$tmp/limited.jsonl" "$tmp/many.jsonl" 2> "$tmp/err"); rc=$?
check "a file-size limit: exit 3" test "$rc" -eq 3
check "a file-size limit: no partial output" test ! -e "$tmp/limited.jsonl" -a -z "$(ls "$tmp" | grep 'limited.jsonl.tmp')"
check "a file-size limit: clear error" has "cannot write" "$tmp/err"

# The tone verb: a line it cannot score is named (file, line, byte), printed
# in its place as an error object, and the other lines are still scored.
printf 'The talks were constructive.\nabc \xff said\n{"text": 5}\n{"text":"We regret this.","cue":"warn"}\n' > "$tmp/tone.txt"
run tone "${model[@]}" "$tmp/tone.txt" "$tmp/good.txt"
check "tone: a bad line gives exit 1" test "$rc" -eq 1
check "tone: one output line per input line" test "$(lines "$tmp/out")" -eq 5
check "tone: invalid UTF-8 named with file, line and byte" has "tone.txt:2: byte 33: invalid UTF-8" "$tmp/err"
check "tone: a JSON line without text named" has "tone.txt:3: byte 40: missing string member" "$tmp/err"
check "tone: the error stands in for its line" test "$(sed -n 2p "$tmp/out")" = '{"error":"invalid UTF-8","line":2,"byte":33}'
check "tone: lines after a bad one are scored" test "$(grep -c '"label"' "$tmp/out")" -eq 3
check "tone: every output line is valid JSON" python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$tmp/out"
run tone "${model[@]}" "$tmp/good.txt"
check "tone: all lines scored gives exit 0" test "$rc" -eq 0
run tone "${model[@]}" "$tmp/nonexistent.txt"
check "tone: a missing input gives exit 3" test "$rc" -eq 3

# A file name that is not UTF-8 (Linux allows any bytes): doc_id and source
# carry U+FFFD for each stray byte, so JSON and protobuf output stay valid.
mkdir -p "$tmp/names"
cp "$tmp/good.txt" "$tmp/names/$(printf 'r\xffport')".txt
run analyze "${model[@]}" -q -f results "$tmp/names"
check "a non-UTF-8 file name: the document is analysed" has '"status":"OK"' "$tmp/out"
check "a non-UTF-8 file name: U+FFFD in doc_id" has '"doc_id":"r�port"' "$tmp/out"
check "a non-UTF-8 file name: the record is valid JSON" python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1], "rb")]' "$tmp/out"
run analyze "${model[@]}" -q -f pb -o "$tmp/names.pb" "$tmp/names"
run compare "$tmp/names.pb"
check "a non-UTF-8 file name: the pb stream reads back" test "$rc" -eq 0

# A JSONL line with a backslash before a raw byte: the diagnostic names the
# byte in hex, so the FAILED record is valid in -f pb as well.
printf '{"id":"x","text":"a\\\xff b"}\n' > "$tmp/escape.jsonl"
run analyze "${model[@]}" -q -f pb -o "$tmp/escape.pb" "$tmp/escape.jsonl"
run compare "$tmp/escape.pb"
check "a raw byte after a backslash: the pb stream reads back" test "$rc" -eq 0
run analyze "${model[@]}" -f results "$tmp/escape.jsonl"
check "a raw byte after a backslash: named in hex with its byte" has "byte 19: error: .*a backslash before byte 0xFF" "$tmp/err"

finish
