/* Tests of pairscore.c (wt_corpus_pair_coverage) and of the evidence
 * floor a link needs. */
#include "helpers.h"

static const char *const copy[] = {
    "The regional council approved a new tram line through Northfield on "
    "Tuesday, after a vote of 31 to 12.\n\n"
    "Residents of Weybridge Lane had petitioned against the route for two "
    "years, citing noise from the depot.\n",
    "The regional council approved a new tram line through Northfield on "
    "Tuesday, after a vote of 31 to 12.\n\n"
    "Critics said the money would be better spent on buses for the "
    "villages east of the river.\n",
    "Local bakers entered a competition for the best sourdough loaf in "
    "the county, judged by a panel of chefs.\n"};

Test(pairscore, coverage_is_the_linked_share_of_words)
{
    wt_corpus *c = test_corpus(copy, 3, NULL);
    double a = -1, b = -1;
    cr_assert_eq(wt_corpus_pair_coverage(c, 0, 1, &a, &b), 0);
    /* One of two paragraphs, of about the same length, is copied. */
    cr_assert(a > 0.4 && a < 0.7, "%f", a);
    cr_assert(b > 0.4 && b < 0.7, "%f", b);
    cr_assert_eq(wt_corpus_pair_coverage(c, 0, 2, &a, NULL), 0);
    cr_assert_float_eq(a, 0.0, 1e-12);
    wt_corpus_free(c);
}

Test(pairscore, bad_arguments_are_einval)
{
    wt_corpus *c = test_corpus(copy, 2, NULL);
    double a;
    cr_assert_eq(wt_corpus_pair_coverage(c, 0, 0, &a, NULL), WT_EINVAL);
    cr_assert_eq(wt_corpus_pair_coverage(c, 0, 5, &a, NULL), WT_EINVAL);
    wt_corpus_free(c);
}

Test(pairscore, evidence_floor_drops_links_of_common_words)
{
    /* Two unrelated items sharing a stock phrase of common words. */
    static const char *const stock[] = {
        "Officials were not immediately available for comment.\n",
        "Officials were not immediately available for comment on the "
        "harbour dredging plan.\n"};
    wt_options o;
    wt_options_init(&o);
    o.evidence_min = 0;
    wt_corpus *c = test_corpus(stock, 2, &o);
    const wt_paragraph *p = wt_document_paragraph(wt_corpus_document(c, 0), 0);
    cr_assert_eq(p->source_count, 1, "no floor: linked");
    wt_corpus_free(c);
    o.evidence_min = 8;
    c = test_corpus(stock, 2, &o);
    p = wt_document_paragraph(wt_corpus_document(c, 0), 0);
    cr_assert_eq(p->source_count, 0, "a high floor: not linked");
    wt_corpus_free(c);
}

Test(pairscore, evidence_floor_out_of_range_is_einval)
{
    wt_options o;
    wt_options_init(&o);
    o.evidence_min = -1;
    wt_corpus *c = NULL;
    cr_assert_eq(wt_corpus_new(&c, &o), WT_EINVAL);
}

Test(pairscore, overlap_is_defined_for_unlinked_pairs)
{
    static const char *const story[] = {
        "Magistrates in Tewkesbury fined Harold Pemberton 400 pounds for "
        "keeping ostriches without a licence.\n",
        "A Gloucestershire farmer, Harold Pemberton, said his ostriches "
        "were pets, not livestock, after a court case in Tewkesbury.\n",
        "Local bakers entered a competition for the best sourdough loaf in "
        "the county, judged by a panel of chefs.\n"};
    wt_corpus *c = test_corpus(story, 3, NULL);
    double same, other, back;
    cr_assert_eq(wt_corpus_pair_overlap(c, 1, 0, &same, &back), 0);
    cr_assert_eq(wt_corpus_pair_overlap(c, 1, 2, &other, NULL), 0);
    cr_assert(same > 0.2 && same < 1, "%f", same);
    cr_assert(back > 0.2 && back < 1, "%f", back);
    cr_assert(other < same / 4, "%f vs %f", other, same);
    cr_assert_eq(wt_corpus_pair_overlap(c, 1, 1, &same, NULL), WT_EINVAL);
    wt_corpus_free(c);
}
