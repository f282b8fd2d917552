#exit 1
#stdout diff_color.out
# --color: red and green instead of markers, even into a pipe.
"$WT" diff --color "$ROOT/corpora/demo/wire.txt" "$ROOT/corpora/demo/edited.txt"
