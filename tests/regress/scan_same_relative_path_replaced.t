#exit 0
#stderr-has b/x.txt: another input is named x.txt: named b/x.txt
#stderr-has link.txt is the same file as a/x.txt: read once
# The same relative path below two scan folders gave two documents one
# id: in memory the report could not tell them apart, through an index
# the second replaced the first.  A file and a symbolic link to it were
# two documents, each a 100% copy of the other.  Ids are now unique per
# run (clashing ones named by their paths, then #2, #3...) and one file
# is one input, each change noted on stderr.
D="$ROOT/corpora/demo"
mkdir a b
cp "$D/wire.txt" a/x.txt && cp "$D/reprint.txt" b/x.txt || exit 99
"$WT" scan --json a b > mem.json; [ $? = 1 ] || exit 1
"$WT" scan --db s.db a b > /dev/null; [ $? = 1 ] || exit 2
n=$("$WT" index stats --db s.db | sed -n 's/^documents *//p')
[ "$n" = 2 ] || { echo "the index holds $n documents, expected 2" >&2; exit 3; }
python3 -c '
import json
ids = sorted(d["id"] for d in json.load(open("mem.json"))["documents"])
assert ids == ["a/x.txt", "b/x.txt"], ids' || exit 4
ln -s a/x.txt link.txt
"$WT" compare link.txt a/x.txt > one.txt; rc=$?
[ $rc = 0 ] || { echo "a file and its link: exit $rc, expected 0" >&2; exit 5; }
grep -q "^wiretrace 0.1.0: 1 documents" one.txt || exit 6
