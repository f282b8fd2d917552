#!/bin/sh
# Sharded ingest on PostgreSQL, one writer against two: a coordinator and
# two shard servers (PL/Proxy, `index init --shard`), thrown away at the
# end, on loopback with fsync off as in the tests (tests/pg/pg_server.sh).
# N generated articles (tests/bench/gen_corpus.py) are added with
# `index add -j 1 --no-uses` by one process, or split in two halves added
# by two such processes at once; the two runs alternate (1, 2, 1, 2, ...)
# ROUNDS times, each into fresh databases, and each prints its wall clock,
# its articles per second, the ratio of the pair and the load average.
# The machine's free cores bound the ratio: two writers can be at most
# twice one only when two cores are free beside the servers' work.
# Not part of the suite.
#   sh tests/bench/pg_ingest.sh [N [ROUNDS [BUILD]]]   default 20000 3 build
set -eu
N=${1:-20000}
ROUNDS=${2:-3}
BUILD=${3:-build}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/pg/pg_server.sh"
WT=$(cd "$BUILD" && pwd)/src/cli/wiretrace
[ -x "$WT" ] || { echo "pg_ingest.sh: no $WT (ninja -C $BUILD)" >&2; exit 2; }
pg_find_bin || { echo "pg_ingest.sh: no PostgreSQL server binaries" >&2
    exit 2; }
[ -n "$(ls "$(dirname "$PGBIN")"/lib/plproxy.so \
        /usr/lib/postgresql/*/lib/plproxy.so 2>/dev/null)" ] ||
    { echo "pg_ingest.sh: PL/Proxy is not installed" >&2; exit 2; }

tmp=$(mktemp -d)
pg_own "$tmp"
writers=""
cleanup() {
    # shellcheck disable=SC2086
    [ -n "$writers" ] && kill -KILL $writers 2>/dev/null
    for d in coord shard0 shard1; do pg_stop "$tmp/$d"; done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
for d in coord shard0 shard1; do
    p=$(pg_start "$tmp/$d") ||
        { cat "$tmp/$d"/*.log >&2; echo "pg_ingest.sh: cannot start $d" >&2
          exit 1; }
    eval "port_$d=$p"
done

python3 "$ROOT/tests/bench/gen_corpus.py" "$N" --data "$ROOT/../shared/data" \
    --out "$tmp/all.jsonl" --queries 0 --queries-out "$tmp/q.jsonl"
half=$((N / 2))
head -n "$half" "$tmp/all.jsonl" >"$tmp/a.jsonl"
tail -n "+$((half + 1))" "$tmp/all.jsonl" >"$tmp/b.jsonl"

now() { python3 -c 'import time; print(time.time())'; }
# fresh NAME: a coordinator database NAME with its two shard databases,
# made by index init; sets URI (port_coord, port_shard0 and port_shard1
# are set by eval above)
# shellcheck disable=SC2154
fresh() {
    for d in coord shard0 shard1; do
        eval "p=\$port_$d"
        pg_sql "$p" postgres "CREATE DATABASE $1" >/dev/null
    done
    URI="postgresql://postgres@127.0.0.1:$port_coord/$1?sslmode=disable"
    "$WT" index init -q --db "$URI" \
        --shard "postgresql://postgres@127.0.0.1:$port_shard0/$1" \
        --shard "postgresql://postgres@127.0.0.1:$port_shard1/$1"
}
# gone NAME: the databases of fresh NAME dropped
gone() {
    for d in coord shard0 shard1; do
        eval "p=\$port_$d"
        pg_sql "$p" postgres "DROP DATABASE $1" >/dev/null
    done
}
# check NAME: all N articles on the coordinator
check() {
    got=$(pg_sql "$port_coord" "$1" "SELECT count(*) FROM wiretrace.docs")
    [ "$got" = "$N" ] ||
        { echo "pg_ingest.sh: $1 holds $got articles, not $N" >&2; exit 1; }
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$N articles, index add -j 1 --no-uses, coordinator and 2 shards"
printf '%-6s %-8s %8s %10s  %s\n' round writers wall_s articles/s load
r=1
while [ "$r" -le "$ROUNDS" ]; do
    fresh "one$r"
    t0=$(now)
    "$WT" index add -q -j 1 --no-uses --db "$URI" "$tmp/all.jsonl"
    t1=$(now)
    check "one$r"
    one=$(python3 -c "print('%.2f' % ($t1 - $t0))")
    printf '%-6s %-8s %8s %10.0f  %s\n' "$r" 1 "$one" \
        "$(python3 -c "print($N / $one)")" "$(cut -d' ' -f1-3 /proc/loadavg)"
    gone "one$r"

    fresh "two$r"
    t0=$(now)
    "$WT" index add -q -j 1 --no-uses --db "$URI" "$tmp/a.jsonl" &
    wa=$!
    "$WT" index add -q -j 1 --no-uses --db "$URI" "$tmp/b.jsonl" &
    wb=$!
    writers="$wa $wb"
    st=0
    wait "$wa" || st=$?
    wait "$wb" || st=$?
    writers=""
    t1=$(now)
    [ "$st" = 0 ] || { echo "pg_ingest.sh: a writer failed ($st)" >&2
        exit 1; }
    check "two$r"
    two=$(python3 -c "print('%.2f' % ($t1 - $t0))")
    printf '%-6s %-8s %8s %10.0f  %s   two / one %.2f\n' "$r" 2 "$two" \
        "$(python3 -c "print($N / $two)")" "$(cut -d' ' -f1-3 /proc/loadavg)" \
        "$(python3 -c "print($one / $two)")"
    gone "two$r"
    r=$((r + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
