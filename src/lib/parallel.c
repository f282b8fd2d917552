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
} run;

typedef struct taker {
    run *r;
    unsigned thread;
} taker;

static void *take(void *arg)
{
    const taker *t = arg;
    run *r = t->r;
    for (size_t i; (i = atomic_fetch_add(&r->next, 1)) < r->n;)
        r->fn(r->ctx, t->thread, i);
    return NULL;
}

void wt_parallel_for(unsigned nthreads, size_t n, wt_parallel_fn fn, void *ctx)
{
    if (nthreads > WT_THREADS_MAX)
        nthreads = WT_THREADS_MAX;
    if ((size_t)nthreads > n)
        nthreads = (unsigned)n;
    run r = {fn, ctx, n, 0};
    pthread_t t[WT_THREADS_MAX];
    taker tk[WT_THREADS_MAX];
    unsigned started = 0;
    for (; started + 1 < nthreads; started++) {
        tk[started] = (taker){&r, started + 1};
        if (pthread_create(&t[started], NULL, take, &tk[started]))
            break;
    }
    const taker self = {&r, 0};
    take((void *)&self);
    for (unsigned i = 0; i < started; i++)
        pthread_join(t[i], NULL);
}
