/*
 * hmap.h - an open-addressing map from 64-bit keys to 64-bit values (linear
 * probing, power-of-two size).  Key 0 is reserved; callers hash their keys
 * first, so a key of 0 is remapped to 1 by the callers that can meet it.
 */
#ifndef WT_HMAP_H
#define WT_HMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct wt_hmap {
    uint64_t *keys;
    uint64_t *vals;
    size_t cap; /* power of two */
    size_t count;
} wt_hmap;

int wt_hmap_init(wt_hmap *m, size_t expected);
void wt_hmap_release(wt_hmap *m);
/* Returns a pointer to the value of key, inserting 0 first if absent; NULL
 * when growing fails. */
uint64_t *wt_hmap_slot(wt_hmap *m, uint64_t key);
/* Returns a pointer to the value of key, or NULL if absent. */
const uint64_t *wt_hmap_get(const wt_hmap *m, uint64_t key);

/* qsort/bsearch order of uint64_t keys, the one comparator for them. */
int wt_cmp_u64(const void *a, const void *b);

#endif
