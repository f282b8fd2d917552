#!/bin/sh
# Golden outputs: whole outputs of the command kept in tests/golden/ and
# compared byte for byte, so that every change in results shows as a diff
# to review (the way zstd keeps tests/regression/results.csv).
#
#   sh tests/golden/run.sh WT            compare; show the diff of each
#                                        output that changed
#   sh tests/golden/run.sh WT --update   write the expected outputs again
#
# WT is the wiretrace binary.  Every command runs from the source root with
# relative paths, so that no output depends on where the checkout is.
# sh tests/golden/update.sh BUILD builds BUILD and updates.
set -u
[ $# -ge 1 ] || { echo "usage: run.sh WT [--update]" >&2; exit 64; }
case "$1" in /*) WT=$1 ;; *) WT=$(pwd)/$1 ;; esac
update=0
[ "${2:-}" = --update ] && update=1
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# golden NAME EXIT COMMAND...: COMMAND must exit with EXIT and print
# exactly tests/golden/NAME.
golden() {
    name=$1; want_exit=$2; shift 2
    "$@" > "$tmp/$name" 2> "$tmp/stderr"
    got=$?
    if [ "$got" != "$want_exit" ]; then
        echo "$name: exit $got, expected $want_exit; stderr:"
        cat "$tmp/stderr"
        fail=1
    elif [ $update = 1 ]; then
        cp "$tmp/$name" "tests/golden/$name"
        echo "wrote tests/golden/$name"
    elif diff -u --label "tests/golden/$name (expected)" \
            --label "$name (this build)" "tests/golden/$name" "$tmp/$name"
    then
        echo "$name: same"
    else
        echo "$name differs from tests/golden/$name (above); if the change" \
             "is right: sh tests/golden/update.sh BUILD, and commit the diff"
        fail=1
    fi
}

# The provenance of every paragraph of corpora/demo, as JSON: documents,
# paragraphs, byte ranges, classes, scores, origins, spans and pairs.
golden demo_compare.json 1 "$WT" compare --json corpora/demo/edited.txt \
    corpora/demo/reprint.txt corpora/demo/rewrite.txt \
    corpora/demo/unrelated.txt corpora/demo/wire.txt

# The article `extract` finds in the saved web page of corpora/pages:
# metadata, paragraphs and the byte ranges of each in the page.
golden demo_extract.json 0 "$WT" extract --json corpora/pages/reprint.html

exit $fail
