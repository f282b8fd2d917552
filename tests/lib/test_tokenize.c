/* Tests of tokenize.c: ICU word break into folded, stemmed tokens. */
#include "helpers.h"
#include "profile.h"
#include "tokenize.h"

#include <xxhash.h>

typedef struct fixture {
    wt_profile *prof;
    wt_stemmer *stem;
    wt_tokenizer *tk;
} fixture;

static fixture setup_en(void)
{
    fixture f;
    wt_agencies *a = NULL;
    char err[256];
    cr_assert_eq(wt_agencies_load(&a, test_lang_dir()), 0);
    cr_assert_eq(wt_profile_load(&f.prof, test_lang_dir(), "en", a->alternation,
                                 err, sizeof err),
                 0);
    wt_agencies_free(a);
    cr_assert_eq(wt_stemmer_new(&f.stem, f.prof->stemmer), 0);
    cr_assert_eq(wt_tokenizer_new(&f.tk, "en", 7), 0);
    return f;
}

static void teardown(fixture *f)
{
    wt_tokenizer_free(f->tk);
    wt_stemmer_free(f->stem);
    wt_profile_free(f->prof);
}

static wt_token_vec tokens(fixture *f, const char *s, wt_text *t)
{
    wt_token_vec v = {0};
    *t = test_text(s);
    cr_assert_eq(wt_tokenize(f->tk, t, 0, t->len, 0, f->prof, f->stem, &v), 0);
    return v;
}

Test(tokenize, words_only_with_byte_offsets)
{
    fixture f = setup_en();
    wt_text t;
    wt_token_vec v = tokens(&f, "“Hello,” she said — twice.", &t);
    cr_assert_eq(v.n, 4);
    cr_assert_eq(v.v[0].start, 3);
    cr_assert_eq(v.v[0].end, 8);
    cr_assert_eq(v.v[3].start, strlen("“Hello,” she said — "));
    wt_free(v.v);
    wt_text_release(&t);
    teardown(&f);
}

Test(tokenize, numbers_are_one_token_and_equal)
{
    fixture f = setup_en();
    wt_text t1, t2;
    wt_token_vec a = tokens(&f, "about 12,000 troops", &t1);
    wt_token_vec b = tokens(&f, "about 12000 troop", &t2);
    cr_assert_eq(a.n, 3);
    cr_assert(a.v[1].flags & WT_TOK_NUMBER);
    cr_assert_eq(a.v[1].stem, b.v[1].stem);
    cr_assert_eq(a.v[2].stem, b.v[2].stem, "troops and troop share a stem");
    wt_free(a.v);
    wt_free(b.v);
    wt_text_release(&t1);
    wt_text_release(&t2);
    teardown(&f);
}

Test(tokenize, stopwords_flagged_quotes_unified)
{
    fixture f = setup_en();
    wt_text t1, t2;
    wt_token_vec a = tokens(&f, "the Korea’s army", &t1);
    wt_token_vec b = tokens(&f, "The Korea's army", &t2);
    cr_assert(a.v[0].flags & WT_TOK_STOP);
    cr_assert_eq(a.v[1].norm, b.v[1].norm);
    cr_assert_eq(a.v[1].stem, b.v[1].stem);
    wt_free(a.v);
    wt_free(b.v);
    wt_text_release(&t1);
    wt_text_release(&t2);
    teardown(&f);
}

Test(tokenize, number_words_become_values)
{
    fixture f = setup_en();
    wt_text t1, t2;
    wt_token_vec a = tokens(&f, "five soldiers", &t1);
    wt_token_vec b = tokens(&f, "5 soldiers", &t2);
    cr_assert(a.v[0].flags & WT_TOK_NUMBER);
    cr_assert_eq(a.v[0].stem, b.v[0].stem);
    wt_free(a.v);
    wt_free(b.v);
    wt_text_release(&t1);
    wt_text_release(&t2);
    teardown(&f);
}

Test(tokenize, names_flagged_after_sentence_start)
{
    fixture f = setup_en();
    wt_text t;
    wt_token_vec v = tokens(&f, "Officials met Rutte in Brussels.", &t);
    cr_assert_not(v.v[0].flags & WT_TOK_NAME);
    cr_assert(v.v[2].flags & WT_TOK_NAME);
    cr_assert(v.v[4].flags & WT_TOK_NAME);
    wt_free(v.v);
    wt_text_release(&t);
    teardown(&f);
}

/* Tokens of s in language code; stems in stems[0..n). */
static size_t stems_in(const char *code, const char *s, uint64_t *stems,
                       uint32_t *flags, size_t max)
{
    wt_agencies *a = NULL;
    wt_profile *p = NULL;
    wt_stemmer *st = NULL;
    wt_tokenizer *tk = NULL;
    char err[256] = "";
    cr_assert_eq(wt_agencies_load(&a, test_lang_dir()), 0);
    cr_assert_eq(wt_profile_load(&p, test_lang_dir(), code, a->alternation, err,
                                 sizeof err),
                 0, "%s", err);
    cr_assert_eq(wt_stemmer_new(&st, p->stemmer), 0);
    cr_assert_eq(wt_tokenizer_new(&tk, code, 7), 0);
    if (p->translit)
        cr_assert_eq(wt_tokenizer_set_translit(tk, p->translit), 0);
    wt_text t = test_text(s);
    wt_token_vec v = {0};
    cr_assert_eq(wt_tokenize(tk, &t, 0, t.len, 0, p, st, &v), 0);
    size_t n = v.n < max ? v.n : max;
    for (size_t i = 0; i < n; i++) {
        stems[i] = v.v[i].stem;
        if (flags)
            flags[i] = v.v[i].flags;
    }
    wt_free(v.v);
    wt_text_release(&t);
    wt_tokenizer_free(tk);
    wt_stemmer_free(st);
    wt_profile_free(p);
    wt_agencies_free(a);
    return n;
}

static uint64_t stem1(const char *code, const char *word)
{
    uint64_t s[4];
    cr_assert_eq(stems_in(code, word, s, NULL, 4), 1, "\"%s\"", word);
    return s[0];
}

Test(tokenize, korean_particles_and_endings_are_cut)
{
    const uint64_t bukhan = stem1("ko", "북한");
    static const char *const forms[] = {"북한은",   "북한이",   "북한의",
                                        "북한에서", "북한으로", "북한과"};
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
        cr_assert_eq(stem1("ko", forms[i]), bukhan, "%s", forms[i]);
    cr_assert_eq(stem1("ko", "어린이가"), stem1("ko", "어린이"));
    cr_assert_eq(stem1("ko", "정부에서는"), stem1("ko", "정부가"));
    cr_assert_neq(stem1("ko", "북한은"), stem1("ko", "남한은"));
    /* The same sentence with other particles shares every stem. */
    uint64_t a[16], b[16];
    const size_t na =
        stems_in("ko", "북한은 동해상으로 미사일을 발사했다", a, NULL, 16);
    const size_t nb =
        stems_in("ko", "북한이 동해상에 미사일 발사했다", b, NULL, 16);
    cr_assert_eq(na, 4);
    cr_assert_eq(nb, 4);
    for (size_t i = 0; i < 3; i++)
        cr_assert_eq(a[i], b[i], "word %zu", i);
}

Test(tokenize, japanese_words_from_the_dictionary_chinese_characters)
{
    uint64_t s[32];
    uint32_t f[32];
    /* 北朝鮮 / は / 弾道 / ミサイル / を / 発射 / した: particles are stopwords. */
    const size_t n = stems_in("ja", "北朝鮮は弾道ミサイルを発射した", s, f, 32);
    cr_assert_geq(n, 6);
    cr_assert(f[1] & WT_TOK_STOP, "は is a particle");
    cr_assert_eq(s[0], stem1("ja", "北朝鮮"));
    /* Chinese (split_han = yes): one token per character. */
    const size_t m = stems_in("zh", "朝鲜发射了弹道导弹", s, f, 32);
    cr_assert_eq(m, 9);
    cr_assert_eq(s[0], stem1("zh", "朝"));
    cr_assert(f[4] & WT_TOK_STOP, "了 is a function word");
    /* The 一 of 统一 is no number; 一万 is one. */
    cr_assert_eq(stems_in("zh", "统一", s, f, 32), 2);
    cr_assert_not(f[1] & WT_TOK_NUMBER);
    cr_assert_eq(stems_in("zh", "一万", s, f, 32), 1);
    cr_assert(f[0] & WT_TOK_NUMBER);
}

Test(tokenize, thai_words_from_the_dictionary)
{
    uint64_t s[32];
    /* "Thailand has a population of about seventy million", no spaces. */
    const size_t n =
        stems_in("und", "ประเทศไทยมีประชากรประมาณเจ็ดสิบล้านคน", s, NULL, 32);
    cr_assert_geq(n, 6, "%zu words", n);
}

Test(tokenize, traditional_chinese_reads_as_simplified)
{
    uint64_t a[32], b[32];
    const size_t na = stems_in(
        "zh", "韩国联合参谋本部说，朝鲜发射了短程弹道导弹", a, NULL, 32);
    const size_t nb = stems_in(
        "zh", "韓國聯合參謀本部說，朝鮮發射了短程彈道導彈", b, NULL, 32);
    cr_assert_eq(na, nb);
    for (size_t i = 0; i < na; i++)
        cr_assert_eq(a[i], b[i], "word %zu", i);
    wt_tokenizer *tk = NULL;
    cr_assert_eq(wt_tokenizer_new(&tk, "zh", 7), 0);
    cr_assert_eq(wt_tokenizer_set_translit(tk, "No-Such-Thing"), WT_ELANG);
    wt_tokenizer_free(tk);
}

Test(tokenize, spelling_variants_fold_to_one_form)
{
    cr_assert_eq(stem1("en", "Kiev"), stem1("en", "Kyiv"));
    cr_assert_eq(stem1("es", "Seúl"), stem1("es", "Seul"));
    cr_assert_eq(stem1("de", "Kiew"), stem1("de", "Kyjiw"));
    cr_assert_eq(stem1("ko", "키예프"), stem1("ko", "키이우"));
    cr_assert_neq(stem1("en", "Kiev"), stem1("en", "Kharkiv"));
}

Test(tokenize, french_and_italian_elision)
{
    cr_assert_eq(stem1("fr", "l'armée"), stem1("fr", "armée"));
    cr_assert_eq(stem1("fr", "d’armée"), stem1("fr", "armée"));
    cr_assert_eq(stem1("it", "l'esercito"), stem1("it", "esercito"));
}

Test(tokenize, ukrainian_light_suffixes)
{
    cr_assert_eq(stem1("uk", "ракети"), stem1("uk", "ракета"));
    cr_assert_eq(stem1("uk", "уряду"), stem1("uk", "уряд"));
}
