/*
 * postings.h - an inverted index in one sorted array: (key, id) records
 * sorted by key, then id, so that the holders of a key are one run.  The
 * candidate stages (analyze.c over stems and shingles, translate.c over
 * English pivot keys, repeats inside a document over shingles) build
 * theirs with it.  Internal.
 */
#ifndef WT_POSTINGS_H
#define WT_POSTINGS_H

#include "sort.h"

#include <stddef.h>
#include <stdint.h>

typedef struct wt_posting {
    uint64_t key; /* first: wt_lower_bound_u64() reads it */
    uint32_t id;  /* a paragraph, a pivot: the caller's numbering */
    uint32_t tag; /* the caller's, carried along: analyze.c keeps the
                     paragraph's document there, so that a walk of a run
                     needs no lookup per record */
} wt_posting;

typedef struct wt_postings {
    wt_posting *v;
    size_t n, cap;
} wt_postings;

/* Makes room for n records in all.  Returns 0 or WT_ENOMEM. */
int wt_postings_reserve(wt_postings *p, size_t n);

/* Appends (key, id) and its tag.  Returns 0 or WT_ENOMEM. */
int wt_postings_add(wt_postings *p, uint64_t key, uint32_t id, uint32_t tag);

/* Sorts by key, then id, on up to nthreads threads (a large array is
 * first spread into parts by the top bits of its keys, in place, and the
 * parts sorted one a thread at a time).  Call once after the last add. */
void wt_postings_sort(wt_postings *p, unsigned nthreads);

/* Where a source of wt_postings_fill() puts its records: first only
 * counted per part (v NULL), then written at the places the counts gave. */
typedef struct wt_postings_sink {
    wt_posting *v;
    size_t at[WT_SPREAD_PARTS]; /* per part of the keys' top bits (sort.h's
                                   spread): records counted, then the next
                                   place to write */
} wt_postings_sink;

static inline void wt_postings_put(wt_postings_sink *k, uint64_t key,
                                   uint32_t id, uint32_t tag)
{
    const size_t part = (size_t)(key >> (64 - WT_SPREAD_BITS));
    if (k->v)
        k->v[k->at[part]++] = (wt_posting){key, id, tag};
    else
        k->at[part]++;
}

/* Puts the records of source src with wt_postings_put(): called twice a
 * source, counting then writing, and must put the same records both
 * times (sink->v tells which).  Returns 0 or an error code. */
typedef int (*wt_postings_source)(void *ctx, size_t src,
                                  wt_postings_sink *sink);

/* Fills p (empty) with the records of sources [0, nsrc) and sorts them as
 * wt_postings_sort() does, all on up to nthreads threads: the sources
 * counted, then written straight into their parts (so that the array is
 * first touched by every thread, and no spread on one thread is needed),
 * then the parts sorted.  Returns 0, WT_ENOMEM or a source's error. */
int wt_postings_fill(wt_postings *p, size_t nsrc, wt_postings_source fn,
                     void *ctx, unsigned nthreads);

/* The first record of key, or p->n when no record has it. */
size_t wt_postings_find(const wt_postings *p, uint64_t key);

/* The end of the run of records with the key of record from, looking at
 * most limit + 1 records (so a caller that drops keys held more than limit
 * times never walks a long run); limit 0 = no limit. */
size_t wt_postings_run_end(const wt_postings *p, size_t from, size_t limit);

void wt_postings_release(wt_postings *p);

/* The runs of a sorted postings array, grouped once, and for each id the
 * runs that hold it: a caller walking every id's keys reads its runs in
 * place instead of searching for each key. */
typedef struct wt_posting_runs {
    size_t *start; /* run r is records [start[r], start[r + 1]) */
    size_t nruns;
    size_t *id_at;    /* id i holds run_of[id_at[i], id_at[i + 1]) */
    uint32_t *run_of; /* one entry per record, in key order per id */
} wt_posting_runs;

/* Groups p (sorted) whose ids are below nids.  Returns 0, WT_ENOMEM or
 * WT_EINVAL (an id not below nids, or more than 2^32 runs). */
int wt_posting_runs_build(const wt_postings *p, size_t nids,
                          wt_posting_runs *out);

void wt_posting_runs_release(wt_posting_runs *r);

#endif
