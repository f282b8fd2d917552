# pg_server.sh - sourced by the PostgreSQL tests and benchmark: throwaway
# PostgreSQL servers on loopback, in a folder of the caller's.
#   pg_own DIR        gives DIR (the caller's temporary folder) to the user
#                     the servers run as, so that they can reach their own
#   pg_find_bin       sets PGBIN to the server binaries (PostgreSQL 15 first);
#                     status 1 when they are not installed
#   pg_start DIR      initdb in DIR/data, then postgres on 127.0.0.1 on a
#                     free port, its socket in DIR; prints the port
#   pg_stop DIR       stops the server of DIR (immediate: it is thrown away)
#   pg_start_db DIR DB   pg_start, and a database DB made on it
#   pg_halt DIR [MODE]   stops the server of DIR, keeping its data, as
#                     pg_ctl stop -m MODE (fast unless told)
#   pg_resume DIR PORT   starts the server of DIR again, on the same port
#                     (clients given that port find it back)
#   pg_sql PORT DB SQL   runs SQL with psql, unaligned output
# PG_SETTINGS, when set, adds server settings ("-c name=value ...") to
# those of pg_start and pg_resume (the benchmarks size shared_buffers).
# PostgreSQL refuses to run as root: as root, the server runs as the
# postgres user (made by Debian's postgresql package), and DIR is given to
# it.

pg_find_bin() {
    for d in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin \
            2>/dev/null | sort -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]
        then
            PGBIN=$d
            return 0
        fi
    done
    return 1
}

pg_own() {
    if [ "$(id -u)" = 0 ]; then chown postgres "$1"; fi
}

pg_as() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_start() {
    mkdir -p "$1" || return 1
    if [ "$(id -u)" = 0 ]; then chown postgres "$1" || return 1; fi
    pg_as "$PGBIN/initdb" -D "$1/data" -A trust -U postgres -E UTF8 \
        --locale=C --no-sync >"$1/initdb.log" 2>&1 || return 1
    # A port free a moment ago may be taken by the time postgres binds it:
    # a few tries.
    for try in 1 2 3 4 5; do
        port=$(python3 -c 'import socket; s = socket.socket();
s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
        if pg_resume "$1" "$port"; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

pg_resume() {
    # One line: pg_ctl passes on only the first line of -o's text.
    _opts="-p $2 -k $1 -c listen_addresses=127.0.0.1 -c fsync=off"
    _opts="$_opts -c synchronous_commit=off -c full_page_writes=off"
    pg_as "$PGBIN/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 \
        -o "$_opts ${PG_SETTINGS:-}" start >/dev/null 2>&1
}

pg_halt() {
    pg_as "$PGBIN/pg_ctl" -D "$1/data" -m "${2:-fast}" -w -t 60 stop \
        >/dev/null 2>&1
}

pg_stop() {
    [ -d "$1/data" ] &&
        pg_as "$PGBIN/pg_ctl" -D "$1/data" -m immediate -w stop \
            >/dev/null 2>&1
    return 0
}

# pg_start_db DIR DB: pg_start DIR, then CREATE DATABASE DB on it; prints
# the port, or fails with the server's logs on stderr.
pg_start_db() {
    _port=$(pg_start "$1") &&
        pg_sql "$_port" postgres "CREATE DATABASE $2" >/dev/null ||
        { cat "$1/"*.log >&2; return 1; }
    echo "$_port"
}

pg_sql() {
    "$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" \
        -U postgres -d "$2" -c "$3"
}
