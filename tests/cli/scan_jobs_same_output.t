#exit 0
#stdout-has same output
# A scan through an index gives the same report on 1 and 3 threads.
"$WT" scan -q --in-memory-max 0 --format jsonl "$ROOT/corpora/demo" > one.txt
"$WT" scan -q --in-memory-max 0 --format jsonl -j 3 "$ROOT/corpora/demo" > three.txt
[ "$(wc -l < one.txt)" = 6 ] || exit 3
cmp one.txt three.txt && echo same output
