#exit 0
"$WT" index add -q --db wire.db "$ROOT/tests/cli/index_feed.jsonl" || exit 99
q() { "$WT" index query --db wire.db --format jsonl "$@" "$ROOT/tests/cli/index_query.jsonl"; }
q --outlet "meridian press agency" | grep -q '"document":"wire"' || exit 98
q --outlet "Valley Times" | grep -q '"document":"wire"' && exit 97
q --since 2026-03-14T09:00:00Z | grep -q '"document":"wire"' && exit 96
q --since 2026-03-14T09:00:00Z | grep -q '"document":"edited"' || exit 95
q --lang en | grep -q '"document":"wire"' || exit 94
q --lang de | grep -q '"document":"wire"' && exit 93
exit 0
