/*
 * serve_metrics.c - the counters behind GET /metrics, in the Prometheus
 * text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/).
 * Histogram buckets are kept per bucket and summed into the cumulative
 * "le" counts only when rendered, so a request costs one atomic add per
 * counter.
 */
#define _DEFAULT_SOURCE
#include "serve_metrics.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The statuses the server answers with; any other counts as "other". */
static const unsigned statuses[] = {200, 201, 204, 400, 401, 403,
                                    404, 405, 413, 500, 503};
#define NSTATUS (sizeof statuses / sizeof *statuses + 1)

/* Upper bounds of the latency buckets, in seconds: a health check takes
 * well under a millisecond, a query of a long article on a large index
 * up to seconds. */
static const double bounds[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                0.25,  0.5,    1,     2.5,  5,     10};
#define NBOUNDS (sizeof bounds / sizeof *bounds)

struct serve_metrics {
    atomic_uint_fast64_t requests[EP_COUNT][NSTATUS];
    atomic_uint_fast64_t bucket[EP_COUNT][NBOUNDS + 1]; /* last: +Inf */
    atomic_uint_fast64_t micros[EP_COUNT];              /* sum, in µs */
    atomic_long in_flight;
};

const char *serve_endpoint_name(serve_endpoint ep)
{
    static const char *const names[EP_COUNT] = {
        "query", "add", "get", "delete", "health", "metrics", "other"};
    return ep < EP_COUNT ? names[ep] : "other";
}

serve_metrics *serve_metrics_new(void)
{
    serve_metrics *m = malloc(sizeof *m);
    if (!m)
        return NULL;
    for (size_t e = 0; e < EP_COUNT; e++) {
        for (size_t i = 0; i < NSTATUS; i++)
            atomic_init(&m->requests[e][i], 0);
        for (size_t i = 0; i <= NBOUNDS; i++)
            atomic_init(&m->bucket[e][i], 0);
        atomic_init(&m->micros[e], 0);
    }
    atomic_init(&m->in_flight, 0);
    return m;
}

void serve_metrics_free(serve_metrics *m) { free(m); }

void serve_metrics_flight(serve_metrics *m, int delta)
{
    atomic_fetch_add_explicit(&m->in_flight, delta, memory_order_relaxed);
}

long serve_metrics_in_flight(const serve_metrics *m)
{
    return atomic_load_explicit(&m->in_flight, memory_order_relaxed);
}

void serve_metrics_record(serve_metrics *m, serve_endpoint ep, unsigned status,
                          double seconds)
{
    size_t s = 0, b = 0;
    if (!(seconds > 0))
        seconds = 0; /* a clock step back */
    while (s < NSTATUS - 1 && statuses[s] != status)
        s++;
    while (b < NBOUNDS && seconds > bounds[b])
        b++;
    atomic_fetch_add_explicit(&m->requests[ep][s], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&m->bucket[ep][b], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&m->micros[ep], (uint_fast64_t)(seconds * 1e6),
                              memory_order_relaxed);
}

static unsigned long long get(const atomic_uint_fast64_t *v)
{
    return (unsigned long long)atomic_load_explicit(v, memory_order_relaxed);
}

static void put_requests(const serve_metrics *m, FILE *f)
{
    fputs("# HELP wiretrace_http_requests_total HTTP requests answered, by "
          "endpoint and status.\n"
          "# TYPE wiretrace_http_requests_total counter\n",
          f);
    for (size_t e = 0; e < EP_COUNT; e++)
        for (size_t s = 0; s < NSTATUS; s++) {
            char code[16] = "other";
            if (s < NSTATUS - 1)
                snprintf(code, sizeof code, "%u", statuses[s]);
            fprintf(f,
                    "wiretrace_http_requests_total{endpoint=\"%s\","
                    "status=\"%s\"} %llu\n",
                    serve_endpoint_name(e), code, get(&m->requests[e][s]));
        }
    fputs("# HELP wiretrace_http_errors_total HTTP requests answered with a "
          "server error (5xx), by endpoint.\n"
          "# TYPE wiretrace_http_errors_total counter\n",
          f);
    for (size_t e = 0; e < EP_COUNT; e++) {
        unsigned long long n = get(&m->requests[e][NSTATUS - 1]);
        for (size_t s = 0; s < NSTATUS - 1; s++)
            n += statuses[s] >= 500 ? get(&m->requests[e][s]) : 0;
        fprintf(f, "wiretrace_http_errors_total{endpoint=\"%s\"} %llu\n",
                serve_endpoint_name(e), n);
    }
}

static void put_latency(const serve_metrics *m, FILE *f)
{
    fputs("# HELP wiretrace_http_request_duration_seconds Time from a "
          "request's headers to the end of its answer.\n"
          "# TYPE wiretrace_http_request_duration_seconds histogram\n",
          f);
    for (size_t e = 0; e < EP_COUNT; e++) {
        const char *name = serve_endpoint_name(e);
        unsigned long long n = 0;
        for (size_t b = 0; b <= NBOUNDS; b++) {
            n += get(&m->bucket[e][b]);
            if (b < NBOUNDS)
                fprintf(f,
                        "wiretrace_http_request_duration_seconds_bucket{"
                        "endpoint=\"%s\",le=\"%g\"} %llu\n",
                        name, bounds[b], n);
        }
        fprintf(f,
                "wiretrace_http_request_duration_seconds_bucket{endpoint="
                "\"%s\",le=\"+Inf\"} %llu\n"
                "wiretrace_http_request_duration_seconds_sum{endpoint=\"%s\"}"
                " %.6f\n"
                "wiretrace_http_request_duration_seconds_count{endpoint="
                "\"%s\"} %llu\n",
                name, n, name, (double)get(&m->micros[e]) / 1e6, name, n);
    }
}

static void put_gauge(FILE *f, const char *name, const char *help,
                      unsigned long long v)
{
    fprintf(f, "# HELP %s %s\n# TYPE %s gauge\n%s %llu\n", name, help, name,
            name, v);
}

/* The cache's counts: its hit ratio says whether --cache fits the
 * stories the queries meet. */
static void put_cache(FILE *f, const wt_index_cache_stats *cs)
{
    fprintf(f,
            "# HELP wiretrace_cache_lookups_total Stored articles a query "
            "needed, found kept (hit) or analyzed again (miss).\n"
            "# TYPE wiretrace_cache_lookups_total counter\n"
            "wiretrace_cache_lookups_total{result=\"hit\"} %llu\n"
            "wiretrace_cache_lookups_total{result=\"miss\"} %llu\n",
            (unsigned long long)cs->hits, (unsigned long long)cs->misses);
    put_gauge(f, "wiretrace_cache_documents",
              "Analyzed stored articles kept for the next queries.",
              cs->documents);
    put_gauge(f, "wiretrace_cache_bytes", "Bytes of the articles kept.",
              cs->bytes);
}

char *serve_metrics_render(const serve_metrics *m, const wt_index_stats *st,
                           const wt_index_cache_stats *cs, size_t waiting,
                           size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    if (!f)
        return NULL;
    put_requests(m, f);
    put_latency(m, f);
    const long flying = serve_metrics_in_flight(m);
    put_gauge(f, "wiretrace_http_requests_in_flight",
              "Requests started and not yet answered.",
              flying > 0 ? (unsigned long long)flying : 0);
    put_gauge(f, "wiretrace_http_requests_waiting",
              "Requests read and waiting for a worker.",
              (unsigned long long)waiting);
    if (st) {
        put_gauge(f, "wiretrace_index_documents", "Articles in the index.",
                  st->documents);
        put_gauge(f, "wiretrace_index_text_bytes",
                  "Bytes of the indexed articles' text.", st->text_bytes);
        put_gauge(f, "wiretrace_index_bytes", "Bytes the index takes.",
                  st->file_bytes);
    }
    put_cache(f, cs);
    fprintf(f,
            "# HELP wiretrace_build_info The version serving.\n"
            "# TYPE wiretrace_build_info gauge\n"
            "wiretrace_build_info{version=\"%s\"} 1\n",
            wt_version());
    if (ferror(f)) {
        fclose(f);
        free(buf);
        return NULL;
    }
    if (fclose(f)) {
        free(buf);
        return NULL;
    }
    return buf;
}
