/*
 * doccache.c - analyzed stored documents kept between queries.
 *
 * A plain array searched from end to end: a budget of tens of megabytes
 * holds a few thousand documents, and scanning them costs microseconds
 * next to the milliseconds of analyzing one.  What goes is drawn at
 * random: queries that cycle through more stories than fit then still
 * find a share of them (least recently used eviction, and sampled LRU,
 * would miss every time, measured), while stories asked often are soon
 * kept again.  One lock around every call: index handles on several
 * threads may share a cache (wt_index_cache_new()), and a call holds it
 * for microseconds.
 */
#include "doccache.h"
#include "alloc.h"

#include <pthread.h>

typedef struct kept {
    int64_t num;
    uint64_t tag;
    size_t bytes;
    wt_document *d;
} kept;

struct wt_index_cache {
    pthread_mutex_t lock;
    kept *v;
    size_t n, cap;
    size_t bytes, max_bytes;
    uint64_t hits, misses; /* lends that found a copy, and that did not */
    uint64_t rng;          /* xorshift64 state: the draws, the same every run */
};

int wt_doccache_new(wt_doccache **out, size_t max_bytes)
{
    *out = wt_calloc(1, sizeof **out);
    if (!*out)
        return WT_ENOMEM;
    if (pthread_mutex_init(&(*out)->lock, NULL)) {
        wt_free(*out);
        *out = NULL;
        return WT_ENOMEM;
    }
    (*out)->max_bytes = max_bytes;
    (*out)->rng = UINT64_C(0x9e3779b97f4a7c15);
    return 0;
}

void wt_doccache_free(wt_doccache *dc)
{
    if (!dc)
        return;
    for (size_t i = 0; i < dc->n; i++)
        wt_document_release(dc->v[i].d);
    pthread_mutex_destroy(&dc->lock);
    wt_free(dc->v);
    wt_free(dc);
}

static void drop_at(wt_doccache *dc, size_t i)
{
    wt_document_release(dc->v[i].d);
    dc->bytes -= dc->v[i].bytes;
    dc->v[i] = dc->v[--dc->n];
}

/* A copy of num with this tag that no one holds now, or SIZE_MAX. */
static size_t find_free(const wt_doccache *dc, int64_t num, uint64_t tag)
{
    for (size_t i = 0; i < dc->n; i++)
        if (dc->v[i].num == num && dc->v[i].tag == tag && !dc->v[i].d->shares)
            return i;
    return SIZE_MAX;
}

wt_document *wt_doccache_lend(wt_doccache *dc, int64_t num, uint64_t tag)
{
    if (!dc)
        return NULL;
    wt_document *d = NULL;
    pthread_mutex_lock(&dc->lock);
    /* None when not kept, changed since, or every copy lent already. */
    const size_t i = find_free(dc, num, tag);
    if (i != SIZE_MAX) {
        d = dc->v[i].d;
        d->shares++; /* taken under the lock: lent to one caller only */
    }
    dc->hits += d != NULL;
    dc->misses += d == NULL;
    pthread_mutex_unlock(&dc->lock);
    return d;
}

static size_t draw(wt_doccache *dc, size_t n)
{
    dc->rng ^= dc->rng << 13;
    dc->rng ^= dc->rng >> 7;
    dc->rng ^= dc->rng << 17;
    return (size_t)(dc->rng % n);
}

/* Drops documents drawn at random until need more bytes fit. */
static void make_room(wt_doccache *dc, size_t need)
{
    while (dc->n && dc->bytes + need > dc->max_bytes)
        drop_at(dc, draw(dc, dc->n));
}

int wt_doccache_put(wt_doccache *dc, int64_t num, uint64_t tag, wt_document *d)
{
    const size_t bytes = wt_document_footprint(d);
    if (!dc || bytes > dc->max_bytes)
        return 0;
    int rc = 0;
    pthread_mutex_lock(&dc->lock);
    /* What was kept for num before it was replaced goes.  The same
     * article analyzed again (every kept copy was lent) is kept as one
     * more copy: a story many queries meet at once is then at hand for as
     * many of them as have analyzed it, as with a cache per handle. */
    for (size_t i = 0; i < dc->n;)
        if (dc->v[i].num == num && dc->v[i].tag != tag)
            drop_at(dc, i); /* moves the last entry to i */
        else
            i++;
    make_room(dc, bytes);
    if (wt_grow(&dc->v, &dc->cap, dc->n + 1, sizeof *dc->v))
        rc = WT_ENOMEM;
    else {
        d->shares++;
        dc->v[dc->n++] = (kept){num, tag, bytes, d};
        dc->bytes += bytes;
    }
    pthread_mutex_unlock(&dc->lock);
    return rc;
}

void wt_doccache_counts(wt_doccache *dc, uint64_t *hits, uint64_t *misses,
                        size_t *docs, size_t *bytes)
{
    *hits = *misses = 0;
    *docs = *bytes = 0;
    if (!dc)
        return;
    pthread_mutex_lock(&dc->lock);
    *hits = dc->hits;
    *misses = dc->misses;
    *docs = dc->n;
    *bytes = dc->bytes;
    pthread_mutex_unlock(&dc->lock);
}
