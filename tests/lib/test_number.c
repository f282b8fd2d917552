/* Tests of number.c and the number phrases of tokenize.c: every local way
 * of writing a number gives the same token. */
#include "helpers.h"
#include "number.h"
#include "profile.h"
#include "tokenize.h"

typedef struct lang {
    wt_profile *prof;
    wt_stemmer *stem;
    wt_tokenizer *tk;
} lang;

static lang load(const char *code)
{
    lang l;
    wt_agencies *a = NULL;
    char err[256] = "";
    cr_assert_eq(wt_agencies_load(&a, test_lang_dir()), 0);
    cr_assert_eq(wt_profile_load(&l.prof, test_lang_dir(), code, a->alternation,
                                 err, sizeof err),
                 0, "%s", err);
    wt_agencies_free(a);
    cr_assert_eq(wt_stemmer_new(&l.stem, l.prof->stemmer), 0);
    cr_assert_eq(wt_tokenizer_new(&l.tk, code, 7), 0);
    return l;
}

static void drop(lang *l)
{
    wt_tokenizer_free(l->tk);
    wt_stemmer_free(l->stem);
    wt_profile_free(l->prof);
}

/* The tokens of s; the caller frees v.v. */
static wt_token_vec toks(lang *l, const char *s)
{
    wt_text t = test_text(s);
    wt_token_vec v = {0};
    cr_assert_eq(wt_tokenize(l->tk, &t, 0, t.len, 0, l->prof, l->stem, &v), 0);
    wt_text_release(&t);
    return v;
}

/* The one number token of s, which must have exactly one. */
static uint64_t number_of(lang *l, const char *s, size_t *start, size_t *end)
{
    wt_token_vec v = toks(l, s);
    uint64_t h = 0;
    size_t n = 0;
    for (size_t i = 0; i < v.n; i++)
        if (v.v[i].flags & WT_TOK_NUMBER) {
            h = v.v[i].stem;
            if (start)
                *start = v.v[i].start;
            if (end)
                *end = v.v[i].end;
            n++;
        }
    wt_free(v.v);
    cr_assert_eq(n, 1, "\"%s\": %zu number tokens", s, n);
    return h;
}

static void same_number(const char *code, const char *const *forms)
{
    lang l = load(code);
    const uint64_t want = number_of(&l, forms[0], NULL, NULL);
    for (size_t i = 1; forms[i]; i++)
        cr_assert_eq(number_of(&l, forms[i], NULL, NULL), want,
                     "%s: \"%s\" differs from \"%s\"", code, forms[i],
                     forms[0]);
    drop(&l);
}

static double value(const wt_profile *p, const char *w)
{
    wt_num n;
    cr_assert(wt_num_parse(&n, p, w, strlen(w)), "\"%s\" is no number", w);
    return wt_num_value(&n);
}

Test(number, digit_groups_follow_the_profile)
{
    lang en = load("en"), de = load("de");
    cr_assert_eq(value(en.prof, "12,000"), 12000);
    cr_assert_eq(value(en.prof, "12.5"), 12.5);
    cr_assert_eq(value(en.prof, "1,234,567.25"), 1234567.25);
    cr_assert_eq(value(de.prof, "12.000"), 12000);
    cr_assert_eq(value(de.prof, "12,5"), 12.5);
    cr_assert_eq(value(de.prof, "1.234.567,25"), 1234567.25);
    /* A group mark must stand before exactly three digits. */
    cr_assert_eq(value(de.prof, "1,5"), 1.5);
    wt_num n;
    cr_assert_not(wt_num_parse(&n, en.prof, "2024.01.05", 10));
    cr_assert_not(wt_num_parse(&n, en.prof, "3d", 2));
    drop(&en);
    drop(&de);
}

Test(number, multipliers_scale_what_is_below_them)
{
    lang ko = load("ko"), ja = load("ja");
    cr_assert_eq(value(ko.prof, "1만2천"), 12000);
    cr_assert_eq(value(ko.prof, "123억"), 12300000000.0);
    cr_assert_eq(value(ja.prof, "5千万"), 50000000);
    cr_assert_eq(value(ja.prof, "万"), 10000);
    drop(&ko);
    drop(&ja);
}

Test(number, twelve_thousand_in_every_local_form)
{
    same_number(
        "en", (const char *const[]){"about 12,000 troops", "about 12000 troops",
                                    "about 12 thousand troops",
                                    "about twelve thousand troops", NULL});
    same_number("de", (const char *const[]){"rund 12.000 Soldaten",
                                            "rund 12 000 Soldaten",
                                            "rund 12000 Soldaten",
                                            "rund 12 Tausend Soldaten", NULL});
    same_number("es", (const char *const[]){
                          "unos 12.000 soldados", "unos 12 mil soldados",
                          "unos 12 000 soldados", "unos 12000 soldados", NULL});
    same_number("fr", (const char *const[]){"quelque 12 000 soldats",
                                            "quelque 12 000 soldats",
                                            "quelque 12.000 soldats",
                                            "quelque 12 mille soldats", NULL});
    same_number("ko", (const char *const[]){
                          "장병 1만2천명이 참가", "장병 1만 2000명이 참가",
                          "장병 12,000명이 참가", "장병 12000명이 참가", NULL});
    same_number("ja", (const char *const[]){"兵士1万2000人が参加",
                                            "兵士12,000人が参加",
                                            "兵士１万２０００人が参加",
                                            "兵士一万二千人が参加", NULL});
    same_number("zh", (const char *const[]){
                          "两国1万2000名士兵", "两国12,000名士兵",
                          "两国1.2万名士兵", "两国一万二千名士兵", NULL});
    same_number("ru",
                (const char *const[]){"около 12 тыс. военнослужащих",
                                      "около 12 тысяч военнослужащих",
                                      "около 12 000 военнослужащих",
                                      "около 12000 военнослужащих", NULL});
    same_number("pt", (const char *const[]){"cerca de 12 mil soldados",
                                            "cerca de 12.000 soldados", NULL});
}

Test(number, decimals_and_large_multipliers)
{
    same_number("en", (const char *const[]){"to 12.3 billion dollars",
                                            "to 12,300 million dollars",
                                            "to 12,300,000,000 dollars", NULL});
    same_number("de",
                (const char *const[]){"auf 12,3 Mrd. Dollar",
                                      "auf 12.300 Millionen Dollar", NULL});
    same_number("ru", (const char *const[]){"до 12,3 млрд долларов",
                                            "до 12 300 млн долларов", NULL});
    same_number("ko", (const char *const[]){"123억 달러를",
                                            "12,300,000,000 달러를", NULL});
}

Test(number, percentages)
{
    same_number("en", (const char *const[]){"rose 4.5 percent", "rose 4.5%",
                                            "rose 4.5 per cent", NULL});
    same_number("es",
                (const char *const[]){"subieron un 4,5 %",
                                      "subieron un 4,5 por ciento", NULL});
    same_number("it",
                (const char *const[]){"del 4,5%", "del 4,5 per cento", NULL});
    same_number("ko",
                (const char *const[]){"4.5% 늘어난", "4.5퍼센트 늘어난", NULL});
    same_number("ru",
                (const char *const[]){"на 4,5%", "на 4,5 процента", NULL});
    /* A percentage is not the bare number. */
    lang en = load("en");
    cr_assert_neq(number_of(&en, "rose 4.5%", NULL, NULL),
                  number_of(&en, "rose 4.5", NULL, NULL));
    drop(&en);
}

Test(number, spelled_out_small_numbers)
{
    same_number("en", (const char *const[]){"fired two missiles",
                                            "fired 2 missiles", NULL});
    same_number("en", (const char *const[]){
                          "flew 350 km", "flew three hundred fifty km", NULL});
    same_number("es", (const char *const[]){
                          "unos 350 kilómetros",
                          "unos trescientos cincuenta kilómetros", NULL});
    same_number("de", (const char *const[]){"zwei Raketen", "2 Raketen", NULL});
    same_number("uk", (const char *const[]){"запустила дві ракети",
                                            "запустила 2 ракети", NULL});
    same_number("ar", (const char *const[]){"نحو 350 كيلومترا",
                                            "نحو ٣٥٠ كيلومترا", NULL});
    same_number("ar", (const char *const[]){"و12 ألف جندي", "و12000 جندي",
                                            "نحو ١٢ ألف جندي", NULL});
}

Test(number, merged_number_spans_its_pieces)
{
    lang ru = load("ru");
    const char *s = "около 12 тыс. военнослужащих";
    size_t start = 0, end = 0;
    number_of(&ru, s, &start, &end);
    cr_assert_eq(start, strlen("около "));
    cr_assert_eq(end, strlen("около 12 тыс"));
    drop(&ru);
    lang en = load("en");
    s = "rose 4.5 per cent on";
    number_of(&en, s, &start, &end);
    cr_assert_eq(start, 5);
    cr_assert_eq(end, strlen("rose 4.5 per cent"));
    wt_token_vec v = toks(&en, s);
    cr_assert_eq(v.n, 3, "the joiner \"per\" is part of the number");
    wt_free(v.v);
    drop(&en);
}

Test(number, unrelated_numbers_stay_apart)
{
    lang en = load("en");
    wt_token_vec v = toks(&en, "in 2019 2020 and 12 000 people");
    /* Years side by side are not digit groups; "12 000" is not either
     * in English, whose profile has no space as a group mark. */
    size_t nums = 0;
    for (size_t i = 0; i < v.n; i++)
        nums += (v.v[i].flags & WT_TOK_NUMBER) != 0;
    cr_assert_eq(nums, 4);
    wt_free(v.v);
    drop(&en);
}
