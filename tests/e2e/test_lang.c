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
        for (size_t k = 0; k < wt_document_credit_count(d); k++)
            seen |= !strcmp(wt_document_credit(d, k)->outlet, want[i][1]);
        cr_assert(seen, "%s: no credit to %s (%zu credits)", want[i][0],
                  want[i][1], wt_document_credit_count(d));
        wt_corpus_free(c);
    }
}

/* Credits at the end of a paragraph and in datelines, across languages:
 * each names the agency, with its kind, and never the document's outlet. */
Test(lang, credit_forms)
{
    /* language, text, credited agency, kind */
    static const struct {
        const char *lang, *text, *agency;
        wt_credit_kind kind;
    } cases[] = {
        {"en",
         "The ministry said exports rose for a third month, Yonhap "
         "reported.",
         "Yonhap", WT_CREDIT_PROSE},
        {"es",
         "Madrid, 10 mar (EFE).- El Gobierno aprobó el plan de "
         "vivienda.",
         "EFE", WT_CREDIT_DATELINE},
        {"ru", "Правительство одобрило план, сообщает РИА Новости.",
         "RIA Novosti", WT_CREDIT_PROSE},
        {"de",
         "Die Regierung hat den Plan gebilligt, wie Reuters "
         "berichtete.",
         "Reuters", WT_CREDIT_PROSE},
        {"ja", "政府は計画を承認した。ロイター通信によると、反対はなかった。",
         "Reuters", WT_CREDIT_PROSE},
        {"zh", "据路透社报道，政府批准了该计划。", "Reuters", WT_CREDIT_PROSE},
        {"ko", "정부가 계획을 승인했다고 로이터통신이 전했다.", "Reuters",
         WT_CREDIT_PROSE},
        {"ko", "(서울=연합뉴스) 정부가 계획을 승인했다.", "Yonhap",
         WT_CREDIT_DATELINE},
        {"fr", "Le gouvernement a approuvé le plan, selon l'AFP.",
         "Agence France-Presse", WT_CREDIT_PROSE},
        {"uk", "Уряд схвалив план, повідомляє Укрінформ.", "Ukrinform",
         WT_CREDIT_PROSE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        wt_options o;
        wt_options_init(&o);
        o.lang = cases[i].lang;
        const char *texts[] = {cases[i].text};
        wt_corpus *c = test_corpus(texts, 1, &o);
        const wt_document *d = wt_corpus_document(c, 0);
        cr_assert_eq(wt_document_credit_count(d), 1u, "%s: %zu credits",
                     cases[i].text, wt_document_credit_count(d));
        const wt_credit *cr = wt_document_credit(d, 0);
        cr_assert_str_eq(cr->outlet, cases[i].agency, "%s", cases[i].text);
        cr_assert_eq(cr->kind, cases[i].kind, "%s: %s", cases[i].text,
                     wt_credit_kind_name(cr->kind));
        cr_assert_eq(cr->own, 0);
        cr_assert_null(wt_document_outlet(d), "%s", cases[i].text);
        wt_corpus_free(c);
    }
}
