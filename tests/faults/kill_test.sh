#!/usr/bin/env bash
# SIGKILL during `quotient analyze -o FILE` (issue 7): killed at every step of
# writing and publishing the output, the target is either absent (or its old
# version, when it existed) or complete — never partial — no temporary is
# left behind, and a re-run produces exactly the uninterrupted output.
# The kill points are injected by fault_shim.c (QF_KILL_AT); a few kills from
# outside at arbitrary moments check the same invariant.
#   kill_test.sh QUOTIENT_BINARY
set -uo pipefail
source "$(dirname "$0")/fault_lib.sh"
fault_setup "$1"

for i in $(seq 1 2000); do
  printf '{"id":"k%d","text":"“Yes,” said Ann Lee on day %d. “No,” said Bo Lund."}\n' "$i" "$i"
done > "$tmp/in.jsonl"
args=(analyze --no-tone -q -j1 -f jsonl "$tmp/in.jsonl" -o "$tmp/dest/res.jsonl")
mkdir "$tmp/dest"
"$bin" "${args[@]}" 2> "$tmp/err"
cp "$tmp/dest/res.jsonl" "$tmp/ref.jsonl"
size=$(stat -c %s "$tmp/ref.jsonl")
check "reference run writes the output" test "$size" -gt 100000

temps() { ls "$tmp/dest" | grep -c '\.tmp\.'; }
same() { cmp -s "$1" "$2"; }
# The target is absent, or the old file, or the complete new file.
whole_or_old() {  # whole_or_old OLD ('' = absent)
  if [ ! -e "$tmp/dest/res.jsonl" ]; then [ -z "$1" ]; return; fi
  same "$tmp/dest/res.jsonl" "$tmp/ref.jsonl" || { [ -n "$1" ] && same "$tmp/dest/res.jsonl" "$1"; }
}
rerun_completes() {
  "$bin" "${args[@]}" 2> "$tmp/err" && same "$tmp/dest/res.jsonl" "$tmp/ref.jsonl" && [ "$(temps)" -eq 0 ]
}

# kill_case LABEL POINT OLD TEMPS_ALLOWED [ENV...]: one kill at POINT.
kill_case() {
  local label=$1 point=$2 old=$3 allowed=$4
  shift 4
  rm -f "$tmp/dest/"*
  [ -n "$old" ] && cp "$old" "$tmp/dest/res.jsonl"
  faulty QF_KILL_AT="$point" "$@" -- "$bin" "${args[@]}"
  check "$label: killed at $point" test "$rc" -eq 137
  check "$label: output absent, old or complete" whole_or_old "$old"
  check "$label: temporaries left <= $allowed" test "$(temps)" -le "$allowed"
  if [ "$allowed" -gt 0 ]; then
    check "$label: the re-run removes the dead run's temporary" rerun_completes
  else
    check "$label: a re-run completes it" rerun_completes
  fi
}

printf 'old output\n' > "$tmp/old.jsonl"
points=(fwrite:1 wrote:1 "wrote:$((size / 2))" "wrote:$size" fflush:1 fsync:1 linkat:1)
for p in "${points[@]}"; do kill_case "new file" "$p" "" 0; done
for p in "${points[@]}" linkat:2; do kill_case "replacing a file" "$p" "$tmp/old.jsonl" 0; done
# Between linking the finished file to res.jsonl.tmp.<pid> and renaming it
# over the old one: the only window with a name, and the next run clears it.
kill_case "replacing a file" rename:1 "$tmp/old.jsonl" 1

# Without O_TMPFILE (some network and FUSE file systems) the output is
# written as res.jsonl.tmp.<pid>: a kill leaves it, the next run removes it.
rm -f "$tmp/dest/"*
faulty QF_NO_TMPFILE=1 -- "$bin" "${args[@]}"
check "no O_TMPFILE: an uninterrupted run writes the same output" same "$tmp/dest/res.jsonl" "$tmp/ref.jsonl"
check "no O_TMPFILE: and leaves no temporary" test "$(temps)" -eq 0
for p in "wrote:$((size / 2))" fsync:1 rename:1; do kill_case "no O_TMPFILE" "$p" "" 1 QF_NO_TMPFILE=1; done

# Temporaries of live processes are not touched; those of dead ones are.
rm -f "$tmp/dest/"*
sh -c 'echo $$' > "$tmp/dead.pid"
dead=$(cat "$tmp/dead.pid")
sleep 30 & live=$!
printf 'x' > "$tmp/dest/res.jsonl.tmp.$dead"
printf 'x' > "$tmp/dest/res.jsonl.tmp.$live"
printf 'x' > "$tmp/dest/res.jsonl.tmp.notapid"
printf 'x' > "$tmp/dest/other.jsonl.tmp.$dead"
"$bin" "${args[@]}" 2> "$tmp/err"
check "a dead process's temporary is removed" test ! -e "$tmp/dest/res.jsonl.tmp.$dead"
check "a live process's temporary is kept" test -e "$tmp/dest/res.jsonl.tmp.$live"
check "names that are not <target>.tmp.<pid> are kept" \
  test -e "$tmp/dest/res.jsonl.tmp.notapid" -a -e "$tmp/dest/other.jsonl.tmp.$dead"
kill "$live" 2>/dev/null; wait "$live" 2>/dev/null

# Kills from outside at arbitrary moments: whichever step they hit, the
# same invariant holds (these cannot assert which step was hit).
for delay in 0.05 0.2 0.4 0.8; do
  rm -f "$tmp/dest/"*
  cp "$tmp/old.jsonl" "$tmp/dest/res.jsonl"
  "$bin" "${args[@]}" 2> /dev/null &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  check "external SIGKILL after ${delay}s: old or complete" whole_or_old "$tmp/old.jsonl"
  check "external SIGKILL after ${delay}s: no temporary" test "$(temps)" -eq 0
done

finish
