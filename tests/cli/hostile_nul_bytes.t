#exit 2
#stderr-has nul.txt: not a text file (NUL bytes), skipped
#stdout-has 2 documents
#stdout-has verbatim
printf 'A story that looks like text\000 but holds a NUL byte.\n' > nul.txt
"$WT" compare nul.txt "$ROOT/corpora/demo/wire.txt" "$ROOT/corpora/demo/reprint.txt"
