/*
 * test_alloc_fail.c - built only with -Dalloc_fail=true.  Runs a whole
 * compare (three documents with a header, a reprint, an edited copy, an
 * in-document repeat, credits, an invalid byte and a refused binary file)
 * once to count its allocations, then again with the Nth allocation
 * failing for every N up to that count.  Each call must return 0 or
 * WT_ENOMEM; a run whose calls all succeeded must give exactly the report
 * of the run without failures.  Under AddressSanitizer the same loop
 * proves that no failure path leaks or touches freed memory.
 */
#include "../fuzz/fuzz_common.h"
#include "alloc.h"
#include "wiretrace.h"

static const char wire[] =
    "Outlet: Meridian Press Agency\n"
    "Date: 2026-03-14T08:05:00Z\n"
    "Title: Dockworkers strike\n\n"
    "HARBORTON, March 14 (MPA) -- About 2,300 dockworkers walked off the "
    "job at the Port of Harborton early on Saturday, leaving 12,500 "
    "containers stranded on the quays, port officials said.\n\n"
    "The strike began at 6 a.m. local time after talks over pay and "
    "automation collapsed late on Friday.\n\n"
    "About 2,300 dockworkers walked off the job at the Port of Harborton "
    "early on Saturday, leaving 12,500 containers stranded on the quays.\n";
static const char copy[] =
    "Date: 2026-03-15\n\n"
    "About 2,300 dockworkers walked off the job at the Port of Harborton "
    "early on Saturday, leaving 12,500 containers stranded on the quays, "
    "port officials said, Meridian Press Agency reports.\n\n"
    "The strike started at 6 a.m. local time after the talks over pay "
    "and \xff automation broke down on Friday.\n\n"
    "Source: Meridian Press Agency\n";
static const char other[] =
    "City council approves the new budget for the library and parks "
    "after a long debate on Tuesday evening.\n";

static void record(fuzz_rec *r, const wt_corpus *c)
{
    for (size_t di = 0; di < wt_corpus_document_count(c); di++) {
        const wt_document *d = wt_corpus_document(c, di);
        rec_str(r, wt_document_outlet(d));
        for (size_t i = 0; i < wt_document_credit_count(d); i++) {
            const wt_credit *cr = wt_document_credit(d, i);
            rec_str(r, cr->outlet);
            rec_u64(r, cr->start);
            rec_u64(r, cr->kind);
            rec_u64(r, (uint64_t)cr->own);
        }
        for (size_t i = 0; i < wt_document_paragraph_count(d); i++) {
            const wt_paragraph *p = wt_document_paragraph(d, i);
            rec_u64(r, p->start);
            rec_u64(r, p->boiler);
            for (size_t s = 0; s < p->source_count; s++) {
                rec_u64(r, p->sources[s].document);
                rec_u64(r, p->sources[s].paragraph);
                rec_u64(r, p->sources[s].cls);
                rec_u64(r, p->sources[s].origin);
                rec_u64(r, p->sources[s].span_count);
            }
        }
    }
}

/* One whole compare; returns 0, or the first error of a call. */
static int compare(fuzz_rec *r)
{
    wt_options o;
    wt_options_init(&o);
    wt_corpus *c = NULL;
    int rc = wt_corpus_new(&c, &o);
    if (rc)
        return rc;
    const char *texts[] = {wire, copy, "bin\0ary", other};
    const size_t lens[] = {sizeof wire - 1, sizeof copy - 1, 7,
                           sizeof other - 1};
    /* A failed add leaves the corpus usable: go on with the others. */
    for (size_t i = 0; i < 4; i++) {
        char id[8];
        snprintf(id, sizeof id, "d%zu", i);
        int e = wt_corpus_add_buffer(c, id, id, texts[i], lens[i]);
        if (i == 2 && e == WT_ENOTTEXT)
            e = 0; /* refused as binary, as it should be */
        if (!rc)
            rc = e;
    }
    if (!rc)
        rc = wt_corpus_set_meta(c, 1, 0, "Harborton Daily");
    const int arc = wt_corpus_analyze(c);
    if (!rc)
        rc = arc;
    if (!rc) {
        double sa, sb, sim;
        rc = wt_corpus_pair(c, 0, 1, &sa, &sb, &sim);
        record(r, c);
    }
    char *text = NULL;
    if (!rc)
        rc = wt_document_text(wt_corpus_document(c, 0), 0, 200, &text);
    if (text)
        rec_str(r, text);
    free(text);
    wt_corpus_free(c);
    return rc;
}

int main(void)
{
    fuzz_rec ref = {0};
    wt_alloc_fail_after(1L << 40);
    FUZZ_CHECK(compare(&ref) == 0);
    const long total = (1L << 40) - wt_alloc_fail_pending();
    FUZZ_CHECK(total > 100);
    long failed = 0, ok = 0;
    /* WT_ALLOC_FAIL_FROM=n starts at n, to debug one failure point. */
    const char *from = getenv("WT_ALLOC_FAIL_FROM");
    for (long n = from ? atol(from) : 1;; n++) {
        fuzz_rec got = {0};
        wt_alloc_fail_after(n);
        const int rc = compare(&got);
        const int fired = wt_alloc_fail_pending() == 0;
        wt_alloc_fail_after(0);
        if (rc != 0 && rc != WT_ENOMEM) {
            fprintf(stderr, "allocation %ld failing gave %s\n", n,
                    wt_strerror(rc));
            abort();
        }
        if (rc == 0) {
            /* A failure the library absorbed must not change results. */
            if (got.n != ref.n || memcmp(got.b, ref.b, ref.n))
                fprintf(stderr, "allocation %ld failing changed the "
                        "report\n", n);
            FUZZ_CHECK(got.n == ref.n && !memcmp(got.b, ref.b, ref.n));
            ok++;
        } else {
            failed++;
        }
        free(got.b);
        if (!fired)
            break;
    }
    free(ref.b);
    printf("%ld allocations in a compare; %ld runs returned WT_ENOMEM, "
           "%ld succeeded\n", total, failed, ok);
    printf("%ld passed, 0 failed\n", failed + ok);
    return 0;
}
