#!/bin/sh
# The layering test: src/ follows the Allowed edges table of
# ARCHITECTURE.md (tests/layering/check_includes.py), and the check itself
# still catches a forbidden edge and a cycle (a copy of the tree with
# translate.c including corpus.h, which includes analyze.h, which includes
# translate.h).
set -u
ROOT=${1:-${WT_SOURCE_ROOT:-.}}
CHECK="$ROOT/tests/layering/check_includes.py"
python3 "$CHECK" "$ROOT" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R "$ROOT/src" "$tmp/src"
cp "$ROOT/ARCHITECTURE.md" "$tmp/"
printf '#include "corpus.h"\n' >> "$tmp/src/lib/translate.c"
if python3 "$CHECK" "$tmp" > "$tmp/out"; then
    echo "layering: a forbidden edge was not caught"; exit 1
fi
grep -q "translate -> corpus" "$tmp/out" && grep -q "^cycle:" "$tmp/out" || {
    echo "layering: the check did not name the edge and the cycle:"
    cat "$tmp/out"; exit 1; }
echo "layering: a forbidden edge and a cycle are caught"
