/* hmap.c - see hmap.h. */
#include "hmap.h"
#include "alloc.h"
#include "wiretrace.h"

#include <string.h>

static size_t slot_of(uint64_t key, size_t cap)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return (size_t)key & (cap - 1);
}

int wt_hmap_init(wt_hmap *m, size_t expected)
{
    size_t cap = 16;
    while (cap < expected * 2)
        cap *= 2;
    memset(m, 0, sizeof *m);
    m->keys = wt_calloc(cap, sizeof *m->keys);
    m->vals = wt_calloc(cap, sizeof *m->vals);
    if (!m->keys || !m->vals) {
        wt_hmap_release(m);
        return WT_ENOMEM;
    }
    m->cap = cap;
    return 0;
}

void wt_hmap_release(wt_hmap *m)
{
    wt_free(m->keys);
    wt_free(m->vals);
    memset(m, 0, sizeof *m);
}

static int rehash(wt_hmap *m)
{
    wt_hmap n;
    if (wt_hmap_init(&n, m->cap))
        return WT_ENOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t s = slot_of(m->keys[i], n.cap);
        while (n.keys[s])
            s = (s + 1) & (n.cap - 1);
        n.keys[s] = m->keys[i];
        n.vals[s] = m->vals[i];
    }
    n.count = m->count;
    wt_hmap_release(m);
    *m = n;
    return 0;
}

uint64_t *wt_hmap_slot(wt_hmap *m, uint64_t key)
{
    if ((m->count + 1) * 2 > m->cap && rehash(m))
        return NULL;
    size_t s = slot_of(key, m->cap);
    while (m->keys[s] && m->keys[s] != key)
        s = (s + 1) & (m->cap - 1);
    if (!m->keys[s]) {
        m->keys[s] = key;
        m->vals[s] = 0;
        m->count++;
    }
    return &m->vals[s];
}

const uint64_t *wt_hmap_get(const wt_hmap *m, uint64_t key)
{
    if (!m->cap)
        return NULL;
    size_t s = slot_of(key, m->cap);
    while (m->keys[s]) {
        if (m->keys[s] == key)
            return &m->vals[s];
        s = (s + 1) & (m->cap - 1);
    }
    return NULL;
}

int wt_cmp_u64(const void *a, const void *b)
{
    const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}
