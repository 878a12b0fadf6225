# fault_lib.sh — shared by the fault tests of this folder (sourced, not run).
#   fault_setup BIN       $bin, $tmp (removed on exit), $root, $shim (built
#                         here from fault_shim.c), $preload (the LD_PRELOAD
#                         value: the sanitizer runtime first when BIN has one)
#   check NAME CMD...     counts and prints ok/FAIL
#   faulty ENV=... -- CMD...  runs CMD with the shim and the given QF_* faults
#   finish                prints the tally; exit status 1 on any failure
root=${QUOTIENT_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
passed=0 failed=0

fault_setup() {
  bin=$1
  tmp=$(mktemp -d "${QUOTIENT_TEST_TMP:-/tmp}/faults.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  shim=$tmp/libquotient_fault_shim.so
  if ! ${CC:-cc} -shared -fPIC -O1 -Wall -o "$shim" "$root/tests/faults/fault_shim.c" -ldl 2> "$tmp/cc.err"; then
    echo "cannot build the fault shim with ${CC:-cc}:"; cat "$tmp/cc.err"; exit 1
  fi
  # A sanitized binary needs its runtime ahead of any other preloaded library.
  local runtime
  runtime=$(ldd "$bin" 2>/dev/null | awk '/libasan\.so/ {print $3; exit}')
  preload=${runtime:+$runtime:}$shim
}

check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name"; [ -s "$tmp/err" ] && { echo "--- stderr:"; head -20 "$tmp/err"; }; fi
}

# faulty QF_X=... [QF_Y=...] -- CMD...: exit status in $rc, stdout in
# $tmp/out, stderr in $tmp/err.
# A SIGKILL inside is reported as rc 137 without the shell's "Killed" line.
faulty() {
  local env=()
  while [ "$1" != "--" ]; do env+=("$1"); shift; done
  shift
  rc=0
  { env LD_PRELOAD="$preload" "${env[@]}" "$@" > "$tmp/out" 2> "$tmp/err"; rc=$?; } 2>/dev/null
}

finish() {
  echo "$passed passed, $failed failed"
  test "$failed" -eq 0
}
