#!/bin/sh
# PostgreSQL against SQLite on the same articles, in one run: the time of
# `index add` of N generated articles (tests/bench/gen_corpus.py) into
# each, and the latency of Q queries (half edits or reprints of indexed
# stories, half new) through each, p50 and p99 (wall clock, and CPU of the
# querying process), with the ratio PostgreSQL / SQLite.  The server is
# started here on loopback (tests/pg/pg_server.sh), with fsync off as in
# the tests, and thrown away.  Not part of the suite.
#   sh tests/bench/pg.sh [N [Q [BUILD]]]     defaults 2000, 200, build
# BUILD must have -Dbenchmarks=true (tests/wt_bench).
# Environment: ADD_OPTS, options of both `index add` runs (for example
# '-j 2 --no-uses' for a large N; default none: one thread, uses
# recorded); ROUNDS, query passes over each store, interleaved (SQLite,
# PostgreSQL, SQLite, ...; default 2), each with its own figures and the
# load average after it.
set -eu
N=${1:-2000}
Q=${2:-200}
BUILD=${3:-build}
ADD_OPTS=${ADD_OPTS:-}
ROUNDS=${ROUNDS:-2}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/pg/pg_server.sh"
WT=$(cd "$BUILD" && pwd)/src/cli/wiretrace
BENCH=$(cd "$BUILD" && pwd)/tests/wt_bench
[ -x "$WT" ] && [ -x "$BENCH" ] ||
    { echo "pg.sh: build $BUILD with -Dbenchmarks=true first" >&2; exit 2; }
pg_find_bin || { echo "pg.sh: no PostgreSQL server binaries" >&2; exit 2; }

tmp=$(mktemp -d)
pg_own "$tmp"
trap 'pg_stop "$tmp/pg"; rm -rf "$tmp"' EXIT
# Buffers that hold the postings' indexes, as docs/scale.md sizes them
# (216 MB at 100k articles; the default 128 MB copied index pages from
# the page cache on every query).
PG_SETTINGS=${PG_SETTINGS:--c shared_buffers=512MB}
port=$(pg_start "$tmp/pg")
pg_sql "$port" postgres "CREATE DATABASE bench" >/dev/null
URI="postgresql://postgres@127.0.0.1:$port/bench?sslmode=disable"

python3 "$ROOT/tests/bench/gen_corpus.py" "$N" --data "$ROOT/../shared/data" \
    --out "$tmp/corpus.jsonl" --queries "$Q" \
    --queries-out "$tmp/queries.jsonl"

now() { python3 -c 'import time; print(time.time())'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# add NAME DB: index add of the corpus, its wall-clock seconds in NAME.add
add() {
    t0=$(now)
    # shellcheck disable=SC2086
    "$WT" index add -q $ADD_OPTS --db "$2" "$tmp/corpus.jsonl"
    t1=$(now)
    python3 -c "print('%.2f' % ($t1 - $t0))" >"$tmp/$1.add"
    load >"$tmp/$1.load"
}
"$WT" index init -q --db "$URI"
add sqlite "$tmp/bench.db"
add pg "$URI"
r=1
while [ "$r" -le "$ROUNDS" ]; do
    "$BENCH" query "$tmp/bench.db" "$tmp/queries.jsonl" >"$tmp/sqlite.q$r"
    load >"$tmp/sqlite.load$r"
    "$BENCH" query "$URI" "$tmp/queries.jsonl" >"$tmp/pg.q$r"
    load >"$tmp/pg.load$r"
    r=$((r + 1))
done

python3 - "$tmp" "$N" "$Q" "$ROUNDS" "$ADD_OPTS" <<'PY'
import sys
tmp, n, q, rounds, opts = sys.argv[1:]
rounds = int(rounds)
def figures(name, r):
    f = {"add_s": float(open("%s/%s.add" % (tmp, name)).read())}
    for line in open("%s/%s.q%d" % (tmp, name, r)):
        k, v = line.split()
        f[k] = float(v)
    return f
def load(name):
    return open("%s/%s" % (tmp, name)).read().strip()
print("%s articles added (index add %s), %s queries, %d query rounds "
      "interleaved\n" % (n, opts or "with no options", q, rounds))
print("load average after the adds: SQLite %s, PostgreSQL %s\n"
      % (load("sqlite.load"), load("pg.load")))
for r in range(1, rounds + 1):
    s, p = figures("sqlite", r), figures("pg", r)
    print("round %d, load average after: SQLite %s, PostgreSQL %s\n"
          % (r, load("sqlite.load%d" % r), load("pg.load%d" % r)))
    print("| figure | SQLite | PostgreSQL | PostgreSQL / SQLite |")
    print("|---|---|---|---|")
    keys = (("add_s", "index add, s (wall)"),) if r == 1 else ()
    for key, label in keys + (
            ("query_p50_ms", "query p50, ms (wall)"),
            ("query_p99_ms", "query p99, ms (wall)"),
            ("query_cpu_p50_ms", "query p50, ms (CPU of the client)"),
            ("query_cpu_p99_ms", "query p99, ms (CPU of the client)")):
        print("| %s | %.2f | %.2f | %.2f |" % (label, s[key], p[key],
                                               p[key] / s[key] if s[key] else 0))
    print("| queries with candidates | %d | %d | |" %
          (s["query_with_candidates"], p["query_with_candidates"]))
    print("| derived queries that found their story | %d of %d | %d of %d | |"
          % (s["query_found_origin"], s["query_derived"],
             p["query_found_origin"], p["query_derived"]))
    print()
PY
