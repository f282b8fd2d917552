#exit 0
#stderr-has index write failed
# index add printed "added" for each article as soon as it was put in
# the open batch; when the batch's commit then failed (a full disk), the
# articles were reported added, the summary counted them and the run
# exited 0, while the index did not hold them.  Now a status is printed
# only after its batch commits, every article of a lost batch is
# "failed", and the run exits 74.  The disk is made full with a file
# size limit (RLIMIT_FSIZE, SIGXFSZ ignored so that writes fail with
# EFBIG), the same on every machine.
python3 - <<'PY' || exit 99
import json, random
r = random.Random(7)
words = ["w%04d" % i for i in range(3000)]
with open("feed.jsonl", "w") as f:
    for i in range(60):
        paras = [" ".join(r.choice(words) for _ in range(60)) + "."
                 for _ in range(5)]
        f.write(json.dumps({"id": "a%03d" % i, "text": "\n\n".join(paras)})
                + "\n")
PY
echo '{"id": "seed", "text": "The first article of the index."}' > seed.jsonl
"$WT" index add -q --db x.db seed.jsonl || exit 98
(trap '' XFSZ; ulimit -f 256
 "$WT" index add --batch 5 --db x.db --format jsonl feed.jsonl > out.jsonl)
rc=$?
[ $rc = 74 ] || { echo "exit $rc, expected 74" >&2; exit 1; }
lines=$(grep -c . out.jsonl)
added=$(grep -c '"status":"added"' out.jsonl)
failed=$(grep -c '"status":"failed","error":"index write failed' out.jsonl)
docs=$("$WT" index stats --db x.db | sed -n 's/^documents *//p')
echo "lines $lines added $added failed $failed documents $docs" >&2
[ "$lines" = 60 ] || { echo "one status per article expected" >&2; exit 2; }
[ "$failed" -ge 5 ] || { echo "no lost batch: limit too high?" >&2; exit 3; }
[ $((added + failed)) = 60 ] || exit 4
[ "$docs" = $((added + 1)) ] || { echo "added lines disagree with the index" >&2; exit 5; }
