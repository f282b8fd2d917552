#!/bin/sh
# Runs tests/cli/*.t cases: small shell scripts whose first lines state
# what to expect.
#   #exit N            expected exit status
#   #stdout FILE       stdout must equal FILE (relative to tests/cli)
#   #stdout-has TEXT   stdout must contain TEXT
#   #stderr-has TEXT   stderr must contain TEXT
# A case runs with $WT set to the wiretrace binary and $ROOT to the source
# tree, in a fresh temporary folder.
#
#   run_cli_tests.sh WT DIR              every case of DIR
#   run_cli_tests.sh WT DIR NAME...      the cases DIR/NAME.t only
#   run_cli_tests.sh --list DIR          the names of DIR's cases
#   run_cli_tests.sh --registered DIR NAME...
#                                        fails when DIR's cases are not
#                                        exactly NAME...
#
# meson test runs each case as its own test, cli/NAME, from the list taken
# when the build was configured; the --registered test tells when a case
# was added or removed since then.
set -u

usage() {
    echo "usage: run_cli_tests.sh WT DIR [NAME...]" >&2
    echo "       run_cli_tests.sh --list DIR" >&2
    echo "       run_cli_tests.sh --registered DIR NAME..." >&2
    exit 64
}

# list DIR: the case names of DIR, one a line, in byte order.
list() {
    for t in "$1"/*.t; do
        [ -f "$t" ] && basename "$t" .t
    done | LC_ALL=C sort
}

# run_case FILE: runs one case and says what differs from its
# expectations; status 0 when it passed.
run_case() {
    t=$1
    name=$(basename "$t" .t)
    [ -f "$t" ] || { echo "$name: no such case $t"; return 1; }
    tmp=$(mktemp -d)
    want_exit=$(sed -n 's/^#exit //p' "$t")
    want_stdout=$(sed -n 's/^#stdout //p' "$t")
    (cd "$tmp" && WT="$WT" ROOT="$ROOT" sh "$t" >"$tmp/.out" 2>"$tmp/.err")
    got=$?
    ok=1
    [ "$got" = "$want_exit" ] ||
        { echo "$name: exit $got, expected $want_exit"; ok=0; }
    if [ -n "$want_stdout" ] && ! diff -u "$DIR/$want_stdout" "$tmp/.out"
    then
        echo "$name: stdout differs"; ok=0
    fi
    sed -n 's/^#stderr-has //p' "$t" | while IFS= read -r needle; do
        grep -qF -- "$needle" "$tmp/.err" ||
            { echo "$name: stderr lacks: $needle"; exit 1; }
    done || ok=0
    sed -n 's/^#stdout-has //p' "$t" | while IFS= read -r needle; do
        grep -qF -- "$needle" "$tmp/.out" ||
            { echo "$name: stdout lacks: $needle"; exit 1; }
    done || ok=0
    if [ $ok = 0 ]; then
        echo "--- stderr of $name:"
        cat "$tmp/.err"
    fi
    rm -rf "$tmp"
    [ $ok = 1 ]
}

case "${1:-}" in
--list)
    [ $# -eq 2 ] || usage
    list "$2"
    exit 0
    ;;
--registered)
    [ $# -ge 2 ] || usage
    DIR=$2; shift 2
    want=" $* "
    have=" $(list "$DIR" | tr '\n' ' ') "
    changed=0
    for n in $have; do
        case "$want" in *" $n "*) ;; *) echo "added: $DIR/$n.t"; changed=1 ;; esac
    done
    for n in $want; do
        case "$have" in *" $n "*) ;; *) echo "removed: $DIR/$n.t"; changed=1 ;; esac
    done
    if [ $changed = 1 ]; then
        echo "The cases changed since the build was configured: run"
        echo "meson setup --reconfigure on the build folder to register them."
        exit 1
    fi
    echo "$# cases, all registered"
    exit 0
    ;;
esac

[ $# -ge 2 ] || usage
WT="$1"; DIR="$2"; shift 2
ROOT="${WT_SOURCE_ROOT:-$DIR/../..}"
if [ $# -eq 0 ]; then
    set -- $(list "$DIR")
fi
pass=0; fail=0
for name; do
    if run_case "$DIR/${name%.t}.t"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
