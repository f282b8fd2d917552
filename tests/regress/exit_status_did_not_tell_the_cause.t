#exit 0
#stderr-has not a wiretrace index
# Every failure exited 2, so a script could not tell a bad input from a
# damaged index or a failed write.  Now: 2 input, 65 not an index, 74 a
# write failed, 64 usage; with several causes, the most severe.
D="$ROOT/corpora/demo"
fail=0
expect() {
    want=$1; shift
    "$@" > /dev/null 2>> err.txt
    got=$?
    [ $got = "$want" ] || { echo "$*: exit $got, expected $want" >&2; fail=1; }
}
echo "just some notes, not an index" > notes.db
expect 65 "$WT" index stats --db notes.db
expect 65 "$WT" index query --db notes.db "$D/wire.txt"
expect 2 "$WT" compare "$D/wire.txt" missing.txt
# A missing input (2) and an unwritable HTML page (74): 74.
expect 74 "$WT" compare --html /nonexistent/dir/x.html "$D/wire.txt" missing.txt
expect 64 "$WT" compare --shingle 99 "$D/wire.txt"
cat err.txt >&2
exit $fail
