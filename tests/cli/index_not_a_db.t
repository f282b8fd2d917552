#exit 65
#stderr-has wiretrace: notes.db:
echo "just some notes, not an index" > notes.db
"$WT" index stats --db notes.db
