/*
 * serve_queue.h - the requests of `wiretrace serve` waiting for a worker,
 * answered first come, first served (health checks and scrapes first).  The HTTP thread reads requests and
 * parks each one here; n worker threads take them in the order they came
 * and run fn on each.  With one queue for all clients, a request waits for
 * those that came before it only: when each HTTP thread kept its own
 * clients, a client could wait behind several others that came later, and
 * the slowest answers under load were several times the typical one.
 */
#ifndef WT_CLI_SERVE_QUEUE_H
#define WT_CLI_SERVE_QUEUE_H

/* A job is a struct that starts with a serve_job: the queue links it. */
typedef struct serve_job {
    struct serve_job *next;
} serve_job;

/* Runs job on a worker; cancelled: the queue is being stopped and the
 * job was not started (answer that the service is stopping). */
typedef void (*serve_job_fn)(serve_job *job, int cancelled, void *ctx);

typedef struct serve_queue serve_queue;

/* Starts n workers.  Returns NULL when out of memory or threads. */
serve_queue *serve_queue_new(unsigned n, serve_job_fn fn, void *ctx);

/* Appends job: a worker runs it after every job pushed before it; with
 * first, before every job waiting (a health check, which must not wait
 * behind the load it is asked about). */
void serve_queue_push(serve_queue *q, serve_job *job, int first);

/* Stops the queue: the jobs waiting are run cancelled, the ones running
 * finish, and the workers are joined.  A job pushed after that is run
 * cancelled at once, on the pushing thread (a request whose body was
 * still coming in). */
void serve_queue_stop(serve_queue *q);

/* Stops the queue if needed and frees it; nothing may push any more.
 * NULL is fine. */
void serve_queue_free(serve_queue *q);

#endif
