#exit 1
#stdout-has 1 story carried by two or more of 6 documents; 1 document alone
#stdout-has story 1: 5 documents, origin wire.txt
#stdout-has reprint.txt  took 324 words (100%): verbatim 324
#stdout-has unrelated.txt
# The stories of the demo: the wire with its reprints (one a web page),
# edit and rewrite,
# the wire the origin (its time is the earliest); the football report
# alone.  JSON gives the same.
"$WT" clusters --json "$ROOT/corpora/demo" > out.json
python3 -c "
import json, sys
d = json.load(open('out.json'))
c = d['clusters']
assert len(c) == 1 and c[0]['origin'] == 'wire.txt', c
assert sorted(m['id'] for m in c[0]['members']) == ['edited.txt', 'reprint.txt', 'rewrite.txt', 'web.html', 'wire.txt']
assert d['alone'] == ['unrelated.txt'], d['alone']
" || exit 9
"$WT" clusters "$ROOT/corpora/demo"
