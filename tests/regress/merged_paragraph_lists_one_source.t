#exit 0
# A paragraph built from two paragraphs of its source listed one of them:
# a paragraph kept one source per other document.  edited.txt's paragraph 6
# joins the wire's paragraphs 6 and 7; both are listed.
"$WT" compare --json "$ROOT/corpora/demo/wire.txt" "$ROOT/corpora/demo/edited.txt" > out.json
python3 - <<'PY'
import json, sys
d = json.load(open("out.json"))
doc = [x for x in d["documents"] if x["id"] == "edited.txt"][0]
got = sorted(s["paragraph"] for s in doc["paragraphs"][6]["sources"]
             if s["document"] == "wire.txt")
sys.exit(0 if got == [6, 7] else "sources of edited.txt 6: %s" % got)
PY
