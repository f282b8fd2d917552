#exit 1
#stdout-has stdin (Coastal Daily Record)
#stdout-has verbatim
# "index query -" took only JSON Lines: a plain article on standard input
# gave one "invalid JSON" error per line.  Now standard input that does not
# start with a record is one article.
"$WT" index add -q --db ix.db "$ROOT/corpora/demo/wire.txt" || exit 9
"$WT" index query --db ix.db - < "$ROOT/corpora/demo/reprint.txt"
