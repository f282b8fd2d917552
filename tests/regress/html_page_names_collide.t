#exit 0
# index query --html FILE wrote each article's page to FILE-<id>.html
# with every byte outside [A-Za-z0-9._-] made '_': the ids "*", "?",
# "_" and "%" all wrote r-_.html, each page over the one before.  Other
# bytes are now written _XX (hex), '_' included.
"$WT" index add -q --db w.db "$ROOT/corpora/demo/wire.txt" || exit 99
for id in '*' '?' '_' '%' 'a/b' 'a_2Fb'; do
    printf '{"id": "%s", "text": "The harbour strike entered its third day on Monday with no talks planned."}\n' "$id"
done > q.jsonl
"$WT" index query --db w.db --html r.html q.jsonl > /dev/null
n=$(ls r-*.html | wc -l)
ls r-*.html >&2
[ "$n" = 6 ] || { echo "$n pages for 6 ids" >&2; exit 1; }
