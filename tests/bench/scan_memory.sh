#!/bin/sh
# scan's memory as the corpus grows: one command, not part of the suite.
#
#   sh tests/bench/scan_memory.sh [MB...]      default: 16 64 256 1024
#
# Generates corpora of *.txt files (tests/large/gen_corpus.py: ~4 KB
# articles of random sentences over the demo stories' words, 3 % of
# paragraphs copied or edited from earlier articles; needs nothing from
# ../shared), then runs, with GNU time, on a release build:
#   - scan in memory (--in-memory-max above the size), up to 64 MB
#   - scan through a temporary index (--in-memory-max 0), -j 2, every size
# and prints wall and CPU time and peak RSS.  Ratios are against the
# smallest size of the same run (these machines are shared and noisy):
# flat memory means an RSS ratio near 1 while the input grows.  The table
# goes to tests/bench/scan_results.md.
# WT_BENCH_TMP (default /tmp/wt-bench) holds the corpora.
set -eu
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SIZES=${*:-16 64 256 1024}
TMP=${WT_BENCH_TMP:-/tmp/wt-bench}
OUT=$ROOT/tests/bench/scan_results.md
mkdir -p "$TMP"
if [ ! -f build-bench/build.ninja ]; then
    meson setup build-bench -Dbuildtype=release -Db_lto=true >&2
fi
ninja -C build-bench >&2
W=$ROOT/build-bench/src/cli/wiretrace

# run LABEL MB args...: one timed scan, a table row on stdout.
run() {
    label=$1; mb=$2; shift 2
    /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" "$W" "$@" \
        > /dev/null 2> "$TMP/err" || [ $? = 1 ]
    set -- $(tail -n 1 "$TMP/time")
    wall=$1; cpu=$(echo "$2 + $3" | bc); mbrss=$(( $4 / 1024 ))
    eval "base=\${base_$label:-}"
    if [ -z "$base" ]; then eval "base_$label=$mbrss"; base=$mbrss; fi
    eval "basemb=\${basemb_$label:-}"
    if [ -z "$basemb" ]; then eval "basemb_$label=$mb"; basemb=$mb; fi
    printf '| %s | %s MB | %s s | %s s | %s MB | %s | %s |\n' "$label" "$mb" \
        "$wall" "$cpu" "$mbrss" \
        "$(echo "scale=2; $mbrss / $base" | bc)" \
        "$(echo "scale=2; $mb / $basemb" | bc)"
}

{
    echo "# scan memory ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
    echo
    echo "| scan | input | wall | CPU | peak RSS | RSS ratio | input ratio |"
    echo "|---|---|---|---|---|---|---|"
    for mb in $SIZES; do
        dir=$TMP/scan$mb
        if [ ! -d "$dir" ]; then
            echo "generating $mb MB" >&2
            python3 tests/large/gen_corpus.py files "$dir.part" "$mb" \
                corpora/demo/*.txt
            mv "$dir.part" "$dir"
        fi
        if [ "$mb" -le 64 ]; then
            run memory "$mb" scan -q --json --in-memory-max 100000 "$dir"
        fi
        run index "$mb" scan -q --format jsonl -j 2 --in-memory-max 0 "$dir"
    done
} | tee "$OUT"
