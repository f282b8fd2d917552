/*
 * helpers.h - helpers shared by the unit and end-to-end tests: paths in
 * the source tree, files read whole, corpora built from literals or files,
 * and the lookups of a paragraph's sources.  Each fails the test (with a
 * Criterion assertion) rather than return an error.
 */
#ifndef WT_TEST_HELPERS_H
#define WT_TEST_HELPERS_H

#include "input.h"
#include "wiretrace.h"

#include "alloc.h"

#include <criterion/criterion.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The source tree: the environment's WT_SOURCE_ROOT (meson test sets it),
 * else the current folder. */
static inline const char *test_source_root(void)
{
    const char *root = getenv("WT_SOURCE_ROOT");
    return root ? root : ".";
}

/* Writes the source tree's path fmt, ... into buf and returns buf. */
__attribute__((format(printf, 3, 4))) static inline char *test_path(
    char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(buf, size, "%s/", test_source_root());
    cr_assert(n > 0 && (size_t)n < size);
    va_start(ap, fmt);
    const int m = vsnprintf(buf + n, size - (size_t)n, fmt, ap);
    va_end(ap);
    cr_assert(m >= 0 && (size_t)m < size - (size_t)n, "path too long");
    return buf;
}

/* The source tree's lang/ folder. */
static inline const char *test_lang_dir(void)
{
    static char buf[4096];
    return test_path(buf, sizeof buf, "lang");
}

/* The whole file at path, NUL-terminated (free() it); *len, when not
 * NULL, gets its size. */
static inline char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    size_t n = 0, cap = 1 << 16;
    char *buf = malloc(cap);
    cr_assert_not_null(buf);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            buf = realloc(buf, cap *= 2);
            cr_assert_not_null(buf);
        }
    }
    cr_assert(!ferror(f), "cannot read %s", path);
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* Decodes a UTF-8 literal into text; the test fails on error. */
static inline wt_text test_text(const char *s)
{
    wt_text t;
    wt_decode_report rep;
    cr_assert_eq(wt_text_decode(&t, s, strlen(s), NULL, &rep), 0);
    return t;
}

/* An empty corpus with *opts (NULL: the defaults) and the source tree's
 * language profiles. */
static inline wt_corpus *test_corpus_new(const wt_options *opts)
{
    wt_options o;
    if (opts)
        o = *opts;
    else
        wt_options_init(&o);
    o.lang_dir = test_lang_dir();
    wt_corpus *c = NULL;
    cr_assert_eq(wt_corpus_new(&c, &o), 0);
    return c;
}

/* A corpus over literal documents, ids doc0, doc1, ..., analyzed. */
static inline wt_corpus *test_corpus(const char *const *texts, size_t n,
                                     const wt_options *opts)
{
    wt_corpus *c = test_corpus_new(opts);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "doc%zu", i);
        cr_assert_eq(
            wt_corpus_add_buffer(c, id, id, texts[i], strlen(texts[i])), 0,
            "%s", wt_corpus_error(c));
    }
    cr_assert_eq(wt_corpus_analyze(c), 0);
    return c;
}

/* A corpus of text a (id "a") and, unless b is NULL, text b (id "b"),
 * analyzed. */
static inline wt_corpus *test_corpus_pair(const char *a, const char *b)
{
    wt_corpus *c = test_corpus_new(NULL);
    cr_assert_eq(wt_corpus_add_buffer(c, "a", "a", a, strlen(a)), 0);
    if (b)
        cr_assert_eq(wt_corpus_add_buffer(c, "b", "b", b, strlen(b)), 0);
    cr_assert_eq(wt_corpus_analyze(c), 0);
    return c;
}

/* A corpus of the files dir/<names[i]><suffix>, each with the id
 * names[i], in that order, analyzed. */
static inline wt_corpus *test_corpus_files(const char *dir,
                                           const char *const *names, size_t n,
                                           const char *suffix)
{
    wt_corpus *c = test_corpus_new(NULL);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s%s", dir, names[i], suffix);
        cr_assert_eq(wt_corpus_add_file(c, path, names[i]), 0, "%s",
                     wt_corpus_error(c));
    }
    cr_assert_eq(wt_corpus_analyze(c), 0);
    return c;
}

/* Paragraph p of document d; the test fails when there is none. */
static inline const wt_paragraph *test_para(const wt_corpus *c, size_t d,
                                            size_t p)
{
    const wt_paragraph *pa = wt_document_paragraph(wt_corpus_document(c, d), p);
    cr_assert_not_null(pa, "document %zu has no paragraph %zu", d, p);
    return pa;
}

/* The source of paragraph p of document d in document sd, or NULL. */
static inline const wt_source *test_source_in(const wt_corpus *c, size_t d,
                                              size_t p, size_t sd)
{
    const wt_paragraph *pa = test_para(c, d, p);
    for (size_t i = 0; i < pa->source_count; i++)
        if (pa->sources[i].document == sd)
            return &pa->sources[i];
    return NULL;
}

/* The source of paragraph p of document d that is paragraph sp of
 * document sd, or NULL. */
static inline const wt_source *test_source_at(const wt_corpus *c, size_t d,
                                              size_t p, size_t sd, size_t sp)
{
    const wt_paragraph *pa = test_para(c, d, p);
    for (size_t i = 0; i < pa->source_count; i++)
        if (pa->sources[i].document == sd && pa->sources[i].paragraph == sp)
            return &pa->sources[i];
    return NULL;
}

/* Removes an index file with its write-ahead log and shared memory. */
static inline void test_remove_index(const char *path)
{
    char p[4096 + 8];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

#endif
