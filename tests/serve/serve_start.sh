# Sourced by the serve tests: serve_start LOG DB [ARGS...] starts
# `wiretrace serve --db DB` ($WT) on a free loopback port (--listen 0) with
# its stderr in LOG, appends its pid to $pids and sets $pid and $url; it
# fails the test when the server does not say where it listens.
serve_start() {
    log=$1; db=$2; shift 2
    : > "$log"
    "$WT" serve --db "$db" --listen 0 "$@" 2> "$log" &
    pid=$!
    pids="${pids:-} $pid"
    i=0
    while ! grep -q "listening on" "$log" && [ $i -lt 200 ]; do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1; i=$((i + 1))
    done
    url=$(sed -n 's|.*listening on \(http://[^ ]*\)/ .*|\1|p' "$log")
    [ -n "$url" ] || { cat "$log"; echo "FAIL: $log: serve did not start"; exit 1; }
}
