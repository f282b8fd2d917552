#!/bin/sh
# The heavy hostile-input and memory tests (meson -Dlarge_tests=true, or
# run by hand: sh tests/large/run_large.sh build/src/cli/wiretrace).
# Each case generates its input in a temporary folder, runs wiretrace
# under a time limit, checks the exit code and message, and prints the
# wall time and peak RSS (GNU time) that docs/limits.md reports.
#   WT_LARGE_SCAN_MB="8 32"  sizes of the generated corpora for scan
set -u
WT=$(realpath "$1")
HERE=$(dirname "$(realpath "$0")")
ROOT=${WT_SOURCE_ROOT:-$HERE/../..}
SEEDS="$ROOT/corpora/demo/*.txt"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/wt-large.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0

# check NAME WANT_EXIT STDERR_NEEDLE -- command...: runs it, reports.
check() {
    name=$1; want=$2; needle=$3; shift 4
    /usr/bin/time -f "%e %M" -o "$TMP/time" timeout 1800 "$@" \
        >"$TMP/out" 2>"$TMP/err"
    got=$?
    set -- $(tail -n 1 "$TMP/time")
    secs=${1:-?}; kb=${2:-0}
    ok=1
    case " $want " in *" $got "*) ;; *) ok=0 ;; esac
    if [ -n "$needle" ] && ! grep -qF -- "$needle" "$TMP/err"; then ok=0; fi
    printf '%-22s exit %-3s %8s s %8s MB peak RSS  %s\n' "$name" "$got" \
        "$secs" "$((kb / 1024))" "$([ $ok = 1 ] && echo ok || echo FAILED)"
    if [ $ok = 1 ]; then pass=$((pass + 1)); else
        fail=$((fail + 1)); tail -5 "$TMP/err"; fi
}

# A 50 MB single line.
python3 -c "
import sys
s = 'The port strike stranded containers on the quays today. ' * 900000
open(sys.argv[1], 'w').write(s[:50 * 1024 * 1024])" "$TMP/line.txt"
check line_50MB "0 1" "" -- "$WT" compare "$TMP/line.txt"
rm -f "$TMP/line.txt"

# One paragraph of 1,000,000 repeated tokens, against itself.
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "strike "; print "" }' \
    > "$TMP/rep.txt"
check repeated_1M_tokens "0 1" "" -- "$WT" compare "$TMP/rep.txt" "$TMP/rep.txt"
rm -f "$TMP/rep.txt"

# A 200 MB article next to a small good one.
python3 "$HERE/gen_corpus.py" one "$TMP/big.txt" 200 $SEEDS
check file_200MB "0 1" "" -- "$WT" compare "$TMP/big.txt" \
    "$ROOT/corpora/demo/wire.txt"
rm -f "$TMP/big.txt"

# A file over the 1 GiB input limit (sparse), refused by name, others read.
truncate -s 1100M "$TMP/huge.txt"
check file_over_1GiB "2" "huge.txt: too large: over" -- "$WT" compare \
    "$TMP/huge.txt" "$ROOT/corpora/demo/wire.txt"
rm -f "$TMP/huge.txt"

# 100,000 tiny files in one scan.
python3 "$HERE/gen_corpus.py" tiny "$TMP/tiny" 100000
check scan_100k_tiny_files "0 1" "" -- "$WT" scan "$TMP/tiny"
rm -rf "$TMP/tiny"

# Generated corpora of growing size: how peak RSS grows with the corpus.
for mb in ${WT_LARGE_SCAN_MB:-8 32}; do
    python3 "$HERE/gen_corpus.py" files "$TMP/c$mb" "$mb" $SEEDS
    check "scan_${mb}MB" "0 1" "" -- "$WT" scan "$TMP/c$mb"
    rm -rf "$TMP/c$mb"
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
