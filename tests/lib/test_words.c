/* Tests of the word and credit accessors of document.c and provenance.c
 * that the diff and the HTML report use. */
#include "helpers.h"

static wt_corpus *corpus_of(const char *a, const char *b)
{
    wt_options o;
    wt_options_init(&o);
    o.lang_dir = test_lang_dir();
    wt_corpus *c = NULL;
    cr_assert_eq(wt_corpus_new(&c, &o), 0);
    cr_assert_eq(wt_corpus_add_buffer(c, "a", "a", a, strlen(a)), 0);
    if (b)
        cr_assert_eq(wt_corpus_add_buffer(c, "b", "b", b, strlen(b)), 0);
    cr_assert_eq(wt_corpus_analyze(c), 0);
    return c;
}

Test(words, byte_ranges_and_folded_forms)
{
    const char *text = "The \xe2\x80\x9cPort\xe2\x80\x9d of Harborton moved "
                       "12,000\ncontainers.";
    wt_corpus *c = corpus_of(text, NULL);
    const wt_document *d = wt_corpus_document(c, 0);
    cr_assert_eq(wt_document_paragraph_count(d), 1);
    const size_t n = wt_paragraph_word_count(d, 0);
    cr_assert_eq(n, 7);
    wt_word w[7];
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(wt_paragraph_word(d, 0, i, &w[i]), 0);
    /* Byte ranges point at the words as written. */
    cr_assert_eq(strncmp(text + w[1].start, "Port", w[1].end - w[1].start), 0);
    cr_assert_eq(strncmp(text + w[5].start, "12,000", w[5].end - w[5].start),
                 0);
    cr_assert(w[5].flags & WT_WORD_NUMBER);
    cr_assert(w[0].flags & WT_WORD_STOP);
    cr_assert(w[3].flags & WT_WORD_NAME);
    cr_assert_eq(wt_paragraph_word(d, 0, n, &w[0]), WT_EINVAL);
    cr_assert_eq(wt_paragraph_word_count(d, 1), 0);
    wt_corpus_free(c);
}

Test(words, case_quotes_and_digit_groups_fold_alike)
{
    wt_corpus *c = corpus_of("The \xe2\x80\x9cport\xe2\x80\x9d held 12,000 "
                             "boxes.", "THE \"Port\" held 12000 boxes.");
    const wt_document *a = wt_corpus_document(c, 0);
    const wt_document *b = wt_corpus_document(c, 1);
    cr_assert_eq(wt_paragraph_word_count(a, 0), 5);
    cr_assert_eq(wt_paragraph_word_count(b, 0), 5);
    for (size_t i = 0; i < 5; i++) {
        wt_word wa, wb;
        wt_paragraph_word(a, 0, i, &wa);
        wt_paragraph_word(b, 0, i, &wb);
        cr_assert_eq(wa.folded, wb.folded, "word %zu differs", i);
    }
    wt_word x, y;
    wt_paragraph_word(a, 0, 1, &x);
    wt_paragraph_word(a, 0, 4, &y);
    cr_assert_neq(x.folded, y.folded);
    wt_corpus_free(c);
}

Test(words, credits_name_the_outlet_copied)
{
    wt_corpus *c = corpus_of(
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
