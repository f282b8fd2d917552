#exit 2
#stderr-has wiretrace: nope.txt: No such file or directory
#stdout-has verbatim
"$WT" compare nope.txt "$ROOT/corpora/demo/wire.txt" "$ROOT/corpora/demo/reprint.txt"
