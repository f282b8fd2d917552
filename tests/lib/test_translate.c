/* test_translate.c - paragraphs linked across languages. */
#include "helpers.h"
#include "translate.h"

/* A wire paragraph, its translations, and in each language a paragraph on
 * the same topic that is no translation of it. */
static const char *const story[] = {
    "Lang: en\n\nDefense minister Shin Won-sik said on Monday that the "
    "military will strengthen joint exercises with the United States after "
    "North Korea fired two ballistic missiles.\n\nThe weather in Seoul was "
    "cold and clear, and many people went skating on the frozen river.\n",
    "Lang: ko\n\n신원식 국방부 장관은 월요일 북한이 탄도미사일 2발을 발사한 "
    "이후 군이 미국과의 연합훈련을 강화할 것이라고 말했다.\n\n"
    "국회는 화요일 새 예산을 두고 여당과 야당이 협상을 계속했다.\n",
    "Lang: es\n\nEl ministro de Defensa, Shin Won-sik, dijo el lunes que el "
    "ejército reforzará los ejercicios conjuntos con Estados Unidos después "
    "de que Corea del Norte disparara dos misiles balísticos.\n\nEl "
    "ministro de Defensa visitó una base naval en el sur el jueves para "
    "hablar con los soldados sobre la comida.\n",
    "Lang: de\n\nVerteidigungsminister Shin Won-sik sagte am Montag, das "
    "Militär werde die gemeinsamen Übungen mit den Vereinigten Staaten "
    "verstärken, nachdem Nordkorea zwei ballistische Raketen abgefeuert "
    "habe.\n\nDer Bäcker aus Hamburg hat am Sonntag ein neues Rezept für "
    "Apfelkuchen vorgestellt, das viele Kunden begeistert hat.\n",
    "Lang: fr\n\nLe ministre de la Défense Shin Won-sik a déclaré lundi que "
    "l'armée renforcera les exercices communs avec les États-Unis après que "
    "la Corée du Nord a tiré deux missiles balistiques.\n\nLe ministre a "
    "visité lundi une école de Lyon pour parler aux enfants de la "
    "cantine.\n",
};

/* Whether a lexicon was built from an installed dictionary. */
static int have_lexicon(const char *code)
{
    char path[4096], line[256];
    snprintf(path, sizeof path, "%s/%s-en.txt", wt_default_lexicon_dir(), code);
    FILE *f = fopen(path, "r");
    int entries = 0;
    while (f && fgets(line, sizeof line, f) && !entries)
        entries = line[0] != '#';
    if (f)
        fclose(f);
    return entries;
}

/* Paragraph index of the n-th text paragraph (after the Lang header). */
static size_t text_para(const wt_corpus *c, size_t d, size_t n)
{
    const wt_document *doc = wt_corpus_document(c, d);
    for (size_t i = 0; i < wt_document_paragraph_count(doc); i++)
        if (wt_document_paragraph(doc, i)->boiler == WT_BOILER_NONE && n-- == 0)
            return i;
    cr_assert_fail("a document has too few paragraphs");
    return 0;
}

Test(translate, skeleton_ignores_romanization)
{
    char a[32], b[32];
    wt_translate_skeleton("kimtaehyo", 9, a, sizeof a);
    wt_translate_skeleton("gimtaehyo", 9, b, sizeof b);
    cr_assert_str_eq(a, b);
    wt_translate_skeleton("yoonsukyeol", 11, a, sizeof a);
    wt_translate_skeleton("yunseogyeol", 11, b, sizeof b);
    cr_assert_str_eq(a, b);
    wt_translate_skeleton("shinwonsik", 10, a, sizeof a);
    wt_translate_skeleton("sinwonsig", 9, b, sizeof b);
    cr_assert_str_eq(a, b);
    wt_translate_skeleton("parkjin", 7, b, sizeof b);
    cr_assert_str_neq(a, b);
}

Test(translate, korean_by_glossary_and_names)
{
    wt_corpus *c = test_corpus(story, 2, NULL);
    const size_t en = text_para(c, 0, 0), ko = text_para(c, 1, 0);
    const wt_source *s = test_source_in(c, 0, en, 1);
    cr_assert_not_null(s, "the Korean translation is found");
    cr_assert_eq(s->cls, WT_CLASS_TRANSLATION);
    cr_assert_eq(s->paragraph, ko);
    cr_assert_str_eq(
        wt_document_paragraph_lang(wt_corpus_document(c, 1), s->paragraph),
        "ko");
    cr_assert_null(test_source_in(c, 0, text_para(c, 0, 1), 1),
                   "unrelated paragraphs stay apart");
    wt_corpus_free(c);
}

Test(translate, dictionary_languages)
{
    if (!have_lexicon("es") || !have_lexicon("de") || !have_lexicon("fr"))
        cr_skip_test("FreeDict spa-eng, deu-eng or fra-eng is missing");
    wt_corpus *c = test_corpus(story, 5, NULL);
    for (size_t d = 2; d < 5; d++) {
        const wt_source *s = test_source_in(c, d, text_para(c, d, 0), 0);
        cr_assert_not_null(s, "document %zu: translation found", d);
        cr_assert_eq(s->cls, WT_CLASS_TRANSLATION);
        cr_assert_eq(s->paragraph, text_para(c, 0, 0));
        cr_assert_null(test_source_in(c, d, text_para(c, d, 1), 0),
                       "document %zu: same topic, no translation", d);
    }
    /* neither side English: French and German meet in the pivot */
    const wt_source *s = test_source_in(c, 4, text_para(c, 4, 0), 3);
    cr_assert_not_null(s);
    cr_assert_eq(s->cls, WT_CLASS_TRANSLATION);
    wt_corpus_free(c);
}

Test(translate, one_language_makes_no_translation)
{
    static const char *const en[] = {
        "North Korea fired two ballistic missiles on Monday.\n",
        "The weather in Seoul was cold and clear on Monday.\n"};
    wt_corpus *c = test_corpus(en, 2, NULL);
    for (size_t d = 0; d < 2; d++) {
        const wt_paragraph *p =
            wt_document_paragraph(wt_corpus_document(c, d), 0);
        for (size_t i = 0; i < p->source_count; i++)
            cr_assert_neq(p->sources[i].cls, WT_CLASS_TRANSLATION);
    }
    wt_corpus_free(c);
}

/* Korean and Russian meet through names (윤석열 ≈ Юн Сок Йоль), the
 * acronym (나토, НАТО) and the year; a Russian story on another NATO
 * meeting with other people does not link. */
Test(translate, names_acronyms_numbers_across_scripts)
{
    static const char *const docs[] = {
        "Lang: ko\n\n윤석열 대통령은 나토 정상회의에서 김태효 안보실 1차장과 "
        "함께 2023년 리투아니아 빌뉴스를 찾았다.\n",
        "Lang: ru\n\nПрезидент Юн Сок Йоль посетил Вильнюс, Литва, на "
        "саммите НАТО 2023 года вместе с Ким Тэ Хё.\n",
        "Lang: ru\n\nПрезидент Франции Эмманюэль Макрон посетил Варшаву на "
        "встрече НАТО в 2021 году вместе с министром Жаном-Ивом Ле "
        "Дрианом.\n",
    };
    wt_corpus *c = test_corpus(docs, 3, NULL);
    const wt_source *s = test_source_in(c, 0, text_para(c, 0, 0), 1);
    cr_assert_not_null(s, "the Russian translation is found");
    cr_assert_eq(s->cls, WT_CLASS_TRANSLATION);
    cr_assert_null(test_source_in(c, 0, text_para(c, 0, 0), 2),
                   "another story on the same topic is not linked");
    wt_corpus_free(c);
}
