/* pool.c - worker threads with results in input order (see pool.h). */
#include "pool.h"

#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* A chunk holds CHUNK_PER_JOB items a thread: enough to keep the threads
 * busy, few enough to keep memory flat.  With one job a chunk is one
 * item, processed in the caller's thread. */
#define CHUNK_PER_JOB 32

typedef struct chunk {
    char *items;
    size_t n;
    atomic_size_t next; /* the next item a worker takes */
    pthread_t *t;
    unsigned started; /* threads running on it; 0 = none */
} chunk;

/* One thread on a chunk, taking its items one at a time. */
typedef struct worker {
    pool *p;
    unsigned no;
    chunk *on;
} worker;

struct pool {
    pool_ops ops;
    void *ctx;
    unsigned jobs;
    size_t item_size, cap; /* cap: items a chunk holds */
    worker *workers;
    chunk chunks[2];
    chunk *fill;   /* being filled by the caller */
    chunk *flying; /* being processed, or NULL */
};

static void *item_at(const pool *p, const chunk *c, size_t i)
{
    return c->items + i * p->item_size;
}

pool *pool_new(unsigned jobs, size_t item_size, const pool_ops *ops, void *ctx)
{
    assert(jobs >= 1 && item_size > 0);
    pool *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->ops = *ops;
    p->ctx = ctx;
    p->jobs = jobs;
    p->item_size = item_size;
    p->cap = jobs == 1 ? 1 : (size_t)jobs * CHUNK_PER_JOB;
    p->workers = calloc(jobs, sizeof *p->workers);
    int ok = p->workers != NULL;
    for (int i = 0; i < 2; i++) {
        p->chunks[i].items = calloc(p->cap, item_size);
        p->chunks[i].t = calloc(jobs, sizeof *p->chunks[i].t);
        ok = ok && p->chunks[i].items && p->chunks[i].t;
    }
    if (!ok) {
        pool_free(p);
        return NULL;
    }
    for (unsigned w = 0; w < jobs; w++)
        p->workers[w] = (worker){p, w, NULL};
    p->fill = &p->chunks[0];
    return p;
}

void pool_free(pool *p)
{
    if (!p)
        return;
    assert(!p->flying);
    for (int i = 0; i < 2; i++) {
        free(p->chunks[i].items);
        free(p->chunks[i].t);
    }
    free(p->workers);
    free(p);
}

/* Items are taken in turn rather than dealt out in advance: a chunk's
 * items differ in size (a long document, a short one), and a thread
 * given its share up front would wait for the other at the chunk's end. */
static void *work(void *arg)
{
    worker *w = arg;
    const pool *p = w->p;
    chunk *c = w->on;
    for (size_t i; (i = atomic_fetch_add(&c->next, 1)) < c->n;)
        p->ops.work(p->ctx, w->no, item_at(p, c, i));
    return NULL;
}

/* Starts the workers on c; when threads cannot start, this thread takes
 * the items they would have. */
static void launch(pool *p, chunk *c)
{
    c->started = 0;
    atomic_store(&c->next, 0);
    for (unsigned w = 0; w < p->jobs; w++)
        p->workers[w].on = c;
    if (p->jobs > 1)
        for (; c->started < p->jobs; c->started++)
            if (pthread_create(&c->t[c->started], NULL, work,
                               &p->workers[c->started]))
                break;
    for (unsigned w = c->started; w < p->jobs; w++)
        work(&p->workers[w]);
}

static void join(chunk *c)
{
    for (unsigned w = 0; w < c->started; w++)
        pthread_join(c->t[w], NULL);
    c->started = 0;
}

/* Lands c's items in order; its workers are done. */
static void land(pool *p, chunk *c)
{
    assert(!c->started);
    for (size_t i = 0; i < c->n; i++)
        p->ops.land(p->ctx, item_at(p, c, i));
    c->n = 0;
}

/* The filled chunk goes to the workers; the one they were on is landed
 * meanwhile.  Chunks land in the order they were filled. */
static void flush(pool *p)
{
    chunk *prev = p->flying;
    if (prev)
        join(prev); /* the workers are free again */
    p->flying = p->fill;
    launch(p, p->flying);
    if (prev)
        land(p, prev);
    p->fill = prev ? prev : &p->chunks[p->flying == p->chunks ? 1 : 0];
}

void *pool_slot(pool *p)
{
    void *item = item_at(p, p->fill, p->fill->n);
    memset(item, 0, p->item_size);
    return item;
}

void pool_push(pool *p)
{
    if (++p->fill->n == p->cap)
        flush(p);
}

size_t pool_in_flight(const pool *p) { return 2 * p->cap; }

void pool_drain(pool *p)
{
    if (p->fill->n)
        flush(p);
    if (p->flying) {
        join(p->flying);
        land(p, p->flying);
    }
    p->flying = NULL;
}

/* Inputs a range of pool_filter() covers: enough that a range costs the
 * pool little, few enough that the threads finish together. */
#define FILTER_RANGE 1024

typedef struct filter {
    pool_keep keep;
    void *ctx;
    char *base;
    size_t item_size;
    size_t kept; /* items landed, written by the caller's thread only */
} filter;

typedef struct range {
    size_t from, to, n;
} range;

static void filter_work(void *ctx, unsigned no, void *item)
{
    (void)no;
    const filter *f = ctx;
    range *r = item;
    r->n = f->keep(f->ctx, r->from, r->to, f->base + r->from * f->item_size);
}

/* The ranges still at work all lie above this one, and the items landed
 * below it: the move never meets a range being written. */
static void filter_land(void *ctx, void *item)
{
    filter *f = ctx;
    const range *r = item;
    assert(f->kept <= r->from);
    memmove(f->base + f->kept * f->item_size, f->base + r->from * f->item_size,
            r->n * f->item_size);
    f->kept += r->n;
}

size_t pool_filter(unsigned jobs, size_t n, void *base, size_t item_size,
                   pool_keep keep, void *ctx)
{
    static const pool_ops ops = {filter_work, filter_land};
    filter f = {keep, ctx, base, item_size, 0};
    pool *p = jobs > 1 && n > FILTER_RANGE
                  ? pool_new(jobs, sizeof(range), &ops, &f)
                  : NULL;
    if (!p)
        return n ? keep(ctx, 0, n, base) : 0;
    for (size_t from = 0; from < n; from += FILTER_RANGE) {
        range *r = pool_slot(p);
        r->from = from;
        r->to = n - from > FILTER_RANGE ? from + FILTER_RANGE : n;
        pool_push(p);
    }
    pool_drain(p);
    pool_free(p);
    return f.kept;
}
