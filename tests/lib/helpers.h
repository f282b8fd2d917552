/* helpers.h - small helpers shared by the unit tests. */
#ifndef WT_TEST_HELPERS_H
#define WT_TEST_HELPERS_H

#include "input.h"
#include "wiretrace.h"

#include "alloc.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The source tree's lang/ folder. */
static inline const char *test_lang_dir(void)
{
    static char buf[4096];
    const char *root = getenv("WT_SOURCE_ROOT");
    snprintf(buf, sizeof buf, "%s/lang", root ? root : ".");
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

/* A corpus over literal documents, analyzed. */
static inline wt_corpus *test_corpus(const char *const *texts, size_t n,
                                     const wt_options *opts)
{
    wt_options o;
    if (opts)
        o = *opts;
    else
        wt_options_init(&o);
    o.lang_dir = test_lang_dir();
    wt_corpus *c = NULL;
    cr_assert_eq(wt_corpus_new(&c, &o), 0);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "doc%zu", i);
        cr_assert_eq(wt_corpus_add_buffer(c, id, id, texts[i],
                                          strlen(texts[i])),
                     0, "%s", wt_corpus_error(c));
    }
    cr_assert_eq(wt_corpus_analyze(c), 0);
    return c;
}

#endif
