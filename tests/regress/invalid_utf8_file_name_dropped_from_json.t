#exit 0
#stderr-has wiretrace: nul.jsonl:2: "id" holds \u0000, line skipped
# A file whose name is not valid UTF-8 vanished from the JSON report
# with its sources (jansson refuses such a string, and the object built
# with it was dropped), and index add --format jsonl printed an empty
# line for it.  Its bytes are now shown as \xNN in every output; a JSON
# Lines id holding \u0000 (cut short in C) is refused by line.
D="$ROOT/corpora/demo"
mkdir u
name=$(printf 'w\377ire.txt')
cp "$D/wire.txt" "u/$name" && cp "$D/reprint.txt" u/ || exit 99
"$WT" compare --json u/* > out.json; [ $? = 1 ] || exit 1
python3 - <<'PY' || exit 2
import json
r = json.load(open("out.json"))
ids = sorted(d["id"] for d in r["documents"])
assert ids == ["reprint.txt", "w\\xFFire.txt"], ids
assert any(p["a"] == "w\\xFFire.txt" or p["b"] == "w\\xFFire.txt"
           for p in r["pairs"]), r["pairs"]
PY
"$WT" compare --format jsonl u/* | python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]' || exit 3
"$WT" compare u/* | grep -q 'from w\\xFFire.txt' || exit 4
"$WT" compare --html page.html u/* > /dev/null
grep -q 'w\\xFFire.txt' page.html || exit 5
"$WT" index add -q --db w.db --format jsonl u/* > add.jsonl || exit 6
grep -qx '{"id":"w\\\\xFFire.txt","status":"added"}' add.jsonl || { cat add.jsonl >&2; exit 7; }
grep -qx '' add.jsonl && exit 8
printf '{"id": "fine", "text": "Some text here."}\n{"id": "a\\u0000b", "text": "More text."}\n' > nul.jsonl
"$WT" index add -q --db w.db nul.jsonl
[ $? = 2 ] || exit 9
