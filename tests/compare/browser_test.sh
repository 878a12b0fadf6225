#!/usr/bin/env bash
# compare.browser: renders a `quotient compare` HTML report in headless
# Chromium and checks that it renders (a non-trivial screenshot, the charts in
# the parsed DOM) and that nothing could be fetched (no http(s):// URL, no
# src=, no url(), no <script> in the page).
#
#   browser_test.sh QUOTIENT_BINARY BUILD_DIR
#
# Needs Debian's `chromium` (/usr/bin/chromium, or $CHROMIUM); without it the
# test is skipped (exit 77). The screenshot is kept as
# BUILD_DIR/compare_report.png, the report as BUILD_DIR/compare_report.html.
set -euo pipefail
bin=${1:?usage: browser_test.sh QUOTIENT_BINARY BUILD_DIR}
out=${2:?usage: browser_test.sh QUOTIENT_BINARY BUILD_DIR}
src=${QUOTIENT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $chromium ]]; then
  echo "skipped: $chromium is absent (apt-get install chromium)"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Our own sample articles, dated and placed in two outlets, by speaker and
# month: tone bars with whiskers, a time chart, a table and the label shares.
"$bin" analyze -q -f jsonl -o "$tmp/quotes.jsonl" "$src/data/samples/"
cat > "$tmp/docs.jsonl" <<'EOF'
{"id": "trade-talks", "text": "-", "outlet": "Wire", "date": "2024-09-12"}
{"id": "city-council", "text": "-", "outlet": "Gazette", "date": "2024-10-03"}
{"id": "climate-summit", "text": "-", "outlet": "Wire", "date": "2024-11-21"}
EOF
html=$out/compare_report.html png=$out/compare_report.png
rm -f "$png"
"$bin" compare -q --by outlet,month --docs "$tmp/docs.jsonl" -f html -o "$html" \
  --title "quotient compare: browser test" "$tmp/quotes.jsonl" || fail "quotient compare exited $?"
[[ -s $html ]] || fail "no report written"

# Nothing to fetch: no absolute URL, no external resource of any kind.
if grep -Eqi 'https?://' "$html"; then fail "the report contains a URL: $(grep -Eoi 'https?://[^"<> ]*' "$html" | head -3)"; fi
if grep -Eqi '<script|<link|<img|<iframe| src=|url\(|@import' "$html"; then fail "the report loads external resources"; fi

flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
       --disable-sync --no-first-run --user-data-dir="$tmp/profile")
timeout 90 "$chromium" "${flags[@]}" --screenshot="$png" --window-size=1200,900 "file://$html" \
  > "$tmp/chromium.log" 2>&1 || { cat "$tmp/chromium.log" >&2; fail "chromium exited $?"; }
[[ -f $png ]] || { cat "$tmp/chromium.log" >&2; fail "no screenshot"; }
size=$(stat -c %s "$png")
[[ $(head -c 8 "$png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "$png is not a PNG"
(( size > 20000 )) || fail "screenshot is only $size bytes: a blank page?"
width=$(od -An -tu1 -j16 -N4 "$png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
height=$(od -An -tu1 -j20 -N4 "$png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
(( width >= 1000 && height >= 700 )) || fail "screenshot is ${width}x$height"

# The parsed DOM holds the charts (the browser read the SVG as SVG).
timeout 90 "$chromium" "${flags[@]}" --dump-dom "file://$html" > "$tmp/dom.html" 2> "$tmp/chromium.log" ||
  { cat "$tmp/chromium.log" >&2; fail "chromium --dump-dom exited"; }
charts=$(grep -o '<svg class="chart"' "$tmp/dom.html" | wc -l)
(( charts >= 3 )) || fail "the rendered page has $charts charts, expected 3 (tone bars, over time, label shares)"
grep -q 'class="whisker"' "$tmp/dom.html" || fail "no interval whiskers in the rendered page"
grep -q 'class="series"' "$tmp/dom.html" || fail "no time series in the rendered page"
echo "ok: $png (${width}x$height, $size bytes), $charts charts"
