#!/bin/sh
# wiretrace serve killed with SIGKILL while articles are being added loses
# no article it acknowledged: 200 distinct articles POSTed by four curl
# clients at once, the server killed once 40 of them were answered 201,
# then started again on the same index. Every acknowledged id is there with
# its text, every stored id returns its whole text, `index stats` counts
# exactly the stored ones, and (SQLite) the file passes integrity_check.
# The same against a PostgreSQL database on a server started here when the
# PostgreSQL server binaries are installed (that part is skipped otherwise).
#   sh tests/serve/kill.sh BUILD/src/cli/wiretrace
set -u
WT=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=${WT_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v curl >/dev/null 2>&1 || { echo "serve-kill: curl is missing"; exit 77; }
. "$ROOT/tests/pg/pg_server.sh"
. "$ROOT/tests/serve/serve_start.sh"
tmp=$(mktemp -d)
pids=""
pgdir=""
cleanup() {
    for p in $pids; do kill -KILL "$p" 2>/dev/null; done
    [ -n "$pgdir" ] && pg_stop "$pgdir"
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
cd "$tmp" || exit 1
failed=0
fail() { echo "FAIL: $*"; failed=1; }
ARTICLES=200
CLIENTS=4

# The articles: distinct texts of a few sentences, one file each, and
# which client sends which (list.N).
mkdir art
python3 - $ARTICLES $CLIENTS <<'PY' || exit 1
import json, random, sys
rng = random.Random(7)
words = ("port strike union harbor council vote minister grain ship "
         "coast river police court budget school flood storm market "
         "price factory worker farmer bridge rail airport election "
         "mayor hospital bank export import fishing tourism").split()
n, clients = int(sys.argv[1]), int(sys.argv[2])
lists = [open("list.%d" % c, "w") for c in range(clients)]
for i in range(n):
    lists[i % clients].write("k%03d\n" % i)
    sents = [" ".join(rng.choice(words) for _ in range(12)).capitalize()
             + " in district %d on day %d." % (i, rng.randrange(1000))
             for _ in range(6)]
    with open("art/k%03d.json" % i, "w") as f:
        json.dump({"id": "k%03d" % i, "outlet": "Test Wire",
                   "text": " ".join(sents)}, f)
PY

# verify.py URL ACKS ART: GETs every article; prints how many are stored,
# and on stderr every acknowledged one that is gone and every text that is
# not the one sent.
cat > verify.py <<'PY'
import glob, json, sys, urllib.error, urllib.parse, urllib.request
url, acks, art = sys.argv[1:]
acked = {l.split()[0] for l in open(acks) if l.split()[1] in ("200", "201")}
stored = 0
for f in sorted(glob.glob(art + "/*.json")):
    want = json.load(open(f))
    try:
        with urllib.request.urlopen(url + "/v1/articles/"
                                    + urllib.parse.quote(want["id"])) as r:
            got = json.load(r)
    except urllib.error.HTTPError as e:
        if e.code != 404:
            print("GET %s: status %d" % (want["id"], e.code), file=sys.stderr)
        elif want["id"] in acked:
            print("%s was acknowledged and is gone" % want["id"],
                  file=sys.stderr)
        continue
    stored += 1
    if got.get("id") != want["id"] or got.get("text") != want["text"]:
        print("%s: not the text sent" % want["id"], file=sys.stderr)
print(stored)
PY

# start DB NAME: a server on a free port; sets pid and url.
start() { serve_start "$2.log" "$1" --threads 2; }

# client N: POSTs the articles of list.N, one after the other, writing
# "ID STATUS" per request to ack.N (000: no answer).
client() {
    : > "ack.$1"
    while read -r k; do
        c=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 \
            -X POST --data-binary @"art/$k.json" "$url/v1/articles")
        echo "$k $c" >> "ack.$1"
    done < "list.$1"
}

# check DB LABEL: the whole run against one index.
check() {
    db=$1; label=$2
    start "$db" "$label.first"
    cpids=""
    n=0
    while [ $n -lt $CLIENTS ]; do
        client $n &
        cpids="$cpids $!"
        n=$((n + 1))
    done
    i=0
    while [ "$(cat ack.* 2>/dev/null | grep -c ' 201$')" -lt 40 ] && [ $i -lt 300 ]; do
        sleep 0.05; i=$((i + 1))
    done
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null
    for c in $cpids; do wait "$c"; done
    cat ack.* > "$label.acks"
    rm -f ack.*
    acked=$(grep -c ' 20[01]$' "$label.acks")
    lost=$(grep -vc ' 20[01]$' "$label.acks")
    echo "$label: $acked POSTs acknowledged before SIGKILL, $lost not answered"
    [ "$acked" -ge 40 ] || fail "$label: only $acked acknowledged before the kill"
    [ "$lost" -ge 1 ] || fail "$label: the kill came after every POST"
    grep -v ' 20[01]$' "$label.acks" | grep -v ' 000$' &&
        fail "$label: answers other than 200/201 before the kill"

    start "$db" "$label.second"
    # Every id: GET; an acknowledged one must be there, and whatever is
    # there must be the whole text sent.
    stored=$(python3 verify.py "$url" "$label.acks" art 2> verify.err)
    [ -s verify.err ] && fail "$label: $(cat verify.err)"
    echo "$label: $stored articles stored after the restart"
    # A query still answers on the index the kill left.
    c=$(curl -s -o /dev/null -w '%{http_code}' -X POST \
        --data-binary @art/k000.json "$url/v1/query")
    [ "$c" = 200 ] || fail "$label: query after the restart: status $c"
    kill -TERM "$pid"
    wait "$pid" || fail "$label: second server did not exit 0"
    "$WT" index stats --db "$db" > "$label.stats" 2>&1 ||
        fail "$label: index stats: $(cat "$label.stats")"
    docs=$(sed -n 's/^documents *//p' "$label.stats")
    [ "$docs" = "$stored" ] ||
        fail "$label: index stats counts $docs documents, GET found $stored"
}

"$WT" index init --db kill.db 2> init.log || { cat init.log; exit 1; }
check kill.db sqlite
if command -v sqlite3 >/dev/null 2>&1; then
    ic=$(sqlite3 kill.db 'PRAGMA integrity_check')
    [ "$ic" = ok ] || fail "sqlite: integrity_check: $ic"
fi

if pg_find_bin; then
    pg_own "$tmp" || exit 1
    pgdir=$tmp/pg
    port=$(pg_start "$pgdir") ||
        { cat "$pgdir/"*.log; fail "cannot start PostgreSQL"; exit 1; }
    pg_sql "$port" postgres "CREATE DATABASE wt" || exit 1
    URI="postgresql://postgres@127.0.0.1:$port/wt?sslmode=disable"
    "$WT" index init --db "$URI" 2> init.log || { cat init.log; exit 1; }
    check "$URI" pg
else
    echo "serve-kill: no PostgreSQL server binaries: the PostgreSQL part skipped"
fi

[ $failed -eq 0 ] && echo "serve-kill: all checks passed"
exit $failed
