/* Tests of normalize.c: folding, quotes, dashes, numbers. */
#include "helpers.h"
#include "normalize.h"

static char *fold(wt_normalizer *n, const char *s, int is_number)
{
    wt_text t = test_text(s);
    size_t len;
    int rc;
    const char *r = wt_normalize_word(n, t.u, t.len, is_number, &len, &rc);
    cr_assert_not_null(r);
    char *out = strndup(r, len);
    wt_text_release(&t);
    return out;
}

#define CHECK(n, in, num, want)                                                \
    do {                                                                       \
        char *got = fold(n, in, num);                                          \
        cr_assert_str_eq(got, want);                                           \
        free(got);                                                             \
    } while (0)

Test(normalize, case_and_compatibility_folding)
{
    wt_normalizer *n;
    cr_assert_eq(wt_normalizer_new(&n), 0);
    CHECK(n, "Korea", 0, "korea");
    CHECK(n, "STRASSE", 0, "strasse");
    CHECK(n, "Straße", 0, "strasse");
    CHECK(n,
          "\xEF\xBC\xA1"
          "BC",
          0, "abc"); /* fullwidth A */
    CHECK(n, "ﬁne", 0, "fine");
    wt_normalizer_free(n);
}

Test(normalize, apostrophes_and_dashes_unified)
{
    wt_normalizer *n;
    cr_assert_eq(wt_normalizer_new(&n), 0);
    CHECK(n, "Korea\xE2\x80\x99s", 0, "korea's");
    CHECK(n, "Korea's", 0, "korea's");
    CHECK(n, "Won\xE2\x80\x93sik", 0, "won-sik");
    CHECK(n,
          "\xC2\xAB"
          "x"
          "\xC2\xBB",
          0, "\"x\"");
    wt_normalizer_free(n);
}

Test(normalize, digit_groups_dropped_in_numbers)
{
    wt_normalizer *n;
    cr_assert_eq(wt_normalizer_new(&n), 0);
    CHECK(n, "12,000", 1, "12000");
    CHECK(n, "12000", 1, "12000");
    CHECK(n, "1,500", 1, "1500");
    CHECK(n, "3.5", 1, "3.5");
    CHECK(n, "１２", 1, "12");
    wt_normalizer_free(n);
}

Test(normalize, unify_punct_by_category)
{
    cr_assert_eq(wt_unify_punct(0x201C), '"');
    cr_assert_eq(wt_unify_punct(0x201E), '"');
    cr_assert_eq(wt_unify_punct(0x2014), '-');
    cr_assert_eq(wt_unify_punct(0x2010), '-');
    cr_assert_eq(wt_unify_punct(0x2018), '\'');
    cr_assert_eq(wt_unify_punct('a'), 'a');
}
