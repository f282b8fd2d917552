/* Tests of langid.c and of the language choice in corpus.c: per document,
 * per paragraph, the option's override and the script fallback. */
#include "helpers.h"
#include "document.h"
#include "langid.h"

static wt_langid detect(const char *s)
{
    wt_text t = test_text(s);
    wt_langid g;
    cr_assert_eq(wt_langid_detect(t.u, t.len, &g), 0);
    wt_text_release(&t);
    return g;
}

Test(langid, news_sentences)
{
    static const char *const cases[][2] = {
        {"ko", "북한은 10일 동해상으로 탄도미사일을 발사했다고 합동참모본부가 "
               "밝혔다."},
        {"ja", "北朝鮮は10日、日本海に向けて弾道ミサイルを発射した。"},
        {"zh", "韩国联合参谋本部说，朝鲜10日上午向东部海域发射了弹道导弹。"},
        {"ru", "КНДР во вторник запустила баллистические ракеты в сторону "
               "Японского моря, сообщает ТАСС."},
        {"uk", "КНДР у вівторок запустила балістичні ракети в бік Японського "
               "моря, повідомляє Укрінформ."},
        {"ar", "أطلقت كوريا الشمالية صباح الثلاثاء صواريخ باليستية باتجاه "
               "البحر الشرقي."},
        {"es", "Corea del Norte disparó este martes misiles balísticos hacia "
               "el mar del Este, según informó el Estado Mayor."},
        {"de", "Nordkorea hat am Dienstag ballistische Raketen abgefeuert, "
               "wie der Generalstab mitteilte."},
        {"fr", "La Corée du Nord a tiré mardi des missiles balistiques, a "
               "annoncé l'état-major sud-coréen."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const wt_langid g = detect(cases[i][1]);
        cr_assert_str_eq(g.code, cases[i][0], "%s", cases[i][1]);
        cr_assert_not(g.by_script);
        cr_assert_gt(g.percent, 50);
    }
}

Test(langid, short_text_falls_back_to_the_script_never_to_english)
{
    wt_langid g = detect("Россия и Украина договорились");
    cr_assert(g.by_script);
    cr_assert_str_eq(g.code, "ru");
    cr_assert_eq(g.percent, 0);
    g = detect("12,000 — 350 / 4.5%");
    cr_assert_str_eq(g.code, "und");
    cr_assert_eq(g.letters, 0);
}

Test(langid, dominant_script)
{
    wt_text t = test_text("北朝鮮はミサイルを発射した");
    size_t n = 0;
    cr_assert_eq(wt_dominant_script(t.u, t.len, &n), USCRIPT_JAPANESE);
    cr_assert_eq(n, 13);
    wt_text_release(&t);
    t = test_text("國務院 北韓");
    cr_assert_eq(wt_dominant_script(t.u, t.len, NULL), USCRIPT_HAN);
    wt_text_release(&t);
    cr_assert(wt_script_fits(USCRIPT_JAPANESE, USCRIPT_HAN));
    cr_assert(wt_script_fits(wt_script_from_code("Hang"), USCRIPT_HAN));
    cr_assert_not(wt_script_fits(wt_script_from_code("Hang"), USCRIPT_LATIN));
    cr_assert(wt_script_fits(wt_script_from_code("Zyyy"), USCRIPT_HANGUL));
    cr_assert_eq(wt_script_from_code("Jpan"), USCRIPT_JAPANESE);
    cr_assert_eq(wt_script_from_code("Cyrl"), USCRIPT_CYRILLIC);
}

static const char mixed_ko[] =
    "북한이 10일 오전 동해상으로 단거리 탄도미사일 2발을 발사했다고 "
    "합동참모본부가 밝혔다. 올해 들어 일곱 번째 무력 시위다.\n\n"
    "North Korea fired two short-range ballistic missiles into the East "
    "Sea on Tuesday, South Korea's Joint Chiefs of Staff said.\n\n"
    "정부는 국가안전보장회의 긴급회의를 열고 북한에 도발 중단을 촉구했다고 "
    "연합뉴스가 전했다.\n\n"
    "The government convened an emergency meeting of the National Security "
    "Council, Yonhap reports.\n";

static const char mixed_ja[] =
    "北朝鮮は10日午前、日本海に向けて短距離弾道ミサイル2発を発射したと"
    "韓国軍合同参謀本部が明らかにした。今年に入って7回目の発射となる。\n\n"
    "North Korea fired two short-range ballistic missiles into the East "
    "Sea on Tuesday, South Korea's Joint Chiefs of Staff said.\n\n"
    "ミサイルは約350キロ飛行し、日本の排他的経済水域の外に落下したとみられる。"
    "\n";

static void expect_langs(const wt_document *d, const char *doc,
                         const char *const *paras)
{
    cr_assert_str_eq(wt_document_lang(d), doc);
    size_t n = 0;
    while (paras[n])
        n++;
    cr_assert_eq(wt_document_paragraph_count(d), n);
    for (size_t i = 0; i < n; i++)
        cr_assert_str_eq(wt_document_paragraph_lang(d, i), paras[i],
                         "paragraph %zu", i);
}

Test(langid, mixed_documents_get_per_paragraph_languages)
{
    const char *texts[] = {mixed_ko, mixed_ja};
    wt_corpus *c = test_corpus(texts, 2, NULL);
    expect_langs(wt_corpus_document(c, 0), "ko",
                 (const char *const[]){"ko", "en", "ko", "en", NULL});
    expect_langs(wt_corpus_document(c, 1), "ja",
                 (const char *const[]){"ja", "en", "ja", NULL});
    cr_assert_gt(wt_document_lang_confidence(wt_corpus_document(c, 0)), 0);
    wt_corpus_free(c);
}

Test(langid, english_paragraph_of_a_korean_story_links_to_english_copy)
{
    const char *texts[] = {
        mixed_ko,
        "North Korea fired two short-range ballistic missiles into the East "
        "Sea on Tuesday, South Korea's Joint Chiefs of Staff said.\n"};
    wt_corpus *c = test_corpus(texts, 2, NULL);
    const wt_paragraph *p = wt_document_paragraph(wt_corpus_document(c, 1), 0);
    cr_assert_eq(p->source_count, 1);
    cr_assert_eq(p->sources[0].document, 0);
    cr_assert_eq(p->sources[0].paragraph, 1);
    cr_assert_eq(p->sources[0].cls, WT_CLASS_VERBATIM);
    wt_corpus_free(c);
}

Test(langid, option_overrides_detection)
{
    wt_options o;
    wt_options_init(&o);
    o.lang = "ko";
    const char *texts[] = {mixed_ko};
    wt_corpus *c = test_corpus(texts, 1, &o);
    expect_langs(wt_corpus_document(c, 0), "ko",
                 (const char *const[]){"ko", "ko", "ko", "ko", NULL});
    cr_assert_eq(wt_document_lang_confidence(wt_corpus_document(c, 0)), 0);
    wt_corpus_free(c);
}

Test(langid, header_names_the_language)
{
    const char *texts[] = {
        "Lang: de\n\nEin kurzer Satz.\n", "Lang: ES-es\n\nUna frase corta.\n",
        "Language: xx\n\nКНДР во вторник запустила баллистические ракеты в "
        "сторону Японского моря, сообщает ТАСС.\n"};
    wt_corpus *c = test_corpus(texts, 3, NULL);
    cr_assert_str_eq(wt_document_lang(wt_corpus_document(c, 0)), "de");
    cr_assert_str_eq(wt_document_lang(wt_corpus_document(c, 1)), "es");
    cr_assert_str_eq(wt_document_lang(wt_corpus_document(c, 2)), "ru",
                     "a header naming no known profile is ignored");
    wt_corpus_free(c);
}

Test(langid, language_without_profile_uses_the_generic_one)
{
    const char *texts[] = {
        "De regering van Zuid-Korea heeft dinsdag een spoedvergadering van "
        "de nationale veiligheidsraad bijeengeroepen, meldt het "
        "persbureau.\n"};
    wt_corpus *c = test_corpus(texts, 1, NULL);
    cr_assert_str_eq(wt_document_lang(wt_corpus_document(c, 0)), "und");
    cr_assert_gt(wt_document_paragraph(wt_corpus_document(c, 0), 0)->word_count,
                 10);
    wt_corpus_free(c);
}

Test(langid, boilerplate_of_a_paragraph_in_another_language)
{
    const char *texts[] = {
        "북한이 10일 오전 동해상으로 단거리 탄도미사일 2발을 발사했다고 "
        "합동참모본부가 밝혔다. 올해 들어 일곱 번째 무력 시위다.\n\n"
        "정부는 국가안전보장회의 긴급회의를 열고 북한에 도발 중단을 "
        "촉구했다.\n\n"
        "Copyright 2026 Yonhap News Agency. All rights reserved.\n"};
    wt_corpus *c = test_corpus(texts, 1, NULL);
    const wt_document *d = wt_corpus_document(c, 0);
    cr_assert_str_eq(wt_document_lang(d), "ko");
    cr_assert_str_eq(wt_document_paragraph_lang(d, 2), "en");
    cr_assert_neq(wt_document_paragraph(d, 2)->boiler, WT_BOILER_NONE);
    wt_corpus_free(c);
}

Test(langid, credits_in_a_paragraph_of_another_language)
{
    /* The Korean story's English paragraph credits Reuters in English. */
    const char *texts[] = {
        "북한이 10일 오전 동해상으로 단거리 탄도미사일 2발을 발사했다고 "
        "합동참모본부가 밝혔다. 올해 들어 일곱 번째 무력 시위다.\n\n"
        "The government convened an emergency meeting of the National "
        "Security Council, Reuters reports.\n"};
    wt_corpus *c = test_corpus(texts, 1, NULL);
    const wt_document *d = wt_corpus_document(c, 0);
    cr_assert_str_eq(wt_document_lang(d), "ko");
    cr_assert_str_eq(wt_document_paragraph_lang(d, 1), "en");
    cr_assert_eq(wt_document_credit_count(d), 1);
    cr_assert_str_eq(wt_document_credit(d, 0)->outlet, "Reuters");
    cr_assert_eq(wt_document_credit(d, 0)->kind, WT_CREDIT_PROSE);
    wt_corpus_free(c);
}
