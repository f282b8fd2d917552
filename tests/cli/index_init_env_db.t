#exit 0
#stdout-has documents     6
#stderr-has wiretrace: index: ready, 0 document(s)
# index init makes a SQLite index; WIRETRACE_DB stands for --db; a
# second init changes nothing; init refuses a file that is not an index.
"$WT" index init --db wire.db || exit 99
WIRETRACE_DB=wire.db "$WT" index add -q "$ROOT/corpora/demo" || exit 98
"$WT" index init -q --db wire.db || exit 97
echo "notes" > notes.db
"$WT" index init --db notes.db 2>/dev/null
[ $? = 65 ] || exit 96
WIRETRACE_DB=wire.db "$WT" index stats
