#exit 1
#stdout-has scan ok
#stdout-has warned once
# A scan through a kept index queries each file as stored; when a file's
# own stored row was damaged, the scan named the file as failed (exit 65)
# although its text, given again, could still be checked.  Now the row is
# skipped with a warning and the file is queried from its text.  The
# warning is given once, not once for every query that meets the row.
cp -r "$ROOT/corpora/demo" demo
"$WT" scan -q --db k.db demo > /dev/null
[ $? -eq 1 ] || exit 3
python3 -c '
import sqlite3
db = sqlite3.connect("k.db")
db.execute("UPDATE docs SET body = ? WHERE id = ?",
           (b"\x00\xff\x00\xff", "reprint.txt"))
db.commit()' || exit 4
"$WT" scan -j 1 --db k.db demo > out.txt 2> err
rc=$?
[ "$(grep -c "index: document reprint.txt is damaged" err)" = 1 ] &&
    echo warned once
sed -n "/^=== reprint.txt:/,/^=== /p" out.txt | grep -q "from wire.txt" &&
    echo scan ok
exit $rc
