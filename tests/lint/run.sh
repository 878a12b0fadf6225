#!/usr/bin/env bash
# Static analysis of our sources (issue 7): clang-tidy with the checked-in
# .clang-tidy, and cppcheck (warning, performance and portability checks)
# with tests/lint/cppcheck.cfg. Prints every finding as
#   path:line: check: message
# and exits 1 when any is not listed in tests/lint/exclusions.txt, 2 when a
# tool or the build tree is missing, else 0.
#
#   tests/lint/run.sh [BUILD_DIR]
#     BUILD_DIR: a configured CMake build tree of this checkout (default
#     build): its compile_commands.json gives clang-tidy the flags, and its
#     generated protobuf headers are built first if needed.
#   JOBS: clang-tidy processes at once (default: all cores).
#   LINT_OUT: a directory to keep the raw tool outputs and the findings in
#     (default: a temporary one, removed).
#
# What is linted: src/, grammar/ and model/ — every .cpp that the build
# compiles, the headers they include from those folders, and (cppcheck) the
# whole folders. Not linted: generated code (protobuf, embedded data, both in
# the build tree) and tests/ (Boost.Test's macros are all clang-tidy would
# see there).
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
jobs=${JOBS:-$(nproc)}

tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
cppcheck=$(command -v cppcheck || true)
[ -n "$tidy" ] || { echo "lint: no clang-tidy (Debian package clang-tidy-14)" >&2; exit 2; }
[ -n "$cppcheck" ] || { echo "lint: no cppcheck (Debian package cppcheck)" >&2; exit 2; }
[ -f "$build/compile_commands.json" ] ||
  { echo "lint: $build/compile_commands.json missing: configure first (cmake -S . -B $build -G Ninja)" >&2; exit 2; }
cmake --build "$build" --target quotient_proto > /dev/null ||
  { echo "lint: cannot generate the protobuf headers in $build" >&2; exit 2; }

if [ -n "${LINT_OUT:-}" ]; then
  tmp=$LINT_OUT
  mkdir -p "$tmp"
else
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
fi

# The translation units of src/, grammar/ and model/ that the build compiles.
grep -oE '"file": *"[^"]+"' "$build/compile_commands.json" | sed -E 's/.*"([^"]+)"$/\1/' |
  grep -E "^$root/(src|grammar|model)/[^/]+\.cpp$" | sort -u > "$tmp/units"
[ -s "$tmp/units" ] || { echo "lint: no sources of $root in $build/compile_commands.json" >&2; exit 2; }

# clang-tidy: "FILE:LINE:COL: warning: MESSAGE [CHECK]" → "path:line: CHECK: MESSAGE".
# (sed's delimiter is '#': the pattern holds '|'.) Compiler errors come out as
# clang-diagnostic-error findings; a run that failed without any is a tool
# failure.
start=$SECONDS
tidy_rc=0
xargs -P "$jobs" -n 1 "$tidy" -p "$build" --quiet < "$tmp/units" > "$tmp/tidy.out" 2> "$tmp/tidy.err" || tidy_rc=$?
sed -nE "s#^$root/([^:]+):([0-9]+):[0-9]+: (warning|error): (.*) \[([^]]+)\]\$#\1:\2: \5: \4#p" "$tmp/tidy.out" |
  sort -u > "$tmp/findings"
echo "lint: clang-tidy: $(wc -l < "$tmp/units") files in $((SECONDS - start)) s"
if ((tidy_rc)) && ! [ -s "$tmp/findings" ]; then
  echo "lint: clang-tidy failed (exit $tidy_rc):" >&2
  tail -20 "$tmp/tidy.err" >&2
  exit 2
fi

# cppcheck: the same line format. "information" is enabled so that a file
# cppcheck could not analyse at all (noValidConfiguration, e.g. an #error in
# a header it read) is a finding, not a silent skip. Generated protobuf
# headers are not on its include path: their version #error needs the
# system's port_def.inc, which cppcheck does not read.
start=$SECONDS
"$cppcheck" --std=c++17 --language=c++ --library=tests/lint/cppcheck.cfg \
  --enable=warning,performance,portability,information --inline-suppr --quiet -j "$jobs" \
  -I src -I grammar -I model --suppress=missingIncludeSystem --suppress=missingInclude \
  --suppress=unmatchedSuppression --suppress=checkersReport \
  --template='{file}:{line}: cppcheck-{id}: {message}' src grammar model 2> "$tmp/cppcheck.out" ||
  { echo "lint: cppcheck failed" >&2; tail -20 "$tmp/cppcheck.out" >&2; exit 2; }
grep -E '^[^ ]+:[0-9]+: cppcheck-' "$tmp/cppcheck.out" | sort -u >> "$tmp/findings"
echo "lint: cppcheck: src grammar model in $((SECONDS - start)) s"

# Exclusions: "path check" pairs (see the file); the rest are findings.
touch "$tmp/none"
awk -v counts="$tmp/counts" '
  FILENAME == ARGV[1] { if ($0 !~ /^[[:space:]]*(#|$)/) excluded[$1 " " $2] = 1; next }
  { split($0, f, ":"); check = f[3]; gsub(/ /, "", check)
    if ((f[1] " " check) in excluded) skipped++; else { print; found++ } }
  END { print found + 0, skipped + 0 > counts }' \
  "$([ -f tests/lint/exclusions.txt ] && echo tests/lint/exclusions.txt || echo "$tmp/none")" "$tmp/findings"
read -r found skipped < "$tmp/counts"
echo "lint: $found findings, $skipped excluded (tests/lint/exclusions.txt)"
((found == 0))
