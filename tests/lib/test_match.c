/* Tests of match.c through small corpora: classes, spans, thresholds. */
#include "corpus.h"
#include "document.h"
#include "helpers.h"
#include "match.h"

static const char *WIRE =
    "The port authority said on Friday that 2,400 dock workers would stop "
    "work at midnight after talks over wages collapsed in Harborton.\n\n"
    "Union leader Mara Okafor said the strike would last 48 hours unless "
    "the authority raised its offer of a 3.5 percent increase.\n\n"
    "Shipping lines warned that 40 container vessels were waiting off the "
    "coast and that fuel deliveries to the northern provinces could be "
    "delayed by a week.\n";

static const wt_source *first_source(const wt_corpus *c, size_t d, size_t p)
{
    const wt_paragraph *pa = wt_document_paragraph(wt_corpus_document(c, d), p);
    cr_assert_not_null(pa);
    return pa->source_count ? &pa->sources[0] : NULL;
}

Test(match, verbatim_copy_with_other_quotes_and_wraps)
{
    const char *copy =
        "Union leader Mara Okafor said the strike would last\n48 hours "
        "unless the authority raised its offer of a 3.5 percent increase.\n";
    const char *docs[] = {WIRE, copy};
    wt_corpus *c = test_corpus(docs, 2, NULL);
    const wt_source *s = first_source(c, 1, 0);
    cr_assert_not_null(s);
    cr_assert_eq(s->cls, WT_CLASS_VERBATIM);
    cr_assert_eq(s->document, 0);
    cr_assert_eq(s->paragraph, 1);
    cr_assert_geq(s->span_count, 1);
    /* The span is exact bytes in both files. */
    cr_assert_eq(s->spans[0].start, 0);
    cr_assert_eq(s->spans[0].end, strlen(copy) - 2);
    wt_corpus_free(c);
}

Test(match, edited_copy)
{
    const char *edited =
        "Shipping lines warned on Saturday that 40 container vessels were "
        "waiting off the coast and that deliveries of heating fuel to the "
        "northern provinces might be delayed.\n";
    const char *docs[] = {WIRE, edited};
    wt_corpus *c = test_corpus(docs, 2, NULL);
    const wt_source *s = first_source(c, 1, 0);
    cr_assert_not_null(s);
    cr_assert_eq(s->cls, WT_CLASS_EDITED, "class %s cov %.2f",
                 wt_class_name(s->cls), s->coverage);
    cr_assert_eq(s->paragraph, 2);
    wt_corpus_free(c);
}

Test(match, unrelated_paragraph_has_no_source)
{
    const char *other =
        "The national football team beat its rivals 3-1 on Friday night in "
        "front of a crowd of 40,000, with two goals in the second half.\n";
    const char *docs[] = {WIRE, other};
    wt_corpus *c = test_corpus(docs, 2, NULL);
    cr_assert_null(first_source(c, 1, 0));
    wt_corpus_free(c);
}

Test(match, thresholds_come_from_options)
{
    const char *edited =
        "Shipping lines warned on Saturday that 40 container vessels were "
        "waiting off the coast and that deliveries of heating fuel to the "
        "northern provinces might be delayed.\n";
    const char *docs[] = {WIRE, edited};
    wt_options o;
    wt_options_init(&o);
    o.verbatim_min = 0.2;
    o.edited_min = 0.2;
    wt_corpus *c = test_corpus(docs, 2, &o);
    const wt_source *s = first_source(c, 1, 0);
    cr_assert_not_null(s);
    cr_assert_eq(s->cls, WT_CLASS_VERBATIM);
    wt_corpus_free(c);
}

Test(match, duplicate_inside_one_document)
{
    const char *doc =
        "A worker walks past idle cranes at the port of Harborton on "
        "Friday. MPA\n\nThe strike began at midnight.\n\nA worker walks "
        "past idle  cranes at the port of Harborton on Friday. MPA\n";
    const char *docs[] = {doc};
    wt_corpus *c = test_corpus(docs, 1, NULL);
    const wt_source *s = first_source(c, 0, 2);
    cr_assert_not_null(s);
    cr_assert_eq(s->cls, WT_CLASS_DUPLICATE);
    cr_assert_eq(s->paragraph, 0);
    cr_assert_null(first_source(c, 0, 0));
    wt_corpus_free(c);
}

/* One formula, six banks: the same words around other names and figures. */
static const char *const RATE_NOTICES[] = {
    "Harbor Trust Bank said it raised its prime lending rate to 8.25 pct "
    "from 7.75 pct, effective tomorrow.\n\nThe bank holds deposits of 410 "
    "mln dlrs in Oregon.\n",
    "Mesa Federal Savings said it raised its prime lending rate to 9.10 pct "
    "from 8.60 pct, effective tomorrow.\n\nMesa was founded in Tucson in "
    "1921 by cattle ranchers.\n",
    "Northland Bancorp said it raised its prime lending rate to 7.40 pct "
    "from 7.15 pct, effective tomorrow.\n\nNorthland lost a bid for a "
    "Minnesota insurer last year.\n",
    "Quill Financial Corp said it raised its prime lending rate to 8.95 pct "
    "from 8.45 pct, effective tomorrow.\n\nQuill plans a share buyback in "
    "the autumn.\n",
    "Redwood National Bank said it raised its prime lending rate to 7.90 pct "
    "from 7.65 pct, effective tomorrow.\n\nRedwood's chairman retires in "
    "June after 30 years.\n",
    "Sable Savings Association said it raised its prime lending rate to "
    "8.70 pct from 8.20 pct, effective tomorrow.\n\nSable opened two "
    "branches in Boise.\n",
};

/* A formula many documents share, filled with another company and other
 * figures, is not a copy of any of them. */
Test(match, formula_with_other_names_and_numbers_is_no_link)
{
    wt_corpus *c = test_corpus(RATE_NOTICES, 6, NULL);
    for (size_t d = 0; d < 6; d++)
        cr_assert_null(first_source(c, d, 0), "notice %zu has a source", d);
    wt_corpus_free(c);
}

/* The same passage, names and figures included, carried by many
 * documents is a story they all copy: every copy is found. */
Test(match, passage_carried_by_many_documents_is_copied)
{
    const char *story =
        "Harbor Trust Bank said it raised its prime lending rate to 8.25 pct "
        "from 7.75 pct, effective tomorrow.\n\n";
    const char *const tails[] = {"Analysts expected the move.\n",
                                 "Shares of the bank rose in early trade.\n",
                                 "Other Oregon lenders are likely to follow.\n",
                                 "The bank gave no reason for the change.\n",
                                 "It last raised the rate in March.\n",
                                 "Deposit rates were left unchanged.\n"};
    char buf[6][512];
    const char *docs[6];
    for (size_t d = 0; d < 6; d++) {
        snprintf(buf[d], sizeof buf[d], "%s%s", story, tails[d]);
        docs[d] = buf[d];
    }
    wt_corpus *c = test_corpus(docs, 6, NULL);
    for (size_t d = 0; d < 6; d++) {
        const wt_source *s = first_source(c, d, 0);
        cr_assert_not_null(s, "copy %zu has no source", d);
        cr_assert_eq(s->cls, WT_CLASS_VERBATIM);
    }
    wt_corpus_free(c);
}

/* With the company and figures the same, two of the notices are one
 * story: the formula does not hide a real copy. */
Test(match, formula_with_the_same_names_and_numbers_is_a_copy)
{
    const char *docs[7];
    for (size_t d = 0; d < 6; d++)
        docs[d] = RATE_NOTICES[d];
    docs[6] = "Harbor Trust Bank said it raised its prime lending rate to "
              "8.25 pct from 7.75 pct, effective tomorrow, citing loan "
              "demand.\n";
    wt_corpus *c = test_corpus(docs, 7, NULL);
    const wt_source *s = first_source(c, 6, 0);
    cr_assert_not_null(s);
    cr_assert_eq(s->document, 0);
    wt_corpus_free(c);
}

/* A rewrite's figures as wt_match_paragraphs leaves them, in units of one
 * rarest word. */
static wt_pair_score rewrite_figures(double fact_a, double fact_b,
                                     double weight)
{
    wt_pair_score s = {0};
    s.unit = 1;
    s.fact_a = fact_a;
    s.fact_b = fact_b;
    s.shared_weight = s.own_weight = s.plain_weight = weight;
    s.words = 3;
    return s;
}

/* A shared number, and no name or number the other document lacks: a
 * smaller share of shared weight is a rewrite.  One of its own on either
 * side, or no shared number, and the usual bar holds. */
Test(match, agreeing_names_and_numbers_lower_the_rewrite_bar)
{
    wt_options o;
    wt_options_init(&o);
    double score;
    wt_pair_score s = rewrite_figures(0.40, 0.30, 3);
    s.numbers = 1;
    cr_assert_eq(wt_match_classify(&s, &o, 0, &score), WT_CLASS_REWRITE);
    s.own_b = 1;
    cr_assert_eq(wt_match_classify(&s, &o, 0, &score), -1);
    s.own_b = 0;
    s.numbers = 0;
    cr_assert_eq(wt_match_classify(&s, &o, 0, &score), -1);
    s = rewrite_figures(0.50, 0.30, 3);
    cr_assert_eq(wt_match_classify(&s, &o, 0, &score), WT_CLASS_REWRITE);
}

/* Each side names a name or number the other document lacks: the pair
 * needs more shared weight than the floor to be a rewrite. */
Test(match, disagreeing_names_and_numbers_raise_the_floor)
{
    wt_options o;
    wt_options_init(&o);
    double score;
    wt_pair_score s = rewrite_figures(0.60, 0.50, 2.25);
    s.own_a = s.own_b = 1;
    cr_assert_eq(wt_match_classify(&s, &o, 0, &score), -1);
    s.own_b = 0;
    cr_assert_eq(wt_match_classify(&s, &o, 0, &score), WT_CLASS_REWRITE);
    s = rewrite_figures(0.60, 0.50, 3.5);
    s.own_a = s.own_b = 1;
    cr_assert_eq(wt_match_classify(&s, &o, 0, &score), WT_CLASS_REWRITE);
}

/* x and y alike but for where their spans are kept. */
static void assert_same_score(wt_pair_score x, wt_pair_score y)
{
    cr_assert_eq(x.nspans, y.nspans);
    for (size_t i = 0; i < x.nspans; i++)
        cr_assert_eq(memcmp(&x.spans[i], &y.spans[i], sizeof x.spans[i]), 0);
    wt_free(x.spans);
    wt_free(y.spans);
    x.spans = y.spans = NULL;
    cr_assert_eq(memcmp(&x, &y, sizeof x), 0);
}

/* One scratch carried from pair to pair, long paragraphs and short, both
 * ways round: nothing a pair leaves in it changes the next one's score. */
Test(match, a_reused_scratch_scores_as_fresh_buffers)
{
    const char *rewrite =
        "Dock workers in Harborton will walk out at midnight, the port "
        "authority said, after wage talks collapsed on Friday.\n\n"
        "Strike.\n\n"
        "Forty container vessels were waiting off the coast, shipping lines "
        "said, warning that fuel deliveries to the northern provinces could "
        "be delayed by a week, and union leader Mara Okafor said the strike "
        "would last 48 hours unless the offer of 3.5 percent was raised.\n";
    const char *docs[] = {WIRE, rewrite};
    wt_corpus *c = test_corpus(docs, 2, NULL);
    const wt_document *d[2] = {wt_corpus_document(c, 0),
                               wt_corpus_document(c, 1)};
    wt_match_scratch *sc = wt_match_scratch_new();
    cr_assert_not_null(sc);
    size_t pairs = 0;
    for (int way = 0; way < 2; way++)
        for (size_t i = 0; i < d[way]->npara; i++)
            for (size_t j = 0; j < d[!way]->npara; j++) {
                const wt_para *pa = &d[way]->paras[i];
                const wt_para *pb = &d[!way]->paras[j];
                wt_pair_score fresh, reused;
                wt_match_scratch *once = wt_match_scratch_new();
                cr_assert_not_null(once);
                cr_assert_eq(wt_match_paragraphs(d[way], pa, d[!way], pb,
                                                 &c->idf, c->opts.min_span,
                                                 once, &fresh),
                             0);
                wt_match_scratch_free(once);
                cr_assert_eq(wt_match_paragraphs(d[way], pa, d[!way], pb,
                                                 &c->idf, c->opts.min_span, sc,
                                                 &reused),
                             0);
                pairs += fresh.nspans > 0;
                assert_same_score(fresh, reused);
            }
    cr_assert_geq(pairs, 4, "pairs with spans: %zu", pairs);
    wt_match_scratch_free(sc);
    wt_corpus_free(c);
}
