#exit 0
# -j N scores pairs on N threads and renders the report on them; the
# report is byte for byte the one of -j 1 in every format (pairs are
# recorded in the order one thread finds them, and the parts of the report
# are written in order).  The 66 documents, their summary rows and pairs
# make several parts for each thread, and their 1851 noted pairs two
# ranges.
python3 "$ROOT/tests/bench/popular.py" 60 pop > /dev/null || exit 1
cp "$ROOT"/corpora/demo/*.txt pop/
"$WT" compare -j 1 --json pop/*.txt > one.json
"$WT" compare -j 2 --json pop/*.txt > two.json
"$WT" scan -j 2 --json pop > scan2.json
"$WT" scan -j 1 --json pop > scan1.json
cmp one.json two.json >&2 && cmp scan1.json scan2.json >&2 || exit 2
for f in "--format jsonl" "--format text" "--details"; do
    "$WT" scan -j 1 $f pop > one.out
    "$WT" scan -j 2 $f pop > two.out
    cmp one.out two.out >&2 || exit 3
done
