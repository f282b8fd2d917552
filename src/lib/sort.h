/*
 * sort.h - an in-place sort of an array by a "less" expression, defined
 * once per element type.  Why not qsort: in the hottest sorts (the stems
 * of every paragraph, the keys of every document) qsort's call through a
 * comparator for each comparison, and glibc's merge into a buffer, cost
 * more than the comparisons.  Introsort (Musser 1997): quicksort on the
 * median of three, insertion sort below 16 elements, heap sort past
 * 2 log2 n levels, so never quadratic.  Not stable.  Internal.
 *
 *   WT_SORT_DEFINE(sort_u64, uint64_t, WT_SORT_LESS_NUM)
 *   sort_u64(v, n);
 */
#ifndef WT_SORT_H
#define WT_SORT_H

#include <stddef.h>

#define WT_SORT_LESS_NUM(a, b) ((a) < (b))

#define WT_SORT_DEFINE(name, type, less)                                       \
    static void name##_sift(type *v, size_t root, size_t n)                    \
    {                                                                          \
        const type x = v[root];                                                \
        size_t c;                                                              \
        while ((c = 2 * root + 1) < n) {                                       \
            if (c + 1 < n && less(v[c], v[c + 1]))                             \
                c++;                                                           \
            if (!less(x, v[c]))                                                \
                break;                                                         \
            v[root] = v[c];                                                    \
            root = c;                                                          \
        }                                                                      \
        v[root] = x;                                                           \
    }                                                                          \
    static void name##_heap(type *v, size_t n)                                 \
    {                                                                          \
        for (size_t i = n / 2; i-- > 0;)                                       \
            name##_sift(v, i, n);                                              \
        for (size_t i = n; i-- > 1;) {                                         \
            const type t = v[0];                                               \
            v[0] = v[i];                                                       \
            v[i] = t;                                                          \
            name##_sift(v, 0, i);                                              \
        }                                                                      \
    }                                                                          \
    static void name##_insertion(type *v, size_t n)                            \
    {                                                                          \
        for (size_t i = 1; i < n; i++) {                                       \
            const type x = v[i];                                               \
            size_t j = i;                                                      \
            for (; j > 0 && less(x, v[j - 1]); j--)                            \
                v[j] = v[j - 1];                                               \
            v[j] = x;                                                          \
        }                                                                      \
    }                                                                          \
    static void name##_intro(type *v, size_t n, unsigned depth)                \
    {                                                                          \
        while (n > 16) {                                                       \
            if (!depth--) {                                                    \
                name##_heap(v, n);                                             \
                return;                                                        \
            }                                                                  \
            type *a = v, *m = v + n / 2, *z = v + n - 1, t;                    \
            if (less(*m, *a)) {                                                \
                t = *m, *m = *a, *a = t;                                       \
            }                                                                  \
            if (less(*z, *m)) {                                                \
                t = *z, *z = *m, *m = t;                                       \
                if (less(*m, *a)) {                                            \
                    t = *m, *m = *a, *a = t;                                   \
                }                                                              \
            }                                                                  \
            const type p = *m;                                                 \
            size_t i = 0, j = n - 1;                                           \
            for (;;) {                                                         \
                while (less(v[i], p))                                          \
                    i++;                                                       \
                while (less(p, v[j]))                                          \
                    j--;                                                       \
                if (i >= j)                                                    \
                    break;                                                     \
                t = v[i], v[i] = v[j], v[j] = t;                               \
                i++, j--;                                                      \
            }                                                                  \
            /* v[0, j] <= p <= v[j + 1, n): recurse on the smaller side */     \
            if (j + 1 < n - j - 1) {                                           \
                name##_intro(v, j + 1, depth);                                 \
                v += j + 1, n -= j + 1;                                        \
            } else {                                                           \
                name##_intro(v + j + 1, n - j - 1, depth);                     \
                n = j + 1;                                                     \
            }                                                                  \
        }                                                                      \
        name##_insertion(v, n);                                                \
    }                                                                          \
    static void name(type *v, size_t n)                                        \
    {                                                                          \
        unsigned depth = 0;                                                    \
        for (size_t k = n; k > 1; k >>= 1)                                     \
            depth += 2;                                                        \
        name##_intro(v, n, depth);                                             \
    }

/* Spreading an array into WT_SPREAD_PARTS parts by the top WT_SPREAD_BITS
 * bits of each element's 64-bit key, in place (the permutation of
 * American flag sort, McIlroy et al. 1993), so that the parts lie in key
 * order and sorting each (in the caches, and each on any thread) sorts
 * all.  For keys spread evenly over 64 bits (hashes: shift 0), or over
 * [0, max] (shift wt_spread_shift(max): ids, pairs of ids).
 *
 *   WT_SPREAD_DEFINE(spread_u64, uint64_t, WT_SPREAD_KEY_NUM)
 *   size_t start[WT_SPREAD_PARTS + 1];
 *   spread_u64(v, n, 0, start);    part b is v[start[b], start[b + 1])
 *
 * Each element taken from where it does not belong goes to the next free
 * place of its part, and the element that was there is taken in turn,
 * until one belongs where the first was taken from. */
#define WT_SPREAD_BITS 8
#define WT_SPREAD_PARTS (1u << WT_SPREAD_BITS)
#define WT_SPREAD_KEY_NUM(x) (x)

/* The shift that brings the top bit of keys up to max to the top. */
static inline unsigned wt_spread_shift(unsigned long long max)
{
    return max ? (unsigned)__builtin_clzll(max) : 0;
}

#define WT_SPREAD_DEFINE(name, type, key)                                      \
    static size_t name##_part(type x, unsigned shift)                          \
    {                                                                          \
        return (size_t)(((key(x)) << shift) >> (64 - WT_SPREAD_BITS));         \
    }                                                                          \
    static void name(type *v, size_t n, unsigned shift, size_t *start)         \
    {                                                                          \
        size_t next[WT_SPREAD_PARTS] = {0};                                    \
        for (size_t i = 0; i < n; i++)                                         \
            next[name##_part(v[i], shift)]++;                                  \
        start[0] = 0;                                                          \
        for (size_t b = 0; b < WT_SPREAD_PARTS; b++) {                         \
            start[b + 1] = start[b] + next[b];                                 \
            next[b] = start[b];                                                \
        }                                                                      \
        for (size_t b = 0; b < WT_SPREAD_PARTS; b++)                           \
            while (next[b] < start[b + 1]) {                                   \
                type x = v[next[b]];                                           \
                for (size_t t = name##_part(x, shift); t != b;                 \
                     t = name##_part(x, shift)) {                              \
                    const type y = v[next[t]];                                 \
                    v[next[t]++] = x;                                          \
                    x = y;                                                     \
                }                                                              \
                v[next[b]++] = x;                                              \
            }                                                                  \
    }

#endif
