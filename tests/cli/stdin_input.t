#exit 1
#stdout-has from wire.txt
"$WT" compare - "$ROOT/corpora/demo/wire.txt" < "$ROOT/corpora/demo/reprint.txt"
