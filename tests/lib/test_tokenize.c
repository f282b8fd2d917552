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
    cr_assert_eq(wt_profile_load(&f.prof, test_lang_dir(), "en",
                                 a->alternation, err, sizeof err), 0);
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
    cr_assert_eq(wt_tokenize(f->tk, t, 0, t->len, 0, f->prof, f->stem, &v),
                 0);
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
