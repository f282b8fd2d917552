#exit 0
#stderr-has empty.txt: empty file, no paragraphs
#stderr-has blank.txt: no text, no paragraphs
#stdout-has 3 documents
: > empty.txt
printf ' \n\t\n\n' > blank.txt
"$WT" compare empty.txt blank.txt "$ROOT/corpora/demo/unrelated.txt"
