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
# markdown table.  Needs ../shared/data.
#   WT_BENCH_EXE   the wiretrace binary (default build-au, else build)
#   WT_BENCH_TMP   work folder (default /tmp/wt-bench-audit)
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
    rm -f "$db" "$db-wal" "$db-shm"
    say "audit bench: index add of $n articles"
    /usr/bin/time -f '%e %U %S' -o "$TMP/time" \
        "$W" index add -q -j 2 --db "$db" "$corpus"
    add=$(awk '{printf "%.0f / %.0f", $1, $2 + $3}' "$TMP/time")
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
