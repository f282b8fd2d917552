#exit 1
#stdout-has "lang": "en"
# --lang overrides identification: Korean files read as English still
# link (the same text), and every document and paragraph says "en".
"$WT" compare --json --lang en "$ROOT/corpora/lang/ko/wire.txt" "$ROOT/corpora/lang/ko/reprint.txt" > out.json
status=$?
cat out.json
! grep -q '"lang": "ko"' out.json || exit 9
exit $status
