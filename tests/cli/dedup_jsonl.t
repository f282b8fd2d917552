#exit 1
# JSON Lines in, the same lines out without the copies: the reprint and
# the edit of the wire story are dropped (the wire, their origin, is
# kept), the rewrite and the unrelated story stay, and every kept line is
# written back byte for byte, in input order.
cat "$ROOT/tests/cli/index_query.jsonl" "$ROOT/tests/cli/index_feed.jsonl" > feed.jsonl
"$WT" dedup feed.jsonl > out.jsonl
rc=$?
sed -n '2p;3p;5p' feed.jsonl > want.jsonl
cmp want.jsonl out.jsonl || exit 9
exit $rc
