#exit 0
# 150 articles: several chunks in flight at once with -j 2 and -j 3.
awk '{ for (i = 0; i < 50; i++) { l = $0; sub(/"id": "/, "\"id\": \"" i "-", l); print l } }' \
    "$ROOT/tests/cli/index_feed.jsonl" > feed.jsonl
[ "$(wc -l < feed.jsonl)" = 150 ] || exit 99
"$WT" index add -q --db one.db feed.jsonl || exit 98
"$WT" index add -q -j 2 --db two.db --format jsonl feed.jsonl > add2.txt || exit 97
"$WT" index add -q --db one-again.db --format jsonl feed.jsonl > add1.txt || exit 96
cmp add1.txt add2.txt || exit 95
"$WT" index stats --db one.db > s1.txt
"$WT" index stats --db two.db > s2.txt
cmp s1.txt s2.txt || exit 94
head -40 feed.jsonl > q.jsonl
"$WT" index query --db one.db --format jsonl q.jsonl > q1.txt
"$WT" index query -j 3 --db one.db --format jsonl q.jsonl > q3.txt
[ "$(wc -l < q1.txt)" = 40 ] || exit 93
cmp q1.txt q3.txt
