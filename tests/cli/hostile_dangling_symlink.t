#exit 2
#stderr-has gone.txt: No such file or directory
#stdout-has 1 documents
ln -s nowhere.txt gone.txt
"$WT" compare gone.txt "$ROOT/corpora/demo/wire.txt"
