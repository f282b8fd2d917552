#exit 65
#stderr-has the uses of some articles were not recorded
#stderr-has record them with 'wiretrace index relink --db old.db'
# An index made before uses were recorded (schema version 3, no uses
# table) is brought up to date by audit, which then says the uses are
# missing; index relink records them.
"$WT" index add -q --db old.db "$ROOT/tests/cli/audit_feed.jsonl" || exit 99
python3 - <<'PY' || exit 98
import sqlite3
c = sqlite3.connect("old.db")
c.executescript("DROP TABLE uses; DELETE FROM settings WHERE key = 'uses';"
                "UPDATE settings SET value = '3' WHERE key = 'schema_version';")
c.commit()
PY
cp old.db new.db
"$WT" index relink -q --db new.db || exit 97
"$WT" audit --db new.db --outlet MPA --format csv | grep -q '^outlet,,Valley Times' || exit 96
# --no-uses marks them missing too.
"$WT" index add -q --no-uses --db fast.db "$ROOT/tests/cli/audit_feed.jsonl" || exit 95
"$WT" audit --db fast.db --outlet MPA 2>/dev/null
[ $? = 65 ] || exit 94
"$WT" audit --db old.db --outlet MPA
