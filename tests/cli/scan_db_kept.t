#exit 1
#stdout-has same report
#stdout-has documents     6
# scan --db keeps its index: a second scan adds nothing (every file is
# unchanged) and reports the same; the index holds the six files.
"$WT" scan --db s.db "$ROOT/corpora/demo" > first.txt || [ $? = 1 ] || exit 3
"$WT" scan -v --db s.db "$ROOT/corpora/demo" > second.txt 2> err.txt
rc=$?
grep -q "index: 0 added, 6 unchanged" err.txt || { cat err.txt >&2; exit 4; }
cmp first.txt second.txt && echo same report
"$WT" index stats --db s.db
exit $rc
