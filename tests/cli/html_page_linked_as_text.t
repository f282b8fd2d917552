#exit 0
#stdout-has same links
# A saved web page of the reprint (corpora/pages/reprint.html: navigation,
# scripts, share buttons, related stories, JSON-LD and OpenGraph) is linked
# to the wire exactly as the text file of the reprint is: the same wire
# paragraphs, the same classes, with the page's outlet and time.
links() {
    "$WT" compare --json "$ROOT/corpora/demo/wire.txt" "$1" |
        python3 -c '
import json, sys
r = json.load(sys.stdin)
for d in r["documents"]:
    if d["id"] != "wire.txt":
        continue
    for i, p in enumerate(d["paragraphs"]):
        for s in p.get("sources", []):
            print(i, s["paragraph"], s["class"])'
}
links "$ROOT/corpora/demo/reprint.txt" > text.txt
links "$ROOT/corpora/pages/reprint.html" > page.txt
[ -s text.txt ] || exit 3
cmp text.txt page.txt || exit 4
"$WT" extract "$ROOT/corpora/pages/reprint.html" > meta.txt
grep -q "^outlet: Coastal Daily Record" meta.txt || exit 5
grep -q "^published: 2026-03-14T10:05:00Z" meta.txt || exit 6
grep -q "^author: Elena Marsh" meta.txt || exit 7
grep -q "Related stories\|Accept all\|Share on" meta.txt && exit 8
echo same links
