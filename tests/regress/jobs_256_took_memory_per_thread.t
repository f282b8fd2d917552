#exit 0
# -j 256 started 256 threads whatever the machine, each with a chunk of
# articles and, for a query, its own index connection and page cache:
# several times the memory of -j 1 for no speed.  Threads are now capped
# at the cores online (and at 64).
D="$ROOT/corpora/demo"
[ -x /usr/bin/time ] || { echo "skipped: no /usr/bin/time" >&2; exit 0; }
"$WT" index add -q --db w.db "$D" || exit 99
/usr/bin/time -f "%M" -o one.txt "$WT" index query -j 1 --db w.db "$D"/*.txt > one.out
/usr/bin/time -f "%M" -o many.txt "$WT" index query -j 256 --db w.db "$D"/*.txt > many.out
cmp one.out many.out || { echo "output differs" >&2; exit 1; }
one=$(tail -1 one.txt); many=$(tail -1 many.txt)
echo "peak RSS: -j 1 $one KB, -j 256 $many KB" >&2
[ "$many" -lt $((2 * one)) ] || exit 2
