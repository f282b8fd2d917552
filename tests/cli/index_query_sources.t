#exit 1
#stdout-has one legend, 2 article headers; JSON sources: wire Meridian Press Agency https://example.org/wire en 1773475500
# An index query names what each source is (outlet, time, language, title,
# URL as indexed) in the text report's Sources and in the JSON "sources";
# the text output says what its columns mean once, then one line per
# article.
"$WT" index add -q --db w.db "$ROOT/tests/cli/index_feed.jsonl" || exit 9
"$WT" index query --db w.db "$ROOT/tests/cli/index_query.jsonl" > text.txt
rc=$?
grep -q "Meridian Press Agency · 2026-03-14 08:05 UTC · en · https://example.org/wire" text.txt || exit 8
legends=$(grep -c "^Who took what" text.txt)
heads=$(grep -c "^=== " text.txt)
"$WT" index query --db w.db --format jsonl "$ROOT/tests/cli/index_query.jsonl" | head -n 1 | python3 -c "
import json, sys
s = json.loads(sys.stdin.readline())['sources'][0]
print('JSON sources:', s['id'], s['outlet'], s['url'], s['lang'], s['published'])
" > json.txt || exit 7
[ "$legends" = 1 ] && echo "one legend, $heads article headers; $(cat json.txt)"
exit $rc
