#!/bin/sh
# Writes the README tour (docs/tour.md) to stdout: every subcommand with a
# real example, run here on corpora/demo and the seed articles, and its real
# output.  Run through `sh tools/setup.sh tour`, which builds first.
set -u
cd "$(dirname "$0")/.."
PATH="$PWD/build/src/cli:$PATH"
export PATH NO_COLOR=1 COLUMNS=100
SEEDS=../shared/corpora/seeds

# step TEXT COMMAND: a paragraph of text, the command, its output and
# exit status.
step() {
    printf '%s\n\n```console\n$ %s\n' "$1" "$2"
    sh -c "$2" 2>&1
    rc=$?
    printf '```\n'
    [ $rc = 0 ] || printf '(exit status %s)\n' "$rc"
    printf '\n'
}

cat <<'MD'
## A tour of wiretrace

Every command below was run from the source tree with the wiretrace built
there; the output under it is what it printed (`sh tools/setup.sh tour`
writes this page again).  `corpora/demo` holds a short wire story and four
articles made from it; the seed articles are five real reports from one
day.

MD
step "Two articles: the answer first (who took what from whom, in words and by class, whether the taker credits the source, the origin), then every paragraph with where it came from and how. Exit status 1 means reuse was found." \
    "wiretrace compare corpora/demo/wire.txt corpora/demo/reprint.txt"
step "A folder of articles (every *.txt, *.html and *.html.gz below it). The summary leads; the last table gives, per document pair, the share of each side's text paragraphs with a source in the other, the origin, and the common source of two copies of one wire story (via), which link to it rather than to each other." \
    "wiretrace scan corpora/demo | tail -n 12"
step "The same as JSON for programs (the contract is in the README); here only its start." \
    "wiretrace compare --json corpora/demo/wire.txt corpora/demo/edited.txt | head -n 30"
step "What a reprint changed in the wire story, word by word. Quote styles, hard wraps, a line break that became a paragraph break, case and digit grouping are not changes; only changed paragraphs are shown (-U N unchanged ones around each, default 3), moved ones marked; on a terminal removed words are red and added words green instead of [-...-] and {+...+}." \
    "wiretrace diff corpora/demo/wire.txt corpora/demo/edited.txt"
step "The counts alone, as git diff --stat gives them; diff exits 0 when the two are the same, 1 when they differ, 2 on trouble." \
    "wiretrace diff --stat corpora/demo/wire.txt corpora/demo/edited.txt"
step "The seed articles: 001 copies a quote of the Yonhap story (000) with straight quotes where 000 has curly ones, so that paragraph shows no change; its other paragraphs are rewrites." \
    "wiretrace diff $SEEDS/000_1d17b1946fa3511d.txt $SEEDS/001_777cbfa0a87e8925.txt"
step "A rewrite reads better side by side: each run of changed words is marked on both sides (removed on the left, added on the right; red and green on a terminal), the names and numbers both sides share between asterisks. Translated pairs are always shown this way." \
    "wiretrace diff --side-by-side corpora/demo/wire.txt corpora/demo/rewrite.txt | head -n 24"
step "A report for people: one HTML file to open in any browser, with a graph of who took from whom, a table per document and each pair side by side with the shared text highlighted. It loads nothing from the network." \
    "wiretrace compare --html seeds.html $SEEDS/*.txt > /dev/null; grep -o '<mark class=\"[a-z]*\"' seeds.html | sort | uniq -c; rm seeds.html"
step "Over many files, scan and compare show a progress line on a terminal (files, size, rate, time left); --verbose also prints every file read and a summary, terminal or not." \
    "wiretrace scan --verbose corpora/demo > /dev/null"
step "Languages: the same story from Yonhap in Korean and in English. Paragraphs in different languages are linked as translations through an English pivot (dictionaries, glossaries, numbers and names in any script)." \
    "wiretrace compare corpora/lang/ko/wire.txt corpora/lang/en/wire.txt | head -n 11"
step "An archive: index the wire once, then check new articles against it. The query prints the same report as compare (here as one JSON line per article, for pipelines)." \
    "rm -f tour.db; wiretrace index add --db tour.db corpora/demo/wire.txt corpora/demo/unrelated.txt && wiretrace index query --db tour.db --format jsonl corpora/demo/edited.txt | cut -c1-300; wiretrace index stats --db tour.db; rm -f tour.db*"
step "What the archive holds: index list names every stored article (--outlet, --since, --until choose), index get prints one back as a text file with its header block (--json: the JSON Lines object)." \
    "rm -f tour.db; wiretrace index add -q --db tour.db tests/cli/index_feed.jsonl && wiretrace index list --db tour.db && wiretrace index get --db tour.db wire | head -n 8; rm -f tour.db*"
step "Without the copies: dedup writes its input back without the documents mostly copied (verbatim or edited) from another, keeping the origin; JSON Lines in, the same lines out. --mark keeps every one with what it duplicates. The rewrite stays: a story told again is no copy." \
    "wiretrace dedup --mark corpora/demo"
step "Who used an outlet's stories: the index records every reuse as articles are added, and audit sums them per outlet, per story and per month (also --json, --format csv, --html with charts)." \
    "rm -f tour.db; wiretrace index add -q --db tour.db tests/cli/audit_feed.jsonl && wiretrace audit --db tour.db --outlet MPA; rm -f tour.db*"
step "Web pages are read as articles: the text of the article, not of the page, with the page's outlet, time, title and author, and every paragraph's bytes in the HTML as saved. extract shows what wiretrace takes from a page." \
    "wiretrace extract corpora/pages/reprint.html | head -n 14"
step "Every command has its help; the manual page is wiretrace(1)." \
    "wiretrace diff --help"
