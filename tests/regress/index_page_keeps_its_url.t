#exit 0
#stdout-has https://record.example/business/2026/03/14/harborton-port-strike
# A web page added to an index kept the outlet and title it gives but not
# its canonical URL (only an article's own "url" field was stored), so a
# query naming the page as a source showed no URL, unlike compare.
mkdir pages && cp "$ROOT/corpora/pages/reprint.html" pages/
"$WT" index add -q --db p.db pages || exit 3
"$WT" index get --db p.db --json reprint.html | python3 -c '
import json, sys
print(json.load(sys.stdin)["url"])' || exit 4
"$WT" index query --db p.db --json "$ROOT/corpora/demo/wire.txt" |
    python3 -c '
import json, sys
r = json.load(sys.stdin)
urls = [s["url"] for s in r.get("sources", []) if s["id"] == "reprint.html"]
assert urls == ["https://record.example/business/2026/03/14/harborton-port-strike"], urls' || exit 5
