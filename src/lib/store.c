/*
 * store.c - what every store does the same way with the postings it read:
 * the cap on a key's holders and the merge into one hit per document.
 * Shared so that two back ends given the same postings answer alike.
 */
#include "store.h"

#include <stdlib.h>

void wt_store_key_end(wt_store_hit *hits, size_t first, size_t *nhits,
                      size_t cap, size_t hubs)
{
    if (*nhits - first <= cap)
        return;
    if (*nhits - first > hubs)
        *nhits = first + hubs;
    for (size_t i = first; i < *nhits; i++)
        hits[i] = (wt_store_hit){hits[i].num, 0, 0, 1, i == first, 0};
}

static int cmp_hit(const void *a, const void *b)
{
    const wt_store_hit *x = a, *y = b;
    return (x->num > y->num) - (x->num < y->num);
}

void wt_store_merge_hits(wt_store_hit *h, size_t *n)
{
    if (*n > 1)
        qsort(h, *n, sizeof *h, cmp_hit);
    size_t u = 0;
    for (size_t i = 0; i < *n; i++) {
        if (u && h[u - 1].num == h[i].num) {
            h[u - 1].fp_hits += h[i].fp_hits;
            h[u - 1].band_hits += h[i].band_hits;
            h[u - 1].hub_hits += h[i].hub_hits;
            h[u - 1].lead_hits += h[i].lead_hits;
        } else {
            h[u++] = h[i];
        }
    }
    *n = u;
}
