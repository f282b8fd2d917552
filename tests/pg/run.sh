#!/bin/sh
# The PostgreSQL index, on a server of its own started here on loopback
# (tests/pg/pg_server.sh) and thrown away at the end:
#   a. the same articles added to a SQLite index and to a database answer
#      every query and scan --db byte for byte alike (text and JSON), with
#      the same counts;
#   b. four `index add` at once on overlapping inputs, in different orders
#      and small batches: every article once, none lost, postings whole;
#   c. the same text again is unchanged, a changed text replaces, remove
#      removes; a database without the schema says to run index init;
#   d. the postings spread over two more servers by PL/Proxy (index init
#      --shard): the answers of (a), each shard only its own keys;
#   e. audit: the uses recorded as articles are added give the same audit
#      (text, JSON, CSV) in both stores, whatever the batch size; a
#      version 1 schema is brought up to date by index init, audit then
#      says the uses are missing and index relink records the same ones.
#   f. a third shard added to (d) by index init with the longer list: the
#      same answers, each shard only its keys under the new count; the
#      same list again rebuilds the same postings, a stray one dropped;
#      the index of (a), not sharded, moved to a shard answers as before.
# Skipped (77) only when the PostgreSQL server binaries are missing.
#   run.sh WIRETRACE_BINARY
set -u
WT=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=${WT_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/pg/pg_server.sh"
pg_find_bin || {
    echo "pg: no PostgreSQL server binaries (postgresql-15): skipped"
    exit 77
}

tmp=$(mktemp -d)
pg_own "$tmp" || exit 1
trap 'pg_stop "$tmp/pg"; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
fail() {
    echo "pg: FAIL: $*"
    exit 1
}
port=$(pg_start "$tmp/pg") ||
    { cat "$tmp/pg/"*.log; fail "cannot start PostgreSQL"; }
sql() { pg_sql "$port" "$@"; }
sql postgres "CREATE DATABASE wt" && sql postgres "CREATE DATABASE bare" &&
    sql postgres "CREATE DATABASE busy" || fail "cannot create databases"
URI="postgresql://postgres@127.0.0.1:$port/wt?sslmode=disable"
KV="host=127.0.0.1 port=$port user=postgres dbname=wt sslmode=disable"
cd "$tmp" || exit 1

# A missing schema: exit 65 as for a missing SQLite index, naming the
# database and what to run; nothing is made.
for sub in stats add; do
    "$WT" index $sub --db "postgresql://postgres@127.0.0.1:$port/bare" \
        "$ROOT/corpora/demo/wire.txt" 2>err.txt
    st=$?
    [ $st = 65 ] || fail "index $sub without a schema: exit $st"
    grep -q 'database "bare"' err.txt && grep -q 'index init' err.txt ||
        fail "index $sub without a schema: $(cat err.txt)"
done
[ "$(sql bare "SELECT count(*) FROM pg_namespace WHERE nspname =
    'wiretrace'")" = 0 ] || fail "a query made a schema"

# a. One corpus in both stores.
"$WT" index init --db "$URI" 2>err.txt || fail "init: $(cat err.txt)"
"$WT" index init --db "$KV" 2>err.txt || fail "init again: $(cat err.txt)"
"$WT" index init --db sq.db 2>err.txt || fail "init sqlite: $(cat err.txt)"
inputs="$ROOT/corpora/demo $ROOT/tests/cli/index_feed.jsonl
$ROOT/corpora/credits"
for db in sq.db "$URI"; do
    # shellcheck disable=SC2086
    "$WT" index add -q --batch 50 --db "$db" $inputs ||
        fail "index add --db $db"
done
queries="$ROOT/tests/cli/index_query.jsonl $ROOT/corpora/demo
$ROOT/corpora/credits"
for fmt in text json; do
    # shellcheck disable=SC2086
    "$WT" index query --format $fmt --db sq.db $queries >"q.$fmt.sqlite"
    echo $? >"st.$fmt.sqlite"
    # shellcheck disable=SC2086
    "$WT" index query --format $fmt --db "$URI" $queries >"q.$fmt.pg"
    echo $? >"st.$fmt.pg"
    [ -s "q.$fmt.pg" ] || fail "query --format $fmt printed nothing"
    cmp -s "q.$fmt.sqlite" "q.$fmt.pg" || {
        diff "q.$fmt.sqlite" "q.$fmt.pg" | head -20
        fail "query --format $fmt differs"
    }
    cmp -s "st.$fmt.sqlite" "st.$fmt.pg" || fail "exit statuses differ"
done
grep -q 'verbatim' q.text.pg || fail "the queries found no source"
# scan --db: the files already stored are queried as stored, alike.
for fmt in text json; do
    "$WT" scan -q --format $fmt --db sq.db "$ROOT/corpora/demo" >"s.$fmt.sqlite"
    "$WT" scan -q --format $fmt --db "$URI" "$ROOT/corpora/demo" >"s.$fmt.pg"
    [ -s "s.$fmt.pg" ] || fail "scan --format $fmt printed nothing"
    cmp -s "s.$fmt.sqlite" "s.$fmt.pg" || {
        diff "s.$fmt.sqlite" "s.$fmt.pg" | head -20
        fail "scan --db --format $fmt differs"
    }
done
grep -q 'verbatim' s.text.pg || fail "the scan found no source"
"$WT" index stats --format json --db sq.db | grep -v index_bytes >stats.sqlite
"$WT" index stats --format json --db "$KV" | grep -v index_bytes >stats.pg
cmp -s stats.sqlite stats.pg ||
    { diff stats.sqlite stats.pg; fail "index stats differ"; }
WIRETRACE_DB=$URI "$WT" index stats >stats.env || fail "WIRETRACE_DB"
grep -q "^documents  *$(sql wt "SELECT count(*) FROM wiretrace.docs")\$" \
    stats.env || fail "WIRETRACE_DB: $(cat stats.env)"

# e. Audit: the same uses in both stores, batches of 3 here and of 1000
# (one) in SQLite.
sql postgres "CREATE DATABASE aud" || fail "cannot create aud"
AUD="postgresql://postgres@127.0.0.1:$port/aud?sslmode=disable"
"$WT" index init --db "$AUD" 2>err.txt || fail "init aud: $(cat err.txt)"
ainputs="$ROOT/tests/cli/audit_feed.jsonl $ROOT/corpora/credits"
# shellcheck disable=SC2086
"$WT" index add -q --batch 3 --db "$AUD" $ainputs || fail "add aud"
# shellcheck disable=SC2086
"$WT" index add -q --db aud.db $ainputs || fail "add aud sqlite"
audit_same() { # audit_same WHAT DB_A DB_B: every format, two outlets alike
    for outlet in MPA "Meridian Press Agency" "Coastal Daily Record" Yonhap; do
        for fmt in text json csv; do
            "$WT" audit --format $fmt --outlet "$outlet" --db "$2" >au.a
            "$WT" audit --format $fmt --outlet "$outlet" --db "$3" >au.b
            cmp -s au.a au.b || {
                diff au.a au.b | head -20
                fail "$1: audit --outlet $outlet --format $fmt differs"
            }
        done
    done
}
audit_same "audit" aud.db "$AUD"
"$WT" audit --outlet MPA --format csv --db "$AUD" | grep -q '^outlet,,Valley Times' ||
    fail "audit: no use of MPA by Valley Times"
audit_same "audit of (a)" sq.db "$URI"
# An index made by schema version 1: init brings it to 2, and the uses of
# its articles are missing until index relink.
sql aud "DROP TABLE wiretrace.uses; DELETE FROM wiretrace.settings WHERE
    key = 'uses'; UPDATE wiretrace.settings SET value = '1' WHERE key =
    'schema_version'" || fail "cannot make a version 1 schema"
"$WT" audit --outlet MPA --db "$AUD" 2>err.txt
st=$?
[ $st = 65 ] && grep -q 'index init' err.txt ||
    fail "audit of a version 1 schema: exit $st, $(cat err.txt)"
"$WT" index init --db "$AUD" 2>err.txt || fail "init v1: $(cat err.txt)"
"$WT" audit --outlet MPA --db "$AUD" 2>err.txt
st=$?
[ $st = 65 ] && grep -q 'index relink' err.txt ||
    fail "audit before relink: exit $st, $(cat err.txt)"
"$WT" index relink -q --batch 4 --db "$AUD" || fail "relink"
audit_same "audit after relink" aud.db "$AUD"

# b. Four writers at once on overlapping inputs, two of them in reverse
# order: two commit everything in one batch at about the same moment
# (without the locks on ids, the later would fail on the unique id), two
# in batches of 7 (locks taken in input order would deadlock).
python3 - "$ROOT" <<'PY' || fail "cannot write the inputs"
import json, os, sys
root = sys.argv[1]
arts = []
for d in ("corpora/credits", "corpora/demo"):
    for n in sorted(os.listdir(os.path.join(root, d))):
        if n.endswith(".txt"):
            with open(os.path.join(root, d, n), encoding="utf-8",
                      errors="replace") as f:
                arts.append({"id": d + "/" + n, "text": f.read()})
n = len(arts)
parts = [arts[: 2 * n // 3], arts[n // 3 :], arts[::-1][: 2 * n // 3],
         (arts[::2] + arts[1::2])[::-1]]
for i, p in enumerate(parts):
    with open("part%d.jsonl" % i, "w", encoding="utf-8") as f:
        for a in p:
            f.write(json.dumps(a) + "\n")
with open("distinct.txt", "w") as f:
    f.write("%d\n" % len({a["id"] for p in parts for a in p}))
PY
BUSY="postgresql://postgres@127.0.0.1:$port/busy?sslmode=disable"
"$WT" index init --db "$BUSY" 2>err.txt || fail "init busy: $(cat err.txt)"
for i in 0 1 2 3; do
    batch=$([ $i -lt 2 ] && echo 1000 || echo 7)
    "$WT" index add -q --batch $batch --db "$BUSY" "part$i.jsonl" \
        2>"add$i.err" &
    eval "pid$i=\$!"
done
for i in 0 1 2 3; do
    eval "wait \$pid$i" || fail "writer $i: $(cat "add$i.err")"
done
got=$(sql busy "SELECT count(*) || ' ' || count(DISTINCT id) FROM
    wiretrace.docs")
want=$(cat distinct.txt)
[ "$got" = "$want $want" ] || fail "4 writers: documents, distinct: $got; \
ids: $want"
# Every posting belongs to a stored document and every document has its
# postings: nothing half-written, nothing left of a replaced version.
check_postings() {
    for t in fp band; do
        col=$([ $t = fp ] && echo fps || echo bands)
        [ "$(sql "$1" "SELECT (SELECT count(*) FROM wiretrace.$t) =
            (SELECT coalesce(sum(cardinality($col)), 0) FROM wiretrace.docs)
            AND NOT EXISTS (SELECT 1 FROM wiretrace.$t p LEFT JOIN
            wiretrace.docs d ON d.num = p.num WHERE d.num IS NULL)")" = t ] ||
            fail "$2: the $t postings do not match the documents"
    done
}
check_postings busy "4 writers"

# c. The same text again is unchanged; a changed one replaces, once.
head -3 part0.jsonl >three.jsonl
"$WT" index add --format jsonl --db "$BUSY" three.jsonl >re.jsonl ||
    fail "re-add"
[ "$(grep -c '"status":"unchanged"' re.jsonl)" = 3 ] ||
    fail "re-add: $(cat re.jsonl)"
python3 - <<'PY' || fail "cannot write the changed article"
import json
a = json.loads(open("three.jsonl", encoding="utf-8").readline())
a["text"] += "\n\nA paragraph added later, with a correction of the figures."
open("changed.jsonl", "w", encoding="utf-8").write(json.dumps(a) + "\n")
open("changed.id", "w", encoding="utf-8").write(a["id"])
PY
id=$(cat changed.id)
before=$(sql busy "SELECT num FROM wiretrace.docs WHERE id = '$id'")
"$WT" index add --format jsonl --db "$BUSY" changed.jsonl changed.jsonl \
    >ch.jsonl || fail "changed article"
[ "$(sed -n 1p ch.jsonl)" = "{\"id\":\"$id\",\"status\":\"replaced\"}" ] &&
    [ "$(sed -n 2p ch.jsonl)" = "{\"id\":\"$id\",\"status\":\"unchanged\"}" ] ||
    fail "changed article: $(cat ch.jsonl)"
after=$(sql busy "SELECT count(*) || ' ' || min(num) FROM wiretrace.docs
    WHERE id = '$id'")
[ "$after" != "1 $before" ] && [ "${after%% *}" = 1 ] ||
    fail "changed article: rows and number $after (was $before)"
[ "$(sql busy "SELECT count(*) FROM wiretrace.docs")" = "$want" ] ||
    fail "a replacement changed the count"
check_postings busy "replacement"
"$WT" index remove --db "$BUSY" "$id" || fail "remove"
"$WT" index remove --db "$BUSY" "$id" 2>err.txt
st=$?
[ $st = 2 ] && grep -q "not in the index" err.txt ||
    fail "remove again: exit $st, $(cat err.txt)"
[ "$(sql busy "SELECT count(*) FROM wiretrace.docs")" = $((want - 1)) ] ||
    fail "remove: count"
check_postings busy "remove"
# d. Sharded: the postings spread over two more servers by PL/Proxy, the
# articles on the coordinator.  The same answers as SQLite; each shard
# holds only the keys that hash to it; replacing and removing an article
# leave its postings exactly.
[ -f "$(dirname "$PGBIN")/lib/plproxy.so" ] ||
    [ -n "$(ls /usr/lib/postgresql/*/lib/plproxy.so 2>/dev/null)" ] ||
    fail "PL/Proxy is not installed (postgresql-15-plproxy; tools/setup.sh)"
for i in 0 1; do
    sport=$(pg_start_db "$tmp/shard$i" wt) || fail "cannot start shard $i"
    eval "sport$i=$sport"
done
cleanup() {
    for d in shard0 shard1 shard2 pg; do pg_stop "$tmp/$d"; done
}
trap 'cleanup; rm -rf "$tmp"' EXIT
sql postgres "CREATE DATABASE coord" || fail "cannot create coord"
COORD="postgresql://postgres@127.0.0.1:$port/coord?sslmode=disable"
# shellcheck disable=SC2154
"$WT" index init --db "$COORD" \
    --shard "postgresql://postgres@127.0.0.1:$sport0/wt" \
    --shard "host=127.0.0.1 port=$sport1 user=postgres dbname=wt" \
    2>err.txt || fail "init with shards: $(cat err.txt)"
# shellcheck disable=SC2086
"$WT" index add -q --batch 50 --db "$COORD" $inputs || fail "add sharded"
for fmt in text json; do
    # shellcheck disable=SC2086
    "$WT" index query --format $fmt --db "$COORD" $queries >"q.$fmt.shards"
    cmp -s "q.$fmt.sqlite" "q.$fmt.shards" || {
        diff "q.$fmt.sqlite" "q.$fmt.shards" | head -20
        fail "sharded query --format $fmt differs from SQLite"
    }
done
audit_same "sharded audit" sq.db "$COORD"
"$WT" index stats --format json --db "$COORD" | grep -v index_bytes \
    >stats.shards
cmp -s stats.sqlite stats.shards ||
    { diff stats.sqlite stats.shards; fail "sharded index stats differ"; }
# shard_check WHAT [N]: each of the N shards (2 unless told) holds
# postings, only of its own keys (partitions: the power of two at or above
# N, partition i on shard i mod N), and together exactly those the
# coordinator's articles list.
shard_check() {
    n=${2:-2}
    mask=$([ "$n" -le 2 ] && echo $((n - 1)) || echo 3)
    for t in fp band; do
        col=$([ $t = fp ] && echo fps || echo bands)
        total=0
        i=0
        while [ $i -lt "$n" ]; do
            eval "p=\$sport$i"
            got=$(pg_sql "$p" wt "SELECT count(*) || ' ' || count(*) FILTER
                (WHERE (hashint8(key) & $mask) % $n <> $i) FROM
                wiretrace.$t")
            [ "${got#* }" = 0 ] && [ "${got% *}" -gt 0 ] ||
                fail "$1: shard $i: $t postings, others' keys: $got"
            total=$((total + ${got% *}))
            i=$((i + 1))
        done
        [ "$(sql coord "SELECT coalesce(sum(cardinality($col)), 0) FROM
            wiretrace.docs")" = $total ] ||
            fail "$1: the shards' $t postings do not match the articles"
        [ "$(sql coord "SELECT count(*) FROM wiretrace.$t")" = 0 ] ||
            fail "$1: $t postings on the coordinator"
    done
}
shard_check "sharded add"
python3 - "$ROOT" <<'PY' || fail "cannot write the changed wire story"
import json, sys
a = json.loads(open(sys.argv[1] + "/tests/cli/index_feed.jsonl",
                    encoding="utf-8").readline())
a["text"] = a["text"].replace("2,300", "2,400")
open("wire2.jsonl", "w", encoding="utf-8").write(json.dumps(a) + "\n")
PY
"$WT" index add --format jsonl --db "$COORD" wire2.jsonl >w.jsonl &&
    grep -q '"status":"replaced"' w.jsonl || fail "sharded replace: $(cat w.jsonl)"
shard_check "sharded replace"
"$WT" index remove --db "$COORD" wire || fail "sharded remove"
shard_check "sharded remove"

# f. A third shard for the index of (d): index init with the longer list
# moves the postings (rebuilt from the articles' keys) and the answers
# stay SQLite's, given the same replacement and removal.  The same list
# again rebuilds the same postings and drops a stray one.
"$WT" index add -q --db sq.db wire2.jsonl &&
    "$WT" index remove --db sq.db wire || fail "replace and remove in SQLite"
# shellcheck disable=SC2086
"$WT" index query --format json --db sq.db $queries >q.moved.sqlite
same_answers() { # same_answers WHAT
    # shellcheck disable=SC2086
    "$WT" index query --format json --db "$COORD" $queries >q.moved.pg
    cmp -s q.moved.sqlite q.moved.pg || {
        diff q.moved.sqlite q.moved.pg | head -20
        fail "$1: query --format json differs from SQLite"
    }
}
same_answers "two shards, before the move"
sport2=$(pg_start_db "$tmp/shard2" wt) || fail "cannot start shard 2"
three() {
    "$WT" index init -q --db "$COORD" \
        --shard "postgresql://postgres@127.0.0.1:$sport0/wt" \
        --shard "host=127.0.0.1 port=$sport1 user=postgres dbname=wt" \
        --shard "postgresql://postgres@127.0.0.1:$sport2/wt" 2>err.txt
}
three || fail "adding a third shard: $(cat err.txt)"
[ "$(sql coord "SELECT value FROM wiretrace.settings WHERE key =
    'shards'")" = 3 ] || fail "three shards: the setting shards"
same_answers "three shards"
shard_check "three shards" 3
postings() { # every shard's postings, one digest
    for i in 0 1 2; do
        eval "p=\$sport$i"
        pg_sql "$p" wt "SELECT md5(coalesce(string_agg(key || ' ' || t ||
            ' ' || num, ',' ORDER BY key, t, num), '')) FROM wiretrace.fp"
        pg_sql "$p" wt "SELECT md5(coalesce(string_agg(key || ' ' || t ||
            ' ' || num, ',' ORDER BY key, t, num), '')) FROM wiretrace.band"
    done
}
postings >moved.sum
pg_sql "$sport1" wt "INSERT INTO wiretrace.fp VALUES (42, 0, 999999)" ||
    fail "cannot plant a stray posting"
three || fail "rebuild on the same shards: $(cat err.txt)"
postings >rebuilt.sum
cmp -s moved.sum rebuilt.sum || fail "the rebuild changed the postings"
same_answers "rebuilt"
shard_check "rebuilt" 3
# The index of (a), in one database, moved to one shard: its postings
# leave the database for the shard, and it answers as before.
pg_sql "$sport2" postgres "CREATE DATABASE wt2" || fail "shard 2: createdb"
"$WT" index init -q --db "$URI" \
    --shard "postgresql://postgres@127.0.0.1:$sport2/wt2" 2>err.txt ||
    fail "sharding the index of (a): $(cat err.txt)"
# shellcheck disable=SC2086
"$WT" index query --format json --db "$URI" $queries >q.json.moved
cmp -s q.json.pg q.json.moved || fail "the index of (a) moved answers otherwise"
[ "$(sql wt "SELECT (SELECT count(*) FROM wiretrace.fp) + (SELECT count(*)
    FROM wiretrace.band) || ' ' || (SELECT sum(cardinality(fps) +
    cardinality(bands)) FROM wiretrace.docs)")" = \
    "0 $(pg_sql "$sport2" wt2 "SELECT (SELECT count(*) FROM wiretrace.fp) +
        (SELECT count(*) FROM wiretrace.band)")" ] ||
    fail "the index of (a) moved: postings left or missing"
echo "pg: ok ($want articles from 4 writers at once; SQLite, PostgreSQL and" \
    "PostgreSQL over two, then three shards answer alike)"
