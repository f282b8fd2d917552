/* Tests of profile.c: loading lang/ and the agencies table. */
#include "helpers.h"
#include "profile.h"

#include <stdio.h>
#include <sys/stat.h>

Test(profile, english_loads)
{
    wt_agencies *a = NULL;
    wt_profile *p = NULL;
    char err[256] = "";
    cr_assert_eq(wt_agencies_load(&a, test_lang_dir()), 0);
    cr_assert_eq(wt_profile_load(&p, test_lang_dir(), "en", a->alternation, err,
                                 sizeof err),
                 0, "%s", err);
    cr_assert_str_eq(p->stemmer, "english");
    cr_assert_gt(p->nstop, 100);
    cr_assert_gt(p->nboiler, 5);
    cr_assert_gt(p->ncredit, 3);
    cr_assert(wt_profile_is_stop(p, wt_word_hash("the", 3)));
    cr_assert_not(wt_profile_is_stop(p, wt_word_hash("troops", 6)));
    /* one lookup says what a word is */
    cr_assert_eq(wt_profile_word(p, wt_word_hash("the", 3)), WT_MARK_STOP);
    cr_assert_eq(wt_profile_word(p, wt_word_hash("troops", 6)), 0);
    cr_assert(wt_profile_word(p, wt_word_hash("kiev", 4)) & WT_MARK_VARIANT);
    cr_assert(wt_profile_word(p, wt_word_hash("twelve", 6)) & WT_NUMBER_WHOLE);
    size_t cl = 0;
    const char *canon = wt_profile_variant(p, wt_word_hash("kiev", 4), &cl);
    cr_assert(canon && cl == 4 && !memcmp(canon, "kyiv", 4));
    cr_assert_null(wt_profile_variant(p, wt_word_hash("troops", 6), &cl));
    double v = 0;
    cr_assert(wt_profile_number_word(p, wt_word_hash("twelve", 6), &v, NULL));
    cr_assert_eq(v, 12);
    wt_profile_free(p);
    wt_agencies_free(a);
}

Test(profile, agencies_canonical_names)
{
    wt_agencies *a = NULL;
    cr_assert_eq(wt_agencies_load(&a, test_lang_dir()), 0);
    cr_assert_str_eq(wt_agencies_canonical(a, "Yonhap News Agency"),
                     wt_agencies_canonical(a, "Yonhap"));
    cr_assert_str_eq(wt_agencies_canonical(a, "AP"),
                     wt_agencies_canonical(a, "Associated Press"));
    cr_assert_null(wt_agencies_canonical(a, "Daily Planet"));
    wt_agencies_free(a);
}

Test(profile, missing_language_names_the_file)
{
    wt_profile *p = NULL;
    char err[512] = "";
    cr_assert_eq(
        wt_profile_load(&p, test_lang_dir(), "xx", "(?!)", err, sizeof err),
        WT_ELANG);
    cr_assert(strstr(err, "xx/profile.txt"), "%s", err);
}

Test(profile, bad_pattern_names_file_and_line)
{
    char dir[] = "/tmp/wt_profile_XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char path[600];
    snprintf(path, sizeof path, "%s/zz", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/zz/profile.txt", dir);
    FILE *f = fopen(path, "w");
    fputs("name = Test\nstemmer = none\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/zz/boilerplate.txt", dir);
    f = fopen(path, "w");
    fputs("# comment\nbyline\t^By (unclosed\n", f);
    fclose(f);
    wt_profile *p = NULL;
    char err[512] = "";
    cr_assert_eq(wt_profile_load(&p, dir, "zz", "(?!)", err, sizeof err),
                 WT_EICU);
    cr_assert(strstr(err, "boilerplate.txt:2"), "%s", err);
}
