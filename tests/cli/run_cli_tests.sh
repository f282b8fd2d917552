#!/bin/sh
# Runs every tests/cli/*.t case: a small shell script whose first lines
# state the expected exit code and the files holding expected output.
#   #exit N          expected exit status
#   #stdout FILE     stdout must equal FILE (relative to tests/cli)
#   #stderr-has TEXT stderr must contain TEXT
# The script runs with $WT set to the wiretrace binary and $ROOT to the
# source tree, in a fresh temporary folder.
set -u
WT="$1"; DIR="$2"
ROOT="${WT_SOURCE_ROOT:-$DIR/../..}"
pass=0; fail=0
for t in "$DIR"/*.t; do
    name=$(basename "$t" .t)
    tmp=$(mktemp -d)
    want_exit=$(sed -n 's/^#exit //p' "$t")
    want_stdout=$(sed -n 's/^#stdout //p' "$t")
    (cd "$tmp" && WT="$WT" ROOT="$ROOT" sh "$t" >"$tmp/.out" 2>"$tmp/.err")
    got=$?
    ok=1
    [ "$got" = "$want_exit" ] || { echo "$name: exit $got, expected $want_exit"; ok=0; }
    if [ -n "$want_stdout" ] && ! diff -u "$DIR/$want_stdout" "$tmp/.out"; then
        echo "$name: stdout differs"; ok=0
    fi
    sed -n 's/^#stderr-has //p' "$t" | while IFS= read -r needle; do
        grep -qF -- "$needle" "$tmp/.err" || { echo "$name: stderr lacks: $needle"; exit 1; }
    done || ok=0
    sed -n 's/^#stdout-has //p' "$t" | while IFS= read -r needle; do
        grep -qF -- "$needle" "$tmp/.out" || { echo "$name: stdout lacks: $needle"; exit 1; }
    done || ok=0
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "--- stderr of $name:"; cat "$tmp/.err"; fi
    rm -rf "$tmp"
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
