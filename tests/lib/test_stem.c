/* Tests of stem.c: the libstemmer wrapper. */
#include "helpers.h"
#include "stem.h"

static void expect(wt_stemmer *s, const char *w, const char *want)
{
    size_t n;
    const char *r = wt_stem(s, w, strlen(w), &n);
    cr_assert_not_null(r);
    cr_assert_eq(n, strlen(want), "%s -> %.*s", w, (int)n, r);
    cr_assert(!memcmp(r, want, n));
}

Test(stem, english_snowball)
{
    wt_stemmer *s;
    cr_assert_eq(wt_stemmer_new(&s, "english"), 0);
    expect(s, "deployment", "deploy");
    expect(s, "deployed", "deploy");
    expect(s, "troops", "troop");
    expect(s, "korea's", "korea");
    wt_stemmer_free(s);
}

Test(stem, none_is_identity)
{
    wt_stemmer *s;
    cr_assert_eq(wt_stemmer_new(&s, NULL), 0);
    expect(s, "troops", "troops");
    wt_stemmer_free(s);
}

Test(stem, unknown_algorithm_is_elang)
{
    wt_stemmer *s = NULL;
    cr_assert_eq(wt_stemmer_new(&s, "klingon"), WT_ELANG);
    cr_assert_null(s);
}
