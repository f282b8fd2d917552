#exit 0
#stdout-has profile ok
# --profile prints each stage's CPU time and the paragraph pairs the
# cross-document stage scored, passed to the tiling and linked: a
# reprint's paragraphs are scored and linked, so every count is at least
# one and none above the one before it.
set +e
"$WT" compare --profile -q "$ROOT/corpora/demo/wire.txt" \
    "$ROOT/corpora/demo/reprint.txt" > /dev/null 2> err
[ $? -eq 1 ] || { echo "exit $?"; exit 1; }
grep -q '^  analysis ' err || { cat err; exit 1; }
set -- $(sed -n 's/^  paragraph pairs across documents: \([0-9]*\) scored, \([0-9]*\) past the evidence floor, \([0-9]*\) linked$/\1 \2 \3/p' err)
[ $# -eq 3 ] && [ "$3" -ge 1 ] && [ "$2" -ge "$3" ] && [ "$1" -ge "$2" ] ||
    { cat err; exit 1; }
echo profile ok
