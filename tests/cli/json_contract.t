#exit 1
#stdout-has "class": "verbatim"
#stdout-has "origin": "other"
#stdout-has "spans": [
"$WT" compare --json "$ROOT/corpora/demo/wire.txt" "$ROOT/corpora/demo/reprint.txt"
