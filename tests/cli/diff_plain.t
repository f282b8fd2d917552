#exit 1
#stdout diff_plain.out
# Plain markers when stdout is not a terminal; unmatched paragraphs after.
"$WT" diff "$ROOT/corpora/demo/wire.txt" "$ROOT/corpora/demo/edited.txt"
