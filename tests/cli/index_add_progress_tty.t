#exit 0
#stdout-has 9 added, 0 unchanged, 0 replaced
# On a terminal, index add draws a progress line (articles, bytes, rate)
# and ends with the count; off a terminal the progress line is not drawn.
script -qec "'$WT' index add --db w.db '$ROOT/tests/cli/index_feed.jsonl' '$ROOT/corpora/demo'" /dev/null > tty.txt
grep -q 'articles, .* kB/s' tty.txt || { cat -v tty.txt; exit 3; }
"$WT" index add --db p.db "$ROOT/tests/cli/index_feed.jsonl" 2> plain.txt
grep -q 'kB/s' plain.txt && exit 4
tr '\r' '\n' < tty.txt
