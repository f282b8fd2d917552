#!/bin/sh
# The test programs under valgrind's memcheck: not part of the suite (it
# takes many minutes), run by hand before a release.
#
#   sh tests/valgrind/run.sh [BUILD_DIR]      default: build
#
# Runs every unit and e2e test binary (traced into the workers Criterion
# starts by running itself again), every fuzz replay over its seed corpus, and the CLI
# cases of tests/cli with $WT pointing at a wrapper that runs wiretrace
# under valgrind.  A memory error or a definite leak makes the program
# exit 99, which fails its test.  Shell tools the CLI cases call (sh,
# sed, python3) are not traced: only wiretrace itself is.
set -u
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
B=${1:-build}
VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --trace-children=no"
export WT_SOURCE_ROOT="$ROOT" WT_SEEDS="$ROOT/../shared/corpora/seeds"
export LD_LIBRARY_PATH="$ROOT/$B/src/lib"
[ -x "$B/tests/test_corpus" ] ||
    { echo "valgrind: build the suite first (sh tools/setup.sh build -Dtests=true)" >&2; exit 2; }
pass=0; fail=0
check() { # NAME command...
    name=$1; shift
    if "$@" > /tmp/wt-vg.out 2>&1; then
        pass=$((pass + 1)); printf '%-28s ok\n' "$name"
    else
        fail=$((fail + 1)); printf '%-28s FAILED\n' "$name"
        grep -E "==[0-9]+==|FAIL|lacks|expected" /tmp/wt-vg.out | head -20
    fi
}
for t in "$B"/tests/test_*; do
    [ -x "$t" ] && [ -f "$t" ] || continue
    check "$(basename "$t")" $VG --trace-children=yes "$t" --jobs 1
done
for t in "$B"/tests/fuzz/replay_*; do
    [ -x "$t" ] && [ -f "$t" ] || continue
    n=${t##*/replay_}
    check "fuzz_$n" $VG "$t" "$ROOT/tests/fuzz/corpus/$n"
done
wrap=$(mktemp)
# glibc.malloc.hugetlb=0: the in-memory commands would otherwise run
# themselves again with it (src/cli/heap.h), out of valgrind's sight.
printf '#!/bin/sh\nGLIBC_TUNABLES=glibc.malloc.hugetlb=0 exec %s %s "$@"\n' "$VG" "$ROOT/$B/src/cli/wiretrace" > "$wrap"
chmod +x "$wrap"
check cli sh tests/cli/run_cli_tests.sh "$wrap" "$ROOT/tests/cli"
rm -f "$wrap"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
