#exit 1
#stdout-has one line, the JSON report
# compare --format jsonl prints the JSON report on one line (it printed the
# text report), the same JSON as --json.
D="$ROOT/corpora/demo"
"$WT" compare --format jsonl "$D/wire.txt" "$D/reprint.txt" > one.jsonl
rc=$?
"$WT" compare --json "$D/wire.txt" "$D/reprint.txt" > indented.json
[ "$(wc -l < one.jsonl)" = 1 ] || exit 3
python3 -c "
import json, sys
a = json.load(open('one.jsonl'))
b = json.load(open('indented.json'))
sys.exit(0 if a == b and a['documents'] else 4)
" || exit 4
echo "one line, the JSON report"
exit $rc
