/* Tests of provenance.c: credits and times decide the origin. */
#include "helpers.h"

static const char *BODY =
    "Union leader Mara Okafor said the strike would last 48 hours unless "
    "the port authority raised its offer of a 3.5 percent increase.\n\n";

static wt_origin origin_of(const wt_corpus *c, size_t d)
{
    const wt_document *doc = wt_corpus_document(c, d);
    for (size_t p = 0; p < wt_document_paragraph_count(doc); p++) {
        const wt_paragraph *pa = wt_document_paragraph(doc, p);
        if (pa->source_count)
            return pa->sources[0].origin;
    }
    cr_assert_fail("no link");
    return WT_ORIGIN_UNKNOWN;
}

Test(provenance, credit_names_the_origin)
{
    char wire[1024], copy[1024];
    snprintf(wire, sizeof wire, "%sSource: Yonhap News Agency\n", BODY);
    snprintf(copy, sizeof copy, "%sThe talks will resume, Yonhap reports.\n",
             BODY);
    const char *docs[] = {wire, copy};
    wt_corpus *c = test_corpus(docs, 2, NULL);
    cr_assert_eq(origin_of(c, 1), WT_ORIGIN_OTHER);
    cr_assert_eq(origin_of(c, 0), WT_ORIGIN_THIS);
    cr_assert_str_eq(wt_document_outlet(wt_corpus_document(c, 0)),
                     wt_document_outlet(wt_corpus_document(c, 0)));
    wt_corpus_free(c);
}

Test(provenance, earlier_date_is_origin)
{
    char a[1024], b[1024];
    snprintf(a, sizeof a, "Date: 2026-03-14T10:00:00Z\n\n%s", BODY);
    snprintf(b, sizeof b, "Date: 2026-03-14T08:00:00Z\n\n%s", BODY);
    const char *docs[] = {a, b};
    wt_corpus *c = test_corpus(docs, 2, NULL);
    cr_assert_eq(origin_of(c, 0), WT_ORIGIN_OTHER);
    cr_assert_eq(origin_of(c, 1), WT_ORIGIN_THIS);
    wt_corpus_free(c);
}

Test(provenance, nothing_tells)
{
    const char *docs[] = {BODY, BODY};
    wt_corpus *c = test_corpus(docs, 2, NULL);
    cr_assert_eq(origin_of(c, 0), WT_ORIGIN_UNKNOWN);
    wt_corpus_free(c);
}

Test(provenance, photo_credit_is_not_a_text_credit)
{
    char copy[1024];
    snprintf(copy, sizeof copy, "%sA worker walks past idle cranes at the "
             "port on Friday. Yonhap\n", BODY);
    char wire[1024];
    snprintf(wire, sizeof wire, "%sSource: Yonhap News Agency\n", BODY);
    const char *docs[] = {wire, copy};
    wt_corpus *c = test_corpus(docs, 2, NULL);
    cr_assert_eq(origin_of(c, 1), WT_ORIGIN_UNKNOWN);
    wt_corpus_free(c);
}

Test(provenance, credits_name_the_outlet_copied)
{
    wt_corpus *c = test_corpus_pair(
        "Seoul said on Tuesday that it would respond firmly to the troop "
        "deployment.\n\nSource: Yonhap News Agency\n",
        "Seoul said on Tuesday that it would respond firmly to the troop "
        "deployment, Yonhap reports.\n");
    const wt_document *a = wt_corpus_document(c, 0);
    const wt_document *b = wt_corpus_document(c, 1);
    cr_assert_eq(wt_document_credits(b, a), 1);
    cr_assert_eq(wt_document_credits(a, b), 0);
    cr_assert_eq(wt_document_credits(NULL, a), 0);
    wt_corpus_free(c);
}
