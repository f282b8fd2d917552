#!/bin/sh
# wiretrace serve under load, measured with ApacheBench (ab): an index of
# N generated articles, one of the generated query articles POSTed to
# /v1/query by 1, 8 and 32 concurrent clients; requests per second and
# ab's p50 / p99 latency at each, then the same query run through one
# `wiretrace index query` process each, one after the other, for the ratio.
# The server is stopped (SIGTERM) at the end, or killed on an error.
# Not part of the suite.
#
#   sh tests/bench/serve_load.sh [BUILD] [N] [REQUESTS]
#   default: build 10000 1000  (REQUESTS per concurrency level)
# Installs apache2-utils (Debian) with apt-get when ab is missing.  The
# index is built with --no-uses (a query neither reads nor writes the uses
# the audit sums; recording them is a query per article at add time).
set -eu
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
N=${2:-10000}
REQUESTS=${3:-1000}
WT=$(pwd)/$BUILD/src/cli/wiretrace
[ -x "$WT" ] || { echo "serve_load: no $WT (ninja -C $BUILD)" >&2; exit 1; }
if ! command -v ab >/dev/null 2>&1; then
    apt-get install -y apache2-utils >/dev/null ||
        { echo "serve_load: cannot install apache2-utils (ab)" >&2; exit 1; }
fi
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(date +%s)
python3 tests/bench/gen_corpus.py "$N" --queries 200 \
    --out "$tmp/archive.jsonl" --queries-out "$tmp/queries.jsonl"
"$WT" index add -q -j 2 --no-uses --db "$tmp/wire.db" "$tmp/archive.jsonl"
echo "index of $N articles built in $(( $(date +%s) - t0 )) s," \
    "$(stat -c %s "$tmp/wire.db") bytes"
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
    "$WT" index query -q --db "$tmp/wire.db" --json "$tmp/q.jsonl" \
        > "$tmp/cli.json" || st=$?
    [ $st -eq 1 ] && break
done
echo "query: line $i of the generated queries, $(stat -c %s "$tmp/q.jsonl") bytes"

. tests/serve/serve_start.sh
serve_start "$tmp/serve.log" "$tmp/wire.db"
curl -s -X POST --data-binary @"$tmp/q.jsonl" "$url/v1/query" > "$tmp/http.json"
cmp -s "$tmp/http.json" "$tmp/cli.json" ||
    { echo "serve_load: serve and index query answer differently" >&2; exit 1; }

# Each server thread loads its language profiles on its first query: warm
# them up, as a running server is.
ab -q -n 64 -c 8 -p "$tmp/q.jsonl" -T application/json "$url/v1/query" \
    > /dev/null

printf '%-8s %9s %9s %9s %9s  %s\n' clients req/s p50_ms p99_ms failed load
for c in 1 8 32; do
    ab -q -n "$REQUESTS" -c "$c" -p "$tmp/q.jsonl" -T application/json \
        -e "$tmp/pct.csv" "$url/v1/query" > "$tmp/ab.$c.txt"
    rps=$(sed -n 's/^Requests per second: *\([0-9.]*\).*/\1/p' "$tmp/ab.$c.txt")
    bad=$(sed -n 's/^Failed requests: *\([0-9]*\).*/\1/p' "$tmp/ab.$c.txt")
    non2xx=$(sed -n 's/^Non-2xx responses: *\([0-9]*\).*/\1/p' "$tmp/ab.$c.txt")
    p50=$(sed -n 's/^50,//p' "$tmp/pct.csv")
    p99=$(sed -n 's/^99,//p' "$tmp/pct.csv")
    printf '%-8s %9s %9.1f %9.1f %9s  %s\n' "$c" "$rps" "$p50" "$p99" \
        "$((bad + ${non2xx:-0}))" "$(cut -d' ' -f1-3 /proc/loadavg)"
    [ "$bad" -eq 0 ] && [ -z "$non2xx" ] ||
        { cat "$tmp/ab.$c.txt"; exit 1; }
done
# The server's CPU time (user + system) over the requests it answered
# (the warm-up's, ab's, and the one curl), and its peak resident memory.
ticks=$(cut -d' ' -f14,15 "/proc/$pid/stat")
hwm=$(sed -n 's/^VmHWM:[[:space:]]*//p' "/proc/$pid/status")
python3 -c "import os, sys
cpu = sum(map(int, sys.argv[1].split())) / os.sysconf('SC_CLK_TCK')
n = int(sys.argv[2])
print('server: %.1f s CPU for %d requests, %.1f ms each; peak RSS %s'
      % (cpu, n, cpu / n * 1e3, sys.argv[3]))" "$ticks" \
    "$((64 + 3 * REQUESTS + 1))" "$hwm"
kill -TERM "$pid"
wait "$pid"
pid=""

# The same query, one process each (profiles loaded and the index opened
# every time), one after the other: the rate of a 1-client server without
# the server.
runs=20
t=$(python3 - "$WT" "$tmp" "$runs" <<'PY'
import subprocess, sys, time
wt, tmp, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
lat = []
for _ in range(runs):
    t = time.perf_counter()
    p = subprocess.run([wt, "index", "query", "-q", "--db", tmp + "/wire.db",
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
printf 'index query, one process per query: %s req/s, p50 %s ms, max %s ms\n' \
    "$1" "$2" "$3"
rps1=$(sed -n 's/^Requests per second: *\([0-9.]*\).*/\1/p' "$tmp/ab.1.txt")
python3 -c "import sys; print('serve at 1 client / index query per process:'
    ' %.1f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$rps1" "$1"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
