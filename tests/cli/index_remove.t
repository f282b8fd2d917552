#exit 0
#stdout-has documents     2
#stderr-has wiretrace: nothing: not in the index
"$WT" index add -q --db wire.db "$ROOT/tests/cli/index_feed.jsonl" || exit 99
"$WT" index query --db wire.db --format jsonl "$ROOT/tests/cli/index_query.jsonl" > q1.txt
grep -q '"document":"wire"' q1.txt || exit 98
"$WT" index remove --db wire.db wire || exit 97
"$WT" index remove --db wire.db nothing && exit 96
"$WT" index query --db wire.db --format jsonl "$ROOT/tests/cli/index_query.jsonl" > q2.txt
grep -q '"document":"wire"' q2.txt && exit 95
"$WT" index stats --db wire.db
