#exit 0
"$WT" index add -q --db one.db "$ROOT/corpora/demo" || exit 99
"$WT" index add -q -j 3 --db three.db "$ROOT/corpora/demo" || exit 99
"$WT" index stats --db one.db > s1.txt
"$WT" index stats --db three.db > s3.txt
cmp s1.txt s3.txt || exit 98
"$WT" index query --db one.db --format jsonl "$ROOT/tests/cli/index_query.jsonl" "$ROOT/corpora/demo" > q1.txt
"$WT" index query -j 2 --db one.db --format jsonl "$ROOT/tests/cli/index_query.jsonl" "$ROOT/corpora/demo" > q2.txt
[ "$(wc -l < q1.txt)" = 8 ] || exit 97
cmp q1.txt q2.txt
