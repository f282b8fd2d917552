/*
 * alloc.h - every allocation of the library goes through here, so that a
 * test build (-Dalloc_fail=true) can make the Nth allocation fail and prove
 * that each failure path returns WT_ENOMEM without leaking.
 */
#ifndef WT_ALLOC_H
#define WT_ALLOC_H

#include <stddef.h>

void *wt_malloc(size_t n);
void *wt_calloc(size_t count, size_t size);
void *wt_realloc(void *p, size_t n);
/* Grows *p (count elements of size bytes) to hold at least need elements,
 * doubling; returns 0 or WT_ENOMEM (then *p and *cap are unchanged). */
int wt_grow(void *pp, size_t *cap, size_t need, size_t size);
/* Gives back the room of *pp (count elements of size bytes) past its
 * first n, n > 0, and sets *cap (when not NULL) to n: for arrays a
 * corpus keeps after they grew.  A shrink that fails leaves *pp as it
 * was, which costs room, not correctness. */
void wt_shrink(void *pp, size_t *cap, size_t n, size_t size);
char *wt_strdup(const char *s);
char *wt_strndup(const char *s, size_t n);
void wt_free(void *p);

#ifdef WT_ALLOC_FAILPOINTS
/* Test builds only: the nth allocation from now on fails (0 = never).
 * Thread-local so that parallel tests do not disturb each other. */
void wt_alloc_fail_after(long n);
/* How many allocations are left before the armed failure; 0 once it has
 * fired (or when none is armed). */
long wt_alloc_fail_pending(void);
#endif

#endif
