#!/usr/bin/env bash
# I/O faults under `quotient analyze` (issue 7), on the real binary:
#   - a read error (EIO) in the middle of an input, injected by fault_shim.c
#     (QF_EIO_PATH, QF_EIO_AFTER): the message names the file and the byte,
#     the documents before it and the other inputs are still accounted for;
#   - a full disk: a 64 KiB tmpfs (mounted in a private mount namespace when
#     we may; skipped with a message otherwise) and /dev/full: exit 3, a
#     clear message, no output file, no temporary, no space kept;
#   - hostile model files (--model): over the 256 MiB limit (a sparse file,
#     refused unread), a length prefix declaring 2 GiB, truncated, a flipped
#     byte: refused with the file and a message, exit 4 (analyze) or 1
#     (tone), and (unsanitized builds, with /usr/bin/time) no allocation
#     bomb: under 64 MiB peak.
#   io_test.sh QUOTIENT_BINARY
set -uo pipefail
source "$(dirname "$0")/fault_lib.sh"
fault_setup "$1"
count() { grep -c -- "$1" "$2"; }

for i in $(seq 1 3000); do printf '{"id":"m%d","text":"“Yes,” said Ann Lee. “No,” said Bo Lund."}\n' "$i"; done > "$tmp/many.jsonl"
printf 'Ms Rowe said the plan was “sound”.\n' > "$tmp/good.txt"
size=$(stat -c %s "$tmp/many.jsonl")
cut=$((size / 2 + 7))                            # inside a line
whole=$(head -c "$cut" "$tmp/many.jsonl" | tr -cd '\n' | wc -c)  # lines before the error
an=(analyze --no-tone -j2)

# A read error in the middle of a JSONL file.
faulty QF_EIO_PATH=/many.jsonl QF_EIO_AFTER="$cut" -- "$bin" "${an[@]}" -f results "$tmp/many.jsonl" "$tmp/good.txt"
check "EIO mid-file: the error names the file and its byte" has "many.jsonl: byte $cut: error: read error" "$tmp/err"
check "EIO mid-file: recorded as an io_error document" test "$(count '"code":"io_error"' "$tmp/out")" -eq 1
check "EIO mid-file: the $whole documents before it are analyzed" \
  test "$(grep '"source":"[^"]*many.jsonl"' "$tmp/out" | count '"status":"OK"' -)" -eq "$whole"
check "EIO mid-file: the next input is still read" has '"doc_id":"good","status":"OK"' "$tmp/out"
check "EIO mid-file: the summary accounts for every document" \
  has "$((whole + 2)) documents ($((whole + 1)) ok, 0 skipped, 1 failed)" "$tmp/err"
faulty QF_EIO_PATH=/many.jsonl QF_EIO_AFTER="$cut" -- "$bin" "${an[@]}" --strict -q -o "$tmp/strict.jsonl" "$tmp/many.jsonl"
check "EIO mid-file with --strict: exit 1" test "$rc" -eq 1

# At the first byte, in a text document, and in compressed data (where the
# byte is the compressed one).
faulty QF_EIO_PATH=/good.txt QF_EIO_AFTER=0 -- "$bin" "${an[@]}" -f results "$tmp/good.txt"
check "EIO at byte 0 of a text file: named with byte 0" has "good.txt: byte 0: error: read error" "$tmp/err"
head -c 2000 /dev/urandom | base64 -w0 | sed 's/.*/Mr Oz said: “&”\n/' > "$tmp/long.txt"
faulty QF_EIO_PATH=/long.txt QF_EIO_AFTER=1000 -- "$bin" "${an[@]}" -f results "$tmp/long.txt" "$tmp/good.txt"
check "EIO inside a text file: the document fails at that byte" has "long.txt: byte 1000: error: read error" "$tmp/err"
check "EIO inside a text file: no half document is analyzed" \
  has "2 documents (1 ok, 0 skipped, 1 failed)" "$tmp/err"
gzip -c "$tmp/many.jsonl" > "$tmp/many.jsonl.gz"
zcut=$(( $(stat -c %s "$tmp/many.jsonl.gz") / 2 ))
faulty QF_EIO_PATH=/many.jsonl.gz QF_EIO_AFTER="$zcut" -- "$bin" "${an[@]}" -f results "$tmp/many.jsonl.gz" "$tmp/good.txt"
check "EIO inside gzip data: named with the compressed byte" has "many.jsonl.gz: byte $zcut: error: read error" "$tmp/err"
check "EIO inside gzip data: the next input is still read" has "0 skipped, 1 failed" "$tmp/err"

# Once analyze documents an exit status for unreadable input (see the
# report on issue 7), a read error must also leave no partial -o file.
if "$bin" analyze --help | grep -q '5 an input could not be read'; then
  rm -f "$tmp/eio.jsonl"
  faulty QF_EIO_PATH=/many.jsonl QF_EIO_AFTER="$cut" -- "$bin" "${an[@]}" -o "$tmp/eio.jsonl" "$tmp/many.jsonl" "$tmp/good.txt"
  check "EIO mid-file: exit 5" test "$rc" -eq 5
  check "EIO mid-file: no partial output file" test ! -e "$tmp/eio.jsonl"
  check "EIO mid-file: still accounts for the other inputs" has "$((whole + 2)) documents" "$tmp/err"
else
  echo "skip exit status 5 for read errors: not documented by this build's analyze --help"
fi

# A full disk: a 64 KiB tmpfs. Inside a private mount namespace (root, or a
# user namespace), so nothing stays mounted if the test dies.
cat > "$tmp/full.sh" <<'INNER'
set -u
mnt=$1 out=$2 bin=$3; shift 3
mount -t tmpfs -o size=64k tmpfs "$mnt" || exit 90
"$bin" "$@" -o "$mnt/res.jsonl" > /dev/null 2> "$out.err"; echo $? > "$out.rc"
ls -A "$mnt" > "$out.ls"
df -k --output=used "$mnt" | tail -1 | tr -d ' ' > "$out.used"
INNER
mkdir "$tmp/mnt"
ns=(unshare -m --propagation private)
[ "$(id -u)" -eq 0 ] || ns=(unshare -rm --propagation private)
if "${ns[@]}" bash "$tmp/full.sh" "$tmp/mnt" "$tmp/full" "$bin" "${an[@]}" -f jsonl "$tmp/many.jsonl" 2> "$tmp/ns.err"; then
  cp "$tmp/full.err" "$tmp/err"
  check "full disk: exit 3" test "$(cat "$tmp/full.rc")" -eq 3
  check "full disk: the message names the file and the cause" \
    has "cannot write $tmp/mnt/res.jsonl: No space left on device" "$tmp/full.err"
  check "full disk: no output file and no temporary" test ! -s "$tmp/full.ls"
  check "full disk: the space is given back (0 KiB used)" test "$(cat "$tmp/full.used")" -eq 0
else
  echo "skip full-disk tmpfs case: cannot mount a tmpfs here ($(head -1 "$tmp/ns.err"))"
fi
run_full_device() { "$bin" "${an[@]}" -f jsonl "$@" "$tmp/many.jsonl" 2> "$tmp/err"; }
run_full_device -o /dev/full; rc=$?
check "-o /dev/full: exit 3" test "$rc" -eq 3
check "-o /dev/full: clear message" has "cannot write /dev/full: No space left on device" "$tmp/err"
run_full_device > /dev/full; rc=$?
check "standard output on /dev/full: exit 3" test "$rc" -eq 3
check "standard output on /dev/full: clear message" has "cannot write standard output: No space left on device" "$tmp/err"

# Hostile model files.
model_case() {  # model_case LABEL FILE MESSAGE
  local label=$1 file=$2 msg=$3
  "$bin" analyze -q --model "$file" -f jsonl "$tmp/good.txt" > /dev/null 2> "$tmp/err"; rc=$?
  check "model $label: analyze exits 4" test "$rc" -eq 4
  check "model $label: analyze names the file and says why" has "$file: .*$msg" "$tmp/err"
  rss=$tmp/rss
  if [ -x /usr/bin/time ] && [ "$preload" = "$shim" ]; then
    /usr/bin/time -o "$rss" -f %M "$bin" tone --model "$file" "$tmp/good.txt" > /dev/null 2> "$tmp/err"; rc=$?
    kib=$(tail -1 "$rss")
    check "model $label: tone peaks under 64 MiB ($kib KiB)" test "$kib" -lt 65536
  else
    "$bin" tone --model "$file" "$tmp/good.txt" > /dev/null 2> "$tmp/err"; rc=$?
  fi
  check "model $label: tone exits 4, as analyze" test "$rc" -eq 4
  check "model $label: tone says why" has "$msg" "$tmp/err"
}
model=$(dirname "$bin")/tone.qtm
[ -f "$model" ] || model=$root/model/tone.qtm
truncate -s 300M "$tmp/huge.qtm"
model_case "over the size limit" "$tmp/huge.qtm" "file too large for a model"
truncate -s 200M "$tmp/zeros.qtm"   # under the limit: refused on its first byte, not read whole
model_case "of 200 MB of zeros" "$tmp/zeros.qtm" "byte 0: not a tone model file"
printf '\x08\x01\x12\xff\xff\xff\xff\x07short' > "$tmp/declared.qtm"   # version 1, field 2 of length 2^31 - 1
model_case "declaring 2 GiB" "$tmp/declared.qtm" "byte 13: not a tone model file"  # its end
head -c "$(( $(stat -c %s "$model") / 2 ))" "$model" > "$tmp/half.qtm"
model_case "truncated" "$tmp/half.qtm" "not a tone model file"
cp "$model" "$tmp/flipped.qtm"
printf '\xff' | dd of="$tmp/flipped.qtm" bs=1 seek="$(( $(stat -c %s "$model") * 3 / 4 ))" conv=notrunc status=none
model_case "with a flipped byte" "$tmp/flipped.qtm" 'damaged\|not a tone model file\|mismatch\|self-test'

finish
