#exit 0
#stdout-has 2 documents, 21 paragraphs
#stdout-has html ok
# --html writes the page besides the normal report on stdout.
"$WT" compare --html out.html "$ROOT/corpora/demo/wire.txt" "$ROOT/corpora/demo/edited.txt"
[ $? = 1 ] || exit 3
head -c 15 out.html | grep -q '<!DOCTYPE html>' || exit 4
grep -q '<mark class="edited"' out.html || exit 5
grep -q '<svg class="graph"' out.html || exit 6
grep -q 'edited.txt took from wire.txt' out.html || exit 7
echo html ok
