#!/usr/bin/env bash
# Limits (issue 7): hostile shapes of one document, each handled with a
# diagnostic and bounded memory. Peak RSS is measured with /usr/bin/time and
# held to an absurd bound only (LIMIT_RSS_KB, default 1 GB): this catches a
# blow-up, not a slowdown; nothing here is timed.
#   limits_test.sh QUOTIENT_BINARY [CASE...]   cases: nesting unclosed stray
#                                              long_quote size million sentences
#   (default: all)
set -uo pipefail
source "$(dirname "$0")/fault_lib.sh"
fault_setup "$1"
shift
cases=("$@")
((${#cases[@]})) || cases=(nesting unclosed stray long_quote size million sentences)
bound=${LIMIT_RSS_KB:-1048576}
sanitized=$(ldd "$bin" 2>/dev/null | grep -c 'libasan\|libtsan' || true)

# measure FILE ARGS...: analyze FILE (-f results on $tmp/out, stderr on
# $tmp/err), exit status in $rc, peak RSS in $rss (KB).
measure() {
  local file=$1; shift
  rc=0 rss=0
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$tmp/rss" "$bin" analyze --no-tone -f results "$@" "$file" > "$tmp/out" 2> "$tmp/err" || rc=$?
    rss=$(tail -1 "$tmp/rss" | tr -dc '0-9')
  else
    "$bin" analyze --no-tone -f results "$@" "$file" > "$tmp/out" 2> "$tmp/err" || rc=$?
  fi
}
check_rss() {  # check_rss LABEL
  if [ ! -x /usr/bin/time ]; then echo "skip $1: peak RSS: no /usr/bin/time (Debian package time)"
  elif ((sanitized)); then echo "skip $1: peak RSS bound under a sanitizer (${rss} KB)"
  else check "$1: peak RSS ${rss} KB <= $bound KB" test "${rss:-0}" -le "$bound"; fi
}
# py CODE > FILE: the inputs are generated, not stored.
py() { python3 -c "import sys; w = sys.stdout.write; $1"; }

for c in "${cases[@]}"; do
  case $c in
  nesting)  # quotes nested 100,000 deep, alternating “ and ‘ with words between
    py 'd = 100000
w("Ms Rowe said: " + "".join(("“w%d " if i % 2 == 0 else "‘w%d ") % i for i in range(d)) + "x"
  + "".join((" w%d”" if i % 2 == 0 else " w%d’") % i for i in reversed(range(d))) + "\n")' > "$tmp/deep.txt"
    measure "$tmp/deep.txt"
    check "nesting 100000 deep: analyzed (exit 0, status OK)" test "$rc" -eq 0 -a "$(grep -c '"status":"OK"' "$tmp/out")" -eq 1
    check "nesting 100000 deep: diagnostic nesting_too_deep" has '"code":"nesting_too_deep"' "$tmp/out"
    check "nesting 100000 deep: the first 16 levels are quotes" has '"depth":15' "$tmp/out"
    check "nesting 100000 deep: no quote deeper than 16 levels" test -z "$(grep -oE '"depth":(1[6-9]|[2-9][0-9]|[0-9]{3,})' "$tmp/out")"
    check "nesting 100000 deep: diagnostics are capped" has '"code":"too_many_diagnostics"' "$tmp/out"
    check_rss "nesting 100000 deep"
    ;;
  unclosed)  # a million paragraphs, each with a quote never closed
    py 'w("x “a\n\n" * 1000000)' > "$tmp/unclosed.txt"
    measure "$tmp/unclosed.txt"
    check "10^6 unclosed quotes: analyzed (exit 0)" test "$rc" -eq 0
    check "10^6 unclosed quotes: diagnostics are capped with a count" has '"code":"too_many_diagnostics"' "$tmp/out"
    check "10^6 unclosed quotes: at most 101 diagnostics" \
      test "$(grep -o '"severity"' "$tmp/out" | wc -l)" -le 101
    check_rss "10^6 unclosed quotes"
    ;;
  stray)  # a million closing marks with no opening one
    py 'w("x” " * 1000000 + "\n")' > "$tmp/stray.txt"
    measure "$tmp/stray.txt"
    check "10^6 stray closing marks: analyzed (exit 0)" test "$rc" -eq 0
    check "10^6 stray closing marks: diagnostics are capped" has '"code":"too_many_diagnostics"' "$tmp/out"
    check_rss "10^6 stray closing marks"
    ;;
  long_quote)  # one quote of 12 million words
    py 'w("Kim Ode said: “" + "a " * 12000000 + "”\n")' > "$tmp/long.txt"
    measure "$tmp/long.txt"
    check "a 24 MB quote: analyzed as one quote" test "$rc" -eq 0 -a "$(grep -o '"index":' "$tmp/out" | wc -l)" -eq 1
    check_rss "a 24 MB quote"
    ;;
  size)  # a document over --max-doc-bytes among good ones
    py 'w("Ms Rowe said it was “fine”. " * 100 + "\n")' > "$tmp/big.txt"
    printf 'Ms Rowe said it was “fine”.\n' > "$tmp/small.txt"
    measure "$tmp/big.txt" --max-doc-bytes 1000 "$tmp/small.txt"
    check "over --max-doc-bytes: skipped, the next one analyzed" \
      has "2 documents (1 ok, 1 skipped, 0 failed)" "$tmp/err"
    check "over --max-doc-bytes: the skip says why" has '"status":"SKIPPED"' "$tmp/out"
    ;;
  million)  # 10^6 attributed quotes in one 23 MB document
    py 'w("Ms Rowe said: " + "“a,” said Bo Lund. " * 1000000 + "\n")' > "$tmp/million.txt"
    measure "$tmp/million.txt"
    check "10^6 quotes in one document: analyzed (exit 0)" test "$rc" -eq 0
    check "10^6 quotes in one document: a diagnostic says quotes were dropped" \
      has '"code":"too_many_quotes"' "$tmp/out"
    check "10^6 quotes in one document: the first 10000 (--max-quotes) are records" \
      test "$(grep -o '"index":' "$tmp/out" | wc -l)" -eq 10000
    check_rss "10^6 quotes in one document"
    measure "$tmp/million.txt" --max-quotes 20
    check "--max-quotes 20: 20 records" test "$(grep -o '"index":' "$tmp/out" | wc -l)" -eq 20
    ;;
  sentences)  # 3 million one-line paragraphs: 18 MB, far under the 64 MB limit
    py 'w("x a.\n\n" * 3000000)' > "$tmp/sentences.txt"
    measure "$tmp/sentences.txt"
    check "3*10^6 sentences: analyzed (exit 0)" test "$rc" -eq 0
    check_rss "3*10^6 sentences"
    # --indirect reads every sentence, quotes or not: attribution in parts.
    measure "$tmp/sentences.txt" --indirect
    check "3*10^6 sentences, --indirect: analyzed (exit 0)" test "$rc" -eq 0
    check "3*10^6 sentences, --indirect: attributed in parts" has '"code":"segmented"' "$tmp/out"
    check_rss "3*10^6 sentences, --indirect"
    ;;
  *) echo "limits_test: unknown case $c"; exit 2 ;;
  esac
done
finish
