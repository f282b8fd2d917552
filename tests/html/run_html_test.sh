#!/bin/sh
# Renders the HTML report of the seed articles, plus one article carrying
# markup that must show as text, in headless Chromium: takes a screenshot
# and checks the DOM after the page's script ran.
#   run_html_test.sh WIRETRACE_BINARY
# Exit 77 (skipped) only when no Chromium is installed; tools/setup.sh test
# installs it.
set -u
WT="$1"
SEEDS="${WT_SEEDS:?WT_SEEDS must point at the seed articles}"
OUT="${WT_BUILD_ROOT:-.}/html-report"
BROWSER=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$BROWSER" ]; then
    echo "SKIP: chromium is not installed (sh tools/setup.sh test installs it)"
    exit 77
fi
fail() { echo "FAIL: $*"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$OUT" "$tmp/in"
cp "$SEEDS"/*.txt "$tmp/in/"
# An article that quotes the wire story and carries markup in its text.
cat > "$tmp/in/005_markup.txt" <<'ART'
Seoul warns Pyongyang <script>document.body.setAttribute('data-pwned','script')</script>

"If the illegal military cooperation between North Korea and Russia continues, (South Korea) will not stand by but respond firmly in collaboration with the international community," Kim said, warning of "phased measures" in response to the level of their military ties.

A reader wrote: "><img src=x onerror="document.body.setAttribute('data-pwned','img')"> and then </style><script>document.body.setAttribute('data-pwned','style')</script> in the comments.
ART

"$WT" compare --html "$tmp/report.html" \
    --outlet "000_1d17b1946fa3511d.txt=Yonhap News Agency" \
    --outlet "005_markup.txt=Daily <script>document.body.setAttribute('data-pwned','outlet')</script>" \
    "$tmp"/in/*.txt > /dev/null
rc=$?
[ $rc = 1 ] || fail "compare exited $rc, expected 1 (reuse found)"
cp "$tmp/report.html" "$OUT/report.html"

# The file itself: one script (the page's own), no image, nothing remote.
n=$(grep -o '<script' "$tmp/report.html" | wc -l)
[ "$n" = 1 ] || fail "$n <script> elements in the file, expected 1"
grep -q '<img' "$tmp/report.html" && fail "an <img> element in the file"
grep -Eq '(src|href)="(https?:)?//' "$tmp/report.html" &&
    fail "the file refers to the network"

browse() {
    timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu \
        --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync \
        --user-data-dir="$tmp/profile" --window-size="${WIDTH:-1400},3000" \
        "$@" "file://$tmp/report.html" 2> "$tmp/browser.err"
}
# The page's height as its own script measured it (data-height).
height() { sed -n 's/.*data-height="\([0-9]*\)".*/\1/p' "$1" | head -n 1; }
browse --dump-dom > "$tmp/dom.html" || {
    cat "$tmp/browser.err"; fail "chromium could not render the report"; }
browse --screenshot="$OUT/report.png" > /dev/null ||
    fail "chromium could not take a screenshot"

grep -q 'data-ready="1"' "$tmp/dom.html" ||
    fail "the page's own script did not run"
grep -q 'data-pwned="' "$tmp/dom.html" &&
    fail "markup from an article ran: $(grep -o 'data-pwned="[a-z]*"' "$tmp/dom.html")"
grep -q '&lt;script&gt;document.body' "$tmp/dom.html" ||
    fail "the article's <script> text is not shown as text"
grep -q '<img' "$tmp/dom.html" && fail "an <img> element in the page"
grep -q 'onerror=' "$tmp/dom.html" ||
    fail "the article's <img onerror> text is not shown"
grep -q '&lt;/style&gt;' "$tmp/dom.html" ||
    fail "the article's </style> text is not shown as text"
marks=$(grep -o '<mark class="verbatim"' "$tmp/dom.html" | wc -l)
[ "$marks" -ge 2 ] || fail "$marks verbatim highlights, expected both halves"
grep -q '<mark class="rewrite"' "$tmp/dom.html" ||
    fail "no rewrite highlight"
grep -q '<svg class="graph"' "$tmp/dom.html" || fail "no provenance graph"
grep -q '001_777cbfa0a87e8925.txt took from 000_1d17b1946fa3511d.txt' \
    "$tmp/dom.html" || fail "the pair 001 <- 000 is not shown"
# The aligned view: a pair's unshared paragraphs collapse to one line, and
# only the first pair is open, so that the page of five articles fits in a
# few screens; every pair is still in the page, one click away.
grep -q '<details class="gap"' "$tmp/dom.html" ||
    fail "no collapsed run of unshared paragraphs"
pairs=$(grep -o '<section class="pair"' "$tmp/dom.html" | wc -l)
[ "$pairs" -ge 6 ] || fail "$pairs pair sections, expected every pair (6)"
h=$(height "$tmp/dom.html")
[ -n "$h" ] && [ "$h" -lt 4000 ] || fail "page $h px tall at 1400 px, expected under 4000"
WIDTH=390 browse --dump-dom > "$tmp/phone.html" ||
    fail "chromium could not render the report at phone width"
WIDTH=390 browse --screenshot="$OUT/report-phone.png" > /dev/null ||
    fail "chromium could not take the phone screenshot"
hp=$(height "$tmp/phone.html")
[ -n "$hp" ] || fail "no height at phone width"
echo "page height: $h px at 1400 px wide, $hp px at 390 px"
size=$(wc -c < "$OUT/report.png")
[ "$size" -gt 20000 ] || fail "screenshot of $size bytes"
echo "ok: $marks verbatim highlights, no markup ran; screenshot $OUT/report.png"
