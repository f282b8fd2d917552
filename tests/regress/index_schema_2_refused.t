#exit 0
#stderr-has open it for writing once
# An index of schema version 2 (postings keyed (key, num)) was refused
# outright.  Version 3 keys postings by (key, time, num); a version 2
# index is brought up to date when opened for writing, refused with what to
# do when opened read-only, and answers as before once migrated (to the
# current version, 4, through 3).
D="$ROOT/corpora/demo"
"$WT" index add -q --db ix.db "$D/wire.txt" "$D/reprint.txt" "$D/rewrite.txt" || exit 1
"$WT" index query --db ix.db "$D/edited.txt" > before.txt
python3 - <<'PY' || exit 1
import sqlite3
db = sqlite3.connect("ix.db")
for t in ("fp", "band"):
    db.executescript(
        "CREATE TABLE %s2(key INTEGER NOT NULL, num INTEGER NOT NULL,"
        " PRIMARY KEY(key, num)) WITHOUT ROWID;"
        "INSERT INTO %s2 SELECT key, num FROM %s;"
        "DROP TABLE %s; ALTER TABLE %s2 RENAME TO %s;" % ((t,) * 6))
db.execute("UPDATE settings SET value = '2' WHERE key = 'schema_version'")
db.commit()
PY
"$WT" index query --db ix.db "$D/edited.txt" > /dev/null 2> err.txt
[ $? = 65 ] || { echo "read-only open of version 2: not refused" >&2; exit 1; }
cat err.txt >&2
"$WT" index add -q --db ix.db "$D/unrelated.txt" || exit 1
"$WT" index query --db ix.db "$D/edited.txt" > after.txt
diff before.txt after.txt >&2 || exit 1
python3 -c "
import sqlite3, sys
v = sqlite3.connect('ix.db').execute(
    \"SELECT value FROM settings WHERE key = 'schema_version'\").fetchone()[0]
sys.exit(0 if v == '4' else 'version %s after add' % v)"
