#exit 0
#stderr-has wiretrace: nonexist.db: no index here
#stderr-has wiretrace: other.db: not a wiretrace index
# index query, stats and remove given a --db that did not exist created
# an empty index there and answered from it (stats: 0 documents, exit
# 0); another application's SQLite file was given wiretrace's tables.
# Query and stats now open the index read-only, and a missing index is
# "not an index" (exit 65) to all three; nothing is created or changed.
D="$ROOT/corpora/demo"
fail=0
expect65() {
    "$@" > /dev/null 2>> err.txt
    got=$?
    [ $got = 65 ] || { echo "$*: exit $got, expected 65" >&2; fail=1; }
}
expect65 "$WT" index stats --db nonexist.db
expect65 "$WT" index query --db nonexist.db "$D/wire.txt"
expect65 "$WT" index query -j 2 --db nonexist.db "$D/wire.txt" "$D/edited.txt"
expect65 "$WT" index remove --db nonexist.db wire
ls nonexist.db* 2>/dev/null && { echo "an index was created" >&2; fail=1; }
python3 -c '
import sqlite3
c = sqlite3.connect("other.db")
c.execute("create table notes (x)")
c.execute("insert into notes values (1)")
c.commit()' || exit 99
cp other.db before.db
expect65 "$WT" index stats --db other.db
expect65 "$WT" index query --db other.db "$D/wire.txt"
cmp other.db before.db || { echo "other.db was changed" >&2; fail=1; }
ls other.db-* 2>/dev/null && { echo "journal files were left" >&2; fail=1; }
cat err.txt >&2
exit $fail
