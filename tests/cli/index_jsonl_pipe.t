#exit 1
#stdout-has {"wiretrace":
#stdout-has "id":"reprint"
#stdout-has "document":"wire"
#stdout-has {"id":"unrelated","status":"added"}
cat "$ROOT/tests/cli/index_feed.jsonl" |
    "$WT" index add -q --db wire.db --format jsonl - || exit 99
# One result line per input article.
cat "$ROOT/tests/cli/index_query.jsonl" |
    "$WT" index query --db wire.db --format jsonl - > out.jsonl
rc=$?
[ "$(wc -l < out.jsonl)" = 2 ] || exit 98
cat out.jsonl
exit $rc
