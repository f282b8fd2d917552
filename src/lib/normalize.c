/*
 * normalize.c - word folding with ICU (UAX #15 NFKC_Casefold).
 *
 * Quotes and dashes are unified through their Unicode general categories
 * rather than a hand-kept list, so that any script's quotation marks and
 * dashes are covered.
 */
#include "normalize.h"
#include "alloc.h"
#include "wiretrace.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#define WORD_MAX 256 /* UTF-16 units of a word that are folded */

struct wt_normalizer {
    const UNormalizer2 *nfkc_cf; /* owned by ICU */
    UChar *u;
    size_t ucap;
    char *utf8;
    size_t cap8;
};

int wt_normalizer_new(wt_normalizer **out)
{
    UErrorCode err = U_ZERO_ERROR;
    wt_normalizer *n = wt_calloc(1, sizeof *n);
    if (!n)
        return WT_ENOMEM;
    n->nfkc_cf = unorm2_getNFKCCasefoldInstance(&err);
    if (U_FAILURE(err)) {
        wt_free(n);
        return WT_EICU;
    }
    /* Room for any ASCII word from the start: fold_ascii never grows it. */
    if (wt_grow(&n->utf8, &n->cap8, WORD_MAX + 1, 1)) {
        wt_free(n);
        return WT_ENOMEM;
    }
    *out = n;
    return 0;
}

void wt_normalizer_free(wt_normalizer *n)
{
    if (!n)
        return;
    wt_free(n->u);
    wt_free(n->utf8);
    wt_free(n);
}

UChar32 wt_unify_punct(UChar32 c)
{
    switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x02BC:
    case 0x0027:
    case 0x0060:
    case 0x00B4:
    case 0x2032:
    case 0xFF07: return '\'';
    default: break;
    }
    const int8_t type = u_charType(c);
    if (type == U_DASH_PUNCTUATION || c == 0x2212)
        return '-';
    if (type == U_INITIAL_PUNCTUATION || type == U_FINAL_PUNCTUATION ||
        u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK))
        return '"';
    return c;
}

/* Drops ',' (and thin or no-break spaces) between digits: "12,000". */
static int32_t drop_group_separators(UChar *u, int32_t len)
{
    int32_t o = 0;
    for (int32_t i = 0; i < len; i++) {
        const UChar c = u[i];
        const int sep =
            c == ',' || c == 0x2009 || c == 0x202F || c == 0x00A0 || c == '\'';
        if (sep && o > 0 && i + 1 < len && u_isdigit(u[o - 1]) &&
            u_isdigit(u[i + 1]))
            continue;
        u[o++] = c;
    }
    return o;
}

static int ensure_u(wt_normalizer *n, size_t need)
{
    return wt_grow(&n->u, &n->ucap, need, sizeof *n->u);
}

/* Folds s into n->utf8 when it has only ASCII letters and digits, and
 * says whether it did.  Most words of most news are such words: NFKC
 * leaves them as they are, case folding lowers the capitals, and no quote,
 * dash or digit-group mark is among them, so this is what the ICU path
 * below would give.  n->utf8 holds any such word (wt_normalizer_new). */
static int fold_ascii(wt_normalizer *n, const UChar *s, int32_t len)
{
    char *o = n->utf8;
    for (int32_t i = 0; i < len; i++) {
        const UChar c = s[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            o[i] = (char)c;
        else if (c >= 'A' && c <= 'Z')
            o[i] = (char)(c | 0x20);
        else
            return 0;
    }
    o[len] = '\0';
    return 1;
}

const char *wt_normalize_word(wt_normalizer *n, const UChar *s, int32_t len,
                              int is_number, size_t *out_len, int *rc)
{
    UErrorCode err = U_ZERO_ERROR;
    /* Only the first WORD_MAX units of a word are folded: longer "words"
     * are junk (encoded data, combining-mark storms), and ICU's canonical
     * reordering is quadratic in a run of combining marks. */
    if (len > WORD_MAX)
        len = U16_IS_LEAD(s[WORD_MAX - 1]) ? WORD_MAX - 1 : WORD_MAX;
    if (fold_ascii(n, s, len)) {
        *out_len = (size_t)len;
        *rc = 0;
        return n->utf8;
    }
    /* NFKC_Casefold can expand; ask ICU for the size when it does. */
    if ((*rc = ensure_u(n, (size_t)len * 3 + 8)))
        return NULL;
    int32_t ul =
        unorm2_normalize(n->nfkc_cf, s, len, n->u, (int32_t)n->ucap, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
        if ((*rc = ensure_u(n, (size_t)ul + 1)))
            return NULL;
        err = U_ZERO_ERROR;
        ul = unorm2_normalize(n->nfkc_cf, s, len, n->u, (int32_t)n->ucap, &err);
    }
    if (U_FAILURE(err)) {
        *rc = WT_EICU;
        return NULL;
    }
    for (int32_t i = 0; i < ul; i++)
        if (!U16_IS_SURROGATE(n->u[i]))
            n->u[i] = (UChar)wt_unify_punct(n->u[i]);
    if (is_number)
        ul = drop_group_separators(n->u, ul);
    if ((*rc = wt_grow(&n->utf8, &n->cap8, (size_t)ul * 3 + 1, 1)))
        return NULL;
    int32_t l8 = 0;
    u_strToUTF8(n->utf8, (int32_t)n->cap8, &l8, n->u, ul, &err);
    if (U_FAILURE(err)) {
        *rc = WT_EICU;
        return NULL;
    }
    *out_len = (size_t)l8;
    *rc = 0;
    return n->utf8;
}
