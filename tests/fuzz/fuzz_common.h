/*
 * fuzz_common.h - shared by the fuzz targets: a byte buffer that records
 * what one run produced, so that each target can run its input twice and
 * check that the two records are equal (determinism), and a check that
 * stops the process the same way under libFuzzer and in the replay driver.
 */
#ifndef WT_FUZZ_COMMON_H
#define WT_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                    \
            abort();                                                           \
        }                                                                      \
    } while (0)

typedef struct fuzz_rec {
    unsigned char *b;
    size_t n, cap;
} fuzz_rec;

static inline void rec_bytes(fuzz_rec *r, const void *p, size_t n)
{
    if (r->n + n > r->cap) {
        size_t cap = r->cap ? r->cap : 256;
        while (cap < r->n + n)
            cap *= 2;
        unsigned char *b = realloc(r->b, cap);
        FUZZ_CHECK(b != NULL);
        r->b = b;
        r->cap = cap;
    }
    memcpy(r->b + r->n, p, n);
    r->n += n;
}

static inline void rec_u64(fuzz_rec *r, uint64_t v) { rec_bytes(r, &v, 8); }

static inline void rec_double(fuzz_rec *r, double v)
{
    rec_bytes(r, &v, sizeof v);
}

static inline void rec_str(fuzz_rec *r, const char *s)
{
    if (!s)
        s = "(null)";
    rec_bytes(r, s, strlen(s) + 1);
}

/* Both runs must have produced the same record. */
static inline void rec_check_same(fuzz_rec *a, fuzz_rec *b)
{
    FUZZ_CHECK(a->n == b->n);
    FUZZ_CHECK(a->n == 0 || memcmp(a->b, b->b, a->n) == 0);
    free(a->b);
    free(b->b);
}

/* Runs one target's work twice on the same input and checks that both
 * records are equal: the determinism check every target makes. */
static inline void run_twice(void (*run)(const uint8_t *, size_t, fuzz_rec *),
                             const uint8_t *data, size_t size)
{
    fuzz_rec a = {0}, b = {0};
    run(data, size, &a);
    run(data, size, &b);
    rec_check_same(&a, &b);
}

#endif
