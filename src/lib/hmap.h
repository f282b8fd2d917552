/*
 * hmap.h - an open-addressing map from 64-bit keys to 64-bit values (linear
 * probing, power-of-two size).  Every key is allowed: the map keeps its own
 * marker for an empty slot, so callers pass their keys as they are.
 * Internal.
 */
#ifndef WT_HMAP_H
#define WT_HMAP_H

#include <stddef.h>
#include <stdint.h>

/* A key and its value side by side: a lookup reads one cache line. */
typedef struct wt_hmap_entry {
    uint64_t key; /* key + 1; 0 marks an empty slot */
    uint64_t val;
} wt_hmap_entry;

typedef struct wt_hmap {
    wt_hmap_entry *e;
    size_t cap;    /* power of two */
    size_t count;  /* keys held, the one in `last` included */
    int has_last;  /* UINT64_MAX (whose key + 1 is 0) is held apart */
    uint64_t last; /* its value */
} wt_hmap;

int wt_hmap_init(wt_hmap *m, size_t expected);
void wt_hmap_release(wt_hmap *m);
/* Returns a pointer to the value of key, inserting 0 first if absent; NULL
 * when growing fails. */
uint64_t *wt_hmap_slot(wt_hmap *m, uint64_t key);
/* Returns a pointer to the value of key, or NULL if absent. */
const uint64_t *wt_hmap_get(const wt_hmap *m, uint64_t key);

/* Walks the entries in slot order: start with *pos = 0; each call sets
 * *key and *val and returns 1, or returns 0 after the last entry.  The
 * order depends only on the keys inserted, never on the run. */
int wt_hmap_next(const wt_hmap *m, size_t *pos, uint64_t *key, uint64_t *val);

#endif
