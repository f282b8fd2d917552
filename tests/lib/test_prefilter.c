/* Tests of prefilter.c: the literals a pattern needs, and that a pattern
 * that matches is never screened out. */
#define _DEFAULT_SOURCE
#include "helpers.h"
#include "prefilter.h"
#include "profile.h"

#include <dirent.h>
#include <unicode/ustring.h>

/* May pattern 0 of pats match the UTF-8 text s? */
static int may_match(const char *pat, const char *s)
{
    wt_prefilter *pf = NULL;
    const char *pats[] = {pat};
    cr_assert_eq(wt_prefilter_new(&pf, pats, 1), 0);
    UChar u[512];
    int32_t n = 0;
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8(u, 512, &n, s, -1, &err);
    cr_assert(U_SUCCESS(err));
    uint64_t may[WT_PREFILTER_MAX / 64];
    cr_assert_eq(wt_prefilter_run(pf, u, n, may), 0);
    wt_prefilter_free(pf);
    return (int)(may[0] & 1);
}

Test(prefilter, literals_of_alternations_and_sequences)
{
    const char *pat = "\\b((?:\\QYonhap\\E|\\QAFP\\E))\\s+(?:said|reported)";
    cr_assert(may_match(pat, "Yonhap said on Monday"));
    cr_assert(may_match(pat, "the AFP agency, which reported"));
    cr_assert_not(may_match(pat, "Reuters said on Monday"));
    cr_assert_not(may_match(pat, "Yonhap wrote"));
}

Test(prefilter, case_folded_both_sides)
{
    cr_assert(may_match("(?i:sign up)", "SIGN UP NOW"));
    cr_assert(may_match("Sign up", "sign up")); /* over-approximation */
    cr_assert(may_match("(?i:strasse)", "Straße"));
    cr_assert(may_match("(?i:sign)", "\xc5\xbfign")); /* long s */
}

/* ASCII text is stepped through a table without folding; other text is
 * folded first: both must find the same strings, across the switch. */
Test(prefilter, ascii_table_and_folded_text_agree)
{
    cr_assert(may_match("(?i:strasse)", "STRASSE"));
    cr_assert(may_match("(?i:straße)", "STRASSE"));
    cr_assert(may_match("Reuters", "\xc3\x9cnited REUTERS"));
    cr_assert(may_match("(?i:caff\xc3\xa8 latte)", "CAFF\xc3\x88 LATTE"));
    cr_assert(may_match("(?i:caff\xc3\xa8 latte)", "a caff\xc3\xa8 latte"));
    cr_assert_not(may_match("(?i:caff\xc3\xa8 latte)", "CAFFE LATTE"));
    /* A string that starts on a suffix of a longer one's prefix. */
    cr_assert(may_match("(?:photo by|to by)", "PHOTO BX TO BY"));
    cr_assert_not(may_match("(?:photo by|to by)", "PHOTO BX TO BX"));
    /* Units no string holds lead back to the start. */
    cr_assert_not(may_match("abc", "ab#c A\x01"
                                   "BC"));
    cr_assert(may_match("abc", "ab#c A\x01"
                               "BC ABC"));
}

/* "^" and "$" are where the text begins and ends, and "$" is before a
 * final newline too; in multi-line mode they say nothing. */
Test(prefilter, anchors_place_the_literals)
{
    const char *end = "(?i:(?:ap|afp)(?: photos?)?)$";
    cr_assert_not(may_match(end, "Japan and its capital"));
    cr_assert(may_match(end, "A photo by AP"));
    cr_assert(may_match(end, "A photo by AFP photos"));
    cr_assert(may_match(end, "A photo by AP\n"));
    cr_assert(may_match(end, "A photo by AP\r\n"));
    cr_assert(may_match(end, "A photo by AP\xe2\x80\xa8"));
    cr_assert_not(may_match(end, "A photo by AP\n\nmore"));
    cr_assert(may_match("(?i:caff\xc3\xa8)$", "un CAFF\xc3\x88"));
    cr_assert(may_match("^(?:by|from) ", "By the way"));
    cr_assert_not(may_match("^(?:by|from) ", "stand by me"));
    cr_assert(may_match("(?m)^by ", "stand\nby me"));
    cr_assert(may_match("(?m:x)|^by ", "stand\nby me")); /* conservative */
    cr_assert(may_match("a$|b", "b then a and more"));
    cr_assert(may_match("^$", ""));
}

Test(prefilter, optional_parts_and_classes_need_nothing)
{
    cr_assert(may_match("^\\p{Lu}\\p{Ll}+$", "Ann"));
    /* A repeated part still needs its literal: the space. */
    cr_assert_not(
        may_match("^\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){1,2}$", "Ann"));
    cr_assert(may_match("(?:photo)?x?", ""));
    cr_assert(may_match("[^abc]{2,}", "zz"));
}

Test(prefilter, unknown_syntax_always_passes)
{
    cr_assert(may_match("(?x) a b c", "nothing"));
    cr_assert(may_match("(a)\\1", "nothing"));
    cr_assert(may_match("[]a]bc", "nothing"));
}

Test(prefilter, strip_lookaround)
{
    char *s = NULL;
    cr_assert_eq(
        wt_prefilter_strip_lookaround(
            "^(?-i:(?!.*\\b(?:The|New)\\b)\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+)$",
            &s),
        0);
    cr_assert_str_eq(s, "^(?-i:\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+)$");
    wt_free(s);
    cr_assert_eq(wt_prefilter_strip_lookaround("a(?!b)", &s), 0);
    cr_assert_null(s); /* not anchored */
    cr_assert_eq(wt_prefilter_strip_lookaround("^(?>a(?!b)|ab)c", &s), 0);
    cr_assert_null(s); /* atomic: cutting could change what matches */
}

/* Every line of the text files below dir, as UTF-16, to fn. */
static void each_line(const char *dir, void (*fn)(const UChar *, int32_t))
{
    DIR *d = opendir(dir);
    cr_assert(d, "%s", dir);
    struct dirent *e;
    while ((e = readdir(d))) {
        char path[4096];
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (e->d_type == DT_DIR) {
            each_line(path, fn);
            continue;
        }
        FILE *f = fopen(path, "r");
        char line[8192];
        while (f && fgets(line, sizeof line, f)) {
            UChar u[8192];
            int32_t n = 0;
            UErrorCode err = U_ZERO_ERROR;
            u_strFromUTF8WithSub(u, 8192, &n, line, -1, 0xFFFD, NULL, &err);
            if (U_SUCCESS(err))
                fn(u, n);
        }
        if (f)
            fclose(f);
    }
    closedir(d);
}

static wt_profile *profiles[16];
static size_t nprofiles, matches;

static void check_set(const wt_profile *p, int credits, const UChar *u,
                      int32_t n)
{
    uint64_t may[WT_PATTERNS_MAX / 64];
    cr_assert_eq(wt_profile_screen(p, credits, u, n, may), 0);
    const wt_pattern *pat = credits ? p->credit : p->boiler;
    const size_t np = credits ? p->ncredit : p->nboiler;
    for (size_t i = 0; i < np; i++) {
        if (!wt_pattern_find(&pat[i], u, n, 0))
            continue;
        matches++;
        cr_assert(wt_profile_may(may, i) && wt_pattern_gate(&pat[i], u, n),
                  "%s %s pattern %zu matches but was screened out", p->code,
                  credits ? "credit" : "boilerplate", i);
    }
}

static void check_line(const UChar *u, int32_t n)
{
    for (size_t k = 0; k < nprofiles; k++) {
        check_set(profiles[k], 0, u, n);
        check_set(profiles[k], 1, u, n);
    }
}

/* The corpora and the examples in lang/'s comments, against every
 * language's patterns: whatever matches passed the prefilter and gate. */
Test(prefilter, never_screens_out_a_match, .timeout = 300)
{
    static const char *const codes[] = {"en", "de", "es", "fr", "it", "ja",
                                        "ko", "pt", "ru", "uk", "zh", "ar"};
    wt_agencies *a = NULL;
    char err[256] = "", path[4096];
    cr_assert_eq(wt_agencies_load(&a, test_lang_dir()), 0);
    for (size_t k = 0; k < sizeof codes / sizeof *codes; k++)
        cr_assert_eq(wt_profile_load(&profiles[nprofiles++], test_lang_dir(),
                                     codes[k], a->alternation, err, sizeof err),
                     0, "%s", err);
    each_line(test_path(path, sizeof path, "corpora"), check_line);
    each_line(test_lang_dir(), check_line);
    cr_assert_gt(matches, 100);
    for (size_t k = 0; k < nprofiles; k++)
        wt_profile_free(profiles[k]);
    wt_agencies_free(a);
}
