#exit 64
#stderr-has diff needs two files
"$WT" diff "$ROOT/corpora/demo/wire.txt"
