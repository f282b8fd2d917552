/*
 * doccache.c - analyzed stored documents kept between queries.
 *
 * An array of what is kept, with a map from a store number to the first
 * copy kept of it and each copy linked to the next of the same number: a
 * service keeps thousands of documents and looks a query's dozen
 * candidates up several times each, so scanning the array for each was a
 * few per cent of its time (measured, 3,000 kept).  What goes is drawn
 * at random: queries that cycle through more stories than fit then still
 * find a share of them (least recently used eviction, and sampled LRU,
 * would miss every time, measured), while stories asked often are soon
 * kept again.  One lock around every call: index handles on several
 * threads may share a cache (wt_index_cache_new()), and a call holds it
 * for microseconds.
 */
#include "doccache.h"
#include "alloc.h"
#include "hmap.h"

#include <pthread.h>
#include <string.h>

#define NONE SIZE_MAX

typedef struct kept {
    int64_t num;
    uint64_t tag;
    size_t bytes;
    size_t next; /* the next copy of num in v, or NONE */
    wt_document *d;
} kept;

struct wt_index_cache {
    pthread_mutex_t lock;
    kept *v;
    size_t n, cap;
    wt_hmap first; /* number -> index in v + 1 of its first copy; 0: none */
    size_t bytes, max_bytes;
    uint64_t hits, misses; /* lends that found a copy, and that did not */
    uint64_t rng;          /* xorshift64 state: the draws, the same every run */
};

int wt_doccache_new(wt_doccache **out, size_t max_bytes)
{
    *out = wt_calloc(1, sizeof **out);
    if (!*out)
        return WT_ENOMEM;
    if (wt_hmap_init(&(*out)->first, 64)) {
        wt_free(*out);
        *out = NULL;
        return WT_ENOMEM;
    }
    if (pthread_mutex_init(&(*out)->lock, NULL)) {
        wt_hmap_release(&(*out)->first);
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
    wt_hmap_release(&dc->first);
    wt_free(dc->v);
    wt_free(dc);
}

/* Where the index of num's first copy is kept (0: none), or NULL. */
static uint64_t *first_of(wt_doccache *dc, int64_t num)
{
    return (uint64_t *)wt_hmap_get(&dc->first, (uint64_t)num);
}

/* The index of num's first copy, or NONE. */
static size_t first_copy(wt_doccache *dc, int64_t num)
{
    const uint64_t *head = first_of(dc, num);
    return head && *head ? (size_t)*head - 1 : NONE;
}

/* The link that points at v[i]: num's first, or the copy before it. */
static size_t *link_to(wt_doccache *dc, size_t i, uint64_t **head)
{
    *head = first_of(dc, dc->v[i].num);
    if (**head == i + 1)
        return NULL;
    size_t k = (size_t) * *head - 1;
    while (dc->v[k].next != i)
        k = dc->v[k].next;
    return &dc->v[k].next;
}

/* Points whatever pointed at v[i] at `to` (an index or NONE). */
static void relink(wt_doccache *dc, size_t i, size_t to)
{
    uint64_t *head;
    size_t *prev = link_to(dc, i, &head);
    if (prev)
        *prev = to;
    else
        *head = to == NONE ? 0 : to + 1;
}

static void drop_at(wt_doccache *dc, size_t i)
{
    relink(dc, i, dc->v[i].next);
    wt_document_release(dc->v[i].d);
    dc->bytes -= dc->v[i].bytes;
    const size_t last = --dc->n;
    if (i != last) { /* the last entry moves into i */
        relink(dc, last, i);
        dc->v[i] = dc->v[last];
    }
}

/* The map keeps a key for every number kept since it was made: made
 * again from the array once they outnumber what is kept. */
static int remap(wt_doccache *dc)
{
    wt_hmap m;
    if (wt_hmap_init(&m, dc->n + 64))
        return WT_ENOMEM;
    for (size_t i = 0; i < dc->n; i++) {
        uint64_t *head = wt_hmap_slot(&m, (uint64_t)dc->v[i].num);
        if (!head) {
            wt_hmap_release(&m);
            return WT_ENOMEM;
        }
        dc->v[i].next = *head ? (size_t)*head - 1 : NONE;
        *head = i + 1;
    }
    wt_hmap_release(&dc->first);
    dc->first = m;
    return 0;
}

/* A copy of num with this tag that no one holds now, or NONE. */
static size_t find_free(wt_doccache *dc, int64_t num, uint64_t tag)
{
    for (size_t i = first_copy(dc, num); i != NONE; i = dc->v[i].next)
        if (dc->v[i].tag == tag && !dc->v[i].d->shares)
            return i;
    return NONE;
}

wt_document *wt_doccache_lend(wt_doccache *dc, int64_t num, uint64_t tag)
{
    if (!dc)
        return NULL;
    wt_document *d = NULL;
    pthread_mutex_lock(&dc->lock);
    /* None when not kept, changed since, or every copy lent already. */
    const size_t i = find_free(dc, num, tag);
    if (i != NONE) {
        d = dc->v[i].d;
        d->shares++; /* taken under the lock: lent to one caller only */
    }
    dc->hits += d != NULL;
    dc->misses += d == NULL;
    pthread_mutex_unlock(&dc->lock);
    return d;
}

void wt_doccache_free_copies(wt_doccache *dc, const int64_t *nums, size_t n,
                             unsigned char *avail)
{
    memset(avail, 0, n);
    if (!dc || !n)
        return;
    pthread_mutex_lock(&dc->lock);
    for (size_t j = 0; j < n; j++) {
        for (size_t i = first_copy(dc, nums[j]); i != NONE && !avail[j];
             i = dc->v[i].next)
            avail[j] = !dc->v[i].d->shares;
    }
    pthread_mutex_unlock(&dc->lock);
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
    for (size_t i = 0; i != NONE;) {
        for (i = first_copy(dc, num); i != NONE && dc->v[i].tag == tag;
             i = dc->v[i].next)
            ;
        if (i != NONE)
            drop_at(dc, i);
    }
    make_room(dc, bytes);
    uint64_t *head = NULL;
    if ((dc->first.count > 2 * dc->n + 1024 && remap(dc)) ||
        wt_grow(&dc->v, &dc->cap, dc->n + 1, sizeof *dc->v) ||
        !(head = wt_hmap_slot(&dc->first, (uint64_t)num)))
        rc = WT_ENOMEM;
    else {
        d->shares++;
        dc->v[dc->n] =
            (kept){num, tag, bytes, *head ? (size_t)*head - 1 : NONE, d};
        *head = ++dc->n;
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
