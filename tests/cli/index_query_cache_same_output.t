#exit 0
# The stored articles a query analyzed are kept for the next ones (--cache):
# the answers, and the uses an add records (each article queried against
# those stored before it), are the same as with nothing kept.
"$WT" index add -q --db kept.db "$ROOT/corpora/demo" || exit 99
"$WT" index add -q --cache 0 --db none.db "$ROOT/corpora/demo" || exit 99
"$WT" audit --db kept.db --outlet "Meridian Press Agency" --json > a1.json || exit 99
"$WT" audit --db none.db --outlet "Meridian Press Agency" --json > a2.json || exit 99
cmp a1.json a2.json || exit 98
# The demo twice: the second time every candidate comes from the cache.
st=0
"$WT" index query --db kept.db --format jsonl "$ROOT/corpora/demo" "$ROOT/corpora/demo" > q1.txt || st=$?
[ $st -eq 1 ] || exit 97
"$WT" index query --cache 0 --db kept.db --format jsonl "$ROOT/corpora/demo" "$ROOT/corpora/demo" > q2.txt
[ "$(wc -l < q1.txt)" = 12 ] || exit 96
cmp q1.txt q2.txt
