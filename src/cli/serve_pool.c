/* serve_pool.c - index connections handed to requests (serve_pool.h). */
#include "serve_pool.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct serve_pool {
    serve_slot *slots;
    unsigned n;
    serve_slot **free; /* a stack of the slots not taken */
    unsigned nfree;
    pthread_mutex_t lock;
    pthread_cond_t freed;
    pthread_mutex_t write;
};

int serve_pool_open(serve_pool **out, unsigned n, const char *db,
                    const wt_options *o, size_t cache_bytes, char *err,
                    size_t errlen)
{
    *out = NULL;
    serve_pool *p = calloc(1, sizeof *p);
    if (!p || !(p->slots = calloc(n, sizeof *p->slots)) ||
        !(p->free = calloc(n, sizeof *p->free))) {
        if (p)
            free(p->slots);
        free(p);
        snprintf(err, errlen, "out of memory");
        return WT_ENOMEM;
    }
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->freed, NULL);
    pthread_mutex_init(&p->write, NULL);
    /* An answer says a write is stored: every write is its own batch. */
    wt_index_options io;
    wt_index_options_init(&io);
    io.batch = 1;
    io.cache_bytes = cache_bytes;
    int rc = 0;
    /* One after another: the first creates a missing index, the others
     * find it made. */
    for (; p->n < n && !rc; p->n++) {
        rc = wt_index_open(&p->slots[p->n].ix, db, o, &io, err, errlen);
        if (rc)
            break;
        p->free[p->nfree++] = &p->slots[p->n];
    }
    if (rc) {
        if (!err[0])
            snprintf(err, errlen, "%s: %s", db, wt_strerror(rc));
        serve_pool_close(p);
        return rc;
    }
    *out = p;
    return 0;
}

void serve_pool_close(serve_pool *p)
{
    if (!p)
        return;
    for (unsigned i = 0; i < p->n; i++) {
        wt_index_worker_free(p->slots[i].prep);
        wt_index_close(p->slots[i].ix);
    }
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->freed);
    pthread_mutex_destroy(&p->write);
    free(p->slots);
    free(p->free);
    free(p);
}

/* wait_ms from now on CLOCK_REALTIME, as pthread_cond_timedwait takes. */
static struct timespec deadline(unsigned wait_ms)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    t.tv_sec += wait_ms / 1000;
    t.tv_nsec += (long)(wait_ms % 1000) * 1000000L;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    return t;
}

serve_slot *serve_pool_take(serve_pool *p, unsigned wait_ms)
{
    const struct timespec until = deadline(wait_ms);
    serve_slot *s = NULL;
    pthread_mutex_lock(&p->lock);
    int rc = 0;
    while (!p->nfree && rc != ETIMEDOUT)
        rc = wait_ms ? pthread_cond_timedwait(&p->freed, &p->lock, &until)
                     : pthread_cond_wait(&p->freed, &p->lock);
    if (p->nfree)
        s = p->free[--p->nfree];
    pthread_mutex_unlock(&p->lock);
    return s;
}

void serve_pool_give(serve_pool *p, serve_slot *s)
{
    pthread_mutex_lock(&p->lock);
    p->free[p->nfree++] = s;
    pthread_cond_signal(&p->freed);
    pthread_mutex_unlock(&p->lock);
}

void serve_pool_write_lock(serve_pool *p) { pthread_mutex_lock(&p->write); }

void serve_pool_write_unlock(serve_pool *p) { pthread_mutex_unlock(&p->write); }
