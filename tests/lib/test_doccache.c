/* Tests of doccache.c: a kept document is lent to one holder at a time,
 * known by number and tag, and one drawn at random goes when the budget
 * is full. */
#include "helpers.h"
#include "alloc.h"
#include "doccache.h"

#include <pthread.h>
#include <stdatomic.h>

/* A document of about n bytes as the cache counts them. */
static wt_document *doc_of(size_t n)
{
    wt_document *d = wt_calloc(1, sizeof *d);
    cr_assert(d);
    d->nbytes = n;
    d->bytes = wt_malloc(n + 1);
    cr_assert(d->bytes);
    return d;
}

/* Whether number num with tag can be lent now: the lend is given back at
 * once.  The document, or NULL. */
static wt_document *lendable(wt_doccache *dc, int64_t num, uint64_t tag)
{
    wt_document *d = wt_doccache_lend(dc, num, tag);
    if (d)
        wt_document_release(d);
    return d;
}

Test(doccache, lends_a_kept_document_to_one_holder_at_a_time)
{
    wt_doccache *dc = NULL;
    cr_assert_eq(wt_doccache_new(&dc, 1 << 20), 0);
    wt_document *d = doc_of(100);
    cr_assert_eq(wt_doccache_put(dc, 7, 42, d), 0);
    cr_assert_eq(d->shares, 1, "the maker and the cache hold it");
    cr_assert_null(wt_doccache_lend(dc, 7, 42), "still held by its maker");
    wt_document_release(d); /* the maker lets go */
    cr_assert_eq(wt_doccache_lend(dc, 7, 42), d);
    cr_assert_eq(d->shares, 1, "the cache and the borrower hold it");
    cr_assert_null(wt_doccache_lend(dc, 7, 42), "lent already");
    cr_assert_null(wt_doccache_lend(dc, 7, 43), "another tag: replaced");
    cr_assert_null(wt_doccache_lend(dc, 8, 42), "another number");
    wt_doccache_free(dc); /* the borrower still holds it */
    cr_assert_eq(d->shares, 0);
    wt_document_release(d);
}

/* One article analyzed again while its kept copy was lent is kept as a
 * second copy, so that two queries at once find it; an article replaced
 * since drops every copy. */
Test(doccache, keeps_a_copy_for_each_query_at_once)
{
    wt_doccache *dc = NULL;
    cr_assert_eq(wt_doccache_new(&dc, 1 << 20), 0);
    wt_document *a = doc_of(100), *b = doc_of(100);
    cr_assert_eq(wt_doccache_put(dc, 7, 1, a), 0);
    cr_assert_eq(wt_doccache_put(dc, 7, 1, b), 0); /* a still held */
    wt_document_release(a);
    wt_document_release(b);
    wt_document *x = wt_doccache_lend(dc, 7, 1);
    wt_document *y = wt_doccache_lend(dc, 7, 1);
    cr_assert(x && y && x != y, "both copies lent, one each");
    cr_assert_null(wt_doccache_lend(dc, 7, 1), "both lent already");
    uint64_t hits, misses;
    size_t docs, bytes;
    wt_doccache_counts(dc, &hits, &misses, &docs, &bytes);
    cr_assert_eq(hits, 2);
    cr_assert_eq(misses, 1);
    cr_assert_eq(docs, 2);
    cr_assert_eq(bytes, 2 * wt_document_footprint(a));
    wt_document_release(x);
    wt_document_release(y);
    wt_document *c = doc_of(100);
    cr_assert_eq(wt_doccache_put(dc, 7, 2, c), 0); /* replaced */
    wt_document_release(c);
    cr_assert_null(lendable(dc, 7, 1), "the old copies are gone");
    cr_assert_eq(lendable(dc, 7, 2), c);
    wt_doccache_free(dc);
}

/* Threads lending, keeping and giving back documents of a few numbers in
 * one cache, as a service's workers do: no document is lent to two at
 * once (each borrower marks it while it holds it: copies of one number
 * may be lent at once, one document never), and every document is freed
 * once (the sanitizer builds see a double free or a leak).  The threads
 * count what they see; the test thread asserts.  The mark is the test
 * documents' unused lang_percent, changed with GCC's atomic builtins. */
typedef struct share_run {
    wt_doccache *dc;
    atomic_int twice;  /* lends that found a borrower already */
    atomic_int wrong;  /* lends of another number's document */
    atomic_int failed; /* puts out of memory */
    unsigned seed;
} share_run;

static void *share_worker(void *arg)
{
    share_run *r = arg;
    unsigned x = r->seed;
    for (int i = 0; i < 3000; i++) {
        x = x * 1103515245u + 12345u;
        const int64_t num = (x >> 16) % 8;
        wt_document *d = wt_doccache_lend(r->dc, num, 1);
        if (!d) { /* analyze it again, keep it, let go */
            d = doc_of(100 + (size_t)num);
            if (wt_doccache_put(r->dc, num, 1, d))
                atomic_fetch_add(&r->failed, 1);
            wt_document_release(d);
            continue;
        }
        if (__atomic_fetch_add(&d->lang_percent, 1, __ATOMIC_SEQ_CST))
            atomic_fetch_add(&r->twice, 1);
        if (d->nbytes != 100 + (size_t)num)
            atomic_fetch_add(&r->wrong, 1);
        __atomic_fetch_sub(&d->lang_percent, 1, __ATOMIC_SEQ_CST);
        wt_document_release(d);
    }
    return NULL;
}

Test(doccache, shared_by_threads_lends_each_to_one_at_a_time)
{
    share_run r[4];
    pthread_t t[4];
    wt_doccache *dc = NULL;
    /* Room for some of the eight: puts drop others while they are lent. */
    cr_assert_eq(wt_doccache_new(&dc, 5 * wt_document_footprint(
                                              &(wt_document){.nbytes = 107})),
                 0);
    for (int i = 0; i < 4; i++) {
        r[i] = (share_run){.dc = dc, .seed = 17u * i + 1};
        cr_assert_eq(pthread_create(&t[i], NULL, share_worker, &r[i]), 0);
    }
    int twice = 0, wrong = 0, failed = 0;
    for (int i = 0; i < 4; i++) {
        cr_assert_eq(pthread_join(t[i], NULL), 0);
        twice += atomic_load(&r[i].twice);
        wrong += atomic_load(&r[i].wrong);
        failed += atomic_load(&r[i].failed);
    }
    cr_assert_eq(failed, 0);
    cr_assert_eq(twice, 0, "a document lent to two threads at once");
    cr_assert_eq(wrong, 0, "another number's document lent");
    wt_doccache_free(dc);
}

Test(doccache, stays_within_the_budget)
{
    wt_document *d[3];
    for (int i = 0; i < 3; i++)
        d[i] = doc_of(1000);
    const size_t one = wt_document_footprint(d[0]);
    wt_doccache *dc = NULL;
    cr_assert_eq(wt_doccache_new(&dc, 2 * one), 0);
    for (int i = 0; i < 3; i++) {
        cr_assert_eq(wt_doccache_put(dc, i, 1, d[i]), 0);
        wt_document_release(d[i]);
    }
    int held = 0;
    for (int i = 0; i < 3; i++)
        held += lendable(dc, i, 1) != NULL;
    cr_assert_eq(held, 2, "one of three dropped for the third");
    cr_assert_eq(lendable(dc, 2, 1), d[2], "the newest is kept");
    /* Larger than the whole budget: not kept, nothing dropped. */
    wt_document *big = doc_of(3 * one);
    cr_assert_eq(wt_doccache_put(dc, 9, 1, big), 0);
    cr_assert_eq(big->shares, 0);
    wt_document_release(big);
    cr_assert_eq(lendable(dc, 2, 1), d[2]);
    /* The same number again replaces what was kept for it. */
    wt_document *again = doc_of(10);
    cr_assert_eq(wt_doccache_put(dc, 2, 2, again), 0);
    wt_document_release(again);
    cr_assert_null(lendable(dc, 2, 1));
    cr_assert_eq(lendable(dc, 2, 2), again);
    wt_doccache_free(dc);
}

Test(doccache, keeps_nothing_with_no_budget)
{
    wt_doccache *dc = NULL;
    cr_assert_eq(wt_doccache_new(&dc, 0), 0);
    wt_document *d = doc_of(1);
    cr_assert_eq(wt_doccache_put(dc, 1, 1, d), 0);
    cr_assert_eq(d->shares, 0);
    cr_assert_null(lendable(dc, 1, 1));
    wt_document_release(d);
    wt_doccache_free(dc);
}

/* Queries cycling through twice the documents that fit: strict LRU would
 * miss every time; drawing the one to drop keeps some for the next round. */
Test(doccache, a_cycle_larger_than_the_budget_still_finds_some)
{
    enum { FIT = 50, CYCLE = 100 };
    wt_document *probe = doc_of(1000);
    const size_t one = wt_document_footprint(probe);
    wt_document_release(probe);
    wt_doccache *dc = NULL;
    cr_assert_eq(wt_doccache_new(&dc, FIT * one), 0);
    size_t hits = 0;
    for (int round = 0; round < 4; round++)
        for (int64_t num = 0; num < CYCLE; num++) {
            if (lendable(dc, num, 1)) {
                hits += round > 0;
                continue;
            }
            wt_document *d = doc_of(1000);
            cr_assert_eq(wt_doccache_put(dc, num, 1, d), 0);
            wt_document_release(d);
        }
    cr_assert_gt(hits, 3 * CYCLE / 10, "%zu hits in 3 rounds of %d", hits,
                 CYCLE);
    wt_doccache_free(dc);
}

/* Lends every free copy of num; returns how many, giving them back. */
static size_t copies_of(wt_doccache *dc, int64_t num)
{
    wt_document *got[8];
    size_t n = 0;
    while (n < 8 && (got[n] = wt_doccache_lend(dc, num, 1)))
        n++;
    for (size_t i = 0; i < n; i++)
        wt_document_release(got[i]);
    return n;
}

/* Thousands of numbers kept and dropped, with copies, in a cache holding
 * a few dozen (as a service's cache over a day): every copy kept is found
 * by its number, and found free exactly when it can be lent. */
Test(doccache, finds_every_copy_kept_after_many_numbers)
{
    enum { NUMS = 5000 };
    wt_document *probe = doc_of(100);
    const size_t one = wt_document_footprint(probe);
    wt_document_release(probe);
    wt_doccache *dc = NULL;
    cr_assert_eq(wt_doccache_new(&dc, 40 * one), 0);
    for (int64_t num = 0; num < NUMS; num++) {
        wt_document *d[3];
        const size_t copies = 1 + (size_t)num % 3;
        for (size_t i = 0; i < copies; i++) /* all held: kept beside */
            cr_assert_eq(wt_doccache_put(dc, num, 1, d[i] = doc_of(100)), 0);
        for (size_t i = 0; i < copies; i++)
            wt_document_release(d[i]);
        /* The last is kept; room for it may have cost an earlier one. */
        const size_t n = copies_of(dc, num);
        cr_assert(n >= 1 && n <= copies, "number %lld: %zu of %zu",
                  (long long)num, n, copies);
    }
    size_t found = 0;
    for (int64_t num = 0; num < NUMS; num++) {
        unsigned char free = 9;
        wt_doccache_free_copies(dc, &num, 1, &free);
        const size_t n = copies_of(dc, num);
        cr_assert_eq(free, n > 0, "number %lld", (long long)num);
        found += n;
    }
    uint64_t hits, misses;
    size_t docs, bytes;
    wt_doccache_counts(dc, &hits, &misses, &docs, &bytes);
    cr_assert_eq(found, docs);
    cr_assert_leq(bytes, 40 * one);
    wt_doccache_free(dc);
}
