#!/bin/sh
# wiretrace serve under load, measured with ApacheBench (ab): an index of
# N generated articles, one of the generated query articles POSTed to
# /v1/query by 1, 8 and 32 concurrent clients (after the first, its
# candidates come from the server's cache); requests per second and
# ab's p50 / p99 latency at each, then the same query run through one
# `wiretrace index query` process each, one after the other, for the ratio.
# The server is stopped (SIGTERM) at the end, or killed on an error.
# Not part of the suite.
#
#   sh tests/bench/serve_load.sh [BUILD] [N] [REQUESTS] [STORE]
#   default: build 10000 1000 sqlite  (REQUESTS per concurrency level)
# STORE: sqlite (one SQLite file), pg (a PostgreSQL database on a
# throwaway server on loopback, tests/pg/pg_server.sh, fsync off as in the
# tests), or both: the same articles in each, a server on each, and at
# every concurrency level SQLite then PostgreSQL, ROUNDS times (environment,
# default 1), so that the two are measured under the same load.  With pg,
# the CPU per request counts the PostgreSQL server's processes too.
# Then the 200 generated queries in turn with wrk, to the server and to
# one without its cache of analyzed articles (--cache 0).
# Installs apache2-utils (Debian) with apt-get when ab is missing.  The
# index is built with --no-uses (a query neither reads nor writes the uses
# the audit sums; recording them is a query per article at add time).
set -eu
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
N=${2:-10000}
REQUESTS=${3:-1000}
STORE=${4:-sqlite}
ROUNDS=${ROUNDS:-1}
case $STORE in
    sqlite) stores=sqlite ;;
    pg) stores=pg ;;
    both) stores="sqlite pg" ;;
    *) echo "serve_load: STORE is sqlite, pg or both" >&2; exit 2 ;;
esac
case $BUILD in
    /*) WT=$BUILD/src/cli/wiretrace ;;
    *) WT=$(pwd)/$BUILD/src/cli/wiretrace ;;
esac
[ -x "$WT" ] || { echo "serve_load: no $WT (ninja -C $BUILD)" >&2; exit 1; }
if ! command -v ab >/dev/null 2>&1; then
    apt-get install -y apache2-utils >/dev/null ||
        { echo "serve_load: cannot install apache2-utils (ab)" >&2; exit 1; }
fi
tmp=$(mktemp -d)
pid=""
pids=""
pgdir=""
trap '[ -n "$pids" ] && kill -KILL $pids 2>/dev/null
    [ -n "$pgdir" ] && pg_stop "$pgdir"; rm -rf "$tmp"' EXIT
case $STORE in
    sqlite) ;;
    *)
        . tests/pg/pg_server.sh
        pg_find_bin ||
            { echo "serve_load: no PostgreSQL server binaries" >&2; exit 1; }
        pg_own "$tmp"
        # Buffers that hold the postings' indexes, as docs/scale.md sizes them
        # (216 MB at 100k articles; the default 128 MB copied index pages from
        # the page cache on every query).
        PG_SETTINGS=${PG_SETTINGS:--c shared_buffers=512MB}
        pgdir=$tmp/pg
        pgport=$(pg_start "$pgdir") ||
            { cat "$pgdir"/*.log; echo "serve_load: no PostgreSQL" >&2
              exit 1; }
        pg_sql "$pgport" postgres "CREATE DATABASE wire" >/dev/null
        ;;
esac
# db STORE: the --db of that store's index
db() {
    if [ "$1" = sqlite ]; then
        echo "$tmp/wire.db"
    else
        echo "postgresql://postgres@127.0.0.1:$pgport/wire?sslmode=disable"
    fi
}
# pgcpu: CPU ticks (user + system) of the PostgreSQL server's processes so
# far: the postmaster with its exited children, and the live ones
pgcpu() {
    [ -n "$pgdir" ] || { echo 0; return; }
    pm=$(head -n 1 "$pgdir/data/postmaster.pid")
    python3 - "$pm" <<'PY'
import os, sys
pm = sys.argv[1]
def stat(p):
    with open("/proc/%s/stat" % p) as f:
        return f.read().rsplit(")", 1)[1].split()
s = stat(pm)
t = sum(int(x) for x in s[11:15])   # utime stime cutime cstime
for p in os.listdir("/proc"):
    if p.isdigit():
        try:
            s = stat(p)
        except OSError:
            continue
        if s[1] == pm:
            t += int(s[11]) + int(s[12])
print(t)
PY
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 tests/bench/gen_corpus.py "$N" --queries 200 \
    --out "$tmp/archive.jsonl" --queries-out "$tmp/queries.jsonl"
for s in $stores; do
    t0=$(date +%s)
    if [ "$s" = pg ]; then "$WT" index init -q --db "$(db pg)"; fi
    "$WT" index add -q -j 2 --no-uses --db "$(db "$s")" "$tmp/archive.jsonl"
    if [ "$s" = sqlite ]; then
        echo "index of $N articles built in $(( $(date +%s) - t0 )) s," \
            "$(stat -c %s "$tmp/wire.db") bytes"
    else
        echo "PostgreSQL index of $N articles built in" \
            "$(( $(date +%s) - t0 )) s, $(pg_sql "$pgport" wire \
            "SELECT pg_database_size('wire')") bytes (the database)," \
            "load average $(cut -d' ' -f1-3 /proc/loadavg)"
        # Vacuumed and analyzed before it is measured, as an archive in
        # service would be: otherwise autovacuum works through the new
        # tables during the measurement and takes its CPU.
        t0=$(date +%s)
        pg_sql "$pgport" wire "VACUUM ANALYZE" >/dev/null
        echo "VACUUM ANALYZE in $(( $(date +%s) - t0 )) s"
    fi
done
first=${stores%% *}
# The query: the first generated query article that the index answers with
# a source (an edit or a reprint of an indexed story), so that the server
# does the whole work (candidates re-analyzed, passages scored).
i=0
while :; do
    i=$((i + 1))
    sed -n "${i}p" "$tmp/queries.jsonl" > "$tmp/q.jsonl"
    [ -s "$tmp/q.jsonl" ] || { echo "serve_load: no query finds a source" >&2
        exit 1; }
    st=0
    "$WT" index query -q --db "$(db "$first")" --json "$tmp/q.jsonl" \
        > "$tmp/cli.json" || st=$?
    [ $st -eq 1 ] && break
done
echo "query: line $i of the generated queries, $(stat -c %s "$tmp/q.jsonl") bytes"

. tests/serve/serve_start.sh
for s in $stores; do
    serve_start "$tmp/serve.$s.log" "$(db "$s")"
    eval "pid_$s=$pid url_$s=$url"
    curl -s -X POST --data-binary @"$tmp/q.jsonl" "$url/v1/query" \
        > "$tmp/http.json"
    cmp -s "$tmp/http.json" "$tmp/cli.json" ||
        { echo "serve_load: serve ($s) and index query answer differently" >&2
          exit 1; }
    # Each server thread loads its language profiles on its first query:
    # warm them up, as a running server is.
    ab -q -n 64 -c 8 -p "$tmp/q.jsonl" -T application/json "$url/v1/query" \
        > /dev/null
done

# The CPU of the PostgreSQL server while serve (pg) is under ab's load
pgload=0
if [ "$STORE" = sqlite ]; then
    printf '%-8s %9s %9s %9s %9s  %s\n' clients req/s p50_ms p99_ms failed load
else
    printf '%-6s %-8s %9s %9s %9s %9s  %s\n' store clients req/s p50_ms \
        p99_ms failed load
fi
r=1
while [ "$r" -le "$ROUNDS" ]; do
    for c in 1 8 32; do
        for s in $stores; do
            eval "url=\$url_$s"
            [ "$s" = pg ] && a=$(pgcpu)
            ab -q -n "$REQUESTS" -c "$c" -p "$tmp/q.jsonl" \
                -T application/json -e "$tmp/pct.csv" "$url/v1/query" \
                > "$tmp/ab.$s.$c.txt"
            [ "$s" = pg ] && pgload=$((pgload + $(pgcpu) - a))
            f=$tmp/ab.$s.$c.txt
            rps=$(sed -n 's/^Requests per second: *\([0-9.]*\).*/\1/p' "$f")
            bad=$(sed -n 's/^Failed requests: *\([0-9]*\).*/\1/p' "$f")
            non2xx=$(sed -n 's/^Non-2xx responses: *\([0-9]*\).*/\1/p' "$f")
            p50=$(sed -n 's/^50,//p' "$tmp/pct.csv")
            p99=$(sed -n 's/^99,//p' "$tmp/pct.csv")
            if [ "$STORE" = sqlite ]; then
                printf '%-8s %9s %9.1f %9.1f %9s  %s\n' "$c" "$rps" "$p50" \
                    "$p99" "$((bad + ${non2xx:-0}))" \
                    "$(cut -d' ' -f1-3 /proc/loadavg)"
            else
                printf '%-6s %-8s %9s %9.1f %9.1f %9s  %s\n' "$s" "$c" \
                    "$rps" "$p50" "$p99" "$((bad + ${non2xx:-0}))" \
                    "$(cut -d' ' -f1-3 /proc/loadavg)"
            fi
            [ "$bad" -eq 0 ] && [ -z "$non2xx" ] || { cat "$f"; exit 1; }
        done
    done
    r=$((r + 1))
done
# Each server's CPU time (user + system) over the requests it answered
# (the warm-up's, ab's, and the one curl), and its peak resident memory;
# with PostgreSQL, its server's CPU during ab's requests added.
for s in $stores; do
    eval "pid=\$pid_$s"
    ticks=$(cut -d' ' -f14,15 "/proc/$pid/stat")
    hwm=$(sed -n 's/^VmHWM:[[:space:]]*//p' "/proc/$pid/status")
    extra=0
    [ "$s" = pg ] && extra=$pgload
    python3 -c "import os, sys
hz = os.sysconf('SC_CLK_TCK')
cpu = sum(map(int, sys.argv[1].split())) / hz
n, nab = int(sys.argv[2]), int(sys.argv[3])
db = int(sys.argv[4]) / hz
name = '' if sys.argv[5] == 'sqlite only' else sys.argv[5] + ' '
print('%sserver: %.1f s CPU for %d requests, %.1f ms each; peak RSS %s'
      % (name, cpu, n, cpu / n * 1e3, sys.argv[6]))
if sys.argv[5] == 'pg':
    print('pg PostgreSQL server: %.1f s CPU for the %d requests of ab, '
          '%.1f ms each; serve and PostgreSQL: %.1f ms a request'
          % (db, nab, db / nab * 1e3, cpu / n * 1e3 + db / nab * 1e3))
" "$ticks" "$((64 + 3 * REQUESTS * ROUNDS + 1))" "$((3 * REQUESTS * ROUNDS))" \
        "$extra" "$([ "$STORE" = sqlite ] && echo 'sqlite only' || echo "$s")" \
        "$hwm"
done

# Varied queries: the 200 generated query articles in turn (wrk, each
# connection from its own line), DURATION seconds per row, to the server
# above (its cache of analyzed stored articles, --cache, on: one query
# repeated finds its candidates there after the first) and to one started
# with --cache 0, so that the rows say what the cache is worth when the
# queries differ but meet the same stored stories, as a desk's do.
if command -v wrk >/dev/null 2>&1 ||
    apt-get install -y wrk >/dev/null 2>&1; then
    for s in $stores; do
        serve_start "$tmp/serve.$s.nc.log" "$(db "$s")" --cache 0
        eval "pidnc_$s=$pid urlnc_$s=$url"
        ab -q -n 64 -c 8 -p "$tmp/q.jsonl" -T application/json \
            "$url/v1/query" > /dev/null
    done
    echo "varied queries ($(wc -l < "$tmp/queries.jsonl") articles in turn," \
        "wrk, ${DURATION:-10} s a row):"
    printf '%-6s %-6s %-8s %9s %9s %9s %9s  %s\n' store cache clients req/s \
        p50_ms p99_ms failed load
    for c in 1 8 32; do
        for s in $stores; do
            for k in on off; do
                if [ $k = on ]; then eval "url=\$url_$s"
                else eval "url=\$urlnc_$s"; fi
                set -- $(wrk -t "$([ $c = 1 ] && echo 1 || echo 2)" \
                    -c "$c" -d "${DURATION:-10}s" \
                    -s tests/bench/serve_queries.lua "$url" \
                    -- "$tmp/queries.jsonl" | tail -n 1)
                printf '%-6s %-6s %-8s %9s %9s %9s %9s  %s\n' "$s" "$k" \
                    "$c" "$1" "$2" "$3" "$(($4 + $5))" \
                    "$(cut -d' ' -f1-3 /proc/loadavg)"
            done
        done
    done
    for s in $stores; do
        eval "pid=\$pidnc_$s"
        kill -TERM "$pid"
        wait "$pid"
    done
else
    echo "serve_load: no wrk (apt-get install wrk): varied queries skipped"
fi

for s in $stores; do
    eval "pid=\$pid_$s"
    kill -TERM "$pid"
    wait "$pid"
done
pid=""
pids=""

# The same query, one process each (profiles loaded and the index opened
# every time), one after the other: the rate of a 1-client server without
# the server.
runs=20
for s in $stores; do
    t=$(python3 - "$WT" "$tmp" "$runs" "$(db "$s")" <<'PY'
import subprocess, sys, time
wt, tmp, runs, db = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
lat = []
for _ in range(runs):
    t = time.perf_counter()
    p = subprocess.run([wt, "index", "query", "-q", "--db", db,
                        "--json", tmp + "/q.jsonl"], stdout=subprocess.DEVNULL)
    if p.returncode != 1:
        raise SystemExit("index query: exit %d" % p.returncode)
    lat.append(time.perf_counter() - t)
lat.sort()
print("%.1f %.1f %.1f" % (runs / sum(lat), lat[len(lat) // 2] * 1e3,
                          lat[-1] * 1e3))
PY
)
    set -- $t
    name=""
    [ "$STORE" = sqlite ] || name="$s "
    printf '%sindex query, one process per query: %s req/s, p50 %s ms, max %s ms\n' \
        "$name" "$1" "$2" "$3"
    rps1=$(sed -n 's/^Requests per second: *\([0-9.]*\).*/\1/p' \
        "$tmp/ab.$s.1.txt")
    python3 -c "import sys; print('%sserve at 1 client / index query per process:'
    ' %.1f' % (sys.argv[3], float(sys.argv[1]) / float(sys.argv[2])))" \
        "$rps1" "$1" "$name"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
