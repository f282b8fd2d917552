/*
 * End-to-end test on corpora/demo against its gold links (gold.tsv):
 * every verbatim and edited row is found with its class, most rewrite rows
 * are found, and nothing links the unrelated story.
 */
#include "../lib/helpers.h"

#include <stdio.h>

static const char *const names[] = {"edited", "reprint", "rewrite", "unrelated",
                                    "wire"};

static size_t doc_index(const char *name)
{
    for (size_t i = 0; i < 5; i++)
        if (!strcmp(names[i], name))
            return i;
    cr_assert_fail("unknown document %s", name);
    return 0;
}

static wt_corpus *demo(void)
{
    char dir[4096];
    return test_corpus_files(test_path(dir, sizeof dir, "corpora/demo"), names,
                             5, ".txt");
}

Test(demo, gold_links)
{
    wt_corpus *c = demo();
    char path[4096], line[256];
    test_path(path, sizeof path, "corpora/demo/gold.tsv");
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f);
    size_t rows = 0, found = 0, rewrites = 0, rewrites_found = 0;
    while (fgets(line, sizeof line, f)) {
        char d[32], sd[32], cls[32];
        size_t p, sp;
        if (line[0] == '#' ||
            sscanf(line, "%31s %zu %31s %zu %31s", d, &p, sd, &sp, cls) != 5)
            continue;
        const wt_source *s =
            test_source_at(c, doc_index(d), p, doc_index(sd), sp);
        rows++;
        found += s != NULL;
        if (!strcmp(cls, "rewrite")) {
            rewrites++;
            rewrites_found += s != NULL;
            continue;
        }
        /* A merged paragraph keeps one source per document: the other
         * half of the merge may be missing, never a copy's class. */
        if (s)
            cr_assert_str_eq(wt_class_name(s->cls), cls, "%s ¶%zu", d, p);
        else
            cr_assert(!strcmp(cls, "edited"), "%s ¶%zu <- %s ¶%zu missing", d,
                      p, sd, sp);
    }
    fclose(f);
    cr_assert_gt(rows, 20);
    cr_assert_geq((double)found / rows, 0.85, "found %zu of %zu", found, rows);
    cr_assert_geq((double)rewrites_found / rewrites, 0.6, "rewrites %zu of %zu",
                  rewrites_found, rewrites);
    wt_corpus_free(c);
}

Test(demo, unrelated_story_is_never_linked)
{
    wt_corpus *c = demo();
    const size_t u = doc_index("unrelated");
    for (size_t d = 0; d < 5; d++) {
        const wt_document *doc = wt_corpus_document(c, d);
        for (size_t p = 0; p < wt_document_paragraph_count(doc); p++) {
            const wt_paragraph *pa = wt_document_paragraph(doc, p);
            for (size_t i = 0; i < pa->source_count; i++)
                cr_assert(d != u && pa->sources[i].document != u,
                          "link %zu ¶%zu", d, p);
        }
    }
    wt_corpus_free(c);
}

Test(demo, reprint_credits_and_dates_give_origin)
{
    wt_corpus *c = demo();
    const wt_source *s =
        test_source_at(c, doc_index("reprint"), 2, doc_index("wire"), 2);
    cr_assert_not_null(s);
    cr_assert_eq(s->origin, WT_ORIGIN_OTHER);
    wt_corpus_free(c);
}
