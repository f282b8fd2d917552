#exit 0
# The same as index_add_told_added_before_commit on a real full file
# system: a small tmpfs.  Skipped (exit 0, noted) when mounting is not
# permitted.
mkdir mnt
if ! mount -t tmpfs -o size=400k tmpfs mnt 2>/dev/null; then
    echo "skipped: cannot mount a tmpfs here" >&2
    exit 0
fi
trap 'umount mnt' EXIT
python3 - <<'PY' || exit 99
import json, random
r = random.Random(11)
words = ["w%04d" % i for i in range(3000)]
with open("feed.jsonl", "w") as f:
    for i in range(80):
        paras = [" ".join(r.choice(words) for _ in range(60)) + "."
                 for _ in range(5)]
        f.write(json.dumps({"id": "a%03d" % i, "text": "\n\n".join(paras)})
                + "\n")
PY
"$WT" index add --batch 10 --db mnt/x.db --format jsonl feed.jsonl > out.jsonl 2> err.txt
rc=$?
cat err.txt >&2
[ $rc = 74 ] || { echo "exit $rc, expected 74" >&2; exit 1; }
added=$(grep -c '"status":"added"' out.jsonl)
failed=$(grep -c '"status":"failed"' out.jsonl)
docs=$("$WT" index stats --db mnt/x.db | sed -n 's/^documents *//p')
[ $((added + failed)) = 80 ] || exit 2
[ "$failed" -gt 0 ] || exit 3
[ "$docs" = "$added" ] || { echo "added $added, index holds $docs" >&2; exit 4; }
grep -q "index: $added added, 0 unchanged, 0 replaced, $failed failed (not stored); $docs in the index" err.txt || exit 5
