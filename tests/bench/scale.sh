#!/bin/sh
# scan and compare as the corpus grows, beside the peers: part of
# tests/bench/run.sh, also runnable alone.
#
#   sh tests/bench/scale.sh [N...]      default: 1000 4000 16000 64000
#
# For each N, the seeded generator's first N articles (tests/bench/
# gen_corpus.py: Reuters-21578 and BBC News stories, reprints, edits and
# rewrites) are written as N text files with their header block (Title:,
# Outlet:, Date:), then timed on one core with GNU time, CPU seconds and
# peak RSS:
#   wiretrace scan -j 1 --json DIR         (the default: in memory up to
#                                           --in-memory-max, else an index)
#   wiretrace compare -j 1 --json FILE...  (always in memory)
#   minhash_lsh.py DIR                     (datasketch's MinHash + LSH
#                                           algorithm, numpy; see the file)
#   ssdeep -r -d DIR, tlsh -xref -r DIR    (hash and compare all pairs;
#                                           quadratic, so only up to 16k)
#   simhash -w FILE...                     (hashes only, no pairing)
# plus the same for the 15,149 Reuters-21578 bodies of 300 bytes or more
# (tests/bench/reuters_bodies.py), the issue's reference set.  Growth is
# the ratio of CPU time to the size before (x4 articles); peers' ratios
# are wiretrace scan's CPU time over theirs, same run.
# compare runs with WT_PROFILE=1: a second table gives its per-document
# stages, its cross-document stage and the paragraph pairs it scored and
# linked at each size.
# Writes the markdown section to stdout.  Needs ../shared/data.
set -eu
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SIZES=${*:-1000 4000 16000 64000}
TMP=${WT_BENCH_TMP:-/tmp/wt-bench}
DATA=${WT_DATA:-$ROOT/../shared/data}
W=${WT_BENCH_EXE:-$ROOT/build-bench/src/cli/wiretrace}
B=${WT_BENCH_PROG:-$(dirname "$W")/../../tests/wt_bench}
PY=/usr/bin/python3 # Debian's, with python3-numpy
QUAD_MAX=${WT_BENCH_QUAD_MAX:-16000}
mkdir -p "$TMP"
say() { printf '%s\n' "$*" >&2; }

# files N DIR: the first N generated articles as DIR/NNNNNN.txt.
files() {
    [ -d "$2" ] && return 0
    if [ ! -s "$TMP/c$1.jsonl" ]; then
        nice -n 19 python3 tests/bench/gen_corpus.py "$1" --data "$DATA" \
            --out "$TMP/c$1.jsonl"
    fi
    python3 - "$TMP/c$1.jsonl" "$2.part" <<'EOF'
import json, os, sys
os.makedirs(sys.argv[2])
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    a = json.loads(line)
    head = "".join("%s: %s\n" % (k, a[f]) for k, f in
                   (("Title", "title"), ("Outlet", "outlet"),
                    ("Date", "published")) if a.get(f))
    with open("%s/%06d.txt" % (sys.argv[2], i), "w", encoding="utf-8") as f:
        f.write(head + "\n" + a["text"] + "\n")
EOF
    mv "$2.part" "$2"
}

# timed NAME DIR cmd...: runs cmd in DIR; leaves "cpu rss_mb wall" in
# $TMP/t.NAME
# (exit 1 is a normal answer for wiretrace: reuse found).
timed() {
    name=$1; dir=$2; shift 2
    (cd "$dir" && /usr/bin/time -f "%U %S %M %e" -o "$TMP/time.raw" \
        nice -n 10 "$@" > "$TMP/out.$name" 2> "$TMP/err.$name") || true
    tail -n 1 "$TMP/time.raw" |
        awk '{printf "%.2f %.0f %.2f\n", $1 + $2, $3 / 1024, $4}' \
        > "$TMP/t.$name"
}
cpu() { cut -d' ' -f1 "$TMP/t.$1"; }
rss() { cut -d' ' -f2 "$TMP/t.$1"; }
wall() { cut -d' ' -f3 "$TMP/t.$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "–" }'; }
# peer SECONDS SCAN: a peer's cell, its CPU time and that over scan's, or
# "–" when the peer did not run.
peer() {
    if [ "$1" = "–" ]; then printf '–'; else printf '%s s (%s)' "$1" "$(ratio "$1" "$2")"; fi
}

# evidence LABEL N: appends to $TMP/evidence the row of compare's run
# just timed: its CPU, its per-document stages, its cross-document stage
# and the paragraph pairs that stage scored, passed to the tiling and
# linked (from --profile), each with its growth over the row before of
# the same corpus.
evidence() {
    e=$TMP/err.compare
    stage=$(awk '$1 == "analysis" { print $2 }' "$e")
    each=$(awk '$1 ~ /^(input|language|paragraphs|credits|words|shingles)$/ \
        { s += $2 } END { printf "%.2f", s }' "$e")
    set -- "$1" "$2" $(sed -n 's/.*documents: \([0-9]*\) scored, \([0-9]*\) past.*, \([0-9]*\) linked$/\1 \2 \3/p' "$e")
    [ $# -eq 5 ] || set -- "$1" "$2" 0 0 0
    now="$(cpu compare) $each $stage $3 $4 $5"
    was=$(cat "$TMP/evidence.last" 2>/dev/null || true)
    [ "$1" = "$(cat "$TMP/evidence.label" 2>/dev/null || true)" ] || was=""
    printf '%s\n' "$now" > "$TMP/evidence.last"
    printf '%s\n' "$1" > "$TMP/evidence.label"
    awk -v l="$1" -v n="$2" -v now="$now" -v was="$was" 'BEGIN {
        split(now, a, " "); k = split(was, b, " ")
        printf "| %s | %s |", l, n
        for (i = 1; i <= 6; i++) {
            v = i <= 3 ? sprintf("%.2f s", a[i]) : sprintf("%d", a[i])
            g = (k == 6 && b[i] > 0) ? sprintf(" (%.1f×)", a[i] / b[i]) : ""
            printf " %s%s |", v, g
        }
        printf " %.1f |\n", (a[6] > 0 ? a[3] * 1e6 / a[6] : 0)
    }' >> "$TMP/evidence"
}

# row LABEL DIR PREV: measures one corpus, prints its table row.
row() {
    label=$1; dir=$2; prev=$3
    # A run stopped during simhash below leaves its *.sim files: counted
    # out, and gone before the peers read the folder.
    find "$dir" -name '*.sim' -exec rm -f {} +
    n=$(find "$dir" -name '*.txt' | wc -l)
    # find, not a glob: 64,000 full paths (2 MB) are past the kernel's
    # argument limit (compare below is given names relative to the folder,
    # 0.7 MB at 64,000)
    mb=$(find "$dir" -name '*.txt' -exec cat {} + | wc -c |
        awk '{printf "%.1f", $1 / 1e6}')
    say "scale: $label ($n files, $mb MB)"
    timed scan "$dir" "$W" scan -q -j 1 --json .
    # The profile (stage times and the pairs scored) of the same run: a
    # few clock reads a document.
    timed compare "$dir" env WT_PROFILE=1 sh -c \
        'exec "$0" compare -q -j 1 --json *.txt' "$W"
    evidence "$label" "$n"
    timed lsh "$dir" "$PY" "$ROOT/tests/bench/minhash_lsh.py" .
    if [ "$n" -le "$QUAD_MAX" ]; then
        timed ssdeep "$dir" ssdeep -s -r -d .
        timed tlsh "$dir" tlsh -xref -r .
        ss=$(cpu ssdeep); tl=$(cpu tlsh)
    else
        ss="–"; tl="–"
    fi
    # simhash -w writes FILE.sim beside each file: last, then removed.
    timed simhash "$dir" sh -c 'ls | grep "\.txt$" | xargs simhash -w'
    find "$dir" -name '*.sim' -exec rm -f {} +
    sc=$(cpu scan)
    growth="–"
    [ -n "$prev" ] && growth=$(ratio "$sc" "$prev")
    printf '| %s | %s | %s | %s s, %s MB | %s | %s s, %s MB | %s | %s | %s | %s | %s |\n' \
        "$label" "$n" "$mb" "$sc" "$(rss scan)" "$growth" \
        "$(cpu compare)" "$(rss compare)" \
        "$(peer "$(cpu lsh)" "$sc")" "$(peer "$ss" "$sc")" \
        "$(peer "$tl" "$sc")" "$(peer "$(cpu simhash)" "$sc")" \
        "$(awk -v m="$mb" -v r="$(rss scan)" 'BEGIN { printf "%.0f", r / m }')"
    echo "$sc" > "$TMP/prev"
}

echo "## scan and compare as the corpus grows, beside the peers"
echo
echo "One core each (\`-j 1\`), CPU seconds (user + system) and peak RSS from GNU time."
echo "Growth: scan's CPU time over the size before (4× the articles). A peer's column"
echo "gives its CPU time and, in brackets, that time over wiretrace scan's (above 1:"
echo "wiretrace is faster). ssdeep and tlsh compare every pair of hashes (quadratic), so"
echo "they run up to $QUAD_MAX articles; simhash only hashes. The LSH peer is"
echo "\`minhash_lsh.py\`: datasketch's algorithm on numpy (datasketch itself is not"
echo "installable here)."
echo
echo "| corpus | articles | MB | scan -j 1 | growth | compare -j 1 | MinHash+LSH | ssdeep -d | tlsh -xref | simhash -w | scan RSS bytes per input byte |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
prev=""
rm -f "$TMP/evidence" "$TMP/evidence.last" "$TMP/evidence.label"
for n in $SIZES; do
    files "$n" "$TMP/f$n"
    row "generated" "$TMP/f$n" "$prev"
    prev=$(cat "$TMP/prev")
done
if [ ! -d "$TMP/reuters" ]; then
    python3 tests/bench/reuters_bodies.py "$TMP/reuters.jsonl" --data "$DATA" \
        --dir "$TMP/reuters.part" >&2
    mv "$TMP/reuters.part" "$TMP/reuters"
fi
row "Reuters-21578 bodies" "$TMP/reuters" ""
RB=$(find "$TMP/reuters" -name "*.txt" -exec cat {} + | wc -c)
RSCAN=$(cpu scan)
RLSH=$(cpu lsh)
R1=$(wall scan)
timed scan2 "$TMP/reuters" "$W" scan -q -j 2 --json .
LIMIT=$(nice -n 10 "$B" limit "$TMP/reuters.jsonl" | sed -n 's/^limit_mb_s //p')
echo
echo "On the Reuters bodies ($(awk -v b="$RB" 'BEGIN { printf "%.1f", b / 1e6 }') MB): scan -j 1 runs at"
echo "$(awk -v b="$RB" -v t="$RSCAN" 'BEGIN { printf "%.2f", b / t / 1e6 }') MB/s per core, $(awk -v b="$RB" -v t="$RSCAN" -v l="$LIMIT" 'BEGIN { printf "%.3f", b / t / 1e6 / l }') of the chain limit"
echo "(ICU word break + Snowball + XXH3 alone: $LIMIT MB/s, same run), and"
echo "$(ratio "$RLSH" "$RSCAN")× the speed of MinHash+LSH (target 5×, 0.3 of the chain limit)."
# compare's per-document stages on the same files (its profile, the
# evidence table's last row): what no cross-document stage can go below.
REACH=$(cut -d' ' -f2 "$TMP/evidence.last")
echo "Its per-document stages alone (compare's profile, below) take $REACH s:"
echo "$(awk -v b="$RB" -v t="$REACH" -v l="$LIMIT" 'BEGIN { printf "%.3f", b / t / 1e6 / l }') of the chain limit and $(ratio "$RLSH" "$REACH")× the speed of MinHash+LSH, with nothing after them."
echo "scan -j 2: $(wall scan2) s of wall clock against $R1 s with -j 1, a speed-up of"
echo "$(ratio "$R1" "$(wall scan2)") (CPU $(cpu scan2) s against $RSCAN s; load average $(cut -d' ' -f1-3 /proc/loadavg):"
echo "on a busy machine the second thread shares a core)."
echo
echo "### What compare's time grows with"
echo
echo "The same compare runs, with their profile (\`WT_PROFILE=1\`): the per-document"
echo "stages' CPU time (input to shingles), the cross-document"
echo "stage's CPU time and the paragraph pairs of different documents it scored (they"
echo "shared a shingle or enough rare words), passed to the tiling (past the evidence"
echo "floor) and linked; in brackets the growth over the row above. A corpus whose"
echo "linked pairs grow faster than its articles makes compare grow faster than 16×"
echo "from 1k to 16k however the stage is built; its time per linked pair is the"
echo "figure that should stay flat."
echo
echo "| corpus | articles | compare -j 1 | per-document stages | cross-document stage | pairs scored | past the floor | linked | µs of the stage per linked pair |"
echo "|---|---|---|---|---|---|---|---|---|"
cat "$TMP/evidence"
