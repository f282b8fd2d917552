/*
 * End-to-end tests on the five real seed articles in
 * ../shared/corpora/seeds (see their README): the links an editor expects,
 * and none of the false ones.
 */
#include "../lib/helpers.h"

#include <stdio.h>

#define S000 0
#define S001 1
#define S002 2
#define S003 3
#define S004 4

static const char *const files[] = {
    "000_1d17b1946fa3511d.txt", "001_777cbfa0a87e8925.txt",
    "002_456bc71f4597db92.txt", "003_6a5e1d8a067ca3da.txt",
    "004_159c066f3eb465c0.txt"};

/* The seeds, with outlet and publication time set on some of them (NULL
 * and 0 leave one alone) before the analysis. */
static wt_corpus *seeds_meta(const char *const outlet[5],
                             const int64_t published[5])
{
    const char *dir = getenv("WT_SEEDS");
    char path[4096];
    if (!dir)
        cr_skip_test("WT_SEEDS not set");
    wt_options o;
    wt_options_init(&o);
    o.lang_dir = test_lang_dir();
    wt_corpus *c = NULL;
    cr_assert_eq(wt_corpus_new(&c, &o), 0);
    for (size_t i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        cr_assert_eq(wt_corpus_add_file(c, path, files[i]), 0, "%s",
                     wt_corpus_error(c));
        if ((outlet && outlet[i]) || (published && published[i]))
            cr_assert_eq(wt_corpus_set_meta(c, i, published ? published[i] : 0,
                                            outlet ? outlet[i] : NULL),
                         0);
    }
    cr_assert_eq(wt_corpus_analyze(c), 0);
    return c;
}

static wt_corpus *seeds(void) { return seeds_meta(NULL, NULL); }

static int starts_with(const wt_corpus *c, size_t d, size_t p,
                       const char *prefix)
{
    char *t = NULL;
    const wt_paragraph *pa = test_para(c, d, p);
    cr_assert_eq(
        wt_document_text(wt_corpus_document(c, d), pa->start, pa->end, &t), 0);
    const int ok = !strncmp(t, prefix, strlen(prefix));
    free(t);
    return ok;
}

Test(seeds, hard_wrapped_lines_are_joined)
{
    wt_corpus *c = seeds();
    cr_assert_eq(wt_document_paragraph_count(wt_corpus_document(c, S000)), 15);
    cr_assert(starts_with(c, S000, 4, "At the NSC meeting"));
    char *t = NULL;
    const wt_paragraph *pa = test_para(c, S000, 4);
    wt_document_text(wt_corpus_document(c, S000), pa->start, pa->end, &t);
    cr_assert(strstr(t, "preparing for potential scenarios"), "%s", t);
    free(t);
    wt_corpus_free(c);
}

Test(seeds, quote_copied_word_for_word_is_verbatim_from_wire)
{
    wt_corpus *c = seeds();
    cr_assert(starts_with(c, S001, 7, "\"If the illegal military"));
    const wt_source *s = test_source_in(c, S001, 7, S000);
    cr_assert_not_null(s);
    cr_assert_eq(s->cls, WT_CLASS_VERBATIM);
    cr_assert_eq(s->paragraph, 1);
    cr_assert_geq(s->span_count, 1);
    cr_assert_not_null(test_source_in(c, S000, 1, S001));
    wt_corpus_free(c);
}

/* The origin of 001's copied quote, seen from both sides. */
static void quote_origin(const wt_corpus *c, wt_origin want)
{
    const wt_source *s = test_source_in(c, S001, 7, S000);
    cr_assert_not_null(s);
    cr_assert_eq(s->origin, want, "001 <- 000: %s", wt_origin_name(s->origin));
    cr_assert_eq(wt_corpus_pair_origin(c, S001, S000), want);
    const wt_source *back = test_source_in(c, S000, 1, S001);
    cr_assert_not_null(back);
    const wt_origin mirror = want == WT_ORIGIN_OTHER  ? WT_ORIGIN_THIS
                             : want == WT_ORIGIN_THIS ? WT_ORIGIN_OTHER
                                                      : WT_ORIGIN_UNKNOWN;
    cr_assert_eq(back->origin, mirror);
}

/* 000 ends "Source: Yonhap News Agency" and 001 says "Yonhap reports":
 * both credit Yonhap, neither is Yonhap, and no time is given, so nothing
 * tells which took from which. */
Test(seeds, without_metadata_the_origin_is_unknown)
{
    wt_corpus *c = seeds();
    for (size_t d = 0; d < 5; d++)
        cr_assert_null(wt_document_outlet(wt_corpus_document(c, d)),
                       "a credit became the outlet of %s", files[d]);
    const wt_document *d0 = wt_corpus_document(c, S000);
    const wt_document *d1 = wt_corpus_document(c, S001);
    cr_assert_eq(wt_document_credit_count(d0), 1);
    cr_assert_str_eq(wt_document_credit(d0, 0)->outlet, "Yonhap");
    cr_assert_eq(wt_document_credit(d0, 0)->kind, WT_CREDIT_CLOSING);
    cr_assert_eq(wt_document_credit_count(d1), 1);
    cr_assert_str_eq(wt_document_credit(d1, 0)->outlet, "Yonhap");
    cr_assert_eq(wt_document_credit(d1, 0)->kind, WT_CREDIT_PROSE);
    /* 002's "... Tuesday. Yonhap" are photo captions. */
    cr_assert_eq(wt_document_credit_count(wt_corpus_document(c, S002)), 0);
    quote_origin(c, WT_ORIGIN_UNKNOWN);
    wt_corpus_free(c);
}

/* With 000's outlet given as Yonhap, 001's credit names it the origin. */
Test(seeds, outlet_metadata_makes_the_wire_the_origin)
{
    const char *const outlet[5] = {"Yonhap News Agency"};
    wt_corpus *c = seeds_meta(outlet, NULL);
    cr_assert_eq(wt_corpus_pair_credits(c, S001, S000), 1);
    cr_assert_eq(wt_corpus_pair_credits(c, S000, S001), 0);
    /* 000's own "Source:" line is now its byline. */
    cr_assert_eq(wt_document_credit(wt_corpus_document(c, S000), 0)->own, 1);
    quote_origin(c, WT_ORIGIN_OTHER);
    wt_corpus_free(c);
}

/* With times only, the earlier document is the origin. */
Test(seeds, times_make_the_wire_the_origin)
{
    const int64_t published[5] = {1729580700, 1729594800};
    wt_corpus *c = seeds_meta(NULL, published);
    quote_origin(c, WT_ORIGIN_OTHER);
    wt_corpus_free(c);
}

Test(seeds, repeated_captions_are_duplicates)
{
    wt_corpus *c = seeds();
    const size_t later[] = {2, 11, 21}, earlier[] = {1, 10, 20};
    for (size_t i = 0; i < 3; i++) {
        const wt_source *s = test_source_in(c, S002, later[i], S002);
        cr_assert_not_null(s, "paragraph %zu", later[i]);
        cr_assert_eq(s->cls, WT_CLASS_DUPLICATE);
        cr_assert_eq(s->paragraph, earlier[i]);
        cr_assert_null(test_source_in(c, S002, earlier[i], S002));
    }
    wt_corpus_free(c);
}

Test(seeds, facts_the_wire_never_reports_stay_unlinked)
{
    wt_corpus *c = seeds();
    /* The roads blown up on October 15, and Jang Ho-jin's remarks. */
    cr_assert(starts_with(c, S001, 14, "On October 15"));
    for (size_t p = 9; p <= 14; p++)
        cr_assert_eq(test_para(c, S001, p)->source_count, 0, "001 ¶%zu", p);
    wt_corpus_free(c);
}

Test(seeds, boilerplate_is_flagged_and_never_evidence)
{
    wt_corpus *c = seeds();
    cr_assert_eq(test_para(c, S000, 13)->boiler, WT_BOILER_CREDIT);
    cr_assert_eq(test_para(c, S002, 4)->boiler, WT_BOILER_BYLINE);
    cr_assert_eq(test_para(c, S002, 28)->boiler, WT_BOILER_SIGNUP);
    cr_assert_eq(test_para(c, S004, 13)->boiler, WT_BOILER_FOLLOW);
    cr_assert_eq(test_para(c, S000, 13)->source_count, 0);
    wt_corpus_free(c);
}

Test(seeds, rewrites_an_editor_points_at)
{
    wt_corpus *c = seeds();
    /* 001's 12,000 troops and 1,500 in the Far East come from 000's NSC
     * paragraph; 002's NATO delegation from 000's. */
    const wt_source *s = test_source_in(c, S001, 4, S000);
    cr_assert_not_null(s);
    cr_assert_eq(s->paragraph, 11);
    s = test_source_in(c, S002, 18, S000);
    cr_assert_not_null(s);
    cr_assert_eq(s->paragraph, 5);
    wt_corpus_free(c);
}

Test(seeds, offsets_point_into_the_files)
{
    wt_corpus *c = seeds();
    const wt_source *s = test_source_in(c, S001, 7, S000);
    cr_assert_not_null(s);
    size_t n0, n1;
    const char *b0 = wt_document_bytes(wt_corpus_document(c, S000), &n0);
    const char *b1 = wt_document_bytes(wt_corpus_document(c, S001), &n1);
    const wt_span *sp = &s->spans[0];
    cr_assert_leq(sp->end, n1);
    cr_assert_leq(sp->source_end, n0);
    cr_assert(!strncmp(b1 + sp->start, "If the illegal", 14));
    cr_assert(!strncmp(b0 + sp->source_start, "If the illegal", 14));
    wt_corpus_free(c);
}

/* Rewrites an editor would point at: the same facts from 000 (the wire),
 * reworded.  (document, paragraph) <- 000 paragraph. */
Test(seeds, rewrites_of_the_wire_are_traced)
{
    wt_corpus *c = seeds();
    static const size_t want[][3] = {
        {S002, 18, 5}, /* Yoon sends a delegation to NATO */
        {S002, 19, 6}, /* a small team to NATO headquarters in Brussels */
        {S002, 5, 10}, /* urged the North to withdraw its troops */
        {S002, 8, 12}, /* a violation of Security Council resolutions */
        {S002, 15, 8}, /* advanced technology for nuclear and missiles */
        {S001, 4, 11}, /* 12,000 troops, 1,500 in the Far East */
        {S001, 6, 12}, /* violation of UN Security Council resolutions */
        {S001, 8, 2},  /* offensive and defensive weapons discussed */
        {S003, 0, 5},  /* Yoon, Rutte and NATO on the phone */
        {S003, 2, 3},  /* June, Kim Jong-un and Putin, non-lethal aid */
        {S004, 3, 8},  /* Russian technology for the North's missiles */
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const wt_source *s = test_source_in(c, want[i][0], want[i][1], S000);
        cr_assert_not_null(s, "%zu ¶%zu has no source in 000", want[i][0],
                           want[i][1]);
        cr_assert_eq(s->paragraph, want[i][2], "%zu ¶%zu <- 000 ¶%zu",
                     want[i][0], want[i][1], s->paragraph);
        cr_assert_leq(s->cls, WT_CLASS_REWRITE);
    }
    wt_corpus_free(c);
}

/* Paragraphs on facts the wire story never reports stay unlinked to it. */
Test(seeds, facts_000_never_reports_have_no_source_in_it)
{
    wt_corpus *c = seeds();
    /* 002: the U.K. strategic dialogue and the UN sanctions panel. */
    for (size_t p = 22; p <= 25; p++)
        cr_assert_eq(test_para(c, S002, p)->source_count, 0, "002 ¶%zu", p);
    /* 003: the Russian ambassador summoned. */
    cr_assert_eq(test_para(c, S003, 4)->source_count, 0);
    /* 004: "a criminal group", Seoul's policy since 2022, Rutte's
     * remarks on Tuesday. */
    const size_t p004[] = {5, 7, 10, 11};
    for (size_t i = 0; i < 4; i++)
        cr_assert_null(test_source_in(c, S004, p004[i], S000), "004 ¶%zu",
                       p004[i]);
    /* 002 ¶7 and 000 ¶0 share only their speaker's title and name
     * ("Principal Deputy National Security Adviser Kim Tae-hyo"). */
    cr_assert_null(test_source_in(c, S002, 7, S000));
    cr_assert_null(test_source_in(c, S000, 0, S002));
    wt_corpus_free(c);
}
