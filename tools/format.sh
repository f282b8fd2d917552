#!/bin/sh
# The C sources formatted by .clang-format (STYLE.md: boring, uniform).
#   sh tools/format.sh check   list the files clang-format would change;
#                              exit 1 if any (a test of the suite)
#   sh tools/format.sh fix     reformat them in place
# Fuzz corpora and generated files are not sources.
set -eu
cd "$(dirname "$0")/.."
mode=${1:-check}
if ! command -v clang-format >/dev/null 2>&1; then
    echo "format: clang-format is not installed (Debian: clang-format)" >&2
    exit 77
fi
files=$(find src include tests -type f \( -name '*.c' -o -name '*.h' \
        -o -name '*.cc' \) ! -path '*/corpus/*' | sort)
case "$mode" in
fix)
    clang-format -i $files
    ;;
check)
    # One clang-format for all files: one a file took most of the test's
    # time limit on a busy machine.
    if out=$(clang-format --dry-run --Werror $files 2>&1); then
        echo "format: $(echo "$files" | wc -l) files as .clang-format says"
        exit 0
    fi
    bad=$(echo "$out" | sed -n \
        's/^\([^:]*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' |
        sort -u)
    [ -n "$bad" ] || echo "$out" >&2
    for f in $bad; do
        echo "format: $f differs from .clang-format (sh tools/format.sh fix)"
    done
    exit 1
    ;;
*)
    echo "usage: sh tools/format.sh [check|fix]" >&2
    exit 64
    ;;
esac
