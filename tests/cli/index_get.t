#exit 2
#stdout-has Outlet: Meridian Press Agency
#stdout-has Date: 2026-03-14T08:05:00Z
#stdout-has HARBORTON, March 14 (MPA)
#stderr-has nope: not in the index
# index get prints a stored article as a text file with its header block
# (it reads back as it was indexed); an id not stored is named, exit 2.
"$WT" index add -q --db w.db "$ROOT/tests/cli/index_feed.jsonl"
"$WT" index get --db w.db wire > wire.txt
cat wire.txt
"$WT" compare -q wire.txt wire.txt > /dev/null 2>&1
"$WT" index get --db w.db --json wire | python3 -c "import json,sys; a=json.load(sys.stdin); assert a['id'] == 'wire' and a['text'].startswith('By Elena Marsh')" || exit 9
"$WT" index get --db w.db nope
