/*
 * serve_http.c - the endpoints of `wiretrace serve` (see serve_http.h).
 *
 * libmicrohttpd calls serve_http_request() several times per request:
 * first with the headers (the request is routed, its token checked and
 * its declared length bounded, so a refused upload is never read), then
 * with each piece of the body, then once more.  That call parks the
 * connection (MHD_suspend_connection) and queues the request for a worker
 * (serve_queue.h), which builds the answer with an index connection of
 * its own and wakes the connection up (MHD_resume_connection); the next
 * call hands the answer to libmicrohttpd.  Requests are answered in the
 * order they came, and a slow client holds no index connection.
 */
#define _DEFAULT_SOURCE
#include "serve_http.h"
#include "jsonl.h"
#include "report.h"
#include "slice.h"

#include <jansson.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

/* Milliseconds a health check or a scrape may wait for a worker (they go
 * first in the queue, so only while every worker is held up) before it
 * says the service is busy. */
#define PROBE_WAIT_MS 5000

typedef struct request {
    serve_job job;      /* first: the queue links requests */
    struct timespec t0; /* when the headers were read */
    serve_endpoint ep;
    unsigned status; /* the answer's; 0 until answered */
    size_t sent;     /* bytes of the answer's body */
    int answered;    /* answered before the body was read */
    int too_large;   /* the body grew past max_body: dropped */
    char *body;
    size_t len, cap;
    char method[16];
    char *path; /* for the access log */
    /* Queued: the worker's inputs, and the answer it leaves (NULL with
     * status 0: none could be made, the connection is closed). */
    int queued;
    struct MHD_Connection *conn;
    const char *url;  /* libmicrohttpd's, valid for the request */
    serve_slot *slot; /* the index connection of the worker running it */
    struct MHD_Response *res;
} request;

static double since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) +
           (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Makes body (malloc'd, taken over; NULL for none) the answer, in r->res
 * until deliver() queues it: a worker may make it, only libmicrohttpd's
 * thread may queue it.  MHD_NO when it cannot be made. */
static enum MHD_Result answer(request *r, unsigned status, const char *type,
                              char *body, size_t len, const char *header,
                              const char *value)
{
    struct MHD_Response *res = MHD_create_response_from_buffer(
        body ? len : 0, body,
        body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    if (!res) {
        free(body);
        return MHD_NO; /* the connection is closed */
    }
    if (type)
        MHD_add_response_header(res, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    if (header)
        MHD_add_response_header(res, header, value);
    if (r->res)
        MHD_destroy_response(r->res);
    r->res = res;
    r->status = status;
    r->sent = body ? len : 0;
    return MHD_YES;
}

/* Queues the answer made; MHD_NO (the connection closed) when none. */
static enum MHD_Result deliver(struct MHD_Connection *c, request *r)
{
    if (!r->res)
        return MHD_NO;
    const enum MHD_Result ok = MHD_queue_response(c, r->status, r->res);
    MHD_destroy_response(r->res);
    r->res = NULL;
    return ok;
}

/* o as one line of JSON and a newline, o released.  NULL when out of
 * memory (or when o is NULL: a string that was not UTF-8). */
static char *json_line(json_t *o, size_t *len)
{
    char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (!s)
        return NULL;
    *len = strlen(s);
    char *t = realloc(s, *len + 2);
    if (!t) {
        free(s);
        return NULL;
    }
    t[(*len)++] = '\n';
    t[*len] = '\0';
    return t;
}

static enum MHD_Result answer_json(request *r, unsigned status, json_t *o)
{
    size_t len = 0;
    char *body = json_line(o, &len);
    if (!body)
        return answer(r, 500, NULL, NULL, 0, NULL, NULL);
    return answer(r, status, "application/json", body, len, NULL, NULL);
}

/* {"error": why, "status": status}, with one extra header when name is
 * set (Allow, WWW-Authenticate). */
static enum MHD_Result fail_with(request *r, unsigned status, const char *why,
                                 const char *name, const char *value)
{
    json_t *msg = json_string(why);
    if (!msg) /* not UTF-8: an id of a file named in another charset */
        msg = json_string("the reason is not valid UTF-8");
    size_t len = 0;
    char *body = json_line(
        json_pack("{s:o, s:i}", "error", msg, "status", (int)status), &len);
    if (!body)
        return answer(r, status, NULL, NULL, 0, name, value);
    return answer(r, status, "application/json", body, len, name, value);
}

static enum MHD_Result fail(request *r, unsigned status, const char *why)
{
    return fail_with(r, status, why, NULL, NULL);
}

/* The status of a library failure: the article's fault (400), a write
 * the index could not take now (503: disk full, a lock held too long), the
 * index database or a shard of it unreachable now (503: the connection
 * is made again by the next request, which works once it is back), or
 * the server's (500). */
static unsigned status_of(int rc)
{
    switch (rc) {
    case WT_EINVAL:
    case WT_ENOTTEXT:
    case WT_ELANG: return 400;
    case WT_EWRITE:
    case WT_EUNAVAIL: return 503;
    }
    return 500;
}

/* The endpoint of method on url, and in *allow the methods url takes
 * (NULL: no such url). */
static serve_endpoint route(const char *url, const char *method,
                            const char **allow)
{
    const int get = !strcmp(method, "GET") || !strcmp(method, "HEAD");
    const int post = !strcmp(method, "POST");
    *allow = "POST";
    if (!strcmp(url, "/v1/query"))
        return post ? EP_QUERY : EP_OTHER;
    if (!strcmp(url, "/v1/articles"))
        return post ? EP_ADD : EP_OTHER;
    *allow = "GET, HEAD, DELETE";
    if (!strncmp(url, "/v1/articles/", 13) && url[13])
        return get ? EP_GET : !strcmp(method, "DELETE") ? EP_DELETE : EP_OTHER;
    *allow = "GET, HEAD";
    if (!strcmp(url, "/v1/health"))
        return get ? EP_HEALTH : EP_OTHER;
    if (!strcmp(url, "/metrics"))
        return get ? EP_METRICS : EP_OTHER;
    *allow = NULL;
    return EP_OTHER;
}

/* Answers now when the token does not allow the endpoint; else returns
 * MHD_YES with r->status still 0. */
static enum MHD_Result check_token(const serve_conf *cf,
                                   struct MHD_Connection *c, request *r)
{
    if (!cf->tokens || r->ep == EP_HEALTH || r->ep == EP_METRICS)
        return MHD_YES;
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                MHD_HTTP_HEADER_AUTHORIZATION);
    const serve_access a = serve_tokens_check(cf->tokens, h);
    if (a == ACCESS_NONE)
        return fail_with(
            r, 401,
            h ? "the token is not valid"
              : "a token is needed: Authorization: Bearer TOKEN",
            MHD_HTTP_HEADER_WWW_AUTHENTICATE,
            h ? "Bearer realm=\"wiretrace\", error=\"invalid_token\""
              : "Bearer realm=\"wiretrace\"");
    if ((r->ep == EP_ADD || r->ep == EP_DELETE) && a != ACCESS_RW)
        return fail(r, 403, "this token may only read (ro)");
    return MHD_YES;
}

/* The first call, with the headers: route, token, declared length. */
static enum MHD_Result begin(const serve_conf *cf, struct MHD_Connection *c,
                             request *r, const char *url, const char *method)
{
    const char *allow = NULL;
    r->ep = route(url, method, &allow);
    enum MHD_Result ok = MHD_YES;
    if (r->ep == EP_OTHER && !allow)
        ok = fail(r, 404, "no such endpoint");
    else if (r->ep == EP_OTHER)
        ok = fail_with(r, 405, "method not allowed here", MHD_HTTP_HEADER_ALLOW,
                       allow);
    else
        ok = check_token(cf, c, r);
    const char *cl = MHD_lookup_connection_value(
        c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (!r->status && cl && strtoull(cl, NULL, 10) > cf->max_body)
        ok = fail(r, 413, "the body is larger than --max-body");
    r->answered = r->status != 0;
    return ok;
}

/* One piece of the body, kept up to max_body bytes. */
static void take_body(const serve_conf *cf, request *r, const char *data,
                      size_t n)
{
    if (r->too_large || n > cf->max_body - r->len) {
        r->too_large = 1;
        free(r->body);
        r->body = NULL;
        r->len = r->cap = 0;
        return;
    }
    if (r->len + n + 1 > r->cap) {
        size_t cap = r->cap ? r->cap : 16384;
        while (cap < r->len + n + 1)
            cap *= 2;
        char *b = realloc(r->body, cap);
        if (!b) {
            r->too_large = 1; /* answered 413: the server cannot hold it */
            return;
        }
        r->body = b;
        r->cap = cap;
    }
    memcpy(r->body + r->len, data, n);
    r->len += n;
    r->body[r->len] = '\0';
}

/* The query string's filters (?since=&outlet=&lang=).  Returns NULL, or
 * why since is wrong. */
static const char *filter_of(struct MHD_Connection *c, wt_index_filter *f)
{
    memset(f, 0, sizeof *f);
    f->outlet = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "outlet");
    f->lang = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang");
    const char *t =
        MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "since");
    if (t && wt_parse_time(t, &f->since))
        return "since: expected ISO 8601 (2024-10-22T08:05:00Z)";
    return NULL;
}

/* The report of one article, written as index query --json writes it,
 * into *out.  Returns 0 or a WT_E* code with err set. */
static int run_query(const serve_conf *cf, serve_slot *s, const wt_article *a,
                     const wt_index_filter *f, char **out, size_t *len,
                     char *err, size_t errlen)
{
    const wt_corpus *res = NULL;
    int rc = wt_index_query(s->ix, a, f, &res);
    if (rc) {
        snprintf(err, errlen, "%s", wt_index_error(s->ix));
    } else {
        FILE *m = open_memstream(out, len);
        if (!m || report_json(res, &cf->report, m))
            rc = WT_ENOMEM;
        if (m && fclose(m))
            rc = WT_ENOMEM;
        if (rc)
            snprintf(err, errlen, "out of memory for the report");
    }
    return rc;
}

static enum MHD_Result do_query(const serve_conf *cf, struct MHD_Connection *c,
                                request *r)
{
    wt_article a;
    json_t *hold = NULL;
    wt_index_filter f;
    char err[1024];
    if (jsonl_parse(r->body ? r->body : "", r->len, &a, &hold, err,
                    sizeof err) < 0)
        return fail(r, 400, err);
    const char *why = filter_of(c, &f);
    if (why) {
        json_decref(hold);
        return fail(r, 400, why);
    }
    char *out = NULL;
    size_t len = 0;
    const int rc = run_query(cf, r->slot, &a, &f, &out, &len, err, sizeof err);
    json_decref(hold);
    if (rc) {
        free(out);
        return fail(r, status_of(rc), err);
    }
    return answer(r, 200, "application/json", out, len, NULL, NULL);
}

/* Analyzes and stores a with connection s, the write and its commit
 * under the writers' lock.  Returns 0 with *added set, or a WT_E* code
 * with err set. */
static int store_article(const serve_conf *cf, serve_slot *s,
                         const wt_article *a, int *added, char *err,
                         size_t errlen)
{
    wt_index_entry *e = NULL;
    int rc = s->prep ? 0 : wt_index_worker_new(&s->prep, s->ix);
    if (!rc && (rc = wt_index_prepare(s->prep, a, &e)))
        snprintf(err, errlen, "%s", wt_index_worker_error(s->prep));
    if (!rc) {
        serve_pool_write_lock(cf->pool);
        rc = wt_index_put(s->ix, e, added);
        if (!rc)
            rc = wt_index_commit(s->ix);
        if (rc)
            snprintf(err, errlen, "%s", wt_index_error(s->ix));
        serve_pool_write_unlock(cf->pool);
    }
    if (rc && !err[0])
        snprintf(err, errlen, "%s", wt_strerror(rc));
    wt_index_entry_free(e);
    return rc;
}

/* "/v1/articles/" and id with every byte but letters, digits and -._~
 * percent-encoded: the Location of an added article. */
static char *article_url(const char *id)
{
    static const char hex[] = "0123456789ABCDEF";
    char *u = malloc(13 + 3 * strlen(id) + 1), *p = u;
    if (!u)
        return NULL;
    memcpy(p, "/v1/articles/", 13);
    p += 13;
    for (const unsigned char *q = (const unsigned char *)id; *q; q++)
        if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
            (*q >= '0' && *q <= '9') || strchr("-._~", *q)) {
            *p++ = (char)*q;
        } else {
            *p++ = '%';
            *p++ = hex[*q >> 4];
            *p++ = hex[*q & 15];
        }
    *p = '\0';
    return u;
}

static enum MHD_Result do_add(const serve_conf *cf, request *r)
{
    wt_article a;
    json_t *hold = NULL;
    char err[1024] = "";
    if (jsonl_parse(r->body ? r->body : "", r->len, &a, &hold, err,
                    sizeof err) < 0)
        return fail(r, 400, err);
    int added = WT_ADDED_NONE;
    const int rc = store_article(cf, r->slot, &a, &added, err, sizeof err);
    if (rc) {
        json_decref(hold);
        return fail(r, status_of(rc), err);
    }
    static const char *const names[] = {"unchanged", "added", "replaced"};
    size_t len = 0;
    char *body = json_line(
        json_pack("{s:s, s:s}", "id", a.id, "status", names[added]), &len);
    char *where = added == WT_ADDED_NEW ? article_url(a.id) : NULL;
    json_decref(hold);
    enum MHD_Result ok;
    if (!body)
        ok = answer(r, 500, NULL, NULL, 0, NULL, NULL);
    else
        ok = answer(r, added == WT_ADDED_NEW ? 201 : 200, "application/json",
                    body, len, where ? MHD_HTTP_HEADER_LOCATION : NULL, where);
    free(where);
    return ok;
}

static enum MHD_Result do_get(request *r, const char *id)
{
    serve_slot *s = r->slot;
    wt_article a;
    int found = 0;
    char err[1024] = "";
    const int rc = wt_index_get(s->ix, id, &a, &found);
    json_t *o = !rc && found ? jsonl_article(&a) : NULL;
    if (rc)
        snprintf(err, sizeof err, "%s", wt_index_error(s->ix));
    if (rc)
        return fail(r, status_of(rc), err);
    if (!found)
        return fail(r, 404, "no article with this id");
    return answer_json(r, 200, o);
}

static enum MHD_Result do_delete(const serve_conf *cf, request *r,
                                 const char *id)
{
    serve_slot *s = r->slot;
    int removed = 0;
    char err[1024] = "";
    serve_pool_write_lock(cf->pool);
    const int rc = wt_index_remove(s->ix, id, &removed);
    if (rc)
        snprintf(err, sizeof err, "%s", wt_index_error(s->ix));
    serve_pool_write_unlock(cf->pool);
    if (rc)
        return fail(r, status_of(rc), err);
    if (!removed)
        return fail(r, 404, "no article with this id");
    return answer(r, 204, NULL, NULL, 0, NULL, NULL);
}

/* Whether a health check or a scrape came to a worker too late to say
 * anything but that the service is busy. */
static int waited_too_long(const request *r)
{
    return since(&r->t0) * 1e3 >= PROBE_WAIT_MS;
}

/* 200 when the index answers: the database, and every shard of a
 * sharded one (wt_index_ping), else 503 naming what does not. */
static enum MHD_Result do_health(request *r)
{
    if (waited_too_long(r))
        return fail(r, 503, "busy: no worker came free");
    char err[1024] = "";
    const int rc = wt_index_ping(r->slot->ix);
    if (rc)
        snprintf(err, sizeof err, "%s", wt_index_error(r->slot->ix));
    if (rc)
        return fail(r, 503, err);
    return answer_json(r, 200, json_pack("{s:s}", "status", "ok"));
}

static enum MHD_Result do_metrics(const serve_conf *cf, request *r)
{
    wt_index_stats st;
    const int have =
        !waited_too_long(r) && !wt_index_stats_get(r->slot->ix, &st);
    wt_index_cache_stats cs;
    wt_index_cache_stats_get(serve_pool_cache(cf->pool), &cs);
    size_t len = 0;
    char *text = serve_metrics_render(cf->metrics, have ? &st : NULL, &cs,
                                      serve_queue_waiting(cf->queue), &len);
    if (!text)
        return fail(r, 500, "out of memory");
    return answer(r, 200, "text/plain; version=0.0.4; charset=utf-8", text, len,
                  NULL, NULL);
}

/* The answer of a request whose body is in, on a worker. */
static enum MHD_Result finish(const serve_conf *cf, struct MHD_Connection *c,
                              request *r, const char *url)
{
    switch (r->ep) {
    case EP_QUERY: return do_query(cf, c, r);
    case EP_ADD: return do_add(cf, r);
    case EP_GET: return do_get(r, url + 13);
    case EP_DELETE: return do_delete(cf, r, url + 13);
    case EP_HEALTH: return do_health(r);
    case EP_METRICS: return do_metrics(cf, r);
    default: break;
    }
    return fail(r, 404, "no such endpoint");
}

void serve_http_job(serve_job *job, unsigned worker, int cancelled, void *ctx)
{
    const serve_conf *cf = ctx;
    request *r = (request *)job;
    if (cancelled) {
        (void)fail(r, 503, "the service is stopping");
    } else {
        r->slot = serve_pool_slot(cf->pool, worker);
        (void)finish(cf, r->conn, r, r->url);
    }
    /* Without an answer (r->res NULL) the next call closes the
     * connection. */
    MHD_resume_connection(r->conn);
}

/* The last call of a request not answered yet: parked, and queued for a
 * worker; or, woken up by the worker, its answer queued. */
static enum MHD_Result park(const serve_conf *cf, struct MHD_Connection *c,
                            request *r, const char *url)
{
    if (r->queued)
        return deliver(c, r);
    if (r->too_large) {
        const enum MHD_Result ok =
            fail(r, 413, "the body is larger than --max-body");
        return ok == MHD_YES ? deliver(c, r) : ok;
    }
    r->queued = 1;
    r->conn = c;
    r->url = url;
    /* Suspended before the worker can see it, so that its resume always
     * follows. */
    MHD_suspend_connection(c);
    /* Probes go first: they ask whether the index answers, not how long
     * the queue is (the waiting gauge says that). */
    serve_queue_push(cf->queue, &r->job,
                     r->ep == EP_HEALTH || r->ep == EP_METRICS);
    return MHD_YES;
}

enum MHD_Result serve_http_request(void *cls, struct MHD_Connection *c,
                                   const char *url, const char *method,
                                   const char *version, const char *upload,
                                   size_t *upload_size, void **con_cls)
{
    const serve_conf *cf = cls;
    request *r = *con_cls;
    (void)version;
    if (!r) {
        if (!(r = calloc(1, sizeof *r)) || !(r->path = utf8_escape(url))) {
            free(r);
            return MHD_NO;
        }
        clock_gettime(CLOCK_MONOTONIC, &r->t0);
        /* For the access log: a method is a short token; anything else
         * is not printed as sent. */
        for (size_t i = 0; method[i] && i + 1 < sizeof r->method; i++)
            r->method[i] =
                method[i] > 0x20 && method[i] < 0x7f ? method[i] : '?';
        *con_cls = r;
        serve_metrics_flight(cf->metrics, 1);
        const enum MHD_Result ok = begin(cf, c, r, url, method);
        return ok == MHD_YES && r->res ? deliver(c, r) : ok;
    }
    if (*upload_size) {
        if (!r->answered)
            take_body(cf, r, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    return r->answered ? MHD_YES : park(cf, c, r, url);
}

/* The client's address, numeric, into buf. */
static void client_address(struct MHD_Connection *c, char *buf, size_t len)
{
    const union MHD_ConnectionInfo *i =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(buf, len, "-");
    if (!i || !i->client_addr)
        return;
    const socklen_t n = i->client_addr->sa_family == AF_INET6
                            ? sizeof(struct sockaddr_in6)
                            : sizeof(struct sockaddr_in);
    getnameinfo(i->client_addr, n, buf, (socklen_t)len, NULL, 0,
                NI_NUMERICHOST);
}

void serve_http_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                          enum MHD_RequestTerminationCode toe)
{
    const serve_conf *cf = cls;
    request *r = *con_cls;
    if (!r)
        return;
    const double took = since(&r->t0);
    /* A request whose client left before its answer counts in flight
     * only. */
    if (r->status)
        serve_metrics_record(cf->metrics, r->ep, r->status, took);
    serve_metrics_flight(cf->metrics, -1);
    if (cf->access_log) {
        char addr[64];
        client_address(c, addr, sizeof addr);
        cli_info("%s %s %s %u %zu %.1fms%s", addr, r->method, r->path,
                 r->status, r->sent, took * 1e3,
                 toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? ""
                                                            : " (cut short)");
    }
    if (r->res)
        MHD_destroy_response(r->res);
    free(r->body);
    free(r->path);
    free(r);
    *con_cls = NULL;
}
