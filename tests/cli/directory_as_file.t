#exit 2
#stderr-has somedir: Is a directory
mkdir somedir
"$WT" compare somedir "$ROOT/corpora/demo/wire.txt"
