#!/bin/sh
# Language identification accuracy on texts whose language is known:
#   - the WMT news test sets (../shared/data/wmt-news-docs/): source texts
#     and human reference translations, as whole documents and as single
#     segments (a sentence or so); wmt21/ and wmt21-txt/ are the
#     development part, wmt22/ the held-out one (reported, never tuned on);
#   - the Korean-English news pairs (../shared/data/ko-en-news/, dev and
#     test), one sentence per line, ten lines making one "doc";
#   - the scraped news articles of the SemEval-2022 Task 8 sample
#     (../shared/data/semeval22-task8-sample/: training set for
#     development, testing set held out), which add es, it, ar, pl, tr;
#   - mixed documents (four paragraphs of three sentences, alternating
#     two languages) read through the corpus API: the share of paragraphs
#     that get the right per-paragraph language.
#   sh tests/eval/langid_wmt.sh [BUILD_DIR]      (default: build)
# Output: set, kind (doc, seg or para), language, count, accuracy, and how
# many were left to the script fallback.
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
data=../shared/data
exe="$build/tests/langid_eval"
[ -x "$exe" ] || { echo "langid_wmt: build $exe first (sh tools/setup.sh build -Dbenchmarks=true)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# sums SET: per-kind, per-language accuracy of the lines on stdin.
sums() {
    awk -v set="$1" -F '\t' '
        { k = $1 FS $2; n[k]++; if ($2 == $3) ok[k]++; if ($4 == 1) sc[k]++ }
        END { for (k in n) { split(k, a, FS)
              printf "%s\t%s\t%s\t%d\t%.3f\t%d\n", set, a[1], a[2], n[k],
                     ok[k] / n[k], sc[k] } }' | sort -t "$(printf '\t')" -k2,2 -k3,3
}

printf 'set\tkind\tlang\tcount\taccuracy\tby_script\n'
for set in wmt21 wmt22; do
    for f in "$data/wmt-news-docs/$set"/*.xml.gz; do
        gzip -dc "$f" | "$exe"
    done | sums "$set"
done
for f in "$data/wmt-news-docs/wmt21-txt"/*.gz; do
    lang=${f%.gz}; lang=${lang##*.}
    gzip -dc "$f" | "$exe" --lines "$lang"
done | sums wmt21-txt
for part in dev test; do
    tar xzf "$data/ko-en-news/korean-english-park.$part.tar.gz" -C "$tmp"
    for lang in ko en; do
        "$exe" --lines "$lang" < "$tmp/korean-english-park.$part.$lang"
    done | sums "ko-en-news-$part"
    "$exe" --mixed ko en "$tmp/korean-english-park.$part.ko" \
        "$tmp/korean-english-park.$part.en" | sums "mixed-ko-en-$part"
done
for part in training testing; do
    gzip -dc "$data/semeval22-task8-sample/${part}_set.csv.gz" |
        "$exe" --csv | sums "semeval22-$part"
done
for pair in ja-en zh-en ru-en de-en; do
    src=${pair%-en}
    gzip -dc "$data/wmt-news-docs/wmt21-txt/newstest2021.$pair.src.$src.gz" > "$tmp/a"
    gzip -dc "$data/wmt-news-docs/wmt21-txt/newstest2021.$pair.ref.A.en.gz" > "$tmp/b"
    "$exe" --mixed "$src" en "$tmp/a" "$tmp/b" | sums "mixed-$pair-wmt21"
done
