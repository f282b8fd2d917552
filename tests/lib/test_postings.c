/* Tests of postings.c: wt_postings_fill() leaves the array that adding
 * every record and sorting gives, for any number of sources and threads,
 * on both sides of the size where the sort spreads; a source's failure is
 * returned.  And the runs grouped over it. */
#include "helpers.h"
#include "postings.h"
#include "tuning.h"
#include "wiretrace.h"

#include <stdlib.h>
#include <string.h>

static uint64_t next(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s;
}

/* Source i puts records [at[i], at[i + 1]) of the table. */
typedef struct table {
    const wt_posting *rec;
    const size_t *at;
    size_t fail_at; /* the source that fails, or SIZE_MAX */
    int failed_writing;
} table;

static int put_table(void *ctx, size_t src, wt_postings_sink *sink)
{
    table *t = ctx;
    if (src == t->fail_at) {
        t->failed_writing |= sink->v != NULL;
        return WT_EINVAL;
    }
    for (size_t i = t->at[src]; i < t->at[src + 1]; i++)
        wt_postings_put(sink, t->rec[i].key, t->rec[i].id, t->rec[i].tag);
    return 0;
}

/* n records with few distinct keys when narrow (long runs), their ids
 * distinct per key, split among nsrc sources of uneven sizes. */
static void make(wt_posting *rec, size_t n, size_t *at, size_t nsrc, int narrow,
                 uint64_t *seed)
{
    for (size_t i = 0; i < n; i++) {
        const uint64_t k = next(seed);
        rec[i] = (wt_posting){narrow ? (k % 97) << 57 | (k % 3) : k,
                              (uint32_t)i, (uint32_t)(i % 13)};
    }
    at[0] = 0;
    for (size_t s = 1; s < nsrc; s++) {
        const size_t left = n - at[s - 1];
        at[s] = at[s - 1] +
                (left ? next(seed) % (2 * left / (nsrc - s + 1) + 1) : 0);
        if (at[s] > n)
            at[s] = n;
    }
    at[nsrc] = n;
}

static void check(size_t n, size_t nsrc, unsigned threads, int narrow,
                  uint64_t *seed)
{
    wt_posting *rec = malloc((n + 1) * sizeof *rec);
    size_t *at = malloc((nsrc + 1) * sizeof *at);
    cr_assert(rec && at);
    make(rec, n, at, nsrc, narrow, seed);
    wt_postings want = {0}, got = {0};
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(wt_postings_add(&want, rec[i].key, rec[i].id, rec[i].tag),
                     0);
    wt_postings_sort(&want, 1);
    table t = {rec, at, SIZE_MAX, 0};
    cr_assert_eq(wt_postings_fill(&got, nsrc, put_table, &t, threads), 0);
    cr_assert_eq(got.n, n, "n %zu sources %zu threads %u", n, nsrc, threads);
    cr_assert(!n || !memcmp(got.v, want.v, n * sizeof *got.v),
              "n %zu sources %zu threads %u narrow %d", n, nsrc, threads,
              narrow);
    wt_postings_release(&want);
    wt_postings_release(&got);
    free(rec);
    free(at);
}

Test(postings, fill_is_add_then_sort)
{
    uint64_t seed = 7;
    static const size_t sizes[] = {0, 1, 5, 300, 5000, WT_SPREAD_MIN + 4321};
    static const size_t sources[] = {1, 2, 7, 64};
    static const unsigned threads[] = {1, 2, 4};
    for (size_t a = 0; a < sizeof sizes / sizeof *sizes; a++)
        for (size_t b = 0; b < sizeof sources / sizeof *sources; b++)
            for (size_t c = 0; c < sizeof threads / sizeof *threads; c++)
                for (int narrow = 0; narrow < 2; narrow++)
                    check(sizes[a], sources[b], threads[c], narrow, &seed);
}

Test(postings, fill_of_no_source)
{
    wt_postings p = {0};
    table t = {NULL, NULL, SIZE_MAX, 0};
    cr_assert_eq(wt_postings_fill(&p, 0, put_table, &t, 2), 0);
    cr_assert_eq(p.n, 0);
    wt_postings_release(&p);
}

Test(postings, fill_returns_a_source_failure)
{
    uint64_t seed = 3;
    wt_posting rec[200];
    size_t at[5];
    make(rec, 200, at, 4, 0, &seed);
    for (unsigned threads = 1; threads <= 2; threads++) {
        wt_postings p = {0};
        table t = {rec, at, 2, 0};
        cr_assert_eq(wt_postings_fill(&p, 4, put_table, &t, threads),
                     WT_EINVAL);
        cr_assert_not(t.failed_writing, "failed while counting: never wrote");
        cr_assert_eq(p.n, 0);
        wt_postings_release(&p);
    }
}

/* Every record lies in the run of its key, and each id lists its runs in
 * key order, once per record: KEYS keys each held once by every id, put in
 * a shuffled order. */
Test(postings, runs_over_a_fill)
{
    uint64_t seed = 11;
    enum { IDS = 500, KEYS = 40, N = IDS * KEYS, SOURCES = 9 };
    wt_posting *rec = malloc(N * sizeof *rec);
    cr_assert(rec);
    for (size_t i = 0; i < N; i++)
        rec[i] = (wt_posting){(uint64_t)(i / IDS) << 57 | (i / IDS),
                              (uint32_t)(i % IDS), 0};
    for (size_t i = N - 1; i > 0; i--) {
        const size_t j = next(&seed) % (i + 1);
        const wt_posting x = rec[i];
        rec[i] = rec[j];
        rec[j] = x;
    }
    size_t at[SOURCES + 1];
    for (size_t s = 0; s <= SOURCES; s++)
        at[s] = (size_t)N * s / SOURCES;
    wt_postings p = {0};
    table t = {rec, at, SIZE_MAX, 0};
    cr_assert_eq(wt_postings_fill(&p, SOURCES, put_table, &t, 2), 0);
    wt_posting_runs r;
    cr_assert_eq(wt_posting_runs_build(&p, IDS, &r), 0);
    cr_assert_eq(r.nruns, KEYS);
    size_t listed = 0;
    for (size_t id = 0; id < IDS; id++)
        for (size_t i = r.id_at[id]; i < r.id_at[id + 1]; i++, listed++) {
            const uint32_t run = r.run_of[i];
            cr_assert(run < r.nruns);
            if (i > r.id_at[id])
                cr_assert(run > r.run_of[i - 1], "runs in key order");
            size_t hit = 0;
            for (size_t x = r.start[run]; x < r.start[run + 1]; x++) {
                cr_assert_eq(p.v[x].key, p.v[r.start[run]].key);
                hit += p.v[x].id == id;
            }
            cr_assert_eq(hit, 1);
        }
    cr_assert_eq(listed, p.n);
    wt_posting_runs_release(&r);
    wt_postings_release(&p);
    free(rec);
}
