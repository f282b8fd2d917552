/* serve_queue.c - one queue, n workers (serve_queue.h). */
#include "serve_queue.h"

#include <pthread.h>
#include <stdlib.h>

typedef struct worker {
    serve_queue *q;
    unsigned i;
    pthread_t t;
} worker;

struct serve_queue {
    pthread_mutex_t lock;
    pthread_cond_t ready;
    serve_job *head, *tail;
    size_t waiting; /* jobs in the list */
    int stopping;   /* no job is taken any more but to cancel it */
    int stopped;    /* the workers are joined: push cancels at once */
    serve_job_fn fn;
    void *ctx;
    worker *w;
    unsigned n; /* workers started */
};

/* The next job, waiting for one; NULL once stopping and empty. */
static serve_job *next_job(serve_queue *q, int *cancelled)
{
    pthread_mutex_lock(&q->lock);
    while (!q->head && !q->stopping)
        pthread_cond_wait(&q->ready, &q->lock);
    serve_job *j = q->head;
    if (j) {
        if (!(q->head = j->next))
            q->tail = NULL;
        q->waiting--;
    }
    *cancelled = q->stopping;
    pthread_mutex_unlock(&q->lock);
    return j;
}

static void *work(void *arg)
{
    const worker *w = arg;
    serve_job *j;
    int cancelled;
    while ((j = next_job(w->q, &cancelled)))
        w->q->fn(j, w->i, cancelled, w->q->ctx);
    return NULL;
}

serve_queue *serve_queue_new(unsigned n, serve_job_fn fn, void *ctx)
{
    serve_queue *q = calloc(1, sizeof *q);
    if (!q || !(q->w = calloc(n ? n : 1, sizeof *q->w))) {
        free(q);
        return NULL;
    }
    pthread_mutex_init(&q->lock, NULL);
    pthread_cond_init(&q->ready, NULL);
    q->fn = fn;
    q->ctx = ctx;
    for (; q->n < n; q->n++) {
        q->w[q->n] = (worker){q, q->n, 0};
        if (pthread_create(&q->w[q->n].t, NULL, work, &q->w[q->n]))
            break;
    }
    if (q->n < n) {
        serve_queue_free(q);
        return NULL;
    }
    return q;
}

void serve_queue_push(serve_queue *q, serve_job *job, int first)
{
    job->next = NULL;
    pthread_mutex_lock(&q->lock);
    const int stopped = q->stopped;
    if (!stopped) {
        if (first && q->head) {
            job->next = q->head;
            q->head = job;
        } else {
            if (q->tail)
                q->tail->next = job;
            else
                q->head = job;
            q->tail = job;
        }
        q->waiting++;
        pthread_cond_signal(&q->ready);
    }
    pthread_mutex_unlock(&q->lock);
    if (stopped)
        q->fn(job, 0, 1, q->ctx);
}

size_t serve_queue_waiting(serve_queue *q)
{
    pthread_mutex_lock(&q->lock);
    const size_t n = q->waiting;
    pthread_mutex_unlock(&q->lock);
    return n;
}

void serve_queue_stop(serve_queue *q)
{
    pthread_mutex_lock(&q->lock);
    const int was = q->stopping;
    q->stopping = 1;
    pthread_cond_broadcast(&q->ready);
    pthread_mutex_unlock(&q->lock);
    if (was)
        return;
    for (unsigned i = 0; i < q->n; i++)
        pthread_join(q->w[i].t, NULL);
    /* Left by no worker (none could be started): answered all the same. */
    pthread_mutex_lock(&q->lock);
    serve_job *j = q->head;
    q->head = q->tail = NULL;
    q->waiting = 0;
    q->stopped = 1;
    pthread_mutex_unlock(&q->lock);
    for (serve_job *next; j; j = next) {
        next = j->next;
        q->fn(j, 0, 1, q->ctx);
    }
}

void serve_queue_free(serve_queue *q)
{
    if (!q)
        return;
    serve_queue_stop(q);
    pthread_cond_destroy(&q->ready);
    pthread_mutex_destroy(&q->lock);
    free(q->w);
    free(q);
}
