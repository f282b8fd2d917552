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

#endif
