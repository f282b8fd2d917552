/* alloc.c - the allocation wrappers declared in alloc.h. */
#include "alloc.h"
#include "wiretrace.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef WT_ALLOC_FAILPOINTS
static _Thread_local long fail_countdown;

void wt_alloc_fail_after(long n) { fail_countdown = n; }

long wt_alloc_fail_pending(void) { return fail_countdown; }

static int should_fail(void)
{
    if (fail_countdown <= 0)
        return 0;
    return --fail_countdown == 0;
}
#else
static int should_fail(void) { return 0; }
#endif

void *wt_malloc(size_t n)
{
    if (should_fail())
        return NULL;
    return malloc(n ? n : 1);
}

void *wt_calloc(size_t count, size_t size)
{
    if (should_fail())
        return NULL;
    return calloc(count ? count : 1, size ? size : 1);
}

void *wt_realloc(void *p, size_t n)
{
    if (should_fail())
        return NULL;
    return realloc(p, n ? n : 1);
}

int wt_grow(void *pp, size_t *cap, size_t need, size_t size)
{
    void **p = pp;
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / size)
            return WT_ENOMEM;
        ncap *= 2;
    }
    void *np = wt_realloc(*p, ncap * size);
    if (!np)
        return WT_ENOMEM;
    *p = np;
    *cap = ncap;
    return 0;
}

void wt_shrink(void *pp, size_t *cap, size_t n, size_t size)
{
    void **p = pp;
    if (!*p || !n || (cap && *cap <= n))
        return;
    void *np = wt_realloc(*p, n * size);
    if (!np)
        return;
    *p = np;
    if (cap)
        *cap = n;
}

char *wt_strndup(const char *s, size_t n)
{
    char *d = wt_malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *wt_strdup(const char *s) { return wt_strndup(s, strlen(s)); }

void wt_free(void *p) { free(p); }
