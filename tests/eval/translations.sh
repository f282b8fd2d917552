#!/bin/sh
# Translations from real text: WMT21 sources and their human reference
# translations (../shared/data/wmt-news-docs/wmt21-txt/, development data),
# and the Korean-English news pairs (../shared/data/ko-en-news/, dev part).
# The first LINES lines of each side become documents of ten one-line
# paragraphs (tests/eval/translation_eval.c).
#   sh tests/eval/translations.sh [BUILD_DIR] [LINES]   (default: build 500)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
lines=${2:-500}
data=../shared/data/wmt-news-docs/wmt21-txt
exe="$build/tests/translation_eval"
[ -x "$exe" ] || { echo "translations: build $exe first (sh tools/setup.sh build -Dbenchmarks=true)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'set\tlang_a\tlang_b\tparagraphs\tpara_P\tpara_R\tpara_F1\tdoc_P\tdoc_R\tdoc_F1\n'
for spec in de-fr:de:fr fr-de:fr:de ru-en:ru:en ja-en:ja:en en-ja:en:ja \
            de-en:de:en en-de:en:de en-ru:en:ru zh-en:zh:en en-zh:en:zh; do
    IFS=: read -r pair x y <<END
$spec
END
    gzip -dc "$data/newstest2021.$pair.src.$x.gz" > "$tmp/a"
    gzip -dc "$data/newstest2021.$pair.ref.A.$y.gz" > "$tmp/b"
    printf '%s\t' "$pair"
    "$exe" "$tmp/a" "$tmp/b" "$lines"
done
ko=../shared/data/ko-en-news/korean-english-park.dev.tar.gz
if [ -f "$ko" ]; then
    tar -xzf "$ko" -C "$tmp"
    k=$(find "$tmp" -name '*.ko' | head -n 1)
    e=$(find "$tmp" -name '*.en' | head -n 1)
    printf 'ko-en-dev\t'
    "$exe" "$k" "$e" "$lines"
fi
