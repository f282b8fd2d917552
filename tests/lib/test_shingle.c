/* Tests of shingle.c: k-shingles over content words, winnowing. */
#include "helpers.h"
#include "shingle.h"

static wt_token tok(uint64_t stem, uint32_t flags)
{
    wt_token t = {0};
    t.stem = stem;
    t.flags = flags;
    return t;
}

Test(shingle, skips_stopwords_and_counts)
{
    wt_token t[6] = {tok(1, 0), tok(2, WT_TOK_STOP), tok(3, 0),
                     tok(4, 0), tok(5, WT_TOK_STOP), tok(6, 0)};
    wt_shingle *sh = NULL;
    size_t n = 0, cap = 0;
    cr_assert_eq(wt_shingles(t, 0, 6, 3, 9, &sh, &n, &cap), 0);
    cr_assert_eq(n, 2); /* (1,3,4) (3,4,6) */
    cr_assert_eq(sh[0].tok, 0);
    cr_assert_eq(sh[1].tok, 2);
    wt_free(sh);
}

Test(shingle, same_words_same_hash_any_position)
{
    wt_token a[3] = {tok(7, 0), tok(8, 0), tok(9, 0)};
    wt_token b[4] = {tok(1, WT_TOK_STOP), tok(7, 0), tok(8, 0), tok(9, 0)};
    wt_shingle *x = NULL, *y = NULL;
    size_t nx = 0, ny = 0, cx = 0, cy = 0;
    cr_assert_eq(wt_shingles(a, 0, 3, 3, 1, &x, &nx, &cx), 0);
    cr_assert_eq(wt_shingles(b, 0, 4, 3, 1, &y, &ny, &cy), 0);
    cr_assert_eq(nx, 1);
    cr_assert_eq(ny, 1);
    cr_assert_eq(x[0].hash, y[0].hash);
    cr_assert_eq(y[0].tok, 1);
    wt_free(x);
    wt_free(y);
}

Test(shingle, short_paragraph_gives_one_shingle)
{
    wt_token a[2] = {tok(7, 0), tok(8, 0)};
    wt_shingle *x = NULL;
    size_t n = 0, cap = 0;
    cr_assert_eq(wt_shingles(a, 0, 2, 3, 1, &x, &n, &cap), 0);
    cr_assert_eq(n, 1);
    wt_free(x);
}

Test(shingle, winnow_keeps_window_minimum_once)
{
    const wt_shingle sh[] = {{77, 0}, {72, 1}, {42, 2}, {17, 3}, {98, 4},
                             {50, 5}, {17, 6}, {98, 7}, {8, 8},  {88, 9}};
    wt_shingle *out = NULL;
    size_t n = 0, cap = 0;
    /* The example of Schleimer et al. 2003, window 4: {17, 17, 8}. */
    cr_assert_eq(wt_winnow(sh, 10, 4, &out, &n, &cap), 0);
    cr_assert_eq(n, 3);
    cr_assert_eq(out[0].hash, 17);
    cr_assert_eq(out[0].tok, 3);
    cr_assert_eq(out[1].tok, 6);
    cr_assert_eq(out[2].hash, 8);
    wt_free(out);
}

Test(shingle, winnow_guarantee)
{
    /* Any run of w shingles contains a selected one. */
    wt_shingle sh[200];
    for (uint32_t i = 0; i < 200; i++)
        sh[i] = (wt_shingle){(i * 2654435761u) % 1000, i};
    wt_shingle *out = NULL;
    size_t n = 0, cap = 0;
    cr_assert_eq(wt_winnow(sh, 200, 5, &out, &n, &cap), 0);
    for (uint32_t s = 0; s + 5 <= 200; s++) {
        int hit = 0;
        for (size_t k = 0; k < n; k++)
            hit |= out[k].tok >= s && out[k].tok < s + 5;
        cr_assert(hit, "window at %u has no fingerprint", s);
    }
    wt_free(out);
}
