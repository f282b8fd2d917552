#exit 0
#stdout-has == le.html (html)
#stdout-has == be.html (html)
#stdout-has title: Harbour closed
# A web page saved as UTF-16 with a byte order mark (either order) is a
# page, not text: its article is read, with offsets into the UTF-16 bytes.
python3 - <<'PY'
page = ("<!DOCTYPE html><html lang=en><head><title>Harbour closed</title>"
        "</head><body><p>The council voted on Tuesday to close the harbour "
        "for repairs, officials said, after a storm damaged the main pier."
        "</p></body></html>")
open("le.html", "wb").write(b"\xff\xfe" + page.encode("utf-16-le"))
open("be.html", "wb").write(b"\xfe\xff" + page.encode("utf-16-be"))
PY
"$WT" extract le.html be.html > out.txt || exit 3
grep -q "The council voted" out.txt || exit 4
# The paragraph's range, sliced from the file, is its text in UTF-16.
"$WT" extract --json le.html | python3 -c '
import json, sys
d = json.load(sys.stdin)["documents"][0]
data = open("le.html", "rb").read()
p = d["paragraphs"][0]
(a, b), = p["ranges"]
assert data[a:b].decode("utf-16-le") == p["text"], (data[a:b], p["text"])
' || exit 5
cat out.txt
