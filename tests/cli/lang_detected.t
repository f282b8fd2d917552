#exit 1
#stdout-has wire.txt  (ko,
#stdout-has wire.txt  (ru,
#stdout-has verbatim
# Korean and Russian stories in one run: each language is identified and
# each reprint links to its own wire story.
"$WT" compare "$ROOT/corpora/lang/ko/wire.txt" "$ROOT/corpora/lang/ko/reprint.txt" "$ROOT/corpora/lang/ru/wire.txt" "$ROOT/corpora/lang/ru/renumbered.txt"
