#exit 1
# --mark keeps every record and adds "duplicate_of": the id of the record
# kept in its place, null for a kept one.  The rest of each line is the
# input line as it was (fields, order and spelling).
cat "$ROOT/tests/cli/index_query.jsonl" "$ROOT/tests/cli/index_feed.jsonl" > feed.jsonl
"$WT" dedup --mark feed.jsonl > out.jsonl
rc=$?
python3 -c "
import json
ins = open('feed.jsonl').read().splitlines()
outs = open('out.jsonl').read().splitlines()
assert len(ins) == len(outs) == 5, outs
want = {'reprint': 'wire', 'rewrite': None, 'wire': None, 'edited': 'wire',
        'unrelated': None}
for i, o in zip(ins, outs):
    a, b = json.loads(i), json.loads(o)
    assert b.pop('duplicate_of') == want[a['id']], (a['id'], o[-60:])
    assert a == b and o.startswith(i.rstrip()[:-1]), a['id']
" || exit 9
exit $rc
