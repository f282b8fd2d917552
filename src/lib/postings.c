/* postings.c - see postings.h. */
#include "postings.h"
#include "alloc.h"
#include "keys.h"
#include "wiretrace.h"

#include <stdlib.h>
#include <string.h>

int wt_postings_add(wt_postings *p, uint64_t key, uint32_t id)
{
    if (wt_grow(&p->v, &p->cap, p->n + 1, sizeof *p->v))
        return WT_ENOMEM;
    p->v[p->n++] = (wt_posting){key, id};
    return 0;
}

static int cmp_posting(const void *a, const void *b)
{
    const wt_posting *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

void wt_postings_sort(wt_postings *p)
{
    if (p->n > 1)
        qsort(p->v, p->n, sizeof *p->v, cmp_posting);
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

void wt_postings_release(wt_postings *p)
{
    wt_free(p->v);
    memset(p, 0, sizeof *p);
}
