/* Tests of uses.c and the uses an index keeps (index.c, store_sqlite.c):
 * who took from whom, and the audit that sums them. */
#include "helpers.h"
#include "uses.h"

#include <unistd.h>

static wt_corpus *demo_corpus(const char *const *names, size_t n)
{
    char dir[4096];
    return test_corpus_files(test_path(dir, sizeof dir, "corpora/demo"), names,
                             n, ".txt");
}

static const wt_store_use *only_use(const wt_uses *u)
{
    cr_assert_eq(u->n, 1, "%zu uses", u->n);
    return &u->v[0];
}

/* The copy takes, whichever of the pair was stored last. */
Test(uses, the_copy_is_the_taker_either_way)
{
    static const char *const orders[2][2] = {{"reprint", "wire"},
                                             {"wire", "reprint"}};
    for (int k = 0; k < 2; k++) {
        wt_corpus *c = demo_corpus(orders[k], 2);
        wt_uses u = {0};
        cr_assert_eq(wt_uses_collect(c, &u), 0);
        const wt_store_use *r = only_use(&u);
        cr_assert_str_eq(r->source, "wire");
        cr_assert_str_eq(r->taker, "reprint");
        cr_assert_str_eq(r->source_key, "meridian press agency");
        cr_assert_str_eq(r->taker_outlet, "Coastal Daily Record");
        const size_t t = k ? 1 : 0, s = 1 - t;
        wt_taken want;
        cr_assert_eq(wt_corpus_taken(c, t, s, &want), 0);
        cr_assert_eq(r->words, want.words);
        cr_assert_gt(r->words, 0);
        cr_assert_eq(r->by_class[WT_CLASS_VERBATIM],
                     want.by_class[WT_CLASS_VERBATIM]);
        /* "(MPA)" is not an alias of Meridian Press Agency. */
        cr_assert_eq(r->credited, wt_corpus_pair_credits(c, t, s));
        cr_assert_eq(r->t, wt_document_published(wt_corpus_document(c, t)));
        wt_uses_release(&u);
        wt_corpus_free(c);
    }
}

/* Without times or credits, the article stored last took. */
Test(uses, without_an_origin_the_new_article_takes)
{
    const char *text = "The harbour authority said on Monday that the new "
                       "container terminal at Eastwater would open in June "
                       "after three years of delays and a budget overrun of "
                       "40 million crowns, blamed on flooding.\n";
    const char *const texts[] = {text, text};
    wt_corpus *c = test_corpus(texts, 2, NULL);
    cr_assert_eq(wt_corpus_pair_origin(c, 0, 1), WT_ORIGIN_UNKNOWN);
    wt_uses u = {0};
    cr_assert_eq(wt_uses_collect(c, &u), 0);
    const wt_store_use *r = only_use(&u);
    cr_assert_str_eq(r->taker, "doc0");
    cr_assert_str_eq(r->source, "doc1");
    cr_assert_str_eq(r->source_key, "");
    cr_assert_null(r->source_outlet);
    cr_assert_eq(r->t, 0);
    wt_uses_release(&u);
    wt_corpus_free(c);
}

/* The audit's rows as one line each, to compare two indexes. */
static int print_row(void *ctx, const wt_audit_row *r)
{
    FILE *f = ctx;
    fprintf(f, "%d|%s|%s|%s|%llu|%llu|%llu|%llu|%llu|%lld|%lld\n", r->part,
            r->outlet ? r->outlet : "-", r->story ? r->story : "-",
            r->month ? r->month : "-", (unsigned long long)r->stories,
            (unsigned long long)r->uses, (unsigned long long)r->words,
            (unsigned long long)r->by_class[WT_CLASS_VERBATIM],
            (unsigned long long)r->credited, (long long)r->first,
            (long long)r->last);
    return 0;
}

static const char *const feed[][4] = {
    /* id, outlet, time, file */
    {"wire", "MPA", "2026-03-14T08:05:00Z", "wire"},
    {"reprint", "Coastal Daily Record", "2026-03-14T10:05:00Z", "reprint"},
    {"edited", "Harborton Evening Post", "2026-03-14T12:40:00Z", "edited"},
    {"late", "Valley Times", "2026-04-02T09:00:00Z", "reprint"},
};

static wt_index *index_of(const char *path, size_t batch, int uses)
{
    unlink(path);
    wt_options o;
    wt_options_init(&o);
    o.lang_dir = test_lang_dir();
    wt_index_options io;
    wt_index_options_init(&io);
    io.batch = batch;
    io.uses = uses;
    wt_index *ix = NULL;
    char err[256];
    cr_assert_eq(wt_index_open(&ix, path, &o, &io, err, sizeof err), 0, "%s",
                 err);
    for (size_t i = 0; i < sizeof feed / sizeof *feed; i++) {
        char p[4096];
        size_t len;
        char *text = test_read_file(
            test_path(p, sizeof p, "corpora/demo/%s.txt", feed[i][3]), &len);
        wt_article a = {0};
        a.id = feed[i][0];
        a.outlet = feed[i][1];
        cr_assert_eq(wt_parse_time(feed[i][2], &a.published), 0);
        a.text = text;
        a.len = len;
        cr_assert_eq(wt_index_add(ix, &a, NULL), 0, "%s", wt_index_error(ix));
        free(text);
    }
    cr_assert_eq(wt_index_commit(ix), 0);
    return ix;
}

/* The audit of outlet on ix as text (malloc'd), or NULL with *rc. */
static char *audit_text(wt_index *ix, const char *outlet, int64_t since,
                        int *rc)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    wt_audit_query q = {outlet, since, 0};
    *rc = wt_index_audit(ix, &q, print_row, f);
    fclose(f);
    return buf;
}

Test(uses, recorded_at_add_whatever_the_batch_and_summed_by_outlet)
{
    char one[64], all[64];
    snprintf(one, sizeof one, "/tmp/wt_test_uses_1_%d.db", (int)getpid());
    snprintf(all, sizeof all, "/tmp/wt_test_uses_n_%d.db", (int)getpid());
    wt_index *a = index_of(one, 1, 1), *b = index_of(all, 1000, 1);
    int rc;
    char *ta = audit_text(a, "mpa", 0, &rc);
    cr_assert_eq(rc, 0, "%s", wt_index_error(a));
    char *tb = audit_text(b, "MPA", 0, &rc);
    cr_assert_eq(rc, 0);
    cr_assert_str_eq(ta, tb);
    /* Three outlets took the wire; each credits "MPA" (the copy under
     * Valley Times keeps the reprint's "(MPA)" dateline). */
    cr_assert(strstr(ta, "0|Coastal Daily Record|-|-|1|1|"), "%s", ta);
    cr_assert(strstr(ta, "0|Valley Times|-|-|1|1|"), "%s", ta);
    cr_assert(strstr(ta, "1|Harborton Evening Post|wire|-|1|1|"), "%s", ta);
    cr_assert(strstr(ta, "2|-|-|2026-03|"), "%s", ta);
    cr_assert(strstr(ta, "2|-|-|2026-04|"), "%s", ta);
    free(tb);
    /* Since April: the late copy only. */
    int64_t april;
    cr_assert_eq(wt_parse_time("2026-04-01", &april), 0);
    tb = audit_text(a, "MPA", april, &rc);
    cr_assert(strstr(tb, "Valley Times") && !strstr(tb, "Coastal"), "%s", tb);
    free(tb);
    /* Removing the taker removes its use. */
    int removed = 0;
    cr_assert_eq(wt_index_remove(a, "late", &removed), 0);
    cr_assert(removed);
    tb = audit_text(a, "MPA", 0, &rc);
    cr_assert_null(strstr(tb, "Valley Times"), "%s", tb);
    free(tb);
    free(ta);
    wt_index_close(a);
    wt_index_close(b);
    test_remove_index(one);
    test_remove_index(all);
}

Test(uses, added_without_them_the_audit_refuses_until_relinked)
{
    char fast[64], slow[64];
    snprintf(fast, sizeof fast, "/tmp/wt_test_uses_f_%d.db", (int)getpid());
    snprintf(slow, sizeof slow, "/tmp/wt_test_uses_s_%d.db", (int)getpid());
    wt_index *f = index_of(fast, 2, 0), *s = index_of(slow, 2, 1);
    int rc;
    free(audit_text(f, "MPA", 0, &rc));
    cr_assert_eq(rc, WT_ESTATE);
    cr_assert(strstr(wt_index_error(f), "not recorded"), "%s",
              wt_index_error(f));
    cr_assert_eq(wt_index_relink(f), 0, "%s", wt_index_error(f));
    char *a = audit_text(f, "MPA", 0, &rc);
    cr_assert_eq(rc, 0);
    char *b = audit_text(s, "MPA", 0, &rc);
    cr_assert_str_eq(a, b);
    cr_assert(strstr(a, "Valley Times"), "%s", a);
    free(a);
    free(b);
    wt_index_close(f);
    wt_index_close(s);
    test_remove_index(fast);
    test_remove_index(slow);
}
