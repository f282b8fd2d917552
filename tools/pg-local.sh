#!/bin/sh
# A PostgreSQL server of one's own for trying the shared index: a cluster
# made in DIR (initdb, once), started on 127.0.0.1:PORT with its socket in
# DIR, and a database "wire" in it; prints the URI for --db.  Trust
# authentication on loopback only: for a laptop, not for a server.
#   sh tools/pg-local.sh DIR [PORT]      default port 5433
#   then: pg_ctl -D DIR/data stop        (as the postgres user when root)
# As root the server runs as the postgres user (PostgreSQL refuses root),
# who is given DIR.
set -eu
[ $# -ge 1 ] || { echo "usage: sh tools/pg-local.sh DIR [PORT]" >&2; exit 64; }
mkdir -p "$1"
DIR=$(cd "$1" && pwd)
PORT=${2:-5433}
BIN=""
for d in "$(dirname "$(command -v initdb 2>/dev/null || echo /x/x)")" \
        $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/psql" ] &&
        { BIN=$d; break; }
done
[ -n "$BIN" ] || { echo "pg-local: no initdb (apt-get install postgresql)" >&2
    exit 69; }
as() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
if [ ! -f "$DIR/data/PG_VERSION" ]; then
    as "$BIN/initdb" -D "$DIR/data" -A trust -U postgres -E UTF8 \
        --locale=C >"$DIR/initdb.log" 2>&1 ||
        { cat "$DIR/initdb.log" >&2; exit 1; }
fi
as "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1 ||
    as "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" start >/dev/null ||
    { cat "$DIR/server.log" >&2; exit 1; }
[ "$(as "$BIN/psql" -X -A -t -h 127.0.0.1 -p "$PORT" -U postgres -d postgres \
    -c "SELECT count(*) FROM pg_database WHERE datname = 'wire'")" = 1 ] ||
    as "$BIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres \
        -c "CREATE DATABASE wire"
echo "postgresql://postgres@127.0.0.1:$PORT/wire?sslmode=disable"
