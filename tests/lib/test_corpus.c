/* Tests of corpus.c and document.c: the public API's contract. */
#include "helpers.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>

Test(corpus, bad_options_are_einval)
{
    wt_options o;
    wt_options_init(&o);
    o.shingle_k = 0;
    wt_corpus *c = NULL;
    cr_assert_eq(wt_corpus_new(&c, &o), WT_EINVAL);
    cr_assert_null(c);
    wt_options_init(&o);
    o.edited_min = 0.99; /* above verbatim_min */
    cr_assert_eq(wt_corpus_new(&c, &o), WT_EINVAL);
}

Test(corpus, missing_file_names_it_and_corpus_stays_usable)
{
    wt_corpus *c = test_corpus_new(NULL);
    cr_assert_eq(wt_corpus_add_file(c, "/nonexistent/x.txt", NULL), WT_EIO);
    cr_assert(strstr(wt_corpus_error(c), "/nonexistent/x.txt"));
    cr_assert_eq(wt_corpus_add_buffer(c, "a", "a", "Some text.", 10), 0);
    cr_assert_eq(wt_corpus_document_count(c), 1);
    cr_assert_eq(wt_corpus_analyze(c), 0);
    wt_corpus_free(c);
}

Test(corpus, binary_is_refused_with_name)
{
    wt_corpus *c = test_corpus_new(NULL);
    cr_assert_eq(wt_corpus_add_buffer(c, "bin", "img.png", "\x89PNG\0\0", 6),
                 WT_ENOTTEXT);
    cr_assert(strstr(wt_corpus_error(c), "img.png"));
    cr_assert_eq(wt_corpus_document_count(c), 0);
    wt_corpus_free(c);
}

Test(corpus, order_of_calls_is_checked)
{
    wt_corpus *c = test_corpus_new(NULL);
    cr_assert_eq(wt_corpus_analyze(c), 0);
    cr_assert_eq(wt_corpus_add_buffer(c, "a", "a", "x", 1), WT_ESTATE);
    cr_assert_eq(wt_corpus_analyze(c), WT_ESTATE);
    wt_corpus_free(c);
}

Test(corpus, empty_document_has_no_paragraphs)
{
    wt_corpus *c = test_corpus_new(NULL);
    cr_assert_eq(wt_corpus_add_buffer(c, "e", "e", "", 0), 0);
    cr_assert_eq(wt_corpus_add_buffer(c, "w", "w", "\n \n\t\n", 5), 0);
    cr_assert_eq(wt_corpus_analyze(c), 0);
    cr_assert_eq(wt_document_paragraph_count(wt_corpus_document(c, 0)), 0);
    cr_assert_eq(wt_document_paragraph_count(wt_corpus_document(c, 1)), 0);
    wt_corpus_free(c);
}

Test(corpus, text_slices_are_clean_utf8)
{
    wt_corpus *c = test_corpus_new(NULL);
    const char s[] = "Bad \xFF byte\nand   wrapped line.";
    cr_assert_eq(wt_corpus_add_buffer(c, "d", "d", s, sizeof s - 1), 0);
    cr_assert_eq(wt_corpus_analyze(c), 0);
    char *t = NULL;
    const wt_document *d = wt_corpus_document(c, 0);
    cr_assert_eq(wt_document_text(d, 0, sizeof s - 1, &t), 0);
    cr_assert_str_eq(t, "Bad \xEF\xBF\xBD byte and wrapped line.");
    free(t);
    size_t n;
    cr_assert_eq(wt_document_bytes(d, &n)[4], '\xFF');
    cr_assert_eq(n, sizeof s - 1);
    wt_corpus_free(c);
}

Test(corpus, reads_files_and_meta)
{
    char path[] = "/tmp/wt_corpus_XXXXXX";
    const int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    const char body[] = "Outlet: Daily Planet\n\nA story body.\n";
    cr_assert_eq(write(fd, body, sizeof body - 1), (ssize_t)(sizeof body - 1));
    close(fd);
    wt_corpus *c = test_corpus_new(NULL);
    cr_assert_eq(wt_corpus_add_file(c, path, "story"), 0);
    const wt_document *d = wt_corpus_document(c, 0);
    cr_assert_str_eq(wt_document_id(d), "story");
    cr_assert_str_eq(wt_document_path(d), path);
    cr_assert_str_eq(wt_document_outlet(d), "Daily Planet");
    cr_assert_eq(wt_corpus_set_meta(c, 0, 1000, "Other"), 0);
    cr_assert_eq(wt_document_published(d), 1000);
    cr_assert_eq(wt_corpus_set_meta(c, 5, 1000, NULL), WT_EINVAL);
    cr_assert_eq(wt_corpus_analyze(c), 0);
    unlink(path);
    wt_corpus_free(c);
}

Test(corpus, names_and_errors)
{
    cr_assert_str_eq(wt_class_name(WT_CLASS_REWRITE), "rewrite");
    cr_assert_str_eq(wt_origin_name(WT_ORIGIN_THIS), "this");
    cr_assert_str_eq(wt_boiler_name(WT_BOILER_CAPTION), "caption");
    cr_assert_str_eq(wt_strerror(WT_ENOTTEXT), "not a text file");
    cr_assert_str_eq(wt_strerror(12345), "unknown error");
}

/* The words of a paragraph, as wiretrace diff reads them. */

Test(corpus, words_byte_ranges_and_folded_forms)
{
    const char *text = "The \xe2\x80\x9cPort\xe2\x80\x9d of Harborton moved "
                       "12,000\ncontainers.";
    wt_corpus *c = test_corpus_pair(text, NULL);
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

Test(corpus, words_case_quotes_and_digit_groups_fold_alike)
{
    wt_corpus *c =
        test_corpus_pair("The \xe2\x80\x9cport\xe2\x80\x9d held 12,000 "
                         "boxes.",
                         "THE \"Port\" held 12000 boxes.");
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

/* A NULL handle is a caller's bug: a debug build stops at the call (as
 * dav1d's validate does), a release build returns an error. */
#ifdef NDEBUG
#define NULL_ARG_SIGNAL 0
#else
#define NULL_ARG_SIGNAL SIGABRT
#endif

Test(api_args, document_count_of_null, .signal = NULL_ARG_SIGNAL)
{
    cr_assert_eq(wt_corpus_document_count(NULL), 0);
}

Test(api_args, analyze_null, .signal = NULL_ARG_SIGNAL)
{
    cr_assert_eq(wt_corpus_analyze(NULL), WT_EINVAL);
}

Test(api_args, paragraph_count_of_null, .signal = NULL_ARG_SIGNAL)
{
    cr_assert_eq(wt_document_paragraph_count(NULL), 0);
}

Test(api_args, index_query_null, .signal = NULL_ARG_SIGNAL)
{
    const wt_corpus *r = NULL;
    cr_assert_eq(wt_index_query(NULL, NULL, NULL, &r), WT_EINVAL);
}

Test(api_args, bad_values_are_errors_not_aborts)
{
    const char *docs[] = {"One short paragraph about a harbour strike.\n",
                          "Another about a council vote on trams.\n"};
    wt_corpus *c = test_corpus(docs, 2, NULL);
    double a;
    cr_assert_eq(wt_corpus_pair(c, 0, 0, &a, NULL, NULL), WT_EINVAL);
    cr_assert_eq(wt_corpus_pair(c, 0, 9, &a, NULL, NULL), WT_EINVAL);
    cr_assert_null(wt_corpus_document(c, 9));
    cr_assert_eq(wt_corpus_pair_origin(c, 0, 0), WT_ORIGIN_UNKNOWN);
    cr_assert_eq(wt_corpus_analyze(c), WT_ESTATE);
    wt_corpus_free(c);
}

/* The demo stories, analyzed with every pair kept or the linked only. */
static wt_corpus *demo_corpus(int linked_only)
{
    static const char *const names[] = {"wire.txt",      "reprint.txt",
                                        "edited.txt",    "rewrite.txt",
                                        "unrelated.txt", "web.html"};
    wt_options o;
    wt_options_init(&o);
    o.linked_pairs_only = linked_only;
    wt_corpus *c = test_corpus_new(&o);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char path[4096];
        test_path(path, sizeof path, "corpora/demo/%s", names[i]);
        cr_assert_eq(wt_corpus_add_file(c, path, names[i]), 0);
    }
    cr_assert_eq(wt_corpus_analyze(c), 0);
    return c;
}

/* linked_pairs_only lists the pairs with a link or a common source, in
 * the same order and with the same figures, and forgets the others (the
 * football report shares no passage with the strike stories). */
Test(corpus, linked_pairs_only_keeps_the_pairs_with_links)
{
    wt_corpus *all = demo_corpus(0), *linked = demo_corpus(1);
    size_t k = 0, dropped = 0;
    for (size_t i = 0; i < wt_corpus_pair_count(all); i++) {
        size_t a, b, la, lb;
        double sa, sb, sim, xa, xb, xsim;
        cr_assert_eq(wt_corpus_pair_at(all, i, &a, &b), 0);
        cr_assert_eq(wt_corpus_pair(all, a, b, &sa, &sb, &sim), 0);
        const size_t via = wt_corpus_pair_via(all, a, b, NULL, NULL);
        if (sa == 0 && sb == 0 && via == SIZE_MAX) {
            dropped++;
            double ca, cb;
            cr_assert_eq(wt_corpus_pair(linked, a, b, &xa, &xb, NULL), 0);
            cr_assert(xa == 0 && xb == 0);
            cr_assert_eq(wt_corpus_pair_coverage(linked, a, b, &ca, &cb), 0);
            cr_assert(ca == 0 && cb == 0, "nothing taken either way");
            continue;
        }
        cr_assert_eq(wt_corpus_pair_at(linked, k++, &la, &lb), 0);
        cr_assert(la == a && lb == b, "pair %zu: same order", i);
        cr_assert_eq(wt_corpus_pair(linked, a, b, &xa, &xb, &xsim), 0);
        cr_assert(xa == sa && xb == sb && xsim == sim);
        cr_assert_eq(wt_corpus_pair_via(linked, a, b, NULL, NULL), via);
        cr_assert_eq(wt_corpus_pair_origin(linked, a, b),
                     wt_corpus_pair_origin(all, a, b));
    }
    cr_assert_eq(k, wt_corpus_pair_count(linked));
    cr_assert_geq(dropped, 1, "the football report pairs are dropped");
    wt_corpus_free(all);
    wt_corpus_free(linked);
}
