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

Test(provenance, credit_of_the_other_outlet_names_the_origin)
{
    char wire[1024], copy[1024];
    snprintf(wire, sizeof wire, "Outlet: Yonhap News Agency\n\n%s", BODY);
    snprintf(copy, sizeof copy, "%sThe talks will resume, Yonhap reports.\n",
             BODY);
    const char *docs[] = {wire, copy};
    wt_corpus *c = test_corpus(docs, 2, NULL);
    cr_assert_eq(origin_of(c, 1), WT_ORIGIN_OTHER);
    cr_assert_eq(origin_of(c, 0), WT_ORIGIN_THIS);
    cr_assert_eq(wt_corpus_pair_origin(c, 1, 0), WT_ORIGIN_OTHER);
    cr_assert_eq(wt_corpus_pair_credits(c, 1, 0), 1);
    cr_assert_eq(wt_corpus_pair_credits(c, 0, 1), 0);
    cr_assert_str_eq(wt_document_outlet(wt_corpus_document(c, 0)),
                     "Yonhap News Agency");
    wt_corpus_free(c);
}

/* A client's verbatim copy ending "Source: Yonhap News Agency" credits
 * Yonhap; it is not Yonhap's own copy. */
Test(provenance, source_line_is_a_credit_not_an_outlet)
{
    char copy[1024];
    snprintf(copy, sizeof copy, "%sSource: Yonhap News Agency\n", BODY);
    const char *docs[] = {copy};
    wt_corpus *c = test_corpus(docs, 1, NULL);
    const wt_document *d = wt_corpus_document(c, 0);
    cr_assert_null(wt_document_outlet(d));
    cr_assert_eq(wt_document_credit_count(d), 1);
    const wt_credit *cr = wt_document_credit(d, 0);
    cr_assert_str_eq(cr->outlet, "Yonhap");
    cr_assert_eq(cr->kind, WT_CREDIT_CLOSING);
    cr_assert_eq(cr->own, 0);
    size_t len = 0;
    const char *bytes = wt_document_bytes(d, &len);
    cr_assert_leq(cr->end, len);
    cr_assert_eq(cr->end - cr->start, strlen("Source: Yonhap News Agency"));
    cr_assert(!strncmp(bytes + cr->start, "Source: Yonhap News Agency",
                       cr->end - cr->start));
    wt_corpus_free(c);
}

/* Two client copies that both credit Yonhap: neither took from the other
 * as far as credits tell. */
Test(provenance, two_copies_crediting_one_agency_tell_nothing)
{
    char a[1024], b[1024];
    snprintf(a, sizeof a, "%sSource: Yonhap News Agency\n", BODY);
    snprintf(b, sizeof b, "%sThe talks will resume, Yonhap reports.\n", BODY);
    const char *docs[] = {a, b};
    wt_corpus *c = test_corpus(docs, 2, NULL);
    cr_assert_eq(origin_of(c, 1), WT_ORIGIN_UNKNOWN);
    cr_assert_eq(wt_corpus_pair_credits(c, 1, 0), 0);
    wt_corpus_free(c);
}

/* Yonhap's own dateline on Yonhap's copy is its byline. */
Test(provenance, own_dateline_is_a_byline)
{
    char wire[1024];
    snprintf(wire, sizeof wire,
             "Outlet: Yonhap\n\nSEOUL, Oct. 22 (Yonhap) -- "
             "%s",
             BODY);
    char copy[1024];
    snprintf(copy, sizeof copy, "SEOUL, Oct. 22 (Yonhap) -- %s", BODY);
    const char *docs[] = {wire, copy};
    wt_corpus *c = test_corpus(docs, 2, NULL);
    const wt_document *w = wt_corpus_document(c, 0);
    cr_assert_eq(wt_document_credit_count(w), 1);
    cr_assert_eq(wt_document_credit(w, 0)->kind, WT_CREDIT_DATELINE);
    cr_assert_eq(wt_document_credit(w, 0)->own, 1);
    const wt_document *k = wt_corpus_document(c, 1);
    cr_assert_eq(wt_document_credit(k, 0)->own, 0);
    cr_assert_null(wt_document_outlet(k));
    cr_assert_eq(wt_corpus_pair_credits(c, 0, 1), 0);
    cr_assert_eq(wt_corpus_pair_credits(c, 1, 0), 1);
    cr_assert_eq(origin_of(c, 1), WT_ORIGIN_OTHER);
    wt_corpus_free(c);
}

/* Times decide before credits: an agency story published after the copy
 * that credits it is not the copy's origin. */
Test(provenance, times_decide_before_credits)
{
    char wire[1024], copy[1024];
    snprintf(wire, sizeof wire,
             "Outlet: Yonhap\nDate: 2026-03-14T10:00:00Z"
             "\n\n%s",
             BODY);
    snprintf(copy, sizeof copy,
             "Date: 2026-03-14T08:00:00Z\n\n%sThe talks "
             "will resume, Yonhap reports.\n",
             BODY);
    const char *docs[] = {wire, copy};
    wt_corpus *c = test_corpus(docs, 2, NULL);
    cr_assert_eq(wt_corpus_pair_credits(c, 1, 0), 1);
    cr_assert_eq(origin_of(c, 1), WT_ORIGIN_THIS);
    cr_assert_eq(origin_of(c, 0), WT_ORIGIN_OTHER);
    wt_corpus_free(c);
}

/* wt_corpus_set_meta() names the outlet after the text was read. */
Test(provenance, outlet_set_later_marks_own_credits)
{
    wt_options o;
    wt_options_init(&o);
    o.lang_dir = test_lang_dir();
    wt_corpus *c = NULL;
    cr_assert_eq(wt_corpus_new(&c, &o), 0);
    char copy[1024];
    snprintf(copy, sizeof copy, "%sThe talks will resume, Yonhap reports.\n",
             BODY);
    cr_assert_eq(wt_corpus_add_buffer(c, "a", "a", BODY, strlen(BODY)), 0);
    cr_assert_eq(wt_corpus_add_buffer(c, "b", "b", copy, strlen(copy)), 0);
    cr_assert_eq(wt_corpus_set_meta(c, 0, 0, "연합뉴스"), 0);
    cr_assert_eq(wt_corpus_analyze(c), 0);
    cr_assert_eq(wt_corpus_pair_credits(c, 1, 0), 1, "alias across scripts");
    cr_assert_eq(origin_of(c, 1), WT_ORIGIN_OTHER);
    cr_assert_eq(wt_corpus_pair_credits(c, 1, 1), 0);
    cr_assert_eq(wt_corpus_pair_credits(c, 1, 7), 0);
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
    snprintf(copy, sizeof copy,
             "%sA worker walks past idle cranes at the "
             "port on Friday. Yonhap\n",
             BODY);
    char wire[1024];
    snprintf(wire, sizeof wire, "Outlet: Yonhap\n\n%s", BODY);
    const char *docs[] = {wire, copy};
    wt_corpus *c = test_corpus(docs, 2, NULL);
    cr_assert_eq(origin_of(c, 1), WT_ORIGIN_UNKNOWN);
    cr_assert_eq(wt_document_credit_count(wt_corpus_document(c, 1)), 0);
    wt_corpus_free(c);
}

Test(provenance, credits_name_the_outlet_copied)
{
    wt_corpus *c = test_corpus_pair(
        "Outlet: Yonhap News Agency\n\nSeoul said on Tuesday that it would "
        "respond firmly to the troop deployment.\n",
        "Seoul said on Tuesday that it would respond firmly to the troop "
        "deployment, Yonhap reports.\n");
    const wt_document *a = wt_corpus_document(c, 0);
    const wt_document *b = wt_corpus_document(c, 1);
    cr_assert_eq(wt_document_credits(b, a), 1);
    cr_assert_eq(wt_document_credits(a, b), 0);
    cr_assert_eq(wt_document_credits(NULL, a), 0);
    wt_corpus_free(c);
}
