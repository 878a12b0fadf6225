# check_lib.sh — the tally every shell test of this repository shares
# (sourced, not run).
#   check_tmp NAME       $tmp: a fresh directory, removed on exit
#   check NAME CMD...    runs CMD; counts and prints ok/FAIL (with the first
#                        lines of $tmp/err on a failure, when there are any)
#   run ARGS...          runs $bin ARGS: stdout in $tmp/out, stderr in
#                        $tmp/err, exit status in $rc
#   has TEXT FILE        FILE contains TEXT
#   lines FILE           FILE's line count
#   finish               prints the tally; exit status 1 on any failure
root=${QUOTIENT_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
passed=0 failed=0

check_tmp() {
  tmp=$(mktemp -d "${QUOTIENT_TEST_TMP:-/tmp}/$1.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
}

check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name"; [ -s "$tmp/err" ] && { echo "--- stderr:"; head -20 "$tmp/err"; }; fi
  return 0
}

run() {
  "$bin" "$@" > "$tmp/out" 2> "$tmp/err"; rc=$?
}

has() { grep -q -- "$1" "$2"; }
lines() { wc -l < "$1" | tr -d ' '; }

finish() {
  echo "$passed passed, $failed failed"
  test "$failed" -eq 0
}
