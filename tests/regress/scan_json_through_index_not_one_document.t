#exit 1
#stdout-has documents 5
# scan through an index (above --in-memory-max, or with --db) printed one
# JSON document per file, concatenated: not one valid document as below
# the limit.  Now it is one document with every file and each pair once;
# the summary's rows, kept on disk meanwhile, each once, largest first.
mkdir dir
cp "$ROOT"/corpora/demo/*.txt dir/
"$WT" scan --db s.db --json dir > out.json
rc=$?
python3 - <<'END' || exit 9
import json
d = json.load(open("out.json"))
pairs = {tuple(sorted((p["a"], p["b"]))) for p in d["pairs"]}
assert len(pairs) == len(d["pairs"]), "a pair listed twice"
rows = d["summary"]
assert rows, "no summary rows"
keys = {tuple(sorted((r["taker"], r["source"]))) for r in rows}
assert len(keys) == len(rows), "a summary row listed twice"
words = [r["words"] for r in rows]
assert words == sorted(words, reverse=True), "rows not largest first"
print("documents", len(d["documents"]))
END
exit $rc
