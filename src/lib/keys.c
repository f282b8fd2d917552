/* keys.c - see keys.h. */
#include "keys.h"
#include "sort.h"

#include <stdlib.h>
#include <string.h>

int wt_cmp_u64(const void *a, const void *b)
{
    const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

WT_SORT_DEFINE(sort_u64, uint64_t, WT_SORT_LESS_NUM)

void wt_sort_u64(uint64_t *v, size_t n) { sort_u64(v, n); }

size_t wt_sort_unique_u64(uint64_t *v, size_t n)
{
    sort_u64(v, n);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || v[u - 1] != v[i])
            v[u++] = v[i];
    return u;
}

size_t wt_lower_bound_u64(const void *base, size_t n, size_t size, uint64_t key)
{
    const unsigned char *b = base;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        uint64_t k;
        memcpy(&k, b + mid * size, sizeof k);
        if (k < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
