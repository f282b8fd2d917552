/*
 * postings.h - an inverted index in one sorted array: (key, id) records
 * sorted by key, then id, so that the holders of a key are one run.  The
 * candidate stages (analyze.c over stems and shingles, translate.c over
 * English pivot keys, repeats inside a document over shingles) build
 * theirs with it.  Internal.
 */
#ifndef WT_POSTINGS_H
#define WT_POSTINGS_H

#include <stddef.h>
#include <stdint.h>

typedef struct wt_posting {
    uint64_t key; /* first: wt_lower_bound_u64() reads it */
    uint32_t id;  /* a paragraph, a pivot: the caller's numbering */
} wt_posting;

typedef struct wt_postings {
    wt_posting *v;
    size_t n, cap;
} wt_postings;

/* Appends (key, id).  Returns 0 or WT_ENOMEM. */
int wt_postings_add(wt_postings *p, uint64_t key, uint32_t id);

/* Sorts by key, then id.  Call once after the last add. */
void wt_postings_sort(wt_postings *p);

/* The first record of key, or p->n when no record has it. */
size_t wt_postings_find(const wt_postings *p, uint64_t key);

/* The end of the run of records with the key of record from, looking at
 * most limit + 1 records (so a caller that drops keys held more than limit
 * times never walks a long run); limit 0 = no limit. */
size_t wt_postings_run_end(const wt_postings *p, size_t from, size_t limit);

void wt_postings_release(wt_postings *p);

#endif
