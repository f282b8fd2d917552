#exit 2
#stderr-has wiretrace: feed.jsonl:2: invalid JSON
#stderr-has wiretrace: feed.jsonl:3: no "id" string, line skipped
#stderr-has index: 2 added, 0 unchanged
sed -n 1p "$ROOT/tests/cli/index_feed.jsonl" > feed.jsonl
echo '{"id": "broken", "text": ' >> feed.jsonl
echo '{"text": "no id here"}' >> feed.jsonl
sed -n 3p "$ROOT/tests/cli/index_feed.jsonl" >> feed.jsonl
"$WT" index add --db wire.db feed.jsonl
