#exit 2
#stderr-has img.txt: not a text file (NUL bytes), skipped
#stdout-has 2 documents
printf 'PNG\000\000\001' > img.txt
"$WT" compare img.txt "$ROOT/corpora/demo/wire.txt" "$ROOT/corpora/demo/unrelated.txt"
