#!/bin/sh
# Same-language rewrites in several languages from real text: the two
# independent human reference translations of a WMT21 test set
# (../shared/data/wmt-news-docs/wmt21-txt/, development data) say the same
# news in different words.  For each language, the first 1000 lines of
# references A and B become 100 documents of ten one-line paragraphs each
# (tests/eval/lang_rewrite_eval.c); the share of paragraphs linked to their
# counterpart is comparable across languages.
#   sh tests/eval/lang_rewrites.sh [BUILD_DIR]      (default: build)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
data=../shared/data/wmt-news-docs/wmt21-txt
exe="$build/tests/lang_rewrite_eval"
[ -x "$exe" ] || { echo "lang_rewrites: build $exe first (sh tools/setup.sh build -Dbenchmarks=true)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'set\trefs\tlang\tparagraphs\tfound\tverbatim\tedited\trewrite\tnear\twrong\n'
for spec in de-en:A:B:en ru-en:A:B:en cs-en:A:B:en en-de:A:C:de \
            en-de:A:D:de en-ru:A:B:ru en-zh:A:B:zh en-cs:A:B:cs; do
    IFS=: read -r pair x y lang <<END
$spec
END
    gzip -dc "$data/newstest2021.$pair.ref.$x.$lang.gz" > "$tmp/a"
    gzip -dc "$data/newstest2021.$pair.ref.$y.$lang.gz" > "$tmp/b"
    printf '%s\t%s-%s\t' "$pair" "$x" "$y"
    "$exe" "$tmp/a" "$tmp/b" 1000
done
