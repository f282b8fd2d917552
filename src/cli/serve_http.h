/*
 * serve_http.h - the requests of `wiretrace serve`, read on libmicrohttpd's
 * thread and answered by the workers of a serve_queue, in the order they
 * came:
 *
 *   POST   /v1/query          one article (a JSON Lines object) -> the
 *                             report `index query --json` prints for it;
 *                             ?since=TIME&outlet=NAME&lang=CODE filter the
 *                             sources as index query's options do
 *   POST   /v1/articles       add one article: 201 added, 200 unchanged or
 *                             replaced; stored before the answer
 *   GET    /v1/articles/{id}  the stored article, as a JSON Lines object
 *   DELETE /v1/articles/{id}  204, or 404 when there is none
 *   GET    /v1/health         200 when the index answers a read, else 503
 *   GET    /metrics           Prometheus text (serve_metrics.h)
 *
 * Errors are {"error": "...", "status": N}.  With tokens, every endpoint
 * but health and metrics needs "Authorization: Bearer TOKEN" (401), and
 * adds and deletes an rw token (403).
 */
#ifndef WT_CLI_SERVE_HTTP_H
#define WT_CLI_SERVE_HTTP_H

#include "opt.h"
#include "serve_auth.h"
#include "serve_metrics.h"
#include "serve_pool.h"
#include "serve_queue.h"

#include <microhttpd.h>

/* What every request reads; shared by the threads, written by none
 * (the metrics are atomic). */
typedef struct serve_conf {
    cli_settings report;        /* the report settings: index query --json's */
    serve_pool *pool;           /* the index connections */
    serve_queue *queue;         /* the requests waiting for a worker */
    const serve_tokens *tokens; /* NULL: no token needed */
    serve_metrics *metrics;
    size_t max_body; /* bytes a request body may hold */
    int access_log;  /* a line per request on stderr */
} serve_conf;

/* The MHD_AccessHandlerCallback; cls is the serve_conf. */
enum MHD_Result serve_http_request(void *cls, struct MHD_Connection *c,
                                   const char *url, const char *method,
                                   const char *version, const char *upload,
                                   size_t *upload_size, void **con_cls);

/* The serve_job_fn of the queue (ctx: the serve_conf): answers a
 * request on worker number worker, with that worker's index connection
 * (serve_pool_slot), and wakes its connection up.  The daemon must allow
 * suspending (MHD_ALLOW_SUSPEND_RESUME). */
void serve_http_job(serve_job *job, unsigned worker, int cancelled, void *ctx);

/* The MHD_RequestCompletedCallback (MHD_OPTION_NOTIFY_COMPLETED): the
 * request's metrics and access log line, and its memory freed. */
void serve_http_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                          enum MHD_RequestTerminationCode toe);

#endif
