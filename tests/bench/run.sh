#!/bin/sh
# wiretrace benchmarks: one command, not part of the test suite.
#
#   sh tests/bench/run.sh [SIZE...]        default: 10000 100000 1000000
#
# Builds a release build in build-bench/, generates seeded corpora with
# tests/bench/gen_corpus.py from ../shared/data (Reuters-21578, BBC News),
# and prints, for this machine and this run:
#   - the chain limit: ICU word break + Snowball + XXH3 alone, MB/s per core
#   - wiretrace's per-article analysis (fingerprinting) MB/s per core, and
#     as a share of the limit; the -j 2 speed-up
#   - k-permutation MinHash vs one-permutation hashing with densification
#   - the boilerplate and credit patterns of lang/en run by ICU's regex
#     engine and by PCRE2's JIT over the same paragraphs (patterns.c)
#   - ssdeep and simhash (Debian packages) on the same articles
#   - tests/bench/scale.sh: scan and compare at 1k, 4k, 16k and 64k
#     articles (CPU time, peak RSS, growth) beside MinHash+LSH, ssdeep,
#     tlsh and simhash, the Reuters-21578 bodies, the chain-limit ratio and
#     the -j 2 speed-up of scan (WT_BENCH_SCALE_SIZES to choose the sizes)
#   - per corpus size: index add MB/s, peak RSS, index bytes per article,
#     query latency p50/p99 (200 new articles, wall and CPU time), and how
#     many of the 100 edits and reprints among them were linked to their story
# The table goes to tests/bench/results.md (the machine's load average is
# recorded with it: speeds per core come from CPU time, wall times do not).
# Environment: WT_BENCH_TMP (default /tmp/wt-bench) holds the corpora and
# indexes; WT_DATA (default ../shared/data).
set -eu
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SIZES=${*:-10000 100000 1000000}
TMP=${WT_BENCH_TMP:-/tmp/wt-bench}
DATA=${WT_DATA:-$ROOT/../shared/data}
OUT=$ROOT/tests/bench/results.md
mkdir -p "$TMP"

# Outside reference points, installed here: the default build does not
# need them.
for p in ssdeep:ssdeep simhash:simhash tlsh:tlsh-tools; do
    if ! command -v "${p%%:*}" >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
        $SUDO apt-get install -y -qq "${p#*:}" >&2
    fi
done
if ! /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get install -y -qq python3-numpy >&2
fi

# A release build with link-time optimization: the small functions the
# stages share (map lookups, binary searches, the weights) inlined across
# files, 0.93 of the CPU of a compare of 4,000 articles without it.
if [ ! -f build-bench/build.ninja ]; then
    meson setup build-bench -Dbuildtype=release -Db_lto=true \
        -Dbenchmarks=true >&2
else
    meson setup --reconfigure build-bench -Db_lto=true -Dbenchmarks=true >&2
fi
ninja -C build-bench >&2
W=$ROOT/build-bench/src/cli/wiretrace
B=$ROOT/build-bench/tests/wt_bench

say() { printf '%s\n' "$*" >&2; }
get() { sed -n "s/^$1 //p" "$2"; }

gen() { # N: corpus and 200 queries, generated once per size
    if [ ! -s "$TMP/c$1.jsonl" ] || [ ! -s "$TMP/q$1.jsonl" ]; then
        say "generating $1 articles"
        nice -n 19 python3 tests/bench/gen_corpus.py "$1" --data "$DATA" \
            --out "$TMP/c$1.jsonl.part" --queries 200 \
            --queries-out "$TMP/q$1.jsonl"
        mv "$TMP/c$1.jsonl.part" "$TMP/c$1.jsonl"
    fi
}

# Throughput figures on the 10k corpus.
gen 10000
C=$TMP/c10000.jsonl
say "limit line"
nice -n 19 "$B" limit "$C" > "$TMP/limit.txt"
say "analysis -j 1 and -j 2"
rm -f "$TMP/scratch.db"*
nice -n 19 "$B" prepare "$C" 1 "$TMP/scratch.db" > "$TMP/prep1.txt"
nice -n 19 "$B" prepare "$C" 2 "$TMP/scratch.db" > "$TMP/prep2.txt"
say "minhash variants"
nice -n 19 "$B" minhash "$C" > "$TMP/minhash.txt"
say "pattern engines: ICU regex and PCRE2 JIT"
nice -n 19 "$ROOT/build-bench/tests/wt_patterns" lang en "$C" 3000 \
    > "$TMP/patterns.md" 2> "$TMP/patterns.log"

say "ssdeep and simhash"
rm -rf "$TMP/txt" && mkdir -p "$TMP/txt"
python3 - "$C" "$TMP/txt" <<'EOF'
import json, sys
for i, line in enumerate(open(sys.argv[1])):
    open("%s/%05d.txt" % (sys.argv[2], i), "w").write(json.loads(line)["text"])
EOF
BYTES=$(find "$TMP/txt" -name "*.txt" -exec cat {} + | wc -c)
cpu_of() { # command...: CPU seconds (user + sys) of the command
    /usr/bin/time -f "%U %S" -o "$TMP/time.txt" "$@" >/dev/null 2>&1 || true
    awk '{print $1 + $2}' "$TMP/time.txt"
}
SSDEEP_CPU=$(cd "$TMP/txt" && cpu_of nice -n 19 ssdeep -s -r .)
SIMHASH_CPU=$(cd "$TMP/txt" && cpu_of nice -n 19 sh -c 'ls | xargs simhash -w')
rm -rf "$TMP/txt"

say "scan and compare by size, beside the peers"
WT_BENCH_EXE=$W WT_BENCH_PROG=$B sh tests/bench/scale.sh \
    ${WT_BENCH_SCALE_SIZES:-1000 4000 16000 64000} > "$TMP/scale.md"

ROWS=""
for N in $SIZES; do
    DB=$TMP/i$N.db
    rm -f "$DB" "$DB-wal" "$DB-shm"
    say "index add $N articles (-j 2)"
    if [ "$N" -ge 1000000 ]; then
        # 3 GB of JSON Lines: streamed from the generator, never stored.
        # The generator runs on a third thread beside the two workers.
        nice -n 19 python3 tests/bench/gen_corpus.py "$N" --data "$DATA" \
            --queries 200 --queries-out "$TMP/q$N.jsonl" |
        /usr/bin/time -f "%e %U %S %M" -o "$TMP/add$N.txt" \
            nice -n 19 "$W" index add -j 2 --batch 5000 --db "$DB" - \
            2> "$TMP/add$N.log"
    else
        gen "$N"
        /usr/bin/time -f "%e %U %S %M" -o "$TMP/add$N.txt" \
            nice -n 19 "$W" index add -q -j 2 --batch 5000 --db "$DB" \
            "$TMP/c$N.jsonl"
    fi
    read -r WALL USR SYS RSS < "$TMP/add$N.txt"
    "$W" index stats --db "$DB" --format json > "$TMP/stats$N.json"
    DOCS=$(sed -n 's/.*"documents": \([0-9]*\).*/\1/p' "$TMP/stats$N.json")
    IBYTES=$(sed -n 's/.*"index_bytes": \([0-9]*\).*/\1/p' "$TMP/stats$N.json")
    TBYTES=$(sed -n 's/.*"text_bytes": \([0-9]*\).*/\1/p' "$TMP/stats$N.json")
    say "queries against $N"
    nice -n 19 "$B" query "$DB" "$TMP/q$N.jsonl" > "$TMP/query$N.txt"
    ROW=$(awk -v n="$N" -v tb="$TBYTES" -v w="$WALL" -v u="$USR" -v s="$SYS" \
        -v rss="$RSS" -v ib="$IBYTES" -v d="$DOCS" \
        -v p50="$(get query_p50_ms "$TMP/query$N.txt")" \
        -v p99="$(get query_p99_ms "$TMP/query$N.txt")" \
        -v c50="$(get query_cpu_p50_ms "$TMP/query$N.txt")" \
        -v c99="$(get query_cpu_p99_ms "$TMP/query$N.txt")" \
        -v qd="$(get query_derived "$TMP/query$N.txt")" \
        -v qf="$(get query_found_origin "$TMP/query$N.txt")" \
        'BEGIN { printf "| %d | %.2f | %.2f | %.0f | %.0f | %.0f | %.1f / %.1f | %.1f / %.1f | %d / %d |", \
            n, tb / w / 1e6, tb / (u + s) / 1e6, rss / 1024, ib / d, \
            tb / d, p50, p99, c50, c99, qf, qd }')
    ROWS="$ROWS
$ROW"
    say "$ROW"
done

LIMIT=$(get limit_mb_s "$TMP/limit.txt")
P1=$(get prepare_mb_s_per_core "$TMP/prep1.txt")
W1=$(get prepare_mb_s_wall "$TMP/prep1.txt")
W2=$(get prepare_mb_s_wall "$TMP/prep2.txt")
P2=$(get prepare_mb_s_per_core "$TMP/prep2.txt")
{
    echo "# wiretrace benchmark results"
    echo
    echo "Produced by \`sh tests/bench/run.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores"
    echo "($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)),"
    echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared:"
    echo "per-core speeds come from CPU time, wall-clock figures are slowed by other jobs)."
    echo "Corpora: \`tests/bench/gen_corpus.py\`, seed 1987, from Reuters-21578 and BBC News."
    echo
    echo "## Per-article analysis (10,000 articles, $(awk -v b="$BYTES" 'BEGIN{printf "%.1f", b/1e6}') MB)"
    echo
    echo "| what | MB/s per core | share of the limit |"
    echo "|---|---|---|"
    echo "| chain limit: ICU word break + Snowball stemming + XXH3 alone | $LIMIT | 1.00 |"
    echo "| wiretrace fingerprinting (decode, paragraphs, boilerplate and credit patterns, words, stems, shingles, winnowing, MinHash) | $P1 | $(awk -v a="$P1" -v b="$LIMIT" 'BEGIN{printf "%.3f", a/b}') |"
    echo "| ssdeep -r (context-triggered piecewise hashing) | $(awk -v b="$BYTES" -v t="$SSDEEP_CPU" 'BEGIN{printf "%.1f", b/t/1e6}') | |"
    echo "| simhash -w (byte shingleprints) | $(awk -v b="$BYTES" -v t="$SIMHASH_CPU" 'BEGIN{printf "%.1f", b/t/1e6}') | |"
    echo
    echo "-j 2 speed-up of the analysis (wall clock): $(awk -v a="$W2" -v b="$W1" 'BEGIN{printf "%.2f", a/b}') (-j 1 $W1 MB/s, -j 2 $W2 MB/s; per core with 2 threads: $P2 MB/s)."
    echo
    echo "MinHash, 64 slots, per article: k independent permutations $(get minhash_kperm_us_per_doc "$TMP/minhash.txt") µs,"
    echo "one-permutation hashing with optimal densification $(get minhash_oph_us_per_doc "$TMP/minhash.txt") µs;"
    echo "error of the resemblance estimate against exact Jaccard over $(get minhash_pairs "$TMP/minhash.txt") related pairs (RMSE):"
    echo "k-perm $(get minhash_kperm_rmse "$TMP/minhash.txt"), OPH $(get minhash_oph_rmse "$TMP/minhash.txt")."
    echo
    cat "$TMP/scale.md"
    echo
    echo "## Boilerplate and credit patterns: ICU's regex engine and PCRE2's JIT"
    echo
    echo '`tests/bench/patterns.c` over the first 3,000 articles (wiretrace runs the patterns with PCRE2):'
    cat "$TMP/patterns.md"
    echo
    echo "## Index"
    echo
    echo "| articles | index add MB/s (wall, -j 2) | index add MB/s per core | peak RSS MB | index bytes / article | text bytes / article | query p50 / p99 ms (wall) | query p50 / p99 ms (CPU) | edits and reprints whose story was found |"
    echo "|---|---|---|---|---|---|---|---|---|$ROWS"
} > "$OUT"
cat "$OUT"
