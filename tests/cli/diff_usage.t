#exit 2
# diff exits as diff(1) does: 2 for trouble of any kind, usage included.
#stderr-has diff needs two files
"$WT" diff "$ROOT/corpora/demo/wire.txt"
