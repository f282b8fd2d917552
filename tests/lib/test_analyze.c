/* Tests of analyze.c: the cross-document stage run on documents the
 * per-document stages prepared, without the corpus around it. */
#include "helpers.h"

#include "analyze.h"
#include "corpus.h"

static const char *const wire =
    "SEOUL, Oct. 22 (Yonhap) -- South Korea will consider supplying "
    "weapons to Ukraine in phases, the presidential office said Tuesday, "
    "after North Korea sent about 1,500 special forces troops to Russia.\n\n"
    "The National Intelligence Service said the troops were moved on "
    "Russian navy ships from Chongjin to Vladivostok last week.\n";

static const char *const reprint =
    "SEOUL, Oct. 22 (Yonhap) -- South Korea will consider supplying "
    "weapons to Ukraine in phases, the presidential office said Tuesday, "
    "after North Korea sent about 1,500 special forces troops to Russia.\n\n"
    "Analysts in Seoul expect the decision to strain relations with "
    "Moscow for years to come.\n";

static const char *const other =
    "The regional council approved a new tram line through Northfield on "
    "Tuesday, after a vote of 31 to 12 in the chamber.\n";

/* Documents added but not analyzed: the job runs on them by hand. */
static wt_corpus *prepared(const char *const *texts, size_t n)
{
    wt_options o;
    wt_options_init(&o);
    o.lang_dir = test_lang_dir();
    wt_corpus *c = NULL;
    cr_assert_eq(wt_corpus_new(&c, &o), 0);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "d%zu", i);
        cr_assert_eq(
            wt_corpus_add_buffer(c, id, id, texts[i], strlen(texts[i])), 0);
    }
    return c;
}

static int run(wt_corpus *c, size_t focus, wt_idf *idf, wt_links *links)
{
    memset(idf, 0, sizeof *idf);
    memset(links, 0, sizeof *links);
    const wt_analyze_job job = {c->docs,  c->ndocs, focus, &c->opts,
                                c->langs, idf,      links};
    return wt_analyze_run(&job);
}

static void release(wt_idf *idf, wt_links *links)
{
    wt_idf_release(idf);
    wt_links_release(links);
}

Test(analyze, copied_paragraph_linked_both_ways_and_pair_counted)
{
    const char *const texts[] = {wire, reprint, other};
    wt_corpus *c = prepared(texts, 3);
    wt_idf idf;
    wt_links links;
    cr_assert_eq(run(c, 0, &idf, &links), 0);
    const wt_paragraph *p0 = &c->docs[0]->paras[0].pub;
    const wt_paragraph *p1 = &c->docs[1]->paras[0].pub;
    cr_assert_eq(p0->source_count, 1);
    cr_assert_eq(p0->sources[0].document, 1);
    cr_assert_eq(p0->sources[0].cls, WT_CLASS_VERBATIM);
    cr_assert_eq(p1->sources[0].document, 0);
    cr_assert_eq(c->docs[0]->paras[1].pub.source_count, 0);
    const wt_pair_info *pi = wt_links_pair(&links, 1, 0);
    cr_assert_not_null(pi);
    cr_assert_eq(pi->a, 0);
    cr_assert_eq(pi->linked_a, 1);
    cr_assert_eq(pi->linked_b, 1);
    cr_assert_null(wt_links_pair(&links, 0, 2));
    cr_assert_gt(idf.npara, 4.0);
    release(&idf, &links);
    wt_corpus_free(c);
}

Test(analyze, focus_scores_only_pairs_with_the_focus)
{
    /* d1 and d2 copy each other; with focus 1 only d0's links are
     * wanted, and d0 shares nothing. */
    const char *const texts[] = {other, wire, reprint};
    wt_corpus *c = prepared(texts, 3);
    wt_idf idf;
    wt_links links;
    cr_assert_eq(run(c, 1, &idf, &links), 0);
    cr_assert_eq(links.npairs, 0);
    cr_assert_eq(c->docs[1]->paras[0].pub.source_count, 0);
    release(&idf, &links);
    wt_corpus_free(c);
}

Test(analyze, repeat_inside_a_document_is_a_duplicate_of_the_first)
{
    static const char *const texts[] = {
        "Soldiers unload supplies at the port of Vladivostok on Monday, in "
        "this photo released by the ministry.\n\n"
        "The ministry did not say how many ships took part.\n\n"
        "Soldiers unload supplies at the port of Vladivostok on Monday, in "
        "this photo released by the ministry.\n"};
    wt_corpus *c = prepared(texts, 1);
    wt_idf idf;
    wt_links links;
    cr_assert_eq(run(c, 0, &idf, &links), 0);
    const wt_paragraph *p2 = &c->docs[0]->paras[2].pub;
    cr_assert_eq(p2->source_count, 1);
    cr_assert_eq(p2->sources[0].cls, WT_CLASS_DUPLICATE);
    cr_assert_eq(p2->sources[0].paragraph, 0);
    cr_assert_eq(p2->sources[0].origin, WT_ORIGIN_OTHER);
    cr_assert_eq(c->docs[0]->paras[0].pub.source_count, 0);
    release(&idf, &links);
    wt_corpus_free(c);
}

Test(analyze, same_documents_same_links)
{
    const char *const texts[] = {wire, reprint, other};
    wt_corpus *a = prepared(texts, 3), *b = prepared(texts, 3);
    wt_idf ia, ib;
    wt_links la, lb;
    cr_assert_eq(run(a, 0, &ia, &la), 0);
    cr_assert_eq(run(b, 0, &ib, &lb), 0);
    cr_assert_eq(la.npairs, lb.npairs);
    for (size_t d = 0; d < 3; d++)
        for (size_t p = 0; p < a->docs[d]->npara; p++) {
            const wt_paragraph *x = &a->docs[d]->paras[p].pub;
            const wt_paragraph *y = &b->docs[d]->paras[p].pub;
            cr_assert_eq(x->source_count, y->source_count);
            for (size_t s = 0; s < x->source_count; s++)
                cr_assert_eq(x->sources[s].score, y->sources[s].score);
        }
    release(&ia, &la);
    release(&ib, &lb);
    wt_corpus_free(a);
    wt_corpus_free(b);
}

/* With a focus, the word pairs' document frequencies are counted for the
 * focus's pairs only (the only ones a scored pair can ask for), and each
 * is what the run without a focus counts. */
Test(analyze, focus_counts_its_own_pairs_frequencies_alike)
{
    static const char *const texts[] = {
        "Officials said the central bank raised its benchmark interest rate "
        "by a quarter point on Thursday.\n",
        "Traders said the central bank raised its benchmark interest rate, "
        "as markets had expected.\n",
        "The central bank raised its benchmark interest rate again, the "
        "third rise this year.\n",
        "Economists said the central bank raised its benchmark interest "
        "rate to cool prices.\n",
        "When the central bank raised its benchmark interest rate, the "
        "currency gained.\n",
        "A tram line through Northfield was approved by the regional "
        "council on Tuesday evening.\n"};
    wt_corpus *a = prepared(texts, 6), *b = prepared(texts, 6);
    wt_idf all, focus;
    wt_links la, lb;
    cr_assert_eq(run(a, 0, &all, &la), 0);
    cr_assert_eq(run(b, 1, &focus, &lb), 0);
    size_t pos = 0, n = 0;
    uint64_t key, val;
    while (wt_hmap_next(&focus.df, &pos, &key, &val)) {
        const uint64_t *v = wt_hmap_get(&all.df, key);
        cr_assert(v && *v == val, "pair %llx", (unsigned long long)key);
        n++;
    }
    /* "central bank", "bank raised", ...: every frequent pair is d0's */
    cr_assert_gt(n, 3);
    cr_assert_eq(n, all.df.count);
    release(&all, &la);
    release(&focus, &lb);
    wt_corpus_free(a);
    wt_corpus_free(b);
}
