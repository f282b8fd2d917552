#exit 2
#stdout-has documents abc.txt reprint.txt
# A scan through an index marked the files whose add failed by the order
# the articles landed, not by their place among the files: after a file
# that was never read (over the size limit), a file that failed marked its
# good neighbour, which the query pass then left out; files never read
# were read, and named, a second time.
mkdir d
truncate -s 1100M d/aaa.txt || exit 9
cp "$ROOT/corpora/demo/wire.txt" d/abc.txt
printf 'binary\000data\n' > d/bin.txt
cp "$ROOT/corpora/demo/reprint.txt" d/reprint.txt
"$WT" scan --db s.db --json d > out.json 2> err.txt
rc=$?
[ "$(grep -c 'aaa.txt: too large' err.txt)" = 1 ] || { cat err.txt; exit 8; }
[ "$(grep -c 'bin.txt' err.txt)" = 1 ] || { cat err.txt; exit 7; }
python3 -c '
import json
d = json.load(open("out.json"))
print("documents", " ".join(x["id"] for x in d["documents"]))'
exit $rc
