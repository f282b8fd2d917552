#exit 0
#stdout-has same report and messages
# -j N reads the files of an in-memory scan on N threads: the documents
# join the corpus, and the messages about each file (a binary file, an
# empty one, bytes that are not UTF-8) reach stderr, in input order, as
# with one thread.  Language profiles differ from file to file.
mkdir d
cp "$ROOT"/corpora/demo/* d/
i=0
for f in "$ROOT"/corpora/lang/*/*.txt; do
    [ -f "$f" ] || continue
    i=$((i + 1)); cp "$f" "d/lang$i.txt"
    [ $i -ge 12 ] && break
done
printf 'PNG\000\000\001' > d/a_img.txt
: > d/m_empty.txt
printf 'Title: Odd bytes\n\nThe port reopened \377 on Monday after the strike.\n' > d/z_bytes.txt
st1=0; st2=0
"$WT" scan -j 1 --json d > one.json 2> one.err || st1=$?
"$WT" scan -j 3 --json d > three.json 2> three.err || st2=$?
[ "$st1" = "$st2" ] && [ "$st1" = 2 ] || { echo "exit $st1 and $st2" >&2; exit 3; }
grep -q "a_img.txt: not a text file" three.err || exit 4
grep -q "m_empty.txt" three.err || exit 5
cmp one.json three.json >&2 || exit 6
cmp one.err three.err >&2 || exit 7
echo same report and messages
