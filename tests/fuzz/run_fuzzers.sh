#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (built with -DQUOTIENT_FUZZ=ON).
#
#   run_fuzzers.sh run BUILD_DIR SECONDS [TARGET...]
#       fuzzes each target (default: all) for SECONDS with its seeds, its
#       regressions and the corpus it grew before; FUZZ_JOBS at a time
#       (default 2). Logs, grown corpora and artifacts (crash-*, leak-*,
#       timeout-*, slow-unit-*) go to FUZZ_OUT (default BUILD_DIR/fuzz-out).
#       Prints one summary line per target; exits 1 when any target found a
#       crash, leak, timeout or failed invariant.
#   run_fuzzers.sh replay EXE DIR...
#       runs every file in DIR... once (the ctest entries fuzz.<target>) and
#       fails when one crashes or is slow for its size.
#
# The hang detector: inputs are at most 64 KiB (-max_len=65536) and each must
# finish within FUZZ_TIMEOUT seconds (default 5, i.e. ~76 µs per byte at the
# largest size); replay also holds every input to FUZZ_MS_BASE ms plus
# FUZZ_US_PER_BYTE µs per byte (default 1000 + 60), so a small input that
# turned slow fails too. libFuzzer saves any input slower than 1 s as
# slow-unit-*: copy the ones worth keeping to regressions/<target>/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
TARGETS=(grammar attribution analyze jsonl_reader pb_reader model tone)
TIMEOUT=${FUZZ_TIMEOUT:-5}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

dict_for() {
  case "$1" in
    grammar|attribution|analyze|tone) echo "-dict=$here/text.dict" ;;
    jsonl_reader) echo "-dict=$here/json.dict" ;;
  esac
}

# fuzz_one BUILD_DIR SECONDS TARGET: one bounded run; prints its summary line.
fuzz_one() {
  local build=$1 secs=$2 t=$3 out=${FUZZ_OUT:-$1/fuzz-out}
  local exe=$build/tests/fuzz/fuzz_$t log=$out/$t.log
  mkdir -p "$out/corpus/$t" "$out/artifacts/$t" "$here/regressions/$t"
  local rc=0
  # shellcheck disable=SC2046
  "$exe" -max_total_time="$secs" -max_len=65536 -timeout="$TIMEOUT" -rss_limit_mb=3072 \
    -report_slow_units=1 -print_final_stats=1 -artifact_prefix="$out/artifacts/$t/" $(dict_for "$t") \
    "$out/corpus/$t" "$build/tests/fuzz/seeds/$t" "$here/regressions/$t" >"$log" 2>&1 || rc=$?
  local last execs
  last=$(grep -aE '^#[0-9]+' "$log" | tail -1 || true)
  execs=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
  local cov ft
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
  local found
  found=$(ls "$out/artifacts/$t" | grep -vE '^slow-unit-' | tr '\n' ' ' || true)
  if ((rc == 0)) && [ -z "$found" ]; then
    printf 'fuzz %-13s ok      %9s execs  cov %5s  ft %6s  (%ss)\n' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$secs"
  else
    printf 'fuzz %-13s FAILED  %9s execs  cov %5s  ft %6s  exit %s  %s  log %s\n' \
      "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$rc" "$found" "$log"
    grep -aE 'ERROR: |invariant failed|SUMMARY' "$log" | head -5 | sed 's/^/    /'
    return 1
  fi
}

run() {
  local build=$1 secs=$2
  shift 2
  local targets=("$@")
  ((${#targets[@]})) || targets=("${TARGETS[@]}")
  local t
  for t in "${targets[@]}"; do
    [ -x "$build/tests/fuzz/fuzz_$t" ] || { echo "run_fuzzers: $build/tests/fuzz/fuzz_$t is not built" >&2; return 2; }
  done
  export -f fuzz_one dict_for
  export here TIMEOUT
  printf '%s\n' "${targets[@]}" | xargs -P "${FUZZ_JOBS:-2}" -I{} bash -c 'fuzz_one "$@"' _ "$build" "$secs" {}
}

replay() {
  local exe=$1 files=() f
  shift
  for d in "$@"; do
    [ -d "$d" ] || continue
    while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$d" -type f ! -name '*.md' -print0 | sort -z)
  done
  if ((${#files[@]} == 0)); then
    echo "replay: no inputs in $*"
    return 0
  fi
  local log
  log=$(mktemp)
  if ! "$exe" -timeout="$TIMEOUT" -rss_limit_mb=3072 "${files[@]}" >"$log" 2>&1; then
    grep -avE '^(Running|Executed) ' "$log" | tail -40
    rm -f "$log"
    return 1
  fi
  # Executed FILE in N ms: hold each input to a budget proportional to its size.
  local slow
  slow=$(sed -nE 's/^Executed (.*) in ([0-9]+) ms$/\2 \1/p' "$log" | while read -r ms file; do
    local bytes budget
    bytes=$(stat -c %s "$file")
    budget=$(( ${FUZZ_MS_BASE:-1000} + bytes * ${FUZZ_US_PER_BYTE:-60} / 1000 ))
    ((ms <= budget)) || echo "slow: $file ($bytes bytes) took $ms ms, budget $budget ms"
  done)
  local n max
  n=${#files[@]}
  max=$(sed -nE 's/^Executed .* in ([0-9]+) ms$/\1/p' "$log" | sort -n | tail -1)
  rm -f "$log"
  if [ -n "$slow" ]; then
    echo "$slow"
    return 1
  fi
  echo "replay: $n inputs ok (slowest ${max:-0} ms)"
}

case "${1:-}" in
  run) shift; (($# >= 2)) || { echo "usage: run_fuzzers.sh run BUILD_DIR SECONDS [TARGET...]" >&2; exit 2; }; run "$@" ;;
  replay) shift; (($# >= 1)) || { echo "usage: run_fuzzers.sh replay EXE DIR..." >&2; exit 2; }; replay "$@" ;;
  *) echo "usage: run_fuzzers.sh run BUILD_DIR SECONDS [TARGET...] | replay EXE DIR..." >&2; exit 2 ;;
esac
