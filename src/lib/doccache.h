/*
 * doccache.h - the stored documents an index analyzed for its last
 * queries, kept within a budget of bytes.  A query checks an article
 * against the few stored articles sharing its keys, and re-analyzing
 * their text (words, stems, shingles) is half its time; the articles a
 * desk's queries meet are mostly the same wire stories, so those found
 * again are lent as they are.  A kept document is known by its number
 * in the store and a tag of everything stored about it, so a replaced
 * article is never taken for the old one.  An index handle has a cache
 * of its own, or shares one with other handles of the same index on any
 * threads (the public wt_index_cache is this type): every call is safe
 * from any thread.  Internal.
 */
#ifndef WT_DOCCACHE_H
#define WT_DOCCACHE_H

#include "document.h"

#include <stddef.h>
#include <stdint.h>

typedef struct wt_index_cache wt_doccache;

/* A cache keeping at most about max_bytes (wt_document_footprint()) of
 * documents; 0 keeps none.  Returns 0 or WT_ENOMEM. */
int wt_doccache_new(wt_doccache **out, size_t max_bytes);

/* Releases every kept document.  NULL is fine. */
void wt_doccache_free(wt_doccache *dc);

/* The document kept for store number num with this tag when no one holds
 * it now, with a holder added for the caller (d->shares), who lends it to
 * one corpus and drops that holder with wt_document_release().  NULL
 * otherwise. */
wt_document *wt_doccache_lend(wt_doccache *dc, int64_t num, uint64_t tag);

/* Sets avail[i] to 1 when a copy of nums[i] is kept that no one holds now
 * (whatever its tag), else 0: a query then asks the store for the
 * article without its text, which it needs only if the copy turns out
 * changed or lent meanwhile.  Counts nothing. */
void wt_doccache_free_copies(wt_doccache *dc, const int64_t *nums, size_t n,
                             unsigned char *avail);

/* Lends that found a document and those that did not, documents and
 * bytes kept now, read under the lock.  dc may be NULL (zeros). */
void wt_doccache_counts(wt_doccache *dc, uint64_t *hits, uint64_t *misses,
                        size_t *docs, size_t *bytes);

/* Keeps d, just analyzed for num and tag, as one more holder of it: in
 * place of what was kept for num with another tag (replaced since), and
 * beside copies with this tag (lent when d was analyzed), dropping
 * documents drawn at random (doccache.c) beyond the budget (a document
 * larger than the budget is not kept).  Returns 0 or WT_ENOMEM (d is then
 * not kept). */
int wt_doccache_put(wt_doccache *dc, int64_t num, uint64_t tag, wt_document *d);

#endif
