#exit 0
#stdout-has wire	2026-03-14T08:05:00Z	Meridian Press Agency	en
#stdout-has listed 2 since, 1 of MPA's outlet before the 15th
# index list: what the index holds, one article a line, chosen by
# --since, --until and --outlet; --json gives JSON Lines without the text.
"$WT" index add -q --db w.db "$ROOT/tests/cli/index_feed.jsonl" || exit 9
"$WT" index list --db w.db
n=$("$WT" index list --db w.db --json --since 2026-03-14T09:00:00Z | wc -l)
m=$("$WT" index list --db w.db --outlet "meridian press agency" --until 2026-03-15T00:00:00Z | wc -l)
"$WT" index list --db w.db --json | python3 -c "
import json, sys
rows = [json.loads(l) for l in sys.stdin]
assert len(rows) == 3 and all('text' not in r for r in rows), rows
" || exit 9
"$WT" index list --db w.db --until yesterday 2>/dev/null
[ $? = 64 ] || exit 8
echo "listed $n since, $m of MPA's outlet before the 15th"
