/* keys.c - see keys.h. */
#include "keys.h"
#include "parallel.h"
#include "sort.h"
#include "tuning.h"

#include <stdlib.h>
#include <string.h>

int wt_cmp_u64(const void *a, const void *b)
{
    const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

WT_SORT_DEFINE(sort_u64, uint64_t, WT_SORT_LESS_NUM)

void wt_sort_u64(uint64_t *v, size_t n) { sort_u64(v, n); }

WT_SPREAD_DEFINE(spread_u64, uint64_t, WT_SPREAD_KEY_NUM)

static void sort_part(void *v, size_t n) { sort_u64(v, n); }

void wt_sort_u64_threads(uint64_t *v, size_t n, unsigned nthreads)
{
    if (n < WT_SPREAD_MIN) {
        sort_u64(v, n);
        return;
    }
    size_t start[WT_SPREAD_PARTS + 1];
    spread_u64(v, n, 0, start);
    wt_parallel_sort_parts(nthreads, v, sizeof *v, start, WT_SPREAD_PARTS,
                           sort_part);
}

size_t wt_unique_u64(uint64_t *v, size_t n)
{
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || v[u - 1] != v[i])
            v[u++] = v[i];
    return u;
}

size_t wt_sort_unique_u64(uint64_t *v, size_t n)
{
    /* Often sorted already (one document's word pairs, for a query):
     * the check stops at the first key out of order otherwise. */
    size_t i = 1;
    while (i < n && v[i - 1] <= v[i])
        i++;
    if (i < n)
        sort_u64(v, n);
    return wt_unique_u64(v, n);
}

/* The runs [a, m) and [m, b) of src merged into dst[a, b). */
static void merge2(const uint64_t *src, uint64_t *dst, size_t a, size_t m,
                   size_t b)
{
    size_t i = a, j = m, o = a;
    while (i < m && j < b)
        dst[o++] = src[j] < src[i] ? src[j++] : src[i++];
    while (i < m)
        dst[o++] = src[i++];
    while (j < b)
        dst[o++] = src[j++];
}

void wt_merge_runs_u64(uint64_t *v, size_t *end, size_t nruns, uint64_t *tmp)
{
    if (nruns < 2)
        return;
    const size_t n = end[nruns - 1];
    uint64_t *src = v, *dst = tmp;
    /* Neighbouring runs in pairs until one is left: log2(nruns) passes. */
    while (nruns > 1) {
        size_t k = 0;
        for (size_t r = 0; r < nruns; r += 2) {
            const size_t a = r ? end[r - 1] : 0;
            const size_t m = end[r], b = r + 1 < nruns ? end[r + 1] : m;
            merge2(src, dst, a, m, b);
            end[k++] = b;
        }
        nruns = k;
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != v)
        memcpy(v, src, n * sizeof *v);
}

size_t wt_lower_bound_u64(const void *base, size_t n, size_t size, uint64_t key)
{
    /* Halves the range by a conditional move, not a branch: which half
     * holds the key is a coin toss the predictor loses at every step. */
    const unsigned char *b = base;
    size_t lo = 0;
    uint64_t k;
    if (!n)
        return 0;
    while (n > 1) {
        const size_t half = n / 2;
        memcpy(&k, b + (lo + half) * size, sizeof k);
        lo = k < key ? lo + half : lo;
        n -= half;
    }
    memcpy(&k, b + lo * size, sizeof k);
    return lo + (k < key);
}
