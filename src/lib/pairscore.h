/* pairscore.h - document-level figures derived after analysis.  Internal:
 * corpus.c prepares and frees them. */
#ifndef WT_PAIRSCORE_H
#define WT_PAIRSCORE_H

typedef struct wt_corpus wt_corpus;
typedef struct wt_pairscore wt_pairscore;

/* Builds each document's set of content stems with their weights (after
 * the corpus' stem weights are known).  Returns 0 or WT_ENOMEM. */
int wt_pairscore_prepare(wt_corpus *c);
void wt_pairscore_free(wt_pairscore *ps);

#endif
