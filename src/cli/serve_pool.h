/*
 * serve_pool.h - the index connections of `wiretrace serve`: one per
 * worker (serve_queue.h), used by its worker only, so that queries run
 * side by side on their own database connections; and the one lock that
 * writes take, so that an add's "unchanged" or "replaced" is decided and
 * stored in one step even when two requests add the same id at once.
 */
#ifndef WT_CLI_SERVE_POOL_H
#define WT_CLI_SERVE_POOL_H

#include "wiretrace.h"

/* One connection, and the analysis context an add prepares with (made
 * on first use: most servers mostly query). */
typedef struct serve_slot {
    wt_index *ix;
    wt_index_worker *prep;
} serve_slot;

typedef struct serve_pool serve_pool;

/* Opens n connections to the index at db (wt_index_open(), which
 * creates a missing index), each committing every write at once, all
 * sharing one cache of cache_bytes of analyzed articles
 * (wt_index_cache).
 * Returns 0 or the WT_E* code, err saying why. */
int serve_pool_open(serve_pool **out, unsigned n, const char *db,
                    const wt_options *o, size_t cache_bytes, char *err,
                    size_t errlen);

/* Commits and closes every connection, once no worker runs.  NULL is
 * fine. */
void serve_pool_close(serve_pool *p);

/* The connections' one cache (wt_index_cache_stats_get()). */
wt_index_cache *serve_pool_cache(serve_pool *p);

/* Connection i (i < n), worker i's. */
serve_slot *serve_pool_slot(serve_pool *p, unsigned i);

/* The writers' lock, held around a put and its commit or a remove. */
void serve_pool_write_lock(serve_pool *p);
void serve_pool_write_unlock(serve_pool *p);

#endif
