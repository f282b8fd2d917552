#!/bin/sh
# wiretrace audit as the index grows (not part of meson test).
#
#   sh tests/bench/audit.sh [N...]      default: 10000 100000
#
# For each N, the seeded generator's first N articles (gen_corpus.py:
# stories of ten outlets, Meridian Press Agency among them, reprinted by
# the others with a credit line, edited and rewritten) are added to a
# fresh SQLite index (index add, uses recorded as they are added), then
# `wiretrace audit --outlet "Meridian Press Agency"` is timed in each
# format, wall and CPU seconds (GNU time), best of three.  Prints a
# markdown table.  Then, for the largest N, the uses table alone is
# multiplied by WT_BENCH_COPIES (default 100: the uses of about 100 times
# the articles, renamed copies of each row at later times, their sources
# not in docs so the title join looks up and misses) and the audit timed
# again: what the GROUP BY costs at a 1M-article index's number of uses,
# without a day of index add on this machine.  Needs ../shared/data.
#   WT_BENCH_EXE   the wiretrace binary (default build-au, else build)
#   WT_BENCH_TMP   work folder (default /tmp/wt-bench-audit)
#   WT_BENCH_REUSE 1: time the audits of an index left by an earlier run
set -eu
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SIZES=${*:-10000 100000}
TMP=${WT_BENCH_TMP:-/tmp/wt-bench-audit}
DATA=${WT_DATA:-$ROOT/../shared/data}
W=${WT_BENCH_EXE:-$ROOT/build-au/src/cli/wiretrace}
[ -x "$W" ] || W=$ROOT/build/src/cli/wiretrace
OUTLET="Meridian Press Agency"
mkdir -p "$TMP"
say() { printf '%s\n' "$*" >&2; }

# best CMD...: the best wall and CPU seconds of three runs, "wall cpu".
best() {
    b=""
    for _ in 1 2 3; do
        /usr/bin/time -f '%e %U %S' -o "$TMP/time" "$@" >/dev/null
        t=$(awk '{printf "%.3f %.3f", $1, $2 + $3}' "$TMP/time")
        b=$(printf '%s\n%s\n' "$b" "$t" | awk 'NF && (m == "" || $1 < m) {
            m = $1; l = $0 } END { print l }')
    done
    echo "$b"
}

echo "| articles | index add (s, wall / CPU) | uses | uses of the outlet |" \
    "audit text (s) | --json (s) | --format csv (s) |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
    corpus=$TMP/c$n.jsonl db=$TMP/a$n.db
    [ -s "$corpus" ] ||
        python3 "$ROOT/tests/bench/gen_corpus.py" "$n" --data "$DATA" \
            --out "$corpus"
    if [ "${WT_BENCH_REUSE:-0}" = 1 ] && [ -s "$db" ] && [ -s "$db.add" ]; then
        add=$(cat "$db.add")
    else
        rm -f "$db" "$db-wal" "$db-shm"
        say "audit bench: index add of $n articles"
        /usr/bin/time -f '%e %U %S' -o "$TMP/time" \
            "$W" index add -q -j 2 --db "$db" "$corpus"
        add=$(awk '{printf "%.0f / %.0f", $1, $2 + $3}' "$TMP/time")
        echo "$add" >"$db.add"
    fi
    uses=$(python3 -c "import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute('SELECT count(*) FROM uses').fetchone()[0],
      c.execute('SELECT count(*) FROM uses WHERE source_key = ?',
                (sys.argv[2].lower(),)).fetchone()[0])" "$db" "$OUTLET")
    say "audit bench: audit of $n articles"
    text=$(best "$W" audit --db "$db" --outlet "$OUTLET")
    json=$(best "$W" audit --db "$db" --outlet "$OUTLET" --json)
    csv=$(best "$W" audit --db "$db" --outlet "$OUTLET" --format csv)
    echo "| $n | $add | ${uses% *} | ${uses#* } | ${text% *} |" \
        "${json% *} | ${csv% *} |"
done

# The largest index, its uses multiplied (see above).
copies=${WT_BENCH_COPIES:-100}
[ "$copies" -gt 1 ] || exit 0
big=$TMP/copies.db
cp "$db" "$big"
say "audit bench: uses of the $n articles times $copies"
python3 - "$big" "$copies" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TEMP TABLE k(i INTEGER PRIMARY KEY)")
c.executemany("INSERT INTO k VALUES(?)", [(i,) for i in range(1, int(sys.argv[2]))])
c.execute("""INSERT INTO uses SELECT source_key, CASE WHEN t = 9223372036854775807
    THEN t ELSE t + k.i * 86400 END, source || '#' || k.i, taker || '#' || k.i,
    source_outlet, taker_outlet, taker_key, words, verbatim, edited, rewrite,
    translation, credited FROM uses, k""")
c.commit()
PY
uses=$(python3 -c "import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute('SELECT count(*) FROM uses').fetchone()[0],
      c.execute('SELECT count(*) FROM uses WHERE source_key = ?',
                (sys.argv[2].lower(),)).fetchone()[0])" "$big" "$OUTLET")
text=$(best "$W" audit --db "$big" --outlet "$OUTLET")
json=$(best "$W" audit --db "$big" --outlet "$OUTLET" --json)
csv=$(best "$W" audit --db "$big" --outlet "$OUTLET" --format csv)
echo "| $n, uses x$copies | - | ${uses% *} | ${uses#* } | ${text% *} |" \
    "${json% *} | ${csv% *} |"
