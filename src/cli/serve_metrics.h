/*
 * serve_metrics.h - what `wiretrace serve` counts, and its Prometheus
 * text exposition (GET /metrics): requests by endpoint and status, server
 * errors, a latency histogram per endpoint, requests in flight and
 * waiting for a worker, and the index's figures.  Counters are atomic:
 * every server thread adds to them without a lock.
 */
#ifndef WT_CLI_SERVE_METRICS_H
#define WT_CLI_SERVE_METRICS_H

#include "wiretrace.h"

#include <stddef.h>

/* The endpoints, as the metrics label them. */
typedef enum {
    EP_QUERY,   /* POST /v1/query */
    EP_ADD,     /* POST /v1/articles */
    EP_GET,     /* GET /v1/articles/{id} */
    EP_DELETE,  /* DELETE /v1/articles/{id} */
    EP_HEALTH,  /* GET /v1/health */
    EP_METRICS, /* GET /metrics */
    EP_OTHER,   /* anything else: 404, 405 */
    EP_COUNT
} serve_endpoint;

/* "query", "add", ...: the endpoint label. */
const char *serve_endpoint_name(serve_endpoint ep);

typedef struct serve_metrics serve_metrics;

/* Zeroed counters, or NULL when out of memory. */
serve_metrics *serve_metrics_new(void);
void serve_metrics_free(serve_metrics *m);

/* A request has started (1) or ended (-1): the in-flight gauge. */
void serve_metrics_flight(serve_metrics *m, int delta);

/* The requests started and not yet ended. */
long serve_metrics_in_flight(const serve_metrics *m);

/* One answered request: its endpoint, status and seconds from its
 * headers to the end of its answer. */
void serve_metrics_record(serve_metrics *m, serve_endpoint ep, unsigned status,
                          double seconds);

/* The exposition (text format 0.0.4), st being the index's figures or
 * NULL when the index could not be read, cs the workers' cache's,
 * waiting the requests waiting for a worker (serve_queue_waiting: what a
 * server too small for its load shows first).  Returns a malloc'd text
 * with *len set, or NULL when out of memory. */
char *serve_metrics_render(const serve_metrics *m, const wt_index_stats *st,
                           const wt_index_cache_stats *cs, size_t waiting,
                           size_t *len);

#endif
