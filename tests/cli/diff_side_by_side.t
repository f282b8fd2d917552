#exit 1
#stdout diff_side_by_side.out
# Two columns of 80, shared names and numbers between asterisks.
COLUMNS=80 "$WT" diff --side-by-side "$ROOT/corpora/demo/wire.txt" "$ROOT/corpora/demo/rewrite.txt"
