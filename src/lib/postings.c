/* postings.c - see postings.h. */
#include "postings.h"
#include "alloc.h"
#include "keys.h"
#include "parallel.h"
#include "sort.h"
#include "tuning.h"
#include "wiretrace.h"

#include <stdlib.h>
#include <string.h>

int wt_postings_reserve(wt_postings *p, size_t n)
{
    if (n <= p->cap)
        return 0;
    wt_posting *v = wt_realloc(p->v, n * sizeof *v);
    if (!v)
        return WT_ENOMEM;
    p->v = v;
    p->cap = n;
    return 0;
}

int wt_postings_add(wt_postings *p, uint64_t key, uint32_t id, uint32_t tag)
{
    if (wt_grow(&p->v, &p->cap, p->n + 1, sizeof *p->v))
        return WT_ENOMEM;
    p->v[p->n++] = (wt_posting){key, id, tag};
    return 0;
}

/* By key, then id: a total order, so the sort need not be stable. */
#define POSTING_LESS(a, b)                                                     \
    ((a).key < (b).key || ((a).key == (b).key && (a).id < (b).id))
WT_SORT_DEFINE(sort_postings, wt_posting, POSTING_LESS)

#define POSTING_KEY(x) ((x).key)
WT_SPREAD_DEFINE(spread_postings, wt_posting, POSTING_KEY)

static void sort_part(void *v, size_t n) { sort_postings(v, n); }

void wt_postings_sort(wt_postings *p, unsigned nthreads)
{
    if (p->n < WT_SPREAD_MIN) {
        sort_postings(p->v, p->n);
        return;
    }
    size_t start[WT_SPREAD_PARTS + 1];
    spread_postings(p->v, p->n, 0, start);
    wt_parallel_sort_parts(nthreads, p->v, sizeof *p->v, start, WT_SPREAD_PARTS,
                           sort_part);
}

typedef struct fill_job {
    wt_postings_source fn;
    void *ctx;
    wt_postings_sink *sinks;
} fill_job;

static int fill_one(void *ctx, unsigned thread, size_t src)
{
    (void)thread;
    const fill_job *f = ctx;
    return f->fn(f->ctx, src, &f->sinks[src]);
}

/* The sinks' counts made into places: part by part, source by source, so
 * that each part's records lie in source order; start[] the parts. */
static void place_sinks(wt_postings_sink *sinks, size_t nsrc, wt_posting *v,
                        size_t *start)
{
    size_t at = 0;
    for (size_t b = 0; b < WT_SPREAD_PARTS; b++) {
        start[b] = at;
        for (size_t i = 0; i < nsrc; i++) {
            const size_t n = sinks[i].at[b];
            sinks[i].at[b] = at;
            at += n;
        }
    }
    start[WT_SPREAD_PARTS] = at;
    for (size_t i = 0; i < nsrc; i++)
        sinks[i].v = v;
}

int wt_postings_fill(wt_postings *p, size_t nsrc, wt_postings_source fn,
                     void *ctx, unsigned nthreads)
{
    wt_postings_sink *sinks = wt_calloc(nsrc + 1, sizeof *sinks);
    if (!sinks)
        return WT_ENOMEM;
    fill_job f = {fn, ctx, sinks};
    size_t total = 0, start[WT_SPREAD_PARTS + 1];
    int rc = wt_parallel_for(nthreads, nsrc, fill_one, &f);
    for (size_t i = 0; i < nsrc && !rc; i++)
        for (size_t b = 0; b < WT_SPREAD_PARTS; b++)
            total += sinks[i].at[b];
    if (!rc)
        rc = wt_postings_reserve(p, total + 1);
    if (!rc) {
        place_sinks(sinks, nsrc, p->v, start);
        rc = wt_parallel_for(nthreads, nsrc, fill_one, &f);
    }
    if (!rc) {
        p->n = total;
        wt_parallel_sort_parts(nthreads, p->v, sizeof *p->v, start,
                               WT_SPREAD_PARTS, sort_part);
    }
    wt_free(sinks);
    return rc;
}

size_t wt_postings_find(const wt_postings *p, uint64_t key)
{
    const size_t i = wt_lower_bound_u64(p->v, p->n, sizeof *p->v, key);
    return i < p->n && p->v[i].key == key ? i : p->n;
}

size_t wt_postings_run_end(const wt_postings *p, size_t from, size_t limit)
{
    size_t to = from;
    if (from >= p->n)
        return from;
    while (to < p->n && p->v[to].key == p->v[from].key &&
           (!limit || to - from <= limit))
        to++;
    return to;
}

/* start[]: where each run begins, with the end as the last entry. */
static int find_runs(const wt_postings *p, wt_posting_runs *r)
{
    size_t n = 0, cap = 0;
    for (size_t i = 0; i <= p->n; i++) {
        if (i < p->n && i && p->v[i].key == p->v[i - 1].key)
            continue;
        if (wt_grow(&r->start, &cap, n + 1, sizeof *r->start))
            return WT_ENOMEM;
        r->start[n++] = i;
    }
    r->nruns = n - 1;
    return r->nruns > UINT32_MAX ? WT_EINVAL : 0;
}

int wt_posting_runs_build(const wt_postings *p, size_t nids,
                          wt_posting_runs *out)
{
    memset(out, 0, sizeof *out);
    int rc = find_runs(p, out);
    if (!rc) {
        out->id_at = wt_calloc(nids + 1, sizeof *out->id_at);
        out->run_of = wt_malloc((p->n + 1) * sizeof *out->run_of);
        if (!out->id_at || !out->run_of)
            rc = WT_ENOMEM;
    }
    for (size_t i = 0; i < p->n && !rc; i++)
        if (p->v[i].id >= nids)
            rc = WT_EINVAL;
        else
            out->id_at[p->v[i].id + 1]++;
    for (size_t i = 0; i < nids && !rc; i++)
        out->id_at[i + 1] += out->id_at[i];
    /* Filled through a moving cursor per id (id_at shifted down by one
     * entry while filling, then restored). */
    for (size_t r = 0; r < out->nruns && !rc; r++)
        for (size_t i = out->start[r]; i < out->start[r + 1]; i++)
            out->run_of[out->id_at[p->v[i].id]++] = (uint32_t)r;
    for (size_t i = nids; i > 0 && !rc; i--)
        out->id_at[i] = out->id_at[i - 1];
    if (!rc)
        out->id_at[0] = 0;
    if (rc)
        wt_posting_runs_release(out);
    return rc;
}

void wt_posting_runs_release(wt_posting_runs *r)
{
    wt_free(r->start);
    wt_free(r->id_at);
    wt_free(r->run_of);
    memset(r, 0, sizeof *r);
}

void wt_postings_release(wt_postings *p)
{
    wt_free(p->v);
    memset(p, 0, sizeof *p);
}
