#!/bin/sh
# wiretrace serve over HTTP, with curl: health, a query answered byte for
# byte as `index query --json` answers it, add (201, then 200 unchanged,
# 200 replaced), get, delete (204, then 404), bad bodies (400), a body
# past --max-body (413, declared or chunked), 404 and 405, tokens (401,
# 403), the metrics, and a SIGTERM while a slow upload is in flight: that
# request is still answered and the server exits 0.
#   sh tests/serve/run.sh BUILD/src/cli/wiretrace
set -u
WT=$1
ROOT=${WT_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/serve/serve_start.sh"
command -v curl >/dev/null 2>&1 || { echo "serve: curl is missing"; exit 77; }
tmp=$(mktemp -d)
pids=""
cleanup() {
    for p in $pids; do kill -KILL "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
cd "$tmp" || exit 1
failed=0
fail() { echo "FAIL: $*"; failed=1; }

# start NAME ARGS...: a server on a free port (--listen 0), its stderr in
# NAME.log; sets pid and url.
start() {
    name=$1; shift
    serve_start "$name.log" wire.db --threads 2 "$@"
}

# code METHOD PATH [curl args...]: the status, the body in body.txt, the
# headers in head.txt.
code() {
    m=$1; p=$2; shift 2
    curl -s -o body.txt -D head.txt -w '%{http_code}' -X "$m" "$@" "$url$p"
}

expect() { # expect WANT GOT WHAT
    [ "$1" = "$2" ] || fail "$3: status $2, expected $1 ($(cat body.txt))"
}

"$WT" index add -q --db wire.db "$ROOT/tests/cli/index_feed.jsonl" || exit 1
head -n 1 "$ROOT/tests/cli/index_query.jsonl" > q.jsonl
"$WT" index query --db wire.db --json q.jsonl > cli.json
[ $? -eq 1 ] || fail "index query found no reuse"
"$WT" index query --db wire.db --json --outlet Nobody q.jsonl > cli_nobody.json

start plain --max-body 1 --access-log
expect 200 "$(code GET /v1/health)" health
grep -q '"status":"ok"' body.txt || fail "health body: $(cat body.txt)"

expect 200 "$(code POST /v1/query --data-binary @q.jsonl)" query
cmp -s body.txt cli.json || fail "query: not the bytes of index query --json"
expect 200 "$(code POST '/v1/query?outlet=Nobody' --data-binary @q.jsonl)" \
    "query with a filter"
cmp -s body.txt cli_nobody.json ||
    fail "query ?outlet=: not the bytes of index query --outlet --json"
expect 400 "$(code POST '/v1/query?since=yesterday' --data-binary @q.jsonl)" \
    "query with a bad since"

# Add: new, the same again, new text under the same id.
expect 201 "$(code POST /v1/articles --data-binary @q.jsonl)" add
grep -q '"status":"added"' body.txt || fail "add body: $(cat body.txt)"
grep -qi '^Location: /v1/articles/reprint' head.txt || fail "add: no Location"
expect 200 "$(code POST /v1/articles --data-binary @q.jsonl)" "add again"
grep -q '"status":"unchanged"' body.txt || fail "re-add body: $(cat body.txt)"
printf '{"id": "desk 1/a", "text": "%s"}' \
    "Harborton port workers said the strike would go on." > odd.json
expect 201 "$(code POST /v1/articles --data-binary @odd.json)" "add odd id"
grep -qi '^Location: /v1/articles/desk%201%2Fa' head.txt ||
    fail "odd id: Location not escaped: $(cat head.txt)"
printf '{"id": "desk 1/a", "text": "Another text."}' > odd2.json
expect 200 "$(code POST /v1/articles --data-binary @odd2.json)" "replace"
grep -q '"status":"replaced"' body.txt || fail "replace body: $(cat body.txt)"

# Get: the stored article, as the JSON Lines object it was added as.
expect 200 "$(code GET /v1/articles/reprint)" get
python3 - q.jsonl body.txt <<'PY' || fail "get: not the article added"
import json, sys
want = json.loads(open(sys.argv[1]).readline())
got = json.load(open(sys.argv[2]))
for k in ("id", "outlet", "url", "published", "lang", "text"):
    assert got.get(k) == want.get(k), (k, got.get(k), want.get(k))
PY
expect 200 "$(code GET '/v1/articles/desk%201%2Fa')" "get odd id"
grep -q '"text":"Another text."' body.txt || fail "get odd id: $(cat body.txt)"
expect 404 "$(code GET /v1/articles/nothing)" "get absent"

# Delete: 204, then 404.
expect 204 "$(code DELETE /v1/articles/reprint)" delete
expect 404 "$(code DELETE /v1/articles/reprint)" "delete again"
grep -q '"status":404' body.txt || fail "404 body: $(cat body.txt)"

# Bad requests.
expect 400 "$(code POST /v1/query --data-binary '{"id": "x"')" "bad JSON"
grep -q '"error":"invalid JSON' body.txt || fail "bad JSON body: $(cat body.txt)"
expect 400 "$(code POST /v1/query --data-binary '{"id": "x"}')" "no text"
expect 400 "$(code POST /v1/articles --data-binary '[1]')" "not an object"
expect 404 "$(code GET /v2/nothing)" "unknown path"
expect 405 "$(code PUT /v1/query)" "PUT on query"
grep -qi '^Allow: POST' head.txt || fail "405 without Allow"
head -c 2000000 /dev/zero | tr '\0' ' ' > big.txt
expect 413 "$(code POST /v1/query --data-binary @big.txt)" "large body"
expect 413 "$(code POST /v1/query -H 'Transfer-Encoding: chunked' \
    --data-binary @big.txt)" "large chunked body"

# Metrics: the counters so far, the histogram, the index.
expect 200 "$(code GET /metrics)" metrics
for line in \
    'wiretrace_http_requests_total{endpoint="query",status="200"} 2' \
    'wiretrace_http_requests_total{endpoint="add",status="201"} 2' \
    'wiretrace_http_requests_total{endpoint="delete",status="404"} 1' \
    'wiretrace_http_requests_total{endpoint="query",status="413"} 2' \
    'wiretrace_http_errors_total{endpoint="query"} 0' \
    'wiretrace_http_request_duration_seconds_bucket{endpoint="query",le="+Inf"} 7' \
    'wiretrace_http_request_duration_seconds_count{endpoint="health"} 1' \
    'wiretrace_http_requests_waiting 0' \
    'wiretrace_index_documents 4'; do
    grep -qF "$line" body.txt || fail "metrics lack: $line"
done
grep -q '^wiretrace_http_request_duration_seconds_sum{endpoint="query"} [0-9.]*$' \
    body.txt || fail "metrics lack the latency sum"
grep -q '^# TYPE wiretrace_http_request_duration_seconds histogram$' body.txt ||
    fail "metrics: no histogram type"
# The workers' cache: the first query analyzed its stored articles (a
# miss each) and kept them.
grep -q '^wiretrace_cache_lookups_total{result="hit"} [0-9][0-9]*$' body.txt ||
    fail "metrics lack the cache's hits"
grep -q '^wiretrace_cache_lookups_total{result="miss"} [1-9][0-9]*$' body.txt ||
    fail "metrics lack the cache's misses"
grep -q '^wiretrace_cache_documents [1-9][0-9]*$' body.txt ||
    fail "metrics: nothing kept in the cache"
grep -q 'POST /v1/query 200 ' plain.log || fail "no access log line"

# Sixteen queries at once, more than the workers: queued, each answered
# whole and the same as one asked alone.
curl -s -X POST --data-binary @q.jsonl "$url/v1/query" > alone.txt
cpids=""
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
    curl -s -o "many.$i" -w '%{http_code}' -X POST --data-binary @q.jsonl \
        "$url/v1/query" > "many.$i.code" &
    cpids="$cpids $!"
done
for c in $cpids; do wait "$c"; done
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
    [ "$(cat "many.$i.code")" = 200 ] && cmp -s "many.$i" alone.txt ||
        fail "query $i of 16 at once: $(cat "many.$i.code")"
done

# Eight adds of one new article at once, on both threads: the writers'
# lock makes one of them "added" and the others "unchanged".
printf '{"id": "race", "text": "%s"}' \
    "Dockworkers at Harborton voted to end the strike on Sunday." > race.json
cpids=""
for i in 1 2 3 4 5 6 7 8; do
    curl -s -X POST --data-binary @race.json "$url/v1/articles" > "race.$i" &
    cpids="$cpids $!"
done
for c in $cpids; do wait "$c"; done
[ "$(grep -l '"status":"added"' race.? | wc -l)" -eq 1 ] &&
    [ "$(grep -l '"status":"unchanged"' race.? | wc -l)" -eq 7 ] ||
    fail "concurrent adds: $(cat race.?)"

# SIGTERM during a slow upload (the article padded with blanks, sent at
# 10 kB/s): the request is answered, then the server exits 0.
{ cat q.jsonl; head -c 30000 /dev/zero | tr '\0' ' '; } > slow.json
curl -s -o slow.out -w '%{http_code}' --limit-rate 10K -X POST \
    --data-binary @slow.json "$url/v1/query" > slow.code &
cpid=$!
sleep 1
kill -TERM "$pid"
wait "$cpid"
wait "$pid"
rc=$?
[ $rc -eq 0 ] || fail "serve exited $rc after SIGTERM"
[ "$(cat slow.code)" = 200 ] || fail "in-flight request got $(cat slow.code)"
cmp -s slow.out cli.json || fail "in-flight request: not the report"
grep -q "SIGTERM: answering the requests in flight" plain.log ||
    fail "no stop message"

# Tokens.
printf '# test tokens\nro %s\n\nrw %s\n' reader-0123456789abcdef \
    writer-0123456789abcdef > tokens.txt
start tokens --token-file tokens.txt
expect 401 "$(code POST /v1/query --data-binary @q.jsonl)" "no token"
grep -qi '^WWW-Authenticate: Bearer' head.txt || fail "401 without WWW-Authenticate"
expect 401 "$(code POST /v1/query -H 'Authorization: Bearer reader-0123456789abcdeX' \
    --data-binary @q.jsonl)" "wrong token"
expect 200 "$(code POST /v1/query -H 'Authorization: Bearer reader-0123456789abcdef' \
    --data-binary @q.jsonl)" "ro token query"
expect 403 "$(code POST /v1/articles -H 'Authorization: Bearer reader-0123456789abcdef' \
    --data-binary @q.jsonl)" "ro token add"
expect 403 "$(code DELETE /v1/articles/wire -H 'Authorization: Bearer reader-0123456789abcdef')" \
    "ro token delete"
expect 201 "$(code POST /v1/articles -H 'Authorization: Bearer writer-0123456789abcdef' \
    --data-binary @q.jsonl)" "rw token add"
expect 200 "$(code GET /v1/health)" "health without a token"
expect 200 "$(code GET /metrics)" "metrics without a token"
kill -TERM "$pid"
wait "$pid" || fail "tokens server did not exit 0"

# No tokens on a public address: refused, and the error says what to do.
"$WT" serve --db wire.db --listen 0.0.0.0:0 2> public.log
rc=$?
[ $rc -eq 64 ] || fail "public address without tokens: exit $rc"
grep -q -- "--token-file" public.log && grep -q -- "--insecure" public.log ||
    fail "public address: $(cat public.log)"
printf 'rw short\n' > weak.txt
"$WT" serve --db wire.db --token-file weak.txt 2> weak.log
[ $? -eq 64 ] && grep -q "weak.txt:1: a token has 16 to 256" weak.log ||
    fail "a short token was taken: $(cat weak.log)"

[ $failed -eq 0 ] && echo "serve: all checks passed"
exit $failed
