/*
 * summary.h - the answer every report opens with: one row per document
 * pair with reuse, the taker first (the copy when the origin is known,
 * else the side that took the larger share of its words), how much it
 * took in words, by class, whether it credits the source, and the origin.
 * Rows are sorted by words taken, so the largest use comes first; every
 * figure is the library's (wt_corpus_taken(), wt_corpus_pair_origin(),
 * wt_corpus_pair_credits(), wt_corpus_pair_via()), so the text, JSON and
 * HTML summaries agree.
 */
#ifndef WT_CLI_SUMMARY_H
#define WT_CLI_SUMMARY_H

#include "wiretrace.h"

#include <stddef.h>

typedef struct summary_row {
    size_t taker, source; /* document indexes */
    wt_taken taken;       /* what taker took from source */
    int credited;         /* taker's text credits source's outlet */
    int origin_known;     /* source is the origin (else nothing tells) */
    size_t via;           /* common source of the two, or SIZE_MAX */
} summary_row;

/* The rows of the pairs that involve the first shown documents (all when
 * shown is 0), found on jobs threads (0 or 1: the caller's only); *n is
 * set to their number.  Returns a malloc'd array (free it), or NULL when
 * out of memory. */
summary_row *summary_rows(const wt_corpus *c, size_t shown, unsigned jobs,
                          size_t *n);

/* The share of the taker's text words taken, 0..1. */
double summary_share(const summary_row *r);

/* The outlets d's text credits (not its own), each once, in text order,
 * joined by ", " into buf (cut to n bytes); "" when none. */
void summary_credits(const wt_document *d, char *buf, size_t n);

/* 1 when document j (one of the candidates after the first shown, as an
 * index query has them) is a source of one of the shown documents. */
int summary_is_source(const wt_corpus *c, size_t shown, size_t j);

#endif
