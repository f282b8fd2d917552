/* hmap.c - see hmap.h. */
#include "hmap.h"
#include "alloc.h"
#include "wiretrace.h"

#include <string.h>

/* Slots hold key + 1 so that 0 can mark an empty one; the one key whose
 * successor wraps to 0 is held outside the table. */
#define STORED(key) ((key) + 1)
#define APART UINT64_MAX

static size_t slot_of(uint64_t stored, size_t cap)
{
    stored ^= stored >> 33;
    stored *= 0xff51afd7ed558ccdULL;
    stored ^= stored >> 33;
    return (size_t)stored & (cap - 1);
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
    n.has_last = m->has_last;
    n.last = m->last;
    wt_hmap_release(m);
    *m = n;
    return 0;
}

uint64_t *wt_hmap_slot(wt_hmap *m, uint64_t key)
{
    if (key == APART) {
        if (!m->has_last) {
            m->has_last = 1;
            m->last = 0;
            m->count++;
        }
        return &m->last;
    }
    if ((m->count + 1) * 2 > m->cap && rehash(m))
        return NULL;
    const uint64_t k = STORED(key);
    size_t s = slot_of(k, m->cap);
    while (m->keys[s] && m->keys[s] != k)
        s = (s + 1) & (m->cap - 1);
    if (!m->keys[s]) {
        m->keys[s] = k;
        m->vals[s] = 0;
        m->count++;
    }
    return &m->vals[s];
}

const uint64_t *wt_hmap_get(const wt_hmap *m, uint64_t key)
{
    if (key == APART)
        return m->has_last ? &m->last : NULL;
    if (!m->cap)
        return NULL;
    const uint64_t k = STORED(key);
    size_t s = slot_of(k, m->cap);
    while (m->keys[s]) {
        if (m->keys[s] == k)
            return &m->vals[s];
        s = (s + 1) & (m->cap - 1);
    }
    return NULL;
}

int wt_hmap_next(const wt_hmap *m, size_t *pos, uint64_t *key, uint64_t *val)
{
    for (; *pos < m->cap; ++*pos)
        if (m->keys[*pos]) {
            *key = m->keys[*pos] - 1;
            *val = m->vals[(*pos)++];
            return 1;
        }
    if (*pos == m->cap && m->has_last) {
        ++*pos;
        *key = APART;
        *val = m->last;
        return 1;
    }
    return 0;
}
