/*
 * pairscore.h - document-level figures derived after analysis: how much
 * of one document another explains through links, and how much content
 * two documents share at all.  Internal: corpus.c answers the public
 * wt_corpus_pair_coverage() and wt_corpus_pair_overlap() with it.
 */
#ifndef WT_PAIRSCORE_H
#define WT_PAIRSCORE_H

#include "document.h"
#include "match.h"

typedef struct wt_pairscore wt_pairscore;

/* Builds each document's set of content stems with their weights (after
 * the stem weights are known) and what it took from each source (after
 * the links are final), a document an item on up to nthreads threads.
 * Returns 0 or WT_ENOMEM. */
int wt_pairscore_new(wt_pairscore **out, wt_document *const *docs, size_t ndocs,
                     const wt_idf *idf, unsigned nthreads);
void wt_pairscore_free(wt_pairscore *ps);

/* The share of document a's text words in paragraphs with a source in
 * document b, each paragraph weighted by its best source's score. */
double wt_pairscore_coverage(const wt_pairscore *ps, size_t a, size_t b);

/* What document a took from document b (wiretrace.h: wt_taken). */
void wt_pairscore_taken(const wt_pairscore *ps, size_t a, size_t b,
                        wt_taken *out);

/* The IDF-weighted share of document a's distinct content stems that
 * document b also holds (*oa), and the same for b (*ob).  Safe to call
 * from several threads at once. */
void wt_pairscore_overlap(wt_pairscore *ps, size_t a, size_t b, double *oa,
                          double *ob);

#endif
