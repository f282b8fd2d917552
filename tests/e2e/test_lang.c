/*
 * End-to-end test on corpora/lang/<code>/: for every profile language, a
 * wire story and its reprints (verbatim with punctuation changes, numbers
 * rewritten in another local form, edited) and an unrelated story.  Every
 * gold link is found with its class, the language is identified, and
 * nothing links the unrelated story.
 */
#include "../lib/helpers.h"
#include "document.h"

#include <dirent.h>
#include <sys/stat.h>

static const char *const names[] = {"wire", "reprint", "renumbered", "edited",
                                    "unrelated"};
enum { NDOCS = sizeof names / sizeof *names };

static size_t doc_index(const char *name)
{
    for (size_t i = 0; i < NDOCS; i++)
        if (!strcmp(names[i], name))
            return i;
    cr_assert_fail("unknown document %s", name);
    return 0;
}

static wt_corpus *lang_set(const char *code)
{
    char dir[4096];
    return test_corpus_files(
        test_path(dir, sizeof dir, "corpora/lang/%s", code), names, NDOCS,
        ".txt");
}

static void check_language(const char *code)
{
    wt_corpus *c = lang_set(code);
    for (size_t d = 0; d < NDOCS; d++)
        cr_assert_str_eq(wt_document_lang(wt_corpus_document(c, d)), code,
                         "%s/%s.txt", code, names[d]);
    char path[4096], line[256];
    test_path(path, sizeof path, "corpora/lang/%s/gold.tsv", code);
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "%s", path);
    size_t rows = 0;
    while (fgets(line, sizeof line, f)) {
        char d[32], sd[32], cls[32];
        size_t p, sp;
        if (line[0] == '#' ||
            sscanf(line, "%31s %zu %31s %zu %31s", d, &p, sd, &sp, cls) != 5)
            continue;
        rows++;
        const wt_source *s =
            test_source_at(c, doc_index(d), p, doc_index(sd), sp);
        cr_assert_not_null(s, "%s: %s ¶%zu <- %s ¶%zu missing", code, d, p, sd,
                           sp);
        cr_assert_str_eq(wt_class_name(s->cls), cls, "%s: %s ¶%zu", code, d, p);
    }
    fclose(f);
    cr_assert_eq(rows, 15, "%s: gold rows", code);
    const size_t u = doc_index("unrelated");
    for (size_t d = 0; d < NDOCS; d++) {
        const wt_document *doc = wt_corpus_document(c, d);
        for (size_t p = 0; p < wt_document_paragraph_count(doc); p++) {
            const wt_paragraph *pa = wt_document_paragraph(doc, p);
            for (size_t i = 0; i < pa->source_count; i++)
                cr_assert(d != u && pa->sources[i].document != u,
                          "%s: false link %s ¶%zu", code, names[d], p);
        }
    }
    wt_corpus_free(c);
}

/* Every language with a profile in lang/ (but the generic und/) has its
 * set in corpora/lang/, and passes. */
Test(lang, every_profile_language)
{
    DIR *dir = opendir(test_lang_dir());
    cr_assert_not_null(dir);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(dir));) {
        char path[4096 + 512];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s/profile.txt", test_lang_dir(),
                 e->d_name);
        if (e->d_name[0] == '.' || !strcmp(e->d_name, "und") || stat(path, &st))
            continue;
        check_language(e->d_name);
        n++;
    }
    closedir(dir);
    cr_assert_geq(n, 12, "profiles tested: %zu", n);
}

/* The wire's credit phrase in its own language ("연합뉴스가 전했다",
 * "сообщает ТАСС") names the agency. */
Test(lang, credits_in_each_language)
{
    static const char *const want[][2] = {
        {"en", "Yonhap"}, {"ko", "Yonhap"},   {"ja", "Kyodo"},
        {"zh", "Xinhua"}, {"es", "EFE"},      {"fr", "Agence France-Presse"},
        {"de", "dpa"},    {"it", "ANSA"},     {"pt", "Lusa"},
        {"ru", "TASS"},   {"uk", "Ukrinform"}};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        wt_corpus *c = lang_set(want[i][0]);
        const wt_document *d = wt_corpus_document(c, doc_index("wire"));
        int seen = 0;
        for (size_t k = 0; k < d->ncredits; k++)
            seen |= !strcmp(d->credits[k], want[i][1]);
        cr_assert(seen, "%s: no credit to %s (%zu credits)", want[i][0],
                  want[i][1], d->ncredits);
        wt_corpus_free(c);
    }
}

/* Credits at the end of a paragraph and in datelines, across languages. */
Test(lang, credit_forms)
{
    /* language, text, credited agency, agency whose copy it is */
    static const char *const cases[][4] = {
        {"en",
         "The ministry said exports rose for a third month, Yonhap "
         "reported.",
         "Yonhap", NULL},
        {"es",
         "Madrid, 10 mar (EFE).- El Gobierno aprobó el plan de "
         "vivienda.",
         NULL, "EFE"},
        {"ru", "Правительство одобрило план, сообщает РИА Новости.",
         "RIA Novosti", NULL},
        {"de",
         "Die Regierung hat den Plan gebilligt, wie Reuters "
         "berichtete.",
         "Reuters", NULL},
        {"ja", "政府は計画を承認した。ロイター通信によると、反対はなかった。",
         "Reuters", NULL},
        {"zh", "据路透社报道，政府批准了该计划。", "Reuters", NULL},
        {"ko", "정부가 계획을 승인했다고 로이터통신이 전했다.", "Reuters",
         NULL},
        {"ko", "(서울=연합뉴스) 정부가 계획을 승인했다.", NULL, "Yonhap"},
        {"fr", "Le gouvernement a approuvé le plan, selon l'AFP.",
         "Agence France-Presse", NULL},
        {"uk", "Уряд схвалив план, повідомляє Укрінформ.", "Ukrinform", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        wt_options o;
        wt_options_init(&o);
        o.lang = cases[i][0];
        const char *texts[] = {cases[i][1]};
        wt_corpus *c = test_corpus(texts, 1, &o);
        const wt_document *d = wt_corpus_document(c, 0);
        cr_assert_eq(d->ncredits, cases[i][2] ? 1u : 0u, "%s: %zu credits",
                     cases[i][1], d->ncredits);
        if (cases[i][2])
            cr_assert_str_eq(d->credits[0], cases[i][2], "%s", cases[i][1]);
        if (cases[i][3]) {
            cr_assert_eq(d->nidentity, 1, "%s", cases[i][1]);
            cr_assert_str_eq(d->identity[0], cases[i][3], "%s", cases[i][1]);
        }
        wt_corpus_free(c);
    }
}
