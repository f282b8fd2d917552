#exit 0
# -j N scores pairs on N threads; the report is byte for byte the one of
# -j 1 (pairs are recorded in the order one thread finds them).
python3 "$ROOT/tests/bench/popular.py" 60 pop > /dev/null || exit 1
cp "$ROOT"/corpora/demo/*.txt pop/
"$WT" compare -j 1 --json pop/*.txt > one.json
"$WT" compare -j 2 --json pop/*.txt > two.json
"$WT" scan -j 2 --json pop > scan2.json
"$WT" scan -j 1 --json pop > scan1.json
cmp one.json two.json >&2 && cmp scan1.json scan2.json >&2
