/* Tests of sort.h: the same order as qsort on random, sorted, reversed
 * and repeating keys of every size around the insertion-sort cut, and the
 * heap sort that takes over past the depth limit. */
#include "helpers.h"
#include "keys.h"
#include "sort.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

WT_SORT_DEFINE(sort_u64, uint64_t, WT_SORT_LESS_NUM)

static uint64_t next(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s >> 11;
}

/* Fills v by shape: 0 random, 1 few distinct values, 2 sorted, 3 reversed,
 * 4 all equal, 5 organ pipe. */
static void fill(uint64_t *v, size_t n, int shape, uint64_t *seed)
{
    for (size_t i = 0; i < n; i++) {
        switch (shape) {
        case 0: v[i] = next(seed); break;
        case 1: v[i] = next(seed) % 5; break;
        case 2: v[i] = i; break;
        case 3: v[i] = n - i; break;
        case 4: v[i] = 7; break;
        default: v[i] = i < n / 2 ? i : n - i; break;
        }
    }
}

static void check(size_t n, int shape, unsigned depth, uint64_t *seed)
{
    uint64_t *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b);
    cr_assert(a && b);
    fill(a, n, shape, seed);
    memcpy(b, a, n * sizeof *a);
    if (depth == ~0u)
        sort_u64(a, n);
    else
        sort_u64_intro(a, n, depth);
    qsort(b, n, sizeof *b, wt_cmp_u64);
    cr_assert(!memcmp(a, b, n * sizeof *a), "n %zu shape %d depth %u", n, shape,
              depth);
    free(a);
    free(b);
}

Test(sort, same_order_as_qsort)
{
    uint64_t seed = 1;
    static const size_t sizes[] = {0, 1, 2, 3, 15, 16, 17, 31, 100, 1000, 4099};
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
        for (int shape = 0; shape < 6; shape++)
            check(sizes[s], shape, ~0u, &seed);
}

Test(sort, heap_sort_past_the_depth_limit)
{
    uint64_t seed = 2;
    for (int shape = 0; shape < 6; shape++) {
        check(1000, shape, 0, &seed);
        check(1000, shape, 1, &seed);
    }
}

Test(sort, sort_unique)
{
    uint64_t v[] = {5, 3, 5, 1, 3, 9, 1};
    cr_assert_eq(wt_sort_unique_u64(v, 7), 4);
    cr_assert(v[0] == 1 && v[1] == 3 && v[2] == 5 && v[3] == 9);
}

/* Runs of every count (one, odd, even) and length, empty runs among them:
 * the merge gives what sorting the whole array gives. */
Test(sort, merged_runs_as_sorted)
{
    uint64_t seed = 3;
    for (size_t nruns = 1; nruns <= 17; nruns++) {
        uint64_t v[2048], w[2048], tmp[2048];
        size_t end[17], n = 0;
        for (size_t r = 0; r < nruns; r++) {
            const size_t len = next(&seed) % 100 * (r % 5 != 3);
            for (size_t i = 0; i < len; i++)
                v[n + i] = next(&seed) % 300;
            sort_u64(v + n, len);
            n += len;
            end[r] = n;
        }
        memcpy(w, v, n * sizeof *v);
        sort_u64(w, n);
        wt_merge_runs_u64(v, end, nruns, tmp);
        cr_assert(!memcmp(v, w, n * sizeof *v), "%zu runs", nruns);
        cr_assert_eq(wt_unique_u64(v, n), wt_sort_unique_u64(w, n));
    }
    wt_merge_runs_u64(NULL, NULL, 0, NULL);
}

/* wt_lower_bound_u64 against a linear scan: every key around every
 * record, in arrays of every length up to 40, with repeats, over records
 * wider than their key. */
Test(sort, lower_bound_as_a_scan)
{
    typedef struct rec {
        uint64_t key;
        uint32_t other;
    } rec;
    rec v[40];
    for (size_t n = 0; n <= 40; n++) {
        for (size_t i = 0; i < n; i++)
            v[i] = (rec){2 * (i / 2) + 10, (uint32_t)i}; /* pairs of keys */
        for (uint64_t key = 0; key < 2 * n + 14; key++) {
            size_t want = 0;
            while (want < n && v[want].key < key)
                want++;
            cr_assert_eq(wt_lower_bound_u64(v, n, sizeof *v, key), want,
                         "n %zu, key %llu", n, (unsigned long long)key);
        }
    }
}
