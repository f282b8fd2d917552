#exit 2
#stderr-has wiretrace: feed.jsonl:2: invalid JSON
#stderr-has wiretrace: feed.jsonl:4: no "id" string, line skipped
# A bad line is named and left out; the other records are deduplicated
# and written back (the edit of the wire dropped), and the exit status
# says an input could not be read.
sed -n 1p "$ROOT/tests/cli/index_feed.jsonl" > feed.jsonl
echo '{"id": "broken", "text": ' >> feed.jsonl
sed -n 2p "$ROOT/tests/cli/index_feed.jsonl" >> feed.jsonl
echo '{"text": "no id here"}' >> feed.jsonl
sed -n 3p "$ROOT/tests/cli/index_feed.jsonl" >> feed.jsonl
"$WT" dedup feed.jsonl > out.jsonl
rc=$?
sed -n '1p;5p' feed.jsonl > want.jsonl
cmp want.jsonl out.jsonl || exit 9
exit $rc
