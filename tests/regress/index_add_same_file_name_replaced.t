#exit 0
#stdout-has {"id":"x.txt","status":"added"}
#stdout-has {"id":"b/x.txt","status":"added"}
#stderr-has b/x.txt: another file of this run is x.txt already: its id is b/x.txt
#stderr-has 2 in the index
# Two files with one name in one index add (a/x.txt, b/x.txt) got one id,
# and the second silently replaced the first.
mkdir a b
cp "$ROOT/corpora/demo/wire.txt" a/x.txt
cp "$ROOT/corpora/demo/unrelated.txt" b/x.txt
"$WT" index add --db t.db --format jsonl a/x.txt b/x.txt
