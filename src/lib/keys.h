/*
 * keys.h - small operations on 64-bit keys that several stages share:
 * the one comparator, the key of a pair of 32-bit ids, sort-unique and a
 * lower bound over arrays of records that start with their key.
 * Internal.
 */
#ifndef WT_KEYS_H
#define WT_KEYS_H

#include <stddef.h>
#include <stdint.h>

/* qsort/bsearch order of uint64_t keys, the one comparator for them. */
int wt_cmp_u64(const void *a, const void *b);

/* The key of the ordered pair (a, b): a in the high half. */
static inline uint64_t wt_pair_key(uint32_t a, uint32_t b)
{
    return (uint64_t)a << 32 | b;
}

/* The key of the unordered pair {a, b}: the smaller id in the high half. */
static inline uint64_t wt_pair_key_sorted(uint32_t a, uint32_t b)
{
    return a < b ? wt_pair_key(a, b) : wt_pair_key(b, a);
}

/* Sorts v[0, n) and drops repeats; returns the number left. */
size_t wt_sort_unique_u64(uint64_t *v, size_t n);
/* Sorts v in place, ascending (sort.h: faster than qsort on keys). */
void wt_sort_u64(uint64_t *v, size_t n);
/* The same on up to nthreads threads, for keys spread evenly over 64 bits
 * (hashes): a large array is spread into parts first (sort.h). */
void wt_sort_u64_threads(uint64_t *v, size_t n, unsigned nthreads);

/* v[0, end[nruns - 1]) is nruns sorted runs, run i ending at end[i]:
 * merges them into one sorted run in v.  tmp has room for as many keys as
 * v; end is overwritten.  Cheaper than sorting when the runs are few and
 * long (a document's paragraphs, a query's documents). */
void wt_merge_runs_u64(uint64_t *v, size_t *end, size_t nruns, uint64_t *tmp);
/* Drops the repeats of the sorted v[0, n); returns the number left. */
size_t wt_unique_u64(uint64_t *v, size_t n);

/* The first of n records of size bytes, sorted by the uint64_t key each
 * starts with, whose key is not below key (n when there is none). */
size_t wt_lower_bound_u64(const void *base, size_t n, size_t size,
                          uint64_t key);

#endif
