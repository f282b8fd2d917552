#exit 0
#stderr-has index: 0 added, 3 unchanged
#stdout-has documents     3
"$WT" index add --db wire.db "$ROOT/tests/cli/index_feed.jsonl" || exit 99
"$WT" index stats --db wire.db > before.txt || exit 99
"$WT" index add --db wire.db "$ROOT/tests/cli/index_feed.jsonl" || exit 99
"$WT" index stats --db wire.db > after.txt || exit 99
cmp before.txt after.txt || exit 98
cat after.txt
