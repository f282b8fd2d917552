#!/bin/sh
# A shard stopped under `wiretrace serve`, on a sharded index (a
# coordinator and two shards, servers started here on loopback by
# tests/pg/pg_server.sh), and started again on the same port:
#   a. queries: while the shard is down, POST /v1/query answers 503 with
#      a JSON error saying a shard of the index database is unavailable,
#      GET /v1/health answers 503, and `index query` exits 69 saying so;
#      no password of the shard's connection string is ever shown.  Once
#      the shard is back, the same server answers every query as before,
#      byte for byte, and index query as before.
#   b. adds: while the shard is down (stopped -m immediate), new articles
#      and a replacement are refused (503), none acknowledged.  Once it is
#      back: each refused article is absent (404) and the replaced one as
#      it was; the queries answer as before; any posting a shard kept
#      without its article is recorded as unsettled on the coordinator;
#      adding the refused articles again succeeds, leaves no posting
#      without an article on either shard, and each article is stored and
#      answered as when added to a SQLite index with no outage.
#   c. the coordinator itself stopped and started again: serve answers as
#      before without a restart (its connections are made again).
#   d. a stored row changed under its number behind serve's back: serve,
#      which keeps the candidates it analyzed, answers as a fresh process.
# Skipped (77) when the PostgreSQL server binaries or curl are missing.
#   shard_down.sh WIRETRACE_BINARY
set -u
WT=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=${WT_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/pg/pg_server.sh"
. "$ROOT/tests/serve/serve_start.sh"
pg_find_bin || {
    echo "shard-down: no PostgreSQL server binaries (postgresql-15): skipped"
    exit 77
}
command -v curl >/dev/null 2>&1 || {
    echo "shard-down: curl is missing: skipped"
    exit 77
}

tmp=$(mktemp -d)
pg_own "$tmp" || exit 1
pids=""
cleanup() {
    for p in $pids; do kill -KILL "$p" 2>/dev/null; done
    for d in pg shard0 shard1; do pg_stop "$tmp/$d"; done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
fail() {
    echo "shard-down: FAIL: $*"
    exit 1
}
cd "$tmp" || exit 1
[ -n "$(ls "$(dirname "$PGBIN")"/lib/plproxy.so \
    /usr/lib/postgresql/*/lib/plproxy.so 2>/dev/null)" ] ||
    fail "PL/Proxy is not installed (postgresql-15-plproxy; tools/setup.sh)"

port=$(pg_start "$tmp/pg") ||
    { cat "$tmp/pg/"*.log; fail "cannot start the coordinator"; }
for i in 0 1; do
    p=$(pg_start_db "$tmp/shard$i" wt) || fail "cannot start shard $i"
    eval "sport$i=$p"
done
pg_sql "$port" postgres "CREATE DATABASE coord" || fail "createdb coord"
COORD="postgresql://postgres@127.0.0.1:$port/coord?sslmode=disable"
# The password (not checked: the servers trust loopback) must never show.
SECRET=shard-pass-0123456789
# shellcheck disable=SC2154
"$WT" index init -q --db "$COORD" \
    --shard "postgresql://postgres@127.0.0.1:$sport0/wt" \
    --shard "postgresql://postgres:$SECRET@127.0.0.1:$sport1/wt" \
    2>err.txt || fail "index init: $(cat err.txt)"
corpus="$ROOT/corpora/demo $ROOT/tests/cli/index_feed.jsonl"
# shellcheck disable=SC2086
"$WT" index add -q --db "$COORD" $corpus || fail "index add"
# The same articles in a SQLite index, the answers to match at the end.
# shellcheck disable=SC2086
"$WT" index add -q --db ref.db $corpus || fail "index add (SQLite)"

# The queries: each line of index_query.jsonl and three demo articles;
# and the articles added while a shard is down (late-N: a query with a
# sentence of its own; a new version of the wire story).
python3 - "$ROOT" <<'PY' || fail "cannot write the articles"
import json, sys
root = sys.argv[1]
lines = [json.loads(l) for l in open(root + "/tests/cli/index_query.jsonl",
                                     encoding="utf-8") if l.strip()]
for name in ("edited", "rewrite", "unrelated"):
    with open(root + "/corpora/demo/%s.txt" % name, encoding="utf-8") as f:
        lines.append({"id": "query-" + name, "text": f.read()})
for i, a in enumerate(lines):
    with open("q%d.jsonl" % i, "w", encoding="utf-8") as f:
        f.write(json.dumps(a) + "\n")
late = []
for i, a in enumerate(lines):
    b = dict(a, id="late-%d" % i)
    b["text"] = a["text"] + "\n\nLate desk note %d: figures checked again." % i
    late.append(b)
wire = json.loads(open(root + "/tests/cli/index_feed.jsonl",
                       encoding="utf-8").readline())
wire["text"] = wire["text"].replace("2,300", "2,450")
late.append(wire)
for i, a in enumerate(late):
    with open("late%d.jsonl" % i, "w", encoding="utf-8") as f:
        f.write(json.dumps(a) + "\n")
with open("late.jsonl", "w", encoding="utf-8") as f:
    for a in late:
        f.write(json.dumps(a) + "\n")
with open("late.ids", "w") as f:
    f.write("\n".join(a["id"] for a in late) + "\n")
PY
nq=$(ls q*.jsonl | wc -l)
nlate=$(wc -l <late.ids)
wire_id=$(tail -n 1 late.ids)

serve_start serve.log "$COORD" --threads 2
# post PATH FILE OUT: the status of a POST of FILE, the body in OUT.
post() {
    curl -s -o "$3" -w '%{http_code}' -X POST --data-binary @"$2" "$url$1"
}
get() { # get PATH OUT
    curl -s -o "$2" -w '%{http_code}' "$url$1"
}
# queries TAG: every query, its body in TAG.N and its status in TAG.st.
queries() {
    : >"$1.st"
    i=0
    while [ $i -lt "$nq" ]; do
        post /v1/query "q$i.jsonl" "$1.$i" >>"$1.st"
        echo >>"$1.st"
        i=$((i + 1))
    done
}
same_queries() { # same_queries TAG WHAT: TAG answers as "before" did
    [ "$(sort -u "$1.st")" = 200 ] || fail "$2: query statuses $(cat "$1.st")"
    i=0
    while [ $i -lt "$nq" ]; do
        cmp -s "before.$i" "$1.$i" || fail "$2: query $i answered otherwise"
        i=$((i + 1))
    done
}
# wait_health CODE: /v1/health answers CODE within 20 s.
wait_health() {
    i=0
    while [ "$(get /v1/health health.json)" != "$1" ]; do
        [ $i -lt 200 ] || fail "health did not answer $1: $(cat health.json)"
        sleep 0.1
        i=$((i + 1))
    done
}
no_secret() { # no_secret FILE...: the shard's password in none of them
    ! grep -l "$SECRET" "$@" 2>/dev/null || fail "the password shows in $*"
}
# strays: the postings on the shards whose article is not stored on the
# coordinator, and those of them not recorded as unsettled.
strays() {
    nums=$(pg_sql "$port" coord "SELECT coalesce(string_agg(num::text, ','),
        '0') FROM wiretrace.docs")
    rec=$(pg_sql "$port" coord "SELECT coalesce(string_agg(num::text, ','),
        '0') FROM wiretrace.unsettled")
    n=0
    bad=0
    for p in $sport0 $sport1; do
        for t in fp band; do
            got=$(pg_sql "$p" wt "SELECT count(*) || ' ' || count(*) FILTER
                (WHERE num NOT IN ($rec)) FROM wiretrace.$t WHERE num NOT IN
                ($nums)") || fail "cannot read the postings of port $p"
            n=$((n + ${got% *}))
            bad=$((bad + ${got#* }))
        done
    done
    echo "$n $bad"
}

# a. Queries.
queries before
[ "$(sort -u before.st)" = 200 ] || fail "queries: $(cat before.st)"
grep -q '"verbatim"' before.* || fail "the queries found no source"
"$WT" index query --json --db "$COORD" q0.jsonl >cli.before
cli_st=$?
[ $cli_st -le 1 ] || fail "index query: exit $cli_st"

pg_halt "$tmp/shard1" fast || fail "cannot stop shard 1"
queries down
[ "$(sort -u down.st)" = 503 ] || fail "queries, shard down: $(cat down.st)"
i=0
while [ $i -lt "$nq" ]; do
    python3 - "down.$i" <<'PY' || fail "query $i, shard down: $(cat "down.$i")"
import json, sys
e = json.load(open(sys.argv[1]))
assert e["status"] == 503, e
m = e["error"]
assert "a shard of the index database is unavailable" in m, m
assert "Connection refused" in m or "connection" in m.lower(), m
PY
    i=$((i + 1))
done
[ "$(get /v1/health health.json)" = 503 ] &&
    grep -q "shard of the index database is unavailable" health.json ||
    fail "health, shard down: $(cat health.json)"
"$WT" index query --json --db "$COORD" q0.jsonl >cli.down 2>cli.err
st=$?
[ $st = 69 ] || fail "index query, shard down: exit $st: $(cat cli.err)"
grep -q "^wiretrace: .*a shard of the index database is unavailable" \
    cli.err || fail "index query, shard down: $(cat cli.err)"
kill -0 "$pid" 2>/dev/null || fail "serve died with the shard"
no_secret down.* health.json cli.err serve.log

pg_resume "$tmp/shard1" "$sport1" || fail "cannot start shard 1 again"
wait_health 200
queries back
same_queries back "queries, shard back"
"$WT" index query --json --db "$COORD" q0.jsonl >cli.back
[ $? = $cli_st ] && cmp -s cli.before cli.back ||
    fail "index query, shard back: not as before"

# b. Adds.  Stopped -m immediate: no goodbye to the connections.
pg_halt "$tmp/shard1" immediate || fail "cannot stop shard 1"
i=0
while [ $i -lt "$nlate" ]; do
    st=$(post /v1/articles "late$i.jsonl" "add.$i")
    [ "$st" = 503 ] || fail "add late$i, shard down: $st $(cat "add.$i")"
    grep -q "unavailable" "add.$i" || fail "add late$i: $(cat "add.$i")"
    i=$((i + 1))
done
no_secret add.*
kill -0 "$pid" 2>/dev/null || fail "serve died with the shard"
pg_resume "$tmp/shard1" "$sport1" || fail "cannot start shard 1 again"
wait_health 200
# Nothing of the refused adds: absent, the wire story as it was.
while read -r id; do
    st=$(get "/v1/articles/$id" got.json)
    if [ "$id" = "$wire_id" ]; then
        [ "$st" = 200 ] || fail "$id after the outage: $st"
        python3 - "$ROOT" got.json <<'PY' || fail "$id: not the first text"
import json, sys
want = json.loads(open(sys.argv[1] + "/tests/cli/index_feed.jsonl",
                       encoding="utf-8").readline())
assert json.load(open(sys.argv[2]))["text"] == want["text"]
PY
    else
        [ "$st" = 404 ] || fail "$id, never acknowledged, is there: $st"
    fi
done <late.ids
queries after
same_queries after "queries after the failed adds"
s=$(strays)
[ "${s#* }" = 0 ] || fail "postings left on a shard, not recorded: $s"
echo "shard-down: ${s% *} postings of refused adds left on the shard that" \
    "answered, all recorded as unsettled"
# Added again: every one acknowledged, and nothing left astray.
i=0
while [ $i -lt "$nlate" ]; do
    st=$(post /v1/articles "late$i.jsonl" "add.$i")
    case $st in 200 | 201) ;; *) fail "add late$i again: $st $(cat "add.$i")" ;; esac
    i=$((i + 1))
done
[ "$(strays)" = "0 0" ] || fail "postings without an article: $(strays)"
[ "$(pg_sql "$port" coord "SELECT count(*) FROM wiretrace.unsettled")" = 0 ] ||
    fail "unsettled postings left"
# As in a SQLite index that never had an outage: the stored articles and
# the answers, those of the new articles and of every query.
"$WT" index add -q --db ref.db late.jsonl || fail "index add late (SQLite)"
i=0
while [ $i -lt "$nlate" ]; do
    id=$(sed -n "$((i + 1))p" late.ids)
    [ "$(get "/v1/articles/$id" got.json)" = 200 ] || fail "$id is not there"
    python3 - "late$i.jsonl" got.json <<'PY' || fail "$id: not the text sent"
import json, sys
want, got = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
for k in ("id", "outlet", "url", "text"):
    assert k not in want or got.get(k) == want[k], k
PY
    [ "$(post /v1/query "late$i.jsonl" got.json)" = 200 ] ||
        fail "query $id: $(cat got.json)"
    "$WT" index query --json --db ref.db "late$i.jsonl" >want.json
    cmp -s want.json got.json || fail "query $id: not SQLite's answer"
    i=$((i + 1))
done
i=0
while [ $i -lt "$nq" ]; do
    post /v1/query "q$i.jsonl" got.json >/dev/null
    "$WT" index query --json --db ref.db "q$i.jsonl" >want.json
    cmp -s want.json got.json || fail "query $i after the adds: not SQLite's"
    i=$((i + 1))
done

# c. The coordinator stopped and started again: the same server answers.
queries before
pg_halt "$tmp/pg" fast || fail "cannot stop the coordinator"
[ "$(post /v1/query q0.jsonl down.0)" = 503 ] &&
    grep -q "the index database (.*) is unavailable" down.0 ||
    fail "query, coordinator down: $(cat down.0)"
pg_resume "$tmp/pg" "$port" || fail "cannot start the coordinator again"
wait_health 200
queries back
same_queries back "queries, coordinator back"

# d. A stored row changed under its number behind serve's back (as the
# numbers of a rolled-back batch given again would be): the candidates
# serve keeps analyzed are read without their text, this one is found
# stale by its tag and read whole; every answer is then that of a
# process that kept nothing.
pg_sql "$port" coord "UPDATE wiretrace.docs SET (outlet, url, published,
 lang, title, credits, plangs, hash, text_len, body, paras) = (SELECT
 outlet, url, published, lang, title, credits, plangs, hash, text_len,
 body, paras FROM wiretrace.docs WHERE id <> '$wire_id' ORDER BY num
 LIMIT 1) WHERE id = '$wire_id'" >/dev/null || fail "cannot change a row"
queries changed
changed=0
i=0
while [ $i -lt "$nq" ]; do
    "$WT" index query --json --db "$COORD" "q$i.jsonl" >want.json
    cmp -s want.json "changed.$i" || fail "query $i: not a fresh answer"
    cmp -s "back.$i" "changed.$i" || changed=$((changed + 1))
    i=$((i + 1))
done
[ "$changed" -gt 0 ] || fail "the changed row changed no answer"
no_secret serve.log
kill -TERM "$pid"
wait "$pid" || fail "serve did not exit 0"
echo "shard-down: ok ($nq queries, $nlate adds through a shard's outage," \
    "then the coordinator's; $changed answers changed with a row)"
