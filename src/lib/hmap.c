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
    m->e = wt_calloc(cap, sizeof *m->e);
    if (!m->e) {
        wt_hmap_release(m);
        return WT_ENOMEM;
    }
    m->cap = cap;
    return 0;
}

void wt_hmap_release(wt_hmap *m)
{
    wt_free(m->e);
    memset(m, 0, sizeof *m);
}

static int rehash(wt_hmap *m)
{
    wt_hmap n;
    if (wt_hmap_init(&n, m->cap))
        return WT_ENOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->e[i].key)
            continue;
        size_t s = slot_of(m->e[i].key, n.cap);
        while (n.e[s].key)
            s = (s + 1) & (n.cap - 1);
        n.e[s] = m->e[i];
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
    while (m->e[s].key && m->e[s].key != k)
        s = (s + 1) & (m->cap - 1);
    if (!m->e[s].key) {
        m->e[s].key = k;
        m->e[s].val = 0;
        m->count++;
    }
    return &m->e[s].val;
}

const uint64_t *wt_hmap_get(const wt_hmap *m, uint64_t key)
{
    if (key == APART)
        return m->has_last ? &m->last : NULL;
    if (!m->cap)
        return NULL;
    const uint64_t k = STORED(key);
    size_t s = slot_of(k, m->cap);
    while (m->e[s].key) {
        if (m->e[s].key == k)
            return &m->e[s].val;
        s = (s + 1) & (m->cap - 1);
    }
    return NULL;
}

int wt_hmap_next(const wt_hmap *m, size_t *pos, uint64_t *key, uint64_t *val)
{
    for (; *pos < m->cap; ++*pos)
        if (m->e[*pos].key) {
            *key = m->e[*pos].key - 1;
            *val = m->e[(*pos)++].val;
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
