/* Tests of alternation.c: the grouped alternation finds what the flat one
 * finds, where it finds it, with the same name chosen. */
#define PCRE2_CODE_UNIT_WIDTH 16
#include "helpers.h"
#include "alloc.h"
#include "alternation.h"
#include "profile.h"

#include <pcre2.h>
#include <string.h>
#include <unicode/ustring.h>

/* pat compiled as the profiles' patterns are (profile.c). */
static pcre2_code *compile(const char *pat, int fold)
{
    UChar u[16384];
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8(u, 16384, &n, pat, -1, &err);
    cr_assert(U_SUCCESS(err), "%s", pat);
    pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
    pcre2_set_newline(cc, PCRE2_NEWLINE_ANY);
    int e = 0;
    PCRE2_SIZE at;
    pcre2_code *re = pcre2_compile(
        (PCRE2_SPTR)u, (PCRE2_SIZE)n,
        PCRE2_UTF | PCRE2_UCP | (fold ? PCRE2_CASELESS : 0), &e, &at, cc);
    pcre2_compile_context_free(cc);
    cr_assert(re, "cannot compile %s: error %d at %zu", pat, e, (size_t)at);
    return re;
}

/* Every match of re in text as "start-end:group1;" */
static void matches(pcre2_code *re, const char *text, char *out, size_t cap)
{
    UChar u[1024];
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8(u, 1024, &n, text, -1, &err);
    cr_assert(U_SUCCESS(err));
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    size_t o = 0;
    out[0] = '\0';
    for (PCRE2_SIZE from = 0; from <= (PCRE2_SIZE)n && o + 40 < cap &&
                              pcre2_match(re, (PCRE2_SPTR)u, (PCRE2_SIZE)n,
                                          from, 0, md, NULL) > 0;) {
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        o += (size_t)snprintf(out + o, cap - o, "%d-%d:%d-%d;", (int)ov[0],
                              (int)ov[1], (int)ov[2], (int)ov[3]);
        from = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
    }
    pcre2_match_data_free(md);
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
        pcre2_code *ra = compile(a, fold), *rb = compile(b, fold);
        for (size_t i = 0; texts[i]; i++) {
            char ma[512], mb[512];
            matches(ra, texts[i], ma, sizeof ma);
            matches(rb, texts[i], mb, sizeof mb);
            cr_assert_str_eq(mb, ma, "%s in \"%s\" (fold %d)", wraps[w],
                             texts[i], fold);
        }
        pcre2_code_free(ra);
        pcre2_code_free(rb);
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
