#!/bin/sh
# A wire story with many reprints: time, links and pairs as the number of
# reprints grows, each as a ratio to the smallest size measured in the same
# run (linear growth gives the size ratio).  Not part of the suite.
#
#   sh tests/bench/popular.sh [BUILD] [SIZES...]   default: build 300 3000
set -eu
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
[ $# -gt 0 ] && shift
SIZES=${*:-300 3000}
WT=$BUILD/src/cli/wiretrace
base=""
for n in $SIZES; do
    line=$(python3 tests/popular/check_popular.py "$WT" "$n")
    secs=$(echo "$line" | sed 's/.*: \([0-9.]*\) s,.*/\1/')
    links=$(echo "$line" | sed 's/.* s, \([0-9]*\) links.*/\1/')
    pairs=$(echo "$line" | sed 's/.* links, \([0-9]*\) pairs.*/\1/')
    if [ -z "$base" ]; then
        base="$n $secs $links $pairs"
    fi
    set -- $base
    echo "$line" | sed 's/^/  /'
    awk -v n="$n" -v s="$secs" -v l="$links" -v p="$pairs" \
        -v n0="$1" -v s0="$2" -v l0="$3" -v p0="$4" 'BEGIN {
        printf "  ratio to %d reprints: size %.1f, time %.1f, links %.1f, pairs %.1f\n",
            n0, n / n0, s / s0, l / l0, p / p0 }'
done
