#exit 0
#stderr-has fifo.txt: a FIFO, not a regular file: skipped
#stderr-has /dev/zero: a device, not a regular file: skipped
#stderr-has big.jsonl:2: longer than the record limit of 1048576 bytes (--max-record), line skipped
# index add and query read a text operand whole before looking at it: a
# FIFO blocked the run, /dev/zero grew memory until it failed, and a
# JSON Lines line was read whole however long (getline), so a line
# longer than memory ended the feed.  Files are now stat'ed first
# (regular files only, at most 1 GiB) and JSON Lines records are read
# with a limit (--max-record, default 64 MB): a longer line is named
# and skipped, the rest of the feed is read.
fail=0
expect() {
    want=$1; label=$2; shift 2
    timeout 60 "$@" > /dev/null 2> err1.txt
    got=$?
    sed "s/^/$label:/" err1.txt >> err.txt
    [ $got = "$want" ] || { echo "$label: exit $got, expected $want" >&2; fail=1; }
}
mkfifo fifo.txt || exit 99
# AddressSanitizer reserves terabytes of address space: no ulimit -v there,
# and no record larger than memory (the stdin-feed case below).
asan=${ASAN_OPTIONS:+1}
limit() { [ -n "$asan" ] || ulimit -v "$1"; }
(limit 2000000
 expect 2 fifo "$WT" index add --db w.db fifo.txt "$ROOT/corpora/demo/wire.txt"
 expect 2 zero "$WT" index add --db w.db /dev/zero
 expect 2 query "$WT" index query --db w.db /dev/zero "$ROOT/corpora/demo/reprint.txt"
 exit $fail) || fail=1
python3 -c '
import json
print(json.dumps({"id": "a", "text": "The first article of the feed."}))
print(json.dumps({"id": "big", "text": "x" * 3000000}))
print(json.dumps({"id": "c", "text": "The last article of the feed."}))' > big.jsonl
expect 2 big "$WT" index add --db b.db --max-record 1 big.jsonl
grep -q "big:wiretrace: index: 2 added" err.txt || { echo "big: the rest not read" >&2; fail=1; }
# A record longer than memory: skipped as such (71), the next one read.
python3 -c '
import json, sys
print(json.dumps({"id": "a", "text": "The first article of the feed."}))
sys.stdout.write("{\"id\": \"huge\", \"text\": \"")
for _ in range(600):
    sys.stdout.write("y" * (1 << 20))
print("\"}")
print(json.dumps({"id": "c", "text": "The last article of the feed."}))' |
    if [ -n "$asan" ]; then cat > /dev/null; else
    (limit 700000; expect 71 stdin-feed "$WT" index add --db m.db --max-record 4096 -; exit $fail) || fail=1
    grep -q "stdin-feed:wiretrace: index: 2 added" err.txt || { echo "stdin-feed: the rest not read" >&2; fail=1; }
    grep -q "standard input:2: out of memory reading the record, line skipped" err.txt ||
        { echo "stdin-feed: the long record not named" >&2; fail=1; }
    fi
cat err.txt >&2
exit $fail
