#!/bin/sh
# The PostgreSQL index read from a streaming replica, through libpq's
# multi-host URIs: a primary started here on loopback
# (tests/pg/pg_server.sh), a standby made from it with pg_basebackup -R on
# another port, articles added on the primary; once the standby replayed
# them, `index query` (text and JSON) and `index stats` through
#   postgresql://P1,P2/db?target_session_attrs=read-only
# print what they print on the primary (but for the bytes on disk); an `index add` through
# target_session_attrs=read-write (the standby named first) reaches the
# primary, and one through read-only is refused; with the primary stopped,
# the read-only URI still answers the same (so it was the standby).
# Skipped (77) only when the PostgreSQL server binaries are missing.
#   replica.sh WIRETRACE_BINARY
set -u
WT=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=${WT_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/pg/pg_server.sh"
pg_find_bin || {
    echo "pg-replica: no PostgreSQL server binaries (postgresql-15): skipped"
    exit 77
}
[ -x "$PGBIN/pg_basebackup" ] || {
    echo "pg-replica: no pg_basebackup in $PGBIN: skipped"
    exit 77
}

tmp=$(mktemp -d)
pg_own "$tmp" || exit 1
trap 'pg_stop "$tmp/standby"; pg_stop "$tmp/primary"; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
fail() {
    echo "pg-replica: FAIL: $*"
    exit 1
}
cd "$tmp" || exit 1

p1=$(pg_start "$tmp/primary") ||
    { cat "$tmp/primary/"*.log; fail "cannot start the primary"; }
pg_sql "$p1" postgres "CREATE DATABASE wt" || fail "cannot create a database"

# The standby: a base backup of the primary with its recovery settings
# (-R: standby.signal, primary_conninfo), started on a free port.
mkdir "$tmp/standby" && pg_own "$tmp/standby" || exit 1
pg_as "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$p1" -U postgres \
    -D "$tmp/standby/data" -R -X stream -c fast >"$tmp/standby/backup.log" 2>&1 ||
    { cat "$tmp/standby/backup.log"; fail "pg_basebackup"; }
p2=""
for _ in 1 2 3 4 5; do
    port=$(python3 -c 'import socket; s = socket.socket();
s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if pg_as "$PGBIN/pg_ctl" -D "$tmp/standby/data" \
        -l "$tmp/standby/server.log" -w -t 60 \
        -o "-p $port -k $tmp/standby -c listen_addresses=127.0.0.1 -c fsync=off" \
        start >/dev/null 2>&1
    then
        p2=$port
        break
    fi
done
[ -n "$p2" ] || { cat "$tmp/standby/server.log"; fail "cannot start the standby"; }
[ "$(pg_sql "$p2" postgres 'SELECT pg_is_in_recovery()')" = t ] ||
    fail "the second server is not a standby"

# caught_up: waits until the standby replayed the primary's WAL as of now.
caught_up() {
    lsn=$(pg_sql "$p1" postgres 'SELECT pg_current_wal_lsn()') ||
        fail "pg_current_wal_lsn"
    i=0
    while [ "$(pg_sql "$p2" postgres "SELECT pg_last_wal_replay_lsn() >=
            '$lsn'::pg_lsn")" != t ]; do
        i=$((i + 1))
        [ $i -lt 600 ] || fail "the standby did not replay $lsn in 60 s"
        sleep 0.1
    done
}

opts="sslmode=disable"
PRIMARY="postgresql://postgres@127.0.0.1:$p1/wt?$opts"
RO="postgresql://postgres@127.0.0.1:$p1,127.0.0.1:$p2/wt?$opts&target_session_attrs=read-only"
RW="postgresql://postgres@127.0.0.1:$p2,127.0.0.1:$p1/wt?$opts&target_session_attrs=read-write"

"$WT" index init --db "$PRIMARY" 2>err.txt || fail "init: $(cat err.txt)"
"$WT" index add -q --batch 20 --db "$PRIMARY" "$ROOT/corpora/demo" \
    "$ROOT/tests/cli/index_feed.jsonl" 2>err.txt || fail "add: $(cat err.txt)"
caught_up

queries="$ROOT/tests/cli/index_query.jsonl $ROOT/corpora/demo"
# same WHAT: query (text, JSON) and stats through the primary and through
# the read-only URI print the same; the outputs are left in *.primary.
same() {
    for fmt in text json; do
        # shellcheck disable=SC2086
        "$WT" index query --format $fmt --db "$PRIMARY" $queries \
            >"q.$fmt.primary" 2>err.txt
        [ $? -le 1 ] || fail "$1: query on the primary: $(cat err.txt)"
        [ -s "q.$fmt.primary" ] || fail "$1: query printed nothing"
        # shellcheck disable=SC2086
        "$WT" index query --format $fmt --db "$RO" $queries \
            >"q.$fmt.ro" 2>err.txt
        [ $? -le 1 ] || fail "$1: query on the standby: $(cat err.txt)"
        cmp -s "q.$fmt.primary" "q.$fmt.ro" || {
            diff "q.$fmt.primary" "q.$fmt.ro" | head -20
            fail "$1: query --format $fmt differs on the standby"
        }
    done
    "$WT" index stats --db "$PRIMARY" >stats.primary 2>err.txt ||
        fail "$1: stats on the primary: $(cat err.txt)"
    "$WT" index stats --db "$RO" >stats.ro 2>err.txt ||
        fail "$1: stats on the standby: $(cat err.txt)"
    # All but "index bytes": pg_total_relation_size is the size of each
    # server's own files, which replay does not make byte for byte alike
    # (180,224 bytes on the primary, 204,800 on the standby in one run).
    grep -v '^index bytes' stats.primary >stats.primary.cmp
    grep -v '^index bytes' stats.ro >stats.ro.cmp
    cmp -s stats.primary.cmp stats.ro.cmp || {
        diff stats.primary stats.ro
        fail "$1: stats differ on the standby"
    }
}
same "after add"
docs=$(sed -n 's/^documents *//p' stats.primary)
[ "${docs:-0}" -gt 0 ] || fail "no documents: $(cat stats.primary)"

# Writes: read-write finds the primary though the standby is named first;
# read-only finds the standby, which refuses them.
printf '{"id": "replica-1", "text": "%s"}\n' \
    "Harborton dockworkers voted on Sunday to end the strike at the port." \
    >new.jsonl
"$WT" index add -q --db "$RO" new.jsonl 2>err.txt &&
    fail "index add through read-only was taken"
"$WT" index add -q --db "$RW" new.jsonl 2>err.txt ||
    fail "index add through read-write: $(cat err.txt)"
"$WT" index get --db "$PRIMARY" replica-1 >/dev/null 2>err.txt ||
    fail "the read-write add is not on the primary: $(cat err.txt)"
caught_up
same "after the read-write add"
[ "$(sed -n 's/^documents *//p' stats.primary)" = $((docs + 1)) ] ||
    fail "documents after one add: $(cat stats.primary)"

# With the primary stopped the read-only URI still answers, the same.
cp q.text.primary q.text.before
pg_stop "$tmp/primary"
"$WT" index stats --db "$RO" >stats.ro 2>err.txt ||
    fail "stats on the standby alone: $(cat err.txt)"
grep -v '^index bytes' stats.ro >stats.ro.cmp
cmp -s stats.primary.cmp stats.ro.cmp || fail "stats on the standby alone differ"
# shellcheck disable=SC2086
"$WT" index query --db "$RO" $queries >q.text.ro 2>err.txt
[ $? -le 1 ] || fail "query on the standby alone: $(cat err.txt)"
cmp -s q.text.before q.text.ro || fail "query on the standby alone differs"

echo "pg-replica: $((docs + 1)) articles; query and stats alike on the standby"
exit 0
