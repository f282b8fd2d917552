#exit 0
#stdout-has same links: 5
# A saved web page of seed 001 (title in <h1>, navigation, related stories,
# scripts, entities) links to the wire seed 000 as the text file does: the
# same paragraphs (by their words: the page's title is its metadata, not a
# paragraph as the text file's first line is), sources and classes, scores
# within 0.02 (one paragraph fewer moves the word weights a little).
S="$WT_SEEDS"
python3 - "$S/001_777cbfa0a87e8925.txt" > page.html <<'PY'
import html, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n")
         if l.strip()]
title, body = lines[0], lines[1:]
e = html.escape
print('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
      '<title>%s | World News</title><meta property="og:title" content="%s">'
      '<script>var ads = ["<p>not text</p>"];</script></head><body>'
      % (e(title), e(title)))
print('<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World'
      '</a></li></ul></nav><main><article><h1>%s</h1>' % e(title))
for l in body:
    print('<p>%s</p>' % e(l, quote=False))
print('</article><aside><h3>Related</h3><ul><li><a href="/a">Markets rally'
      '</a></li></ul></aside></main><footer><p>&copy; 2024 World News</p>'
      '</footer></body></html>')
PY
"$WT" compare -q --json "$S/000_1d17b1946fa3511d.txt" "$S/001_777cbfa0a87e8925.txt" > text.json
"$WT" compare -q --json "$S/000_1d17b1946fa3511d.txt" page.html > page.json
python3 - <<'PY'
import json, sys
def links(path):
    doc = json.load(open(path))["documents"][1]
    return [(p["words"], s["paragraph"], s["class"], s["score"])
            for p in doc["paragraphs"] for s in p.get("sources", [])]
a, b = links("text.json"), links("page.json")
same = len(a) == len(b) and all(
    x[:3] == y[:3] and abs(x[3] - y[3]) <= 0.02 for x, y in zip(a, b))
if not same or not a:
    sys.exit("text file %s\nweb page  %s" % (a, b))
print("same links: %d" % len(a))
PY
