#!/usr/bin/env bash
# SIGKILL during `quotient analyze -o FILE` (issue 7): killed at every step of
# writing and publishing the output, the target is either absent (or its old
# version, when it existed) or complete — never partial — no temporary is
# left behind, and a re-run produces exactly the uninterrupted output.
# The kill points are injected by fault_shim.c (QF_KILL_AT); a few kills from
# outside at arbitrary moments check the same invariant.
# SIGKILL during a `--db` load (SQLite): killed at writes spread over the
# whole load (the shim's pwrite and fdatasync points: inside a transaction,
# inside a WAL commit, before the first commit, near the end) and again
# during the re-run, the database passes SQLite's integrity check, holds
# whole batches with every document's quotes, and a re-run completes it to
# exactly the rows of an uninterrupted load.
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

# After a kill of process $1 replacing old.jsonl: no temporary, or the one
# state with a name (rename:1 below): the old file still in place, the whole
# new output as res.jsonl.tmp.<pid>, and a re-run that removes it.
no_temp_or_rename_window() {
  [ "$(temps)" -eq 0 ] && return 0
  [ "$(temps)" -eq 1 ] && same "$tmp/dest/res.jsonl" "$tmp/old.jsonl" &&
    same "$tmp/dest/res.jsonl.tmp.$1" "$tmp/ref.jsonl" && rerun_completes
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
# That state is what the external kills below accept besides none.
rm -f "$tmp/dest/"*
cp "$tmp/old.jsonl" "$tmp/dest/res.jsonl"
faulty QF_KILL_AT=rename:1 -- "$bin" "${args[@]}"
left=$(ls "$tmp/dest" | sed -n 's/^res\.jsonl\.tmp\.//p')
check "a kill at rename:1 leaves res.jsonl.tmp.<pid>" test -n "$left"
check "the rename window's state is the one the external kill check accepts" no_temp_or_rename_window "$left"

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
  # A kill between linking the finished file to res.jsonl.tmp.<pid> and the
  # rename (rename:1 above) leaves that name: rare, but a loaded machine can
  # stop the process there. The next run removes it.
  check "external SIGKILL after ${delay}s: no temporary, or the rename window's" \
    no_temp_or_rename_window "$pid"
done

# ---- SIGKILL during a --db load (SQLite, WAL mode).
if ! command -v sqlite3 > /dev/null; then
  echo "skip --db kill cases: no sqlite3 command-line shell (Debian package sqlite3)"
  finish
  exit
fi
mkdir "$tmp/db"
load=(analyze --no-tone -q -j1 --db-batch 100 --db)  # + DB "$tmp/in.jsonl"
q() { sqlite3 "$1" "$2"; }
rows() {  # every row of the data tables, in a fixed order
  q "$1" "SELECT * FROM documents ORDER BY doc_id; SELECT * FROM quotes ORDER BY doc_id, idx;
          SELECT * FROM sides ORDER BY name;"
}
"$bin" "${load[@]}" "$tmp/db/ref.sqlite" "$tmp/in.jsonl" 2> "$tmp/err"
rows "$tmp/db/ref.sqlite" > "$tmp/ref.rows"
check "--db reference load: 2000 documents" test "$(q "$tmp/db/ref.sqlite" 'SELECT count(*) FROM documents')" -eq 2000

# db_consistent DB: what a dashboard opening the killed database sees —
# SQLite's integrity check passes; no tables yet (killed before the schema
# was committed) or whole batches of documents, each with all its quotes.
db_consistent() {
  local n
  [ "$(q "$1" 'PRAGMA integrity_check')" = ok ] || return 1
  [ "$(q "$1" "SELECT count(*) FROM sqlite_master WHERE name = 'documents'")" -eq 1 ] || return 0
  n=$(q "$1" 'SELECT count(*) FROM documents') || return 1
  echo "  killed with $n documents committed"
  ((n % 100 == 0 && n <= 2000)) || { echo "  $n documents committed" >&2; return 1; }
  [ "$(q "$1" 'SELECT count(*) FROM documents d WHERE d.quotes <>
        (SELECT count(*) FROM quotes q WHERE q.doc_id = d.doc_id)')" -eq 0 ] || return 1
  [ "$(q "$1" 'SELECT count(*) FROM quotes q WHERE NOT EXISTS
        (SELECT 1 FROM documents d WHERE d.doc_id = q.doc_id)')" -eq 0 ]
}
db_rerun_completes() {
  "$bin" "${load[@]}" "$1" "$tmp/in.jsonl" 2> "$tmp/err" && rows "$1" | cmp -s - "$tmp/ref.rows"
}
db_killed_at() {  # db_killed_at POINT DB: one load of DB killed at POINT
  faulty QF_KILL_AT="$1" -- "$bin" "${load[@]}" "$2" "$tmp/in.jsonl"
}

# How often an uninterrupted load calls each kill point's function (the shim
# counts with N = 0), to spread the kill points over the whole load.
count_calls() {
  rm -f "$tmp/db/count.sqlite"* "$tmp/count"
  faulty QF_KILL_AT="$1:0" QF_COUNT_TO="$tmp/count" -- "$bin" "${load[@]}" "$tmp/db/count.sqlite" "$tmp/in.jsonl"
  awk '{print $2}' "$tmp/count" 2> /dev/null || echo 0
}
pwrites=$(count_calls pwrite)
syncs=$(count_calls fdatasync)
echo "an uninterrupted --db load makes $pwrites pwrite and $syncs fdatasync calls"
check "--db load: the shim sees SQLite's writes" test "${pwrites:-0}" -gt 20

points=("pwrite:1" "pwrite:$((pwrites / 10))" "pwrite:$((pwrites / 3))" "pwrite:$((pwrites / 2 + 1))"
        "pwrite:$((pwrites - 2))")
((syncs > 2)) && points+=("fdatasync:1" "fdatasync:$((syncs / 2))" "fdatasync:$syncs")
for p in "${points[@]}"; do
  rm -f "$tmp/db/k.sqlite"*
  db_killed_at "$p" "$tmp/db/k.sqlite"
  check "--db killed at $p" test "$rc" -eq 137
  check "--db killed at $p: consistent" db_consistent "$tmp/db/k.sqlite"
  check "--db killed at $p: a re-run completes it exactly" db_rerun_completes "$tmp/db/k.sqlite"
done

# Killed, killed again during the re-run, then completed.
rm -f "$tmp/db/k.sqlite"*
db_killed_at "pwrite:$((pwrites / 3))" "$tmp/db/k.sqlite"
db_killed_at "pwrite:$((pwrites / 2))" "$tmp/db/k.sqlite"
check "--db killed twice: the re-run was killed too" test "$rc" -eq 137
check "--db killed twice: consistent" db_consistent "$tmp/db/k.sqlite"
check "--db killed twice: a third run completes it exactly" db_rerun_completes "$tmp/db/k.sqlite"

finish
