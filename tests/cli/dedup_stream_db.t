#exit 1
# --db: each record is checked against the index, then added to it.  The
# first copy seen is kept (the reprint, here before the wire); a second
# run over the same feed drops every record, all seen already.
cat "$ROOT/tests/cli/index_query.jsonl" "$ROOT/tests/cli/index_feed.jsonl" > feed.jsonl
"$WT" dedup --db feed.db --mark feed.jsonl > first.jsonl
[ $? = 1 ] || exit 9
python3 -c "
import json
got = [(o['id'], o['duplicate_of']) for o in map(json.loads, open('first.jsonl'))]
assert got == [('reprint', None), ('rewrite', None), ('wire', 'reprint'),
               ('edited', 'wire'), ('unrelated', None)], got
" || exit 9
"$WT" dedup --db feed.db feed.jsonl > second.jsonl
rc=$?
[ ! -s second.jsonl ] || exit 9
exit $rc
