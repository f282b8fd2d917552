#exit 1
#stdout-has verbatim
"$WT" compare "$ROOT/corpora/demo/wire.txt" "$ROOT/corpora/demo/reprint.txt"
