/* Tests of index.c and store_sqlite.c: the archive index's contract. */
#include "helpers.h"

#include <pthread.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <unistd.h>

/* The bytes of corpora/demo/<name>; the caller frees them. */
static char *demo(const char *name, size_t *len)
{
    char path[4096];
    return test_read_file(test_path(path, sizeof path, "corpora/demo/%s", name),
                          len);
}

static char db_path[64];

static wt_index *open_index(int fresh)
{
    if (fresh) {
        snprintf(db_path, sizeof db_path, "/tmp/wt_test_index_%d.db",
                 (int)getpid());
        unlink(db_path);
    }
    wt_options o;
    wt_options_init(&o);
    o.lang_dir = test_lang_dir();
    wt_index *ix = NULL;
    char err[256];
    cr_assert_eq(wt_index_open(&ix, db_path, &o, NULL, err, sizeof err), 0,
                 "%s", err);
    return ix;
}

static void drop_index(wt_index *ix)
{
    wt_index_close(ix);
    test_remove_index(db_path);
}

/* corpora/demo/<name> as article id; the caller frees its text. */
static wt_article demo_article(const char *name, const char *id)
{
    size_t len;
    wt_article a = {0};
    a.id = id;
    a.text = demo(name, &len);
    a.len = len;
    return a;
}

static int add_demo(wt_index *ix, const char *name, const char *id)
{
    wt_article a = demo_article(name, id);
    int added = -1;
    cr_assert_eq(wt_index_add(ix, &a, &added), 0, "%s", wt_index_error(ix));
    free((char *)a.text);
    return added;
}

static wt_index_stats stats(wt_index *ix)
{
    wt_index_stats st;
    cr_assert_eq(wt_index_stats_get(ix, &st), 0);
    return st;
}

Test(index, readding_is_a_noop_and_new_text_replaces)
{
    wt_index *ix = open_index(1);
    cr_assert_eq(add_demo(ix, "wire.txt", "wire"), 1);
    const wt_index_stats one = stats(ix);
    cr_assert_eq(add_demo(ix, "wire.txt", "wire"), 0);
    const wt_index_stats again = stats(ix);
    cr_assert_eq(again.documents, 1);
    cr_assert_eq(again.fingerprints, one.fingerprints);
    cr_assert_eq(again.bands, one.bands);
    cr_assert_eq(add_demo(ix, "unrelated.txt", "wire"),
                 WT_ADDED_REPLACED); /* new text */
    const wt_index_stats repl = stats(ix);
    cr_assert_eq(repl.documents, 1);
    cr_assert_neq(repl.text_bytes, one.text_bytes);
    drop_index(ix);
}

Test(index, remove_leaves_no_postings)
{
    wt_index *ix = open_index(1);
    add_demo(ix, "wire.txt", "wire");
    add_demo(ix, "edited.txt", "edited");
    cr_assert_gt(stats(ix).fingerprints, 0);
    int removed = 0;
    cr_assert_eq(wt_index_remove(ix, "wire", &removed), 0);
    cr_assert_eq(removed, 1);
    cr_assert_eq(wt_index_remove(ix, "wire", &removed), 0);
    cr_assert_eq(removed, 0);
    cr_assert_eq(wt_index_remove(ix, "edited", &removed), 0);
    const wt_index_stats st = stats(ix);
    cr_assert_eq(st.documents, 0);
    cr_assert_eq(st.fingerprints, 0);
    cr_assert_eq(st.bands, 0);
    cr_assert_eq(st.paragraphs, 0);
    drop_index(ix);
}

/* wt_index_get gives back what was stored, byte for byte, from a
 * committed batch or the open one; nothing for an id never added or
 * removed, and the new text after a replacement. */
Test(index, get_reads_back_the_stored_article)
{
    wt_index *ix = open_index(1);
    size_t len;
    char *text = demo("wire.txt", &len);
    wt_article a = {0};
    a.id = "wire";
    a.outlet = "Meridian Press Agency";
    a.url = "https://example.org/wire";
    a.title = "Dockworkers strike";
    a.published = 1773475500;
    a.text = text;
    a.len = len;
    cr_assert_eq(wt_index_add(ix, &a, NULL), 0, "%s", wt_index_error(ix));
    wt_article got;
    int found = -1;
    cr_assert_eq(wt_index_get(ix, "wire", &got, &found), 0, "%s",
                 wt_index_error(ix));
    cr_assert_eq(found, 1); /* still in the open batch */
    cr_assert_eq(wt_index_commit(ix), 0);
    cr_assert_eq(wt_index_get(ix, "wire", &got, &found), 0);
    cr_assert_eq(found, 1);
    cr_assert_str_eq(got.id, "wire");
    cr_assert_str_eq(got.outlet, a.outlet);
    cr_assert_str_eq(got.url, a.url);
    cr_assert_str_eq(got.title, a.title);
    cr_assert_str_eq(got.lang, "en"); /* identified */
    cr_assert_eq(got.published, a.published);
    cr_assert_eq(got.len, len);
    cr_assert_eq(memcmp(got.text, text, len), 0);
    cr_assert_eq(wt_index_get(ix, "nothing", &got, &found), 0);
    cr_assert_eq(found, 0);
    cr_assert_null(got.text);
    add_demo(ix, "unrelated.txt", "wire");
    cr_assert_eq(wt_index_commit(ix), 0);
    cr_assert_eq(wt_index_get(ix, "wire", &got, &found), 0);
    cr_assert_eq(found, 1);
    cr_assert_null(got.url); /* the replacement had none */
    cr_assert_neq(got.len, len);
    cr_assert_eq(wt_index_remove(ix, "wire", NULL), 0);
    cr_assert_eq(wt_index_get(ix, "wire", &got, &found), 0);
    cr_assert_eq(found, 0);
    free(text);
    drop_index(ix);
}

/* Two connections to one index (a server's threads): what one commits,
 * the other's next add and stats see, although the other read the
 * settings (and so held a snapshot) before the commit. */
Test(index, a_second_connection_sees_the_first_ones_commits)
{
    wt_index *a = open_index(1);
    wt_index *b = open_index(0);
    cr_assert_eq(add_demo(a, "wire.txt", "wire"), WT_ADDED_NEW);
    cr_assert_eq(wt_index_commit(a), 0);
    cr_assert_eq(stats(b).documents, 1);
    cr_assert_eq(add_demo(b, "wire.txt", "wire"), WT_ADDED_NONE);
    cr_assert_eq(wt_index_commit(b), 0);
    wt_index_close(b);
    drop_index(a);
}

/* The query article is document 0; its paragraph 1 is wire's paragraph 1
 * word for word, with spans pointing into both texts. */
Test(index, query_names_indexed_sources_with_spans)
{
    wt_index *ix = open_index(1);
    add_demo(ix, "wire.txt", "wire");
    add_demo(ix, "unrelated.txt", "football");
    wt_index_close(ix);
    ix = open_index(0); /* the documents persist */
    size_t len;
    char *text = demo("reprint.txt", &len);
    wt_article a = {0};
    a.id = "reprint";
    a.text = text;
    a.len = len;
    const wt_corpus *c = NULL;
    cr_assert_eq(wt_index_query(ix, &a, NULL, &c), 0, "%s", wt_index_error(ix));
    const wt_document *q = wt_corpus_document(c, 0);
    cr_assert_str_eq(wt_document_id(q), "reprint");
    const wt_paragraph *p = wt_document_paragraph(q, 1);
    cr_assert_geq(p->source_count, 1);
    const wt_source *s = &p->sources[0];
    const wt_document *src = wt_corpus_document(c, s->document);
    cr_assert_str_eq(wt_document_id(src), "wire");
    cr_assert_eq(s->cls, WT_CLASS_VERBATIM);
    cr_assert_geq(s->span_count, 1);
    size_t slen;
    const char *sb = wt_document_bytes(src, &slen);
    cr_assert_eq(
        memcmp(text + s->spans[0].start, sb + s->spans[0].source_start, 20), 0);
    /* The football report shares no text: not a candidate. */
    for (size_t i = 1; i < wt_corpus_document_count(c); i++)
        cr_assert_str_neq(wt_document_id(wt_corpus_document(c, i)), "football");
    wt_index_filter f = {0};
    f.outlet = "Somebody Else";
    cr_assert_eq(wt_index_query(ix, &a, &f, &c), 0);
    cr_assert_eq(wt_corpus_document_count(c), 1);
    free(text);
    drop_index(ix);
}

/* The result of querying ix with corpora/demo/<name> as article id. */
static const wt_corpus *query_corpus(wt_index *ix, const char *name,
                                     const char *id)
{
    wt_article a = demo_article(name, id);
    const wt_corpus *c = NULL;
    cr_assert_eq(wt_index_query(ix, &a, NULL, &c), 0, "%s", wt_index_error(ix));
    free((char *)a.text);
    return c;
}

/* Every paragraph of every document of c with its sources, one a line:
 * what a report of the query is made from. */
static char *answer(const wt_corpus *c)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cr_assert(f);
    for (size_t d = 0; d < wt_corpus_document_count(c); d++) {
        const wt_document *doc = wt_corpus_document(c, d);
        for (size_t i = 0; i < wt_document_paragraph_count(doc); i++) {
            const wt_paragraph *p = wt_document_paragraph(doc, i);
            fprintf(f, "%s %zu %zu-%zu:", wt_document_id(doc), i, p->start,
                    p->end);
            for (size_t k = 0; k < p->source_count; k++) {
                const wt_source *s = &p->sources[k];
                fprintf(f, " %s/%zu %d %.6f %d %zu",
                        wt_document_id(wt_corpus_document(c, s->document)),
                        s->paragraph, (int)s->cls, s->score, (int)s->origin,
                        s->span_count);
            }
            fputc('\n', f);
        }
    }
    fclose(f);
    return buf;
}

static char *query_answer(wt_index *ix, const char *name, const char *id)
{
    return answer(query_corpus(ix, name, id));
}

/* A fresh test index holding the demo wire and its rewrite, and
 * corpora/demo/<name> as article id when name is not NULL, committed. */
static wt_index *wire_index(const char *name, const char *id)
{
    wt_index *ix = open_index(1);
    add_demo(ix, "wire.txt", "wire");
    add_demo(ix, "rewrite.txt", "rewrite");
    if (name)
        add_demo(ix, name, id);
    cr_assert_eq(wt_index_commit(ix), 0);
    return ix;
}

/* Another handle on the test index, keeping nothing between queries;
 * o and io get what it was opened with. */
static wt_index *open_uncached(wt_options *o, wt_index_options *io)
{
    wt_options_init(o);
    o->lang_dir = test_lang_dir();
    wt_index_options_init(io);
    io->cache_bytes = 0;
    wt_index *none = NULL;
    cr_assert_eq(wt_index_open(&none, db_path, o, io, NULL, 0), 0);
    return none;
}

/* The answer to the demo reprint of a handle that keeps nothing (*none,
 * opened with o and io), and a cache of 8 MB in io for handles to share. */
static char *fresh_answer(wt_index **none, wt_options *o, wt_index_options *io,
                          wt_index_cache **cache)
{
    *none = open_uncached(o, io);
    char *want = query_answer(*none, "reprint.txt", "reprint");
    cr_assert(strstr(want, "wire/"), "the wire is a source:\n%s", want);
    cr_assert_eq(wt_index_cache_new(cache, 8 << 20), 0);
    io->cache = *cache; /* cache_bytes 0 is not used then */
    return want;
}

/* The stored articles a query analyzed are kept for the next queries:
 * the answers are the same as with nothing kept, query after query, and
 * an article replaced since is read again, never taken as it was. */
Test(index, kept_articles_answer_as_fresh_ones)
{
    wt_index *ix = wire_index("unrelated.txt", "football");
    wt_index_options io;
    wt_index_options_init(&io);
    cr_assert_gt(io.cache_bytes, 0, "kept by default");
    wt_options o;
    wt_index *none = open_uncached(&o, &io);
    char *want = query_answer(none, "reprint.txt", "reprint");
    cr_assert(strstr(want, "wire/"), "the wire is a source:\n%s", want);
    for (int round = 0; round < 3; round++) {
        char *got = query_answer(ix, "reprint.txt", "reprint");
        cr_assert_str_eq(got, want, "round %d", round);
        free(got);
        /* Another query in between lends the same articles elsewhere. */
        free(query_answer(ix, "wire.txt", "wire-again"));
    }
    free(want);
    /* The wire replaced by the football text: the cache must not answer
     * with the old one. */
    add_demo(ix, "unrelated.txt", "wire");
    cr_assert_eq(wt_index_commit(ix), 0);
    want = query_answer(none, "reprint.txt", "reprint");
    char *got = query_answer(ix, "reprint.txt", "reprint");
    cr_assert_str_eq(got, want);
    free(got);
    free(want);
    wt_index_close(none);
    drop_index(ix);
}

/* Two handles of one index sharing a cache (as serve's workers do):
 * each answers as a handle with nothing kept, whether the stored articles
 * come from the other's analysis or its own, while the other still holds
 * them from its last query (then analyzed again) or not. */
Test(index, handles_sharing_a_cache_answer_as_fresh_ones)
{
    wt_index *ix = wire_index(NULL, NULL);
    wt_options o;
    wt_index_options io;
    wt_index *none;
    wt_index_cache *cache = NULL;
    char *want = fresh_answer(&none, &o, &io, &cache);
    wt_index *a = NULL, *b = NULL;
    cr_assert_eq(wt_index_open(&a, db_path, &o, &io, NULL, 0), 0);
    cr_assert_eq(wt_index_open(&b, db_path, &o, &io, NULL, 0), 0);
    for (int round = 0; round < 3; round++) {
        /* a analyzes the stored articles (round 0) or finds them kept;
         * from round 1 on, b's last query still holds them, so a
         * analyzes its own. */
        char *ga = query_answer(a, "reprint.txt", "reprint");
        /* a's next query lets go of them: b is lent what a analyzed. */
        free(query_answer(a, "unrelated.txt", "other"));
        char *gb = query_answer(b, "reprint.txt", "reprint");
        cr_assert_str_eq(ga, want, "round %d, first handle", round);
        cr_assert_str_eq(gb, want, "round %d, second handle", round);
        free(ga);
        free(gb);
    }
    free(want);
    wt_index_close(a);
    wt_index_close(b);
    wt_index_cache_free(cache);
    wt_index_close(none);
    drop_index(ix);
}

/* Runs sql, with ?1 bound to id, on the test index from a connection of
 * its own. */
static void change_row(const char *sql, const char *id)
{
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s",
                 sqlite3_errmsg(db));
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    cr_assert_eq(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

/* A kept article whose stored row changed under its number (as when the
 * numbers of a batch rolled back are given again) is found stale by its
 * tag and analyzed again.  (PostgreSQL reads it without its text first
 * and then whole: tests/pg/shard_down.sh, d.) */
Test(index, a_kept_article_changed_under_its_number_is_read_again)
{
    wt_index *ix = wire_index("edited.txt", "edited");
    char *first = query_answer(ix, "reprint.txt", "reprint");
    /* The wire's row takes the edited story's text and all else. */
    change_row("UPDATE docs SET (outlet, url, published, lang, title, credits,"
               " plangs, hash, text_len, body, paras) = (SELECT outlet, url,"
               " published, lang, title, credits, plangs, hash, text_len,"
               " body, paras FROM docs WHERE id = 'edited') WHERE id = ?1",
               "wire");
    wt_options o;
    wt_index_options io;
    wt_index *none = open_uncached(&o, &io);
    char *want = query_answer(none, "reprint.txt", "reprint");
    cr_assert_str_neq(want, first, "the change shows in the answer");
    char *got = query_answer(ix, "reprint.txt", "reprint");
    cr_assert_str_eq(got, want);
    free(first);
    free(got);
    free(want);
    wt_index_close(none);
    drop_index(ix);
}

/* One thread's queries through its own handle of a shared cache. */
typedef struct shared_run {
    wt_index *ix;
    const char *want;
    int wrong;
} shared_run;

static void *query_worker(void *arg)
{
    shared_run *r = arg;
    for (int i = 0; i < 40; i++) {
        char *got = query_answer(r->ix, "reprint.txt", "reprint");
        r->wrong += strcmp(got, r->want) != 0;
        free(got);
        free(query_answer(r->ix, "wire.txt", "wire-again"));
    }
    return NULL;
}

/* Handles on two threads sharing a cache meet the same stored articles at
 * once, each lent a copy or analyzing its own while the other holds it:
 * every answer as a handle's that keeps nothing. */
Test(index, threads_sharing_a_cache_answer_as_fresh_ones)
{
    wt_index *ix = wire_index(NULL, NULL);
    wt_options o;
    wt_index_options io;
    wt_index *none;
    wt_index_cache *cache = NULL;
    char *want = fresh_answer(&none, &o, &io, &cache);
    shared_run r[2];
    pthread_t t[2];
    for (int i = 0; i < 2; i++) {
        r[i] = (shared_run){.want = want};
        cr_assert_eq(wt_index_open(&r[i].ix, db_path, &o, &io, NULL, 0), 0);
    }
    for (int i = 0; i < 2; i++)
        cr_assert_eq(pthread_create(&t[i], NULL, query_worker, &r[i]), 0);
    for (int i = 0; i < 2; i++) {
        cr_assert_eq(pthread_join(t[i], NULL), 0);
        cr_assert_eq(r[i].wrong, 0, "thread %d: %d answers differ", i,
                     r[i].wrong);
        wt_index_close(r[i].ix);
    }
    wt_index_cache_stats st;
    wt_index_cache_stats_get(cache, &st);
    cr_assert_gt(st.hits, 0);
    free(want);
    wt_index_cache_free(cache);
    wt_index_close(none);
    drop_index(ix);
}

Test(index, prepare_and_put_equal_add)
{
    wt_index *ix = open_index(1);
    add_demo(ix, "wire.txt", "w");
    const wt_index_stats one = stats(ix);
    int removed;
    wt_index_remove(ix, "w", &removed);
    wt_index_worker *w = NULL;
    cr_assert_eq(wt_index_worker_new(&w, ix), 0);
    size_t len;
    char *text = demo("wire.txt", &len);
    wt_article a = {0};
    a.id = "w";
    a.text = text;
    a.len = len;
    wt_index_entry *e = NULL;
    cr_assert_eq(wt_index_prepare(w, &a, &e), 0);
    int added = 0;
    cr_assert_eq(wt_index_put(ix, e, &added), 0);
    cr_assert_eq(added, 1);
    const wt_index_stats two = stats(ix);
    cr_assert_eq(two.fingerprints, one.fingerprints);
    cr_assert_eq(two.bands, one.bands);
    cr_assert_eq(two.paragraphs, one.paragraphs);
    wt_index_entry_free(e);
    wt_index_worker_free(w);
    free(text);
    drop_index(ix);
}

Test(index, a_file_that_is_not_an_index_is_refused)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/wt_test_notdb_%d.db", (int)getpid());
    FILE *f = fopen(path, "w");
    fputs("plain notes, not SQLite\n", f);
    fclose(f);
    wt_index *ix = NULL;
    char err[256];
    cr_assert_eq(wt_index_open(&ix, path, NULL, NULL, err, sizeof err),
                 WT_ECORRUPT);
    cr_assert_null(ix);
    cr_assert(strstr(err, path), "%s", err);
    cr_assert(strstr(err, "not a wiretrace index"), "%s", err);
    unlink(path);
}

static wt_index_options read_only(void)
{
    wt_index_options io;
    wt_index_options_init(&io);
    io.read_only = 1;
    return io;
}

Test(index, read_only_open_of_a_missing_file_creates_nothing)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/wt_test_missing_%d.db", (int)getpid());
    unlink(path);
    const wt_index_options io = read_only();
    wt_index *ix = NULL;
    char err[256];
    cr_assert_lt(wt_index_open(&ix, path, NULL, &io, err, sizeof err), 0);
    cr_assert_null(ix);
    cr_assert(strstr(err, path), "%s", err);
    cr_assert_neq(access(path, F_OK), 0, "the open created %s", path);
}

Test(index, read_only_open_of_another_database_changes_nothing)
{
    char path[64], cmd[160];
    snprintf(path, sizeof path, "/tmp/wt_test_other_%d.db", (int)getpid());
    unlink(path);
    snprintf(cmd, sizeof cmd,
             "python3 -c \"import sqlite3; "
             "c = sqlite3.connect('%s'); c.execute('create table t(x)'); "
             "c.commit()\"",
             path);
    cr_assert_eq(system(cmd), 0);
    struct stat before, after;
    cr_assert_eq(stat(path, &before), 0);
    const wt_index_options io = read_only();
    wt_index *ix = NULL;
    char err[256];
    cr_assert_eq(wt_index_open(&ix, path, NULL, &io, err, sizeof err),
                 WT_ECORRUPT);
    cr_assert(strstr(err, "not a wiretrace index"), "%s", err);
    cr_assert_eq(stat(path, &after), 0);
    cr_assert_eq(before.st_size, after.st_size);
    cr_assert_eq(before.st_mtime, after.st_mtime);
    snprintf(cmd, sizeof cmd, "%s-wal", path);
    cr_assert_neq(access(cmd, F_OK), 0, "switched to WAL");
    unlink(path);
}

static void count_batch(void *ctx, size_t batch, size_t total)
{
    (void)batch;
    *(size_t *)ctx = total;
}

Test(index, replacing_articles_does_not_count_them_twice)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/wt_test_repl_%d.db", (int)getpid());
    unlink(path);
    wt_options o;
    wt_options_init(&o);
    o.lang_dir = test_lang_dir();
    wt_index_options io;
    wt_index_options_init(&io);
    size_t total = 0;
    io.progress = count_batch;
    io.progress_ctx = &total;
    io.batch = 3;
    wt_index *ix = NULL;
    cr_assert_eq(wt_index_open(&ix, path, &o, &io, NULL, 0), 0);
    char id[16], text[96];
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 6; i++) {
            snprintf(id, sizeof id, "a%d", i);
            snprintf(text, sizeof text,
                     "Round %d of the harbour strike "
                     "story number %d, told again with new figures.\n",
                     round, i);
            const wt_article a = {.id = id, .text = text, .len = strlen(text)};
            int added = -1;
            cr_assert_eq(wt_index_add(ix, &a, &added), 0);
            cr_assert_eq(added, round ? WT_ADDED_REPLACED : WT_ADDED_NEW);
        }
    cr_assert_eq(wt_index_commit(ix), 0);
    cr_assert_eq(total, 6);
    wt_index_close(ix);
    test_remove_index(path);
}

/* A query against an index holding only wire.txt must report what compare
 * reports for reprint.txt and wire.txt: re-analysis from stored paragraph
 * ranges, boilerplate kinds and credits is exact. */
Test(index, query_equals_compare_of_the_same_pair)
{
    wt_index *ix = open_index(1);
    add_demo(ix, "wire.txt", "wire");
    size_t len, wlen;
    char *text = demo("reprint.txt", &len);
    char *wire = demo("wire.txt", &wlen);
    wt_article a = {0};
    a.id = "reprint";
    a.text = text;
    a.len = len;
    const wt_corpus *q = NULL;
    cr_assert_eq(wt_index_query(ix, &a, NULL, &q), 0);
    cr_assert_eq(wt_corpus_document_count(q), 2);
    wt_corpus *c = test_corpus_new(NULL);
    cr_assert_eq(wt_corpus_add_buffer(c, "reprint", "reprint", text, len), 0);
    cr_assert_eq(wt_corpus_add_buffer(c, "wire", "wire", wire, wlen), 0);
    cr_assert_eq(wt_corpus_analyze(c), 0);
    const wt_document *dq = wt_corpus_document(q, 0);
    const wt_document *dc = wt_corpus_document(c, 0);
    cr_assert_eq(wt_document_paragraph_count(dq),
                 wt_document_paragraph_count(dc));
    size_t links = 0;
    for (size_t i = 0; i < wt_document_paragraph_count(dq); i++) {
        const wt_paragraph *pq = wt_document_paragraph(dq, i);
        const wt_paragraph *pc = wt_document_paragraph(dc, i);
        cr_assert_eq(pq->boiler, pc->boiler);
        cr_assert_eq(pq->source_count, pc->source_count, "paragraph %zu", i);
        for (size_t s = 0; s < pq->source_count; s++) {
            const wt_source *x = &pq->sources[s], *y = &pc->sources[s];
            cr_assert_eq(x->paragraph, y->paragraph);
            cr_assert_eq(x->cls, y->cls);
            cr_assert_float_eq(x->score, y->score, 1e-12);
            cr_assert_eq(x->origin, y->origin);
            cr_assert_eq(x->span_count, y->span_count);
            for (size_t k = 0; k < x->span_count; k++)
                cr_assert_eq(
                    memcmp(&x->spans[k], &y->spans[k], sizeof x->spans[k]), 0);
            links++;
        }
    }
    cr_assert_gt(links, 5);
    wt_corpus_free(c);
    free(text);
    free(wire);
    drop_index(ix);
}

/* Queries the demo file under another id; returns how many documents the
 * result holds (the article and its sources). */
static size_t query_demo(wt_index *ix, const char *name, const char *id)
{
    return wt_corpus_document_count(query_corpus(ix, name, id));
}

/* A reader kept open sees what a writer commits after its first query: a
 * query leaves no read snapshot open behind it (which would also keep the
 * write-ahead log from being checkpointed). */
Test(index, an_open_reader_sees_later_commits)
{
    wt_index *w = open_index(1);
    add_demo(w, "wire.txt", "wire");
    cr_assert_eq(wt_index_commit(w), 0);
    wt_index *r = open_index(0);
    cr_assert_eq(query_demo(r, "reprint.txt", "reprint"), 2);
    add_demo(w, "unrelated.txt", "football");
    cr_assert_eq(wt_index_commit(w), 0);
    cr_assert_eq(stats(r).documents, 2);
    cr_assert_eq(query_demo(r, "unrelated.txt", "football-again"), 2);
    wt_index_close(r);
    drop_index(w);
}

/* A stored article keeps its credits, their kinds and byte ranges, and
 * its outlet from metadata only: the query's copy of it matches a fresh
 * analysis of the same article. */
Test(index, stored_articles_keep_their_credits)
{
    static const char text[] =
        "SEOUL, March 10 (Yonhap) -- Exports rose for a fifth month in "
        "February on strong demand for memory chips, the trade ministry "
        "said on Tuesday.\n\nShipments reached 52.3 billion dollars, "
        "Reuters reported.\n";
    wt_index *ix = open_index(1);
    wt_article a = {0};
    a.id = "wire";
    a.outlet = "Yonhap News Agency";
    a.text = text;
    a.len = strlen(text);
    cr_assert_eq(wt_index_add(ix, &a, NULL), 0, "%s", wt_index_error(ix));
    cr_assert_eq(wt_index_commit(ix), 0);
    wt_article q = a;
    q.id = "copy";
    q.outlet = NULL;
    const wt_corpus *c = NULL;
    cr_assert_eq(wt_index_query(ix, &q, NULL, &c), 0, "%s", wt_index_error(ix));
    cr_assert_eq(wt_corpus_document_count(c), 2);
    const wt_document *stored = wt_corpus_document(c, 1);
    const wt_document *fresh = wt_corpus_document(c, 0);
    cr_assert_str_eq(wt_document_outlet(stored), "Yonhap News Agency");
    cr_assert_null(wt_document_outlet(fresh));
    cr_assert_eq(wt_document_credit_count(stored), 2);
    cr_assert_eq(wt_document_credit_count(fresh), 2);
    for (size_t i = 0; i < 2; i++) {
        const wt_credit *x = wt_document_credit(stored, i);
        const wt_credit *y = wt_document_credit(fresh, i);
        cr_assert_str_eq(x->outlet, y->outlet);
        cr_assert_eq(x->kind, y->kind);
        cr_assert_eq(x->start, y->start);
        cr_assert_eq(x->end, y->end);
    }
    /* The stored copy's dateline is its own; the query's is a credit. */
    cr_assert_eq(wt_document_credit(stored, 0)->own, 1);
    cr_assert_eq(wt_document_credit(fresh, 0)->own, 0);
    cr_assert_eq(wt_corpus_pair_credits(c, 0, 1), 1);
    cr_assert_eq(wt_corpus_pair_origin(c, 0, 1), WT_ORIGIN_OTHER);
    drop_index(ix);
}

/* An index of schema version 1 (outlet names read from the text) is
 * refused with a message saying what to do. */
Test(index, an_old_schema_is_refused_clearly)
{
    wt_index *ix = open_index(1);
    wt_index_close(ix);
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db,
                              "UPDATE settings SET value = '1' WHERE "
                              "key = 'schema_version'",
                              NULL, NULL, NULL),
                 SQLITE_OK);
    sqlite3_close(db);
    wt_options o;
    wt_options_init(&o);
    o.lang_dir = test_lang_dir();
    char err[256] = "";
    ix = NULL;
    cr_assert_eq(wt_index_open(&ix, db_path, &o, NULL, err, sizeof err),
                 WT_ECORRUPT);
    cr_assert_null(ix);
    cr_assert(strstr(err, "schema version 1"), "%s", err);
    cr_assert(strstr(err, "build the index again"), "%s", err);
    drop_index(NULL);
}

static void damage_body(const char *id)
{
    change_row("UPDATE docs SET body = x'00ff00ff' WHERE id = ?1", id);
}

/* One damaged stored row made every query that picked it as a candidate
 * fail; it is skipped (with a warning) and the others still answer. */
Test(index, a_damaged_row_fails_no_query)
{
    wt_index *ix = open_index(1);
    add_demo(ix, "wire.txt", "wire");
    add_demo(ix, "edited.txt", "edited");
    cr_assert_eq(wt_index_commit(ix), 0);
    wt_index_close(ix);
    damage_body("edited");
    ix = open_index(0);
    size_t len;
    char *text = demo("reprint.txt", &len);
    const wt_article a = {.id = "reprint", .text = text, .len = len};
    const wt_corpus *c = NULL;
    cr_assert_eq(wt_index_query(ix, &a, NULL, &c), 0, "%s", wt_index_error(ix));
    int wire = 0, edited = 0;
    for (size_t i = 1; i < wt_corpus_document_count(c); i++) {
        const char *id = wt_document_id(wt_corpus_document(c, i));
        wire += !strcmp(id, "wire");
        edited += !strcmp(id, "edited");
    }
    cr_assert_eq(wire, 1, "the intact source is still found");
    cr_assert_eq(edited, 0, "the damaged one is left out");
    free(text);
    drop_index(ix);
}

/* Whether ix holds corpora/demo/<name> as article id as given (with
 * the outlet and language of a, when set): the answer through
 * wt_index_query_stored() in *got (NULL when not). */
static int stored_query(wt_index *ix, const char *name, wt_article a,
                        char **got)
{
    size_t len;
    a.text = demo(name, &len);
    a.len = len;
    const wt_corpus *c = NULL;
    int found = -1;
    cr_assert_eq(wt_index_query_stored(ix, &a, NULL, &c, &found), 0, "%s",
                 wt_index_error(ix));
    free((char *)a.text);
    cr_assert_eq(found, c != NULL);
    *got = c ? answer(c) : NULL;
    return found;
}

static char *stored_answer(wt_index *ix, const char *name, const char *id)
{
    char *got = NULL;
    cr_assert(stored_query(ix, name, (wt_article){.id = id}, &got),
              "%s is stored", id);
    return got;
}

/* A stored article checked as stored answers as the same text given
 * afresh to a handle that keeps nothing, whether its analysis is made
 * from the stored row or kept from the last query.  An article the index
 * does not hold as given (another id, text, outlet or language) is not
 * taken from it; when its own row is damaged, it is not found as stored
 * and its text given afresh answers as before. */
Test(index, a_stored_article_answers_as_given_afresh)
{
    static const char *const names[][2] = {{"wire.txt", "wire"},
                                           {"rewrite.txt", "rewrite"},
                                           {"reprint.txt", "reprint"}};
    wt_index *ix = wire_index("reprint.txt", "reprint");
    wt_options o;
    wt_index_options io;
    wt_index *none = open_uncached(&o, &io);
    char *rewrite = query_answer(none, "rewrite.txt", "rewrite");
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < 3; i++) {
            char *want = query_answer(none, names[i][0], names[i][1]);
            char *got = stored_answer(ix, names[i][0], names[i][1]);
            cr_assert_str_eq(got, want, "%s, round %d", names[i][1], round);
            free(got);
            free(want);
        }
    char *got = NULL;
    const wt_article other[] = {{.id = "nowhere"},
                                {.id = "wire", .outlet = "Elsewhere"},
                                {.id = "wire", .lang = "de"},
                                {.id = "wire", .published = 86400}};
    for (size_t i = 0; i < sizeof other / sizeof *other; i++)
        cr_assert_not(stored_query(ix, "wire.txt", other[i], &got), "%zu", i);
    cr_assert_not(
        stored_query(ix, "edited.txt", (wt_article){.id = "wire"}, &got),
        "another text");
    cr_assert(stored_query(ix, "wire.txt",
                           (wt_article){.id = "wire", .lang = "en"}, &got),
              "the language it was stored with");
    free(got);
    wt_index_close(none);
    wt_index_close(ix);
    damage_body("rewrite");
    ix = open_index(0);
    size_t len;
    wt_article a = {.id = "rewrite"};
    a.text = demo("rewrite.txt", &len);
    a.len = len;
    const wt_corpus *c = NULL;
    int found = 0;
    cr_assert_eq(wt_index_query_stored(ix, &a, NULL, &c, &found), 0, "%s",
                 wt_index_error(ix));
    cr_assert_not(found, "a damaged row is not taken");
    cr_assert_eq(wt_index_query(ix, &a, NULL, &c), 0, "%s", wt_index_error(ix));
    got = answer(c);
    cr_assert_str_eq(got, rewrite, "the text given answers as before");
    free(got);
    free(rewrite);
    free((char *)a.text);
    got = stored_answer(ix, "reprint.txt", "reprint");
    cr_assert(strstr(got, "wire/"), "the intact source is still found:\n%s",
              got);
    free(got);
    drop_index(ix);
}
