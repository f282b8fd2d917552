/*
 * uses.h - the uses an index keeps (wiretrace.h, "Uses"): from the corpus
 * of one article's query, one row per stored article it took from or
 * that took from it, with the figures every report reads from the
 * library (wt_corpus_taken, wt_corpus_pair_origin,
 * wt_corpus_pair_credits), never derived again.  Internal.
 */
#ifndef WT_USES_H
#define WT_USES_H

#include "store.h"
#include "wiretrace.h"

#include <stddef.h>

/* Rows and the outlet keys they point to (owned). */
typedef struct wt_uses {
    wt_store_use *v;
    size_t n, cap;
    char **keys;
    size_t nkeys, keycap;
} wt_uses;

/* Appends the uses between document 0 of c, analyzed, and each other
 * document.  The rows point at c's ids and outlets: they are valid until
 * c is reset.  Returns 0 or WT_ENOMEM. */
int wt_uses_collect(const wt_corpus *c, wt_uses *u);

/* An outlet's key: its canonical name with ASCII letters folded, as
 * credits compare outlets (strcasecmp); "" for NULL.  wt_free it. */
char *wt_uses_outlet_key(const char *canonical);

/* Drops the rows, keeping the memory. */
void wt_uses_clear(wt_uses *u);
void wt_uses_release(wt_uses *u);

#endif
