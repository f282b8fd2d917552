/* parallel.c - one step's items on several threads (see parallel.h). */
#include "parallel.h"
#include "tuning.h"

#include <pthread.h>
#include <stdatomic.h>

typedef struct run {
    wt_parallel_fn fn;
    void *ctx;
    size_t n;
    atomic_size_t next;
    atomic_int rc; /* the first failure */
} run;

typedef struct taker {
    run *r;
    unsigned thread;
} taker;

static void *take(void *arg)
{
    const taker *t = arg;
    run *r = t->r;
    for (size_t i;
         !atomic_load(&r->rc) && (i = atomic_fetch_add(&r->next, 1)) < r->n;) {
        int expected = 0;
        const int rc = r->fn(r->ctx, t->thread, i);
        if (rc)
            atomic_compare_exchange_strong(&r->rc, &expected, rc);
    }
    return NULL;
}

typedef struct sort_parts {
    unsigned char *v;
    size_t size;
    const size_t *start;
    void (*sort)(void *part, size_t n);
} sort_parts;

static int sort_part(void *ctx, unsigned thread, size_t b)
{
    (void)thread;
    const sort_parts *p = ctx;
    p->sort(p->v + p->start[b] * p->size, p->start[b + 1] - p->start[b]);
    return 0;
}

void wt_parallel_sort_parts(unsigned nthreads, void *v, size_t size,
                            const size_t *start, size_t nparts,
                            void (*sort)(void *part, size_t n))
{
    sort_parts p = {v, size, start, sort};
    (void)wt_parallel_for(nthreads ? nthreads : 1, nparts, sort_part, &p);
}

int wt_parallel_for(unsigned nthreads, size_t n, wt_parallel_fn fn, void *ctx)
{
    if (nthreads > WT_THREADS_MAX)
        nthreads = WT_THREADS_MAX;
    if ((size_t)nthreads > n)
        nthreads = (unsigned)n;
    run r = {fn, ctx, n, 0, 0};
    pthread_t t[WT_THREADS_MAX];
    taker tk[WT_THREADS_MAX];
    unsigned started = 0;
    for (; started + 1 < nthreads; started++) {
        tk[started] = (taker){&r, started + 1};
        if (pthread_create(&t[started], NULL, take, &tk[started]))
            break;
    }
    taker self = {&r, 0};
    take(&self);
    for (unsigned i = 0; i < started; i++)
        pthread_join(t[i], NULL);
    return atomic_load(&r.rc);
}
