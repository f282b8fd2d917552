#exit 64
#stderr-has wiretrace: index query needs --db FILE
"$WT" index query "$ROOT/corpora/demo/wire.txt"
