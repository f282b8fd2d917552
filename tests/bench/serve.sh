#!/bin/sh
# wiretrace serve against `wiretrace index query` run once per article:
# the same queries on the same index, sent by CLIENTS concurrent clients
# (python3 threads: HTTP requests with urllib, or one process each),
# requests per second and p50 / p99 latency of each, and their ratio in
# the same run.  Not part of the suite.
#
#   sh tests/bench/serve.sh [BUILD] [QUERIES] [ARTICLES] [CLIENTS]
#   default: build-sv 200 2000 4
# The index holds ARTICLES generated articles (gen_corpus.py, from
# ../shared/data); the queries are QUERIES more, half of them edits or
# reprints of indexed stories.
set -eu
cd "$(dirname "$0")/../.."
BUILD=${1:-build-sv}
QUERIES=${2:-200}
ARTICLES=${3:-2000}
CLIENTS=${4:-4}
WT=$(pwd)/$BUILD/src/cli/wiretrace
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

python3 tests/bench/gen_corpus.py "$ARTICLES" --queries "$QUERIES" \
    --out "$tmp/archive.jsonl" --queries-out "$tmp/queries.jsonl"
"$WT" index add -q -j 2 --db "$tmp/wire.db" "$tmp/archive.jsonl"

. tests/serve/serve_start.sh
serve_start "$tmp/serve.log" "$tmp/wire.db" --threads "$CLIENTS"

python3 - "$WT" "$tmp" "$url" "$CLIENTS" <<'PY'
import concurrent.futures as cf
import os, subprocess, sys, time, urllib.request

wt, tmp, url, clients = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
lines = [l for l in open(os.path.join(tmp, "queries.jsonl"), "rb") if l.strip()]
for i, l in enumerate(lines):  # one file per article for the processes
    with open(os.path.join(tmp, "q%d.jsonl" % i), "wb") as f:
        f.write(l)

def http(i):
    t = time.perf_counter()
    req = urllib.request.Request(url + "/v1/query", data=lines[i],
                                 method="POST")
    with urllib.request.urlopen(req) as r:
        body = r.read()
    return time.perf_counter() - t, body

def process(i):
    t = time.perf_counter()
    p = subprocess.run([wt, "index", "query", "--db",
                        os.path.join(tmp, "wire.db"), "--json",
                        os.path.join(tmp, "q%d.jsonl" % i)],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if p.returncode not in (0, 1):
        raise SystemExit("index query failed: %d" % p.returncode)
    return time.perf_counter() - t, p.stdout

def run(fn):
    t = time.perf_counter()
    with cf.ThreadPoolExecutor(clients) as ex:
        got = list(ex.map(fn, range(len(lines))))
    wall = time.perf_counter() - t
    lat = sorted(g[0] for g in got)
    pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1e3
    return len(lines) / wall, pct(0.5), pct(0.99), [g[1] for g in got]

# Each connection loads its language profiles on its first query: warm
# every one up first, as a running server is.
with cf.ThreadPoolExecutor(clients) as ex:
    list(ex.map(http, range(min(len(lines), 2 * clients))))
s = run(http)
c = run(process)
same = sum(a == b for a, b in zip(s[3], c[3]))
print("%d queries, %d clients, %s" % (len(lines), clients,
      "%d of them answered the same by both" % same))
print("%-24s %10s %10s %10s" % ("", "req/s", "p50 ms", "p99 ms"))
print("%-24s %10.1f %10.1f %10.1f" % ("serve (HTTP)", s[0], s[1], s[2]))
print("%-24s %10.1f %10.1f %10.1f" % ("index query (process)", c[0], c[1], c[2]))
print("%-24s %10.1f %10.2f %10.2f" % ("ratio serve / process", s[0] / c[0],
      s[1] / c[1], s[2] / c[2]))
PY
kill -TERM "$pid"
wait "$pid"
pid=""
