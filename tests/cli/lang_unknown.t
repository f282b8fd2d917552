#exit 2
#stderr-has no language profile
#stderr-has wire.txt
"$WT" compare --lang xx "$ROOT/corpora/lang/ko/wire.txt" "$ROOT/corpora/lang/ko/reprint.txt"
