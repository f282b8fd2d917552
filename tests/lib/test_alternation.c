/* Tests of alternation.c: the grouped alternation finds what the flat one
 * finds, where it finds it, with the same name chosen. */
#include "helpers.h"
#include "alloc.h"
#include "alternation.h"
#include "profile.h"

#include <string.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>

static URegularExpression *compile(const char *pat, int fold)
{
    UChar u[16384];
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8(u, 16384, NULL, pat, -1, &err);
    cr_assert(U_SUCCESS(err), "%s", pat);
    UParseError pe;
    URegularExpression *re =
        uregex_open(u, -1, fold ? UREGEX_CASE_INSENSITIVE : 0, &pe, &err);
    cr_assert(U_SUCCESS(err), "cannot compile %s: %s", pat, u_errorName(err));
    return re;
}

/* Every match of re in text as "start-end:group1;" */
static void matches(URegularExpression *re, const char *text, char *out,
                    size_t cap)
{
    UChar u[1024];
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8(u, 1024, &n, text, -1, &err);
    uregex_setText(re, u, n, &err);
    size_t o = 0;
    out[0] = '\0';
    while (U_SUCCESS(err) && uregex_findNext(re, &err) && o + 40 < cap)
        o += (size_t)snprintf(
            out + o, cap - o, "%d-%d:%d-%d;", uregex_start(re, 0, &err),
            uregex_end(re, 0, &err), uregex_start(re, 1, &err),
            uregex_end(re, 1, &err));
    cr_assert(U_SUCCESS(err));
}

/* The flat and the grouped alternation inside a pattern like the
 * profiles' find the same matches in each text. */
static void same(const char *flat, int fold, const char *const *texts)
{
    char *g = NULL;
    cr_assert_eq(wt_alternation_group(flat, &g), 0);
    /* the last as the profiles write it: case-sensitive inside a
     * case-insensitive pattern */
    static const char *const wraps[] = {
        "\\b(%s)", "(%s)\\s*$", "\\((%s)(?: News)?\\)", "(?-i:(%s)) ?/"};
    for (size_t w = 0; w < sizeof wraps / sizeof *wraps; w++) {
        char a[16384], b[16384];
        snprintf(a, sizeof a, wraps[w], flat);
        snprintf(b, sizeof b, wraps[w], g);
        URegularExpression *ra = compile(a, fold), *rb = compile(b, fold);
        for (size_t i = 0; texts[i]; i++) {
            char ma[512], mb[512];
            matches(ra, texts[i], ma, sizeof ma);
            matches(rb, texts[i], mb, sizeof mb);
            cr_assert_str_eq(mb, ma, "%s in \"%s\" (fold %d)", wraps[w],
                             texts[i], fold);
        }
        uregex_close(ra);
        uregex_close(rb);
    }
    wt_free(g);
}

static const char *const texts[] = {
    "Yonhap News Agency reported that AP and AFP said so (Reuters)",
    "yonhap news agency said; ap news; afp; REUTERS",
    "SEOUL, Nov. 3 (Yonhap) -- The",
    "By Kyodo News staff / Kyodo",
    "연합뉴스에 따르면 新华社 Синьхуа сообщает (Рейтер)",
    "Photo: Xinhua / AP Photo",
    "nothing here at all",
    "A",
    "",
    NULL};

Test(alternation, agencies_match_as_the_flat_alternation)
{
    wt_agencies *a = NULL;
    cr_assert_eq(wt_agencies_load(&a, test_lang_dir()), 0);
    same(a->alternation, 0, texts);
    same(a->alternation, 1, texts);
    wt_agencies_free(a);
}

Test(alternation, names_sharing_a_start_keep_their_order)
{
    static const char *const t[] = {
        "AP News Agency", "ap",        "APA and AP", "Ap News",
        "ap / AP /",      "aP News /", NULL};
    same("\\QAP News\\E|\\QAPA\\E|\\Qap\\E|\\QAP\\E|\\QA\\E", 0, t);
    same("\\QAP News\\E|\\QAPA\\E|\\Qap\\E|\\QAP\\E|\\QA\\E", 1, t);
    char *g = NULL;
    cr_assert_eq(wt_alternation_group("\\QAFP\\E|\\QAP\\E|\\QYonhap\\E", &g),
                 0);
    cr_assert_str_eq(g, "\\QA\\E(?:\\QFP\\E|\\QP\\E)|\\QYonhap\\E");
    wt_free(g);
    /* first letters differ in case: whole names, in their order */
    cr_assert_eq(wt_alternation_group("\\QAPA\\E|\\Qap\\E|\\QAP\\E", &g), 0);
    cr_assert_str_eq(g, "(?:\\QAPA\\E|\\Qap\\E|\\QAP\\E)");
    wt_free(g);
}

Test(alternation, other_forms_are_copied)
{
    char *g = NULL;
    cr_assert_eq(wt_alternation_group("(?!)", &g), 0);
    cr_assert_str_eq(g, "(?!)");
    wt_free(g);
    /* "ß" folds to "ss": no grouping that could differ */
    cr_assert_eq(wt_alternation_group("\\Qßa\\E|\\Qsb\\E", &g), 0);
    cr_assert_str_eq(g, "\\Qßa\\E|\\Qsb\\E");
    wt_free(g);
}
