#exit 0
#stdout-has same links through the index
# index add with --include takes only the files named (the wire story of
# corpora/demo); index query of the saved web page of the reprint
# (corpora/pages/reprint.html) links it to the wire exactly as the query
# of the reprint's text file does: the same paragraphs, sources, classes.
"$WT" index add --db wire.db --include 'wire.*' "$ROOT/corpora/demo" \
    2> add.err || exit 3
grep -q "1 added" add.err || exit 4
links() {
    "$WT" index query --db wire.db --json "$1" | python3 -c '
import json, sys
r = json.load(sys.stdin)
for d in r["documents"]:
    if d["id"] == "wire.txt":
        continue
    for i, p in enumerate(d["paragraphs"]):
        for s in p.get("sources", []):
            print(i, s["document"], s["paragraph"], s["class"])'
}
links "$ROOT/corpora/demo/reprint.txt" > text.txt
links "$ROOT/corpora/pages/reprint.html" > page.txt
[ -s text.txt ] || exit 5
cmp text.txt page.txt || exit 6
# Both kinds of file from a folder: the page is found without --include.
mkdir pages && cp "$ROOT/corpora/pages/reprint.html" pages/
"$WT" index add --db all.db pages 2> all.err || exit 7
grep -q "1 added" all.err || exit 8
echo same links through the index
