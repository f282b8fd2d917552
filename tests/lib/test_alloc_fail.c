/*
 * test_alloc_fail.c - built only with -Dalloc_fail=true.  Runs each of
 * four scenarios once to count its allocations, then again with the Nth
 * allocation failing for every N up to that count:
 *   compare      three documents with a header, a reprint, an edited
 *                copy, an in-document repeat, credits, an invalid byte
 *                and a refused binary file;
 *   translation  an English and a Spanish story linked as translation
 *                (language detection, lexicon loading, the pivot keys);
 *   index        wt_index_* on a temporary file: open, two adds, a query
 *                (twice: the second from the cache),
 *                a remove, and the file opened again to check what it
 *                holds;
 *   prefilter    the literal screen of the English boilerplate and
 *                credit patterns built and run (the profiles here leave
 *                it out).
 * Each call must return 0 or WT_ENOMEM; a run whose calls all succeeded must give exactly the results
 * of the run without failures.  Under AddressSanitizer the same loops
 * prove that no failure path leaks or touches freed memory.
 */
#include "../fuzz/fuzz_common.h"
#include "alloc.h"
#include "prefilter.h"
#include "wiretrace.h"

#include <unistd.h>

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
        rec_str(r, wt_document_lang(d));
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

/* A translation: the same paragraph in English and in Spanish (linked
 * through the English pivot: the es-en lexicon, names, numbers), each
 * with a paragraph the other does not have.  The languages are detected,
 * not given. */
static const char en_story[] =
    "Defense minister Shin Won-sik said on Monday that the military will "
    "strengthen joint exercises with the United States after North Korea "
    "fired two ballistic missiles.\n\n"
    "The weather in Seoul was cold and clear, and many people went skating "
    "on the frozen river.\n";
static const char es_story[] =
    "El ministro de Defensa, Shin Won-sik, dijo el lunes que el ejército "
    "reforzará los ejercicios conjuntos con Estados Unidos después de que "
    "Corea del Norte disparara dos misiles balísticos.\n\n"
    "El ministro de Defensa visitó una base naval en el sur el jueves para "
    "hablar con los soldados sobre la comida.\n";

/* Whether a corpus holds a translation link. */
static int has_translation(const wt_corpus *c)
{
    for (size_t di = 0; di < wt_corpus_document_count(c); di++) {
        const wt_document *d = wt_corpus_document(c, di);
        for (size_t i = 0; i < wt_document_paragraph_count(d); i++) {
            const wt_paragraph *p = wt_document_paragraph(d, i);
            for (size_t s = 0; s < p->source_count; s++)
                if (p->sources[s].cls == WT_CLASS_TRANSLATION)
                    return 1;
        }
    }
    return 0;
}

static int linked; /* the last successful run found a translation */

static int translation(fuzz_rec *r)
{
    wt_options o;
    wt_options_init(&o);
    wt_corpus *c = NULL;
    int rc = wt_corpus_new(&c, &o);
    if (rc)
        return rc;
    rc = wt_corpus_add_buffer(c, "en", "en", en_story, sizeof en_story - 1);
    const int e =
        wt_corpus_add_buffer(c, "es", "es", es_story, sizeof es_story - 1);
    if (!rc)
        rc = e;
    const int arc = wt_corpus_analyze(c);
    if (!rc)
        rc = arc;
    if (!rc) {
        record(r, c);
        linked = has_translation(c);
    }
    wt_corpus_free(c);
    return rc;
}

/* The index on a temporary file: two articles added, a reprint queried,
 * one article removed.  After the run (failed or not) the file must open
 * again and hold exactly the articles whose add succeeded and that were
 * not removed: a failed call stores nothing and loses nothing. */
static char db_path[4096];

static void remove_db(void)
{
    char p[4096 + 8];
    unlink(db_path);
    snprintf(p, sizeof p, "%s-wal", db_path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", db_path);
    unlink(p);
}

static wt_article article(const char *id, const char *text, size_t len)
{
    wt_article a = {0};
    a.id = id;
    a.text = text;
    a.len = len;
    return a;
}

/* Opens the index again with no failure armed and checks that it holds
 * want documents. */
static void check_stored(uint64_t want)
{
    const long left = wt_alloc_fail_pending();
    wt_alloc_fail_after(0);
    wt_options o;
    wt_options_init(&o);
    wt_index *ix = NULL;
    char err[256];
    FUZZ_CHECK(wt_index_open(&ix, db_path, &o, NULL, err, sizeof err) == 0);
    wt_index_stats st;
    FUZZ_CHECK(wt_index_stats_get(ix, &st) == 0);
    if (st.documents != want)
        fprintf(stderr, "the index holds %llu documents, expected %llu\n",
                (unsigned long long)st.documents, (unsigned long long)want);
    FUZZ_CHECK(st.documents == want);
    wt_index_close(ix);
    wt_alloc_fail_after(left);
}

static int index_run(fuzz_rec *r)
{
    remove_db();
    wt_options o;
    wt_options_init(&o);
    wt_index *ix = NULL;
    char err[256];
    int rc = wt_index_open(&ix, db_path, &o, NULL, err, sizeof err);
    if (rc) {
        FUZZ_CHECK(ix == NULL);
        return rc;
    }
    uint64_t stored = 0;
    const wt_article a[] = {article("wire", wire, sizeof wire - 1),
                            article("other", other, sizeof other - 1)};
    /* A failed add leaves the index usable: go on with the next. */
    for (size_t i = 0; i < 2; i++) {
        int added = 0;
        const int e = wt_index_add(ix, &a[i], &added);
        if (!e)
            stored += (uint64_t)added;
        if (!rc)
            rc = e;
    }
    if (!rc)
        rc = wt_index_commit(ix);
    const wt_corpus *q = NULL;
    const wt_article fresh = article("copy", copy, sizeof copy - 1);
    const int qrc = wt_index_query(ix, &fresh, NULL, &q);
    if (!rc)
        rc = qrc;
    if (!rc)
        record(r, q);
    /* Again: the candidates analyzed are now lent by the index's cache. */
    const int again = wt_index_query(ix, &fresh, NULL, &q);
    if (!rc)
        rc = again;
    if (!rc)
        record(r, q);
    int removed = 0;
    const int rrc = wt_index_remove(ix, "other", &removed);
    if (!rrc)
        stored -= (uint64_t)removed;
    if (!rc)
        rc = rrc;
    if (!rc)
        rec_u64(r, (uint64_t)removed);
    wt_index_close(ix);
    check_stored(stored);
    return rc;
}

typedef int (*scenario)(fuzz_rec *r);

/* Failure points tried per scenario at most: a scenario makes hundreds of
 * thousands of allocations (loading language profiles, lexicons), every
 * run repeats them all, so trying each one is quadratic: hours under the
 * sanitizers.  Every k-th allocation fails instead, k the same from the
 * first to the last, so that each stage is reached; WT_ALLOC_FAIL_EVERY=1
 * (with WT_ALLOC_FAIL_FROM) tries them all, for a long run. */
#define FAIL_POINTS_MAX 60

/*
 * Runs s once to count its allocations, then once more with the Nth
 * allocation failing for every N (every k-th: FAIL_POINTS_MAX).  Each run
 * must return 0 or one of the codes in ok; a run that returned 0 must have
 * recorded what the run without failures recorded.  Returns the reference
 * run's allocations.
 */
static long fail_each(const char *name, scenario s, fuzz_rec *ref,
                      const int *ok, size_t nok)
{
    wt_alloc_fail_after(1L << 40);
    FUZZ_CHECK(s(ref) == 0);
    const long total = (1L << 40) - wt_alloc_fail_pending();
    wt_alloc_fail_after(0);
    FUZZ_CHECK(total > 100);
    long failed = 0, absorbed = 0;
    /* WT_ALLOC_FAIL_FROM=n starts at n, to debug one failure point. */
    const char *from = getenv("WT_ALLOC_FAIL_FROM");
    const char *every = getenv("WT_ALLOC_FAIL_EVERY");
    const long step =
        every && atol(every) > 0 ? atol(every) : total / FAIL_POINTS_MAX + 1;
    for (long n = from ? atol(from) : 1;; n += step) {
        fuzz_rec got = {0};
        wt_alloc_fail_after(n);
        const int rc = s(&got);
        const int fired = wt_alloc_fail_pending() == 0;
        wt_alloc_fail_after(0);
        int allowed = rc == 0;
        for (size_t i = 0; i < nok; i++)
            allowed |= rc == ok[i];
        if (!allowed) {
            fprintf(stderr, "%s: allocation %ld failing gave %s\n", name, n,
                    wt_strerror(rc));
            abort();
        }
        if (rc == 0) {
            /* A failure the library absorbed must not change results. */
            if (got.n != ref->n || memcmp(got.b, ref->b, ref->n))
                fprintf(stderr, "%s: allocation %ld failing changed results\n",
                        name, n);
            FUZZ_CHECK(got.n == ref->n && !memcmp(got.b, ref->b, ref->n));
            absorbed += fired;
        } else {
            failed++;
        }
        free(got.b);
        if (!fired)
            break;
    }
    printf("%s: %ld allocations, every %ld failed in turn; %ld runs failed "
           "cleanly, %ld absorbed the failure with unchanged results\n",
           name, total, step, failed, absorbed);
    return total;
}

/* The prefilter that screens the boilerplate and credit patterns.  This
 * build's profiles leave it out (its many small sets would make each run
 * of the scenarios above slow): here it is built from the English
 * patterns of lang/ ({AGENCY} standing for two names), and run. */
enum { PF_MAX = 256 };
static char *pf_patterns[PF_MAX];
static size_t pf_count;

/* Reads the patterns of lang/en/NAME into pf_patterns, with plain malloc:
 * before any allocation is made to fail. */
static void pf_read(const char *name)
{
    char path[4096], line[8192];
    snprintf(path, sizeof path, "%s/en/%s", wt_default_lang_dir(), name);
    FILE *f = fopen(path, "r");
    FUZZ_CHECK(f != NULL);
    while (fgets(line, sizeof line, f) && pf_count < PF_MAX) {
        const char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab)
            continue;
        line[strcspn(line, "\n")] = '\0';
        char *out = malloc(2 * sizeof line), *o = out;
        FUZZ_CHECK(out != NULL);
        for (const char *c = tab + 1; *c;) {
            if (!strncmp(c, "{AGENCY}", 8)) {
                o += sprintf(o, "(?:\\QYonhap\\E|\\QAP\\E)");
                c += 8;
            } else {
                *o++ = *c++;
            }
        }
        *o = '\0';
        pf_patterns[pf_count++] = out;
    }
    fclose(f);
}

static int prefilter_run(fuzz_rec *r)
{
    static const UChar text[] = u"SEOUL (Yonhap) -- AP said the talks ended. "
                                u"Copyright 2024 Yonhap. Photo / AP";
    wt_prefilter *pf = NULL;
    uint64_t may[WT_PREFILTER_MAX / 64];
    int rc = wt_prefilter_new(&pf, (const char *const *)pf_patterns, pf_count);
    if (!rc)
        rc = wt_prefilter_run(pf, text, (int32_t)(sizeof text / 2 - 1), may);
    for (size_t i = 0; !rc && i < pf_count; i++) {
        rec_u64(r, (may[i / 64] >> (i % 64)) & 1);
        rec_u64(r, wt_prefilter_clauses(pf, i));
    }
    wt_prefilter_free(pf);
    for (size_t i = 0; !rc && i < pf_count; i++) {
        char *cut = NULL;
        if (!(rc = wt_prefilter_strip_lookaround(pf_patterns[i], &cut)))
            rec_str(r, cut);
        wt_free(cut);
    }
    return rc;
}

/* Whether to run the scenario name: WT_ALLOC_FAIL_ONLY=name runs one. */
static int wanted(const char *name)
{
    const char *only = getenv("WT_ALLOC_FAIL_ONLY");
    return !only || !*only || !strcmp(only, name);
}

int main(void)
{
    static const int enomem[] = {WT_ENOMEM};
    const char *tmp = getenv("TMPDIR");
    snprintf(db_path, sizeof db_path, "%s/wt_alloc_fail_%ld.db",
             tmp && *tmp ? tmp : "/tmp", (long)getpid());
    setvbuf(stdout, NULL, _IOLBF, 0);
    long runs = 0;
    fuzz_rec ref = {0};

    if (wanted("compare")) {
        runs += fail_each("compare", compare, &ref, enomem, 1);
        free(ref.b);
        ref = (fuzz_rec){0};
    }
    if (wanted("translation")) {
        runs += fail_each("translation", translation, &ref, enomem, 1);
        free(ref.b);
        ref = (fuzz_rec){0};
        /* Without the es-en lexicon (its dictionary package missing) the
         * pair may not link, and the translation stage is barely run. */
        if (!linked)
            fprintf(stderr, "translation: the pair was not linked (is "
                            "dict-freedict-spa-eng installed?)\n");
    }
    if (wanted("index")) {
        runs += fail_each("index", index_run, &ref, enomem, 1);
        free(ref.b);
        remove_db();
        ref = (fuzz_rec){0};
    }
    if (wanted("prefilter")) {
        pf_read("boilerplate.txt");
        pf_read("credits.txt");
        runs += fail_each("prefilter", prefilter_run, &ref, enomem, 1);
        free(ref.b);
        for (size_t i = 0; i < pf_count; i++)
            free(pf_patterns[i]);
    }

    printf("%ld passed, 0 failed\n", runs);
    return 0;
}
