#exit 0
#stderr-has wiretrace: write error:
# A full disk or a closed output went unnoticed: index stats, index
# query and index add --format jsonl exited 0 with nothing written, and
# compare said "cannot write the report" with the status of a bad input.
# Every command now checks standard output at the end and exits 74.
D="$ROOT/corpora/demo"
"$WT" index add -q --db w.db "$D/wire.txt" "$D/edited.txt" || exit 99
fail=0
check() {
    "$@" > /dev/full 2>> err.txt
    got=$?
    [ $got = 74 ] || { echo "$*: exit $got, expected 74" >&2; fail=1; }
}
check "$WT" compare "$D/wire.txt" "$D/reprint.txt"
check "$WT" compare --json "$D/wire.txt" "$D/reprint.txt"
check "$WT" scan "$D"
check "$WT" diff "$D/wire.txt" "$D/edited.txt"
check "$WT" index query --db w.db "$D/reprint.txt"
check "$WT" index add --db w2.db --format jsonl "$D/wire.txt"
check "$WT" index stats --db w.db
check "$WT" --help
n=$(grep -c '^wiretrace: write error: ' err.txt)
[ "$n" = 8 ] || { echo "write error told $n times, expected 8" >&2; fail=1; }
cat err.txt >&2
exit $fail
