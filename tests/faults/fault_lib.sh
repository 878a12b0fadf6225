# fault_lib.sh — shared by the fault tests of this folder (sourced, not run).
#   fault_setup BIN       $bin, $tmp (removed on exit), $root, $shim (built
#                         here from fault_shim.c), $preload (the LD_PRELOAD
#                         value: the sanitizer runtime first when BIN has one)
#   check, has, lines, finish: from ../check_lib.sh
#   faulty ENV=... -- CMD...  runs CMD with the shim and the given QF_* faults
source "$(dirname "${BASH_SOURCE[0]}")/../check_lib.sh"

fault_setup() {
  bin=$1
  check_tmp faults
  shim=$tmp/libquotient_fault_shim.so
  if ! ${CC:-cc} -shared -fPIC -O1 -Wall -o "$shim" "$root/tests/faults/fault_shim.c" -ldl 2> "$tmp/cc.err"; then
    echo "cannot build the fault shim with ${CC:-cc}:"; cat "$tmp/cc.err"; exit 1
  fi
  # A sanitized binary needs its runtime ahead of any other preloaded library.
  local runtime
  runtime=$(ldd "$bin" 2>/dev/null | awk '/libasan\.so/ {print $3; exit}')
  preload=${runtime:+$runtime:}$shim
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
