#!/bin/sh
# Final figures for translated paragraphs, on data never used to choose a
# default: WMT22 news documents (uk-en, en-zh, en-hr, ja-en, de-fr) and
# the ko-en-news test part.  Same measure as tests/eval/translations.sh.
#   sh tests/eval/translations_final.sh [BUILD_DIR] [LINES]
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
lines=${2:-1000}
data=../shared/data/wmt-news-docs/wmt22
exe="$build/tests/translation_eval"
[ -x "$exe" ] || { echo "translations_final: build $exe first (sh tools/setup.sh build -Dbenchmarks=true)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'set\tlang_a\tlang_b\tparagraphs\tpara_P\tpara_R\tpara_F1\tdoc_P\tdoc_R\tdoc_F1\n'
for pair in uk-en en-zh en-hr ja-en ru-en de-fr fr-de; do
    python3 tests/eval/wmt22_lines.py "$data/wmttest2022.$pair.all.xml.gz" \
        "$tmp/a" "$tmp/b"
    printf 'wmt22-%s\t' "$pair"
    "$exe" "$tmp/a" "$tmp/b" "$lines"
done
ko=../shared/data/ko-en-news/korean-english-park.test.tar.gz
tar -xzf "$ko" -C "$tmp"
printf 'ko-en-test\t'
"$exe" "$tmp/korean-english-park.test.ko" "$tmp/korean-english-park.test.en" \
    "$lines"
