/*
 * langid.c - language identification: CLD2 first, the dominant script
 * (ICU uscript) when CLD2 has no usable answer.
 */
#include "langid.h"
#include "alloc.h"
#include "langid_cld2.h"
#include "tuning.h"
#include "wiretrace.h"

#include <stdio.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

/* More than ICU 72 knows (about 200); codes beyond are not counted. */
#define WT_NSCRIPTS 256

UScriptCode wt_dominant_script(const UChar *u, int32_t len, size_t *letters)
{
    size_t count[WT_NSCRIPTS];
    memset(count, 0, sizeof count);
    size_t n = 0;
    for (int32_t i = 0; i < len;) {
        UChar32 c = u[i];
        if (c < 0x80) { /* most letters of most text: no ICU lookup */
            const int letter = (unsigned)((c | 0x20) - 'a') < 26u;
            count[USCRIPT_LATIN] += (size_t)letter;
            n += (size_t)letter;
            i++;
            continue;
        }
        U16_NEXT(u, i, len, c);
        if (!u_isalpha(c))
            continue;
        UErrorCode err = U_ZERO_ERROR;
        const UScriptCode s = uscript_getScript(c, &err);
        if (U_FAILURE(err) || s <= USCRIPT_INHERITED || s >= WT_NSCRIPTS)
            continue;
        count[s]++;
        n++;
    }
    if (letters)
        *letters = n;
    if (!n)
        return USCRIPT_COMMON;
    const size_t kana = count[USCRIPT_HIRAGANA] + count[USCRIPT_KATAKANA];
    UScriptCode best = USCRIPT_COMMON;
    size_t bestn = 0;
    for (int s = 0; s < WT_NSCRIPTS; s++)
        if (count[s] > bestn) {
            bestn = count[s];
            best = (UScriptCode)s;
        }
    /* Japanese mixes kanji and kana; kana anywhere makes the Han Japanese. */
    if (kana && kana + count[USCRIPT_HAN] >= bestn)
        return USCRIPT_JAPANESE;
    return best;
}

/* The language a script alone suggests ("ko" for Hangul), or "und". */
static const char *script_lang(UScriptCode s)
{
    switch (s) {
    case USCRIPT_HANGUL:
    case USCRIPT_KOREAN: return "ko";
    case USCRIPT_JAPANESE:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA: return "ja";
    case USCRIPT_HAN:
    case USCRIPT_SIMPLIFIED_HAN:
    case USCRIPT_TRADITIONAL_HAN: return "zh";
    case USCRIPT_CYRILLIC: return "ru";
    case USCRIPT_ARABIC: return "ar";
    case USCRIPT_GREEK: return "el";
    case USCRIPT_HEBREW: return "he";
    case USCRIPT_THAI: return "th";
    case USCRIPT_DEVANAGARI: return "hi";
    case USCRIPT_GEORGIAN: return "ka";
    case USCRIPT_ARMENIAN: return "hy";
    default: return "und";
    }
}

/* Folds the script variants a profile may name into one. */
static UScriptCode script_base(UScriptCode s)
{
    switch (s) {
    case USCRIPT_KOREAN: return USCRIPT_HANGUL;
    case USCRIPT_SIMPLIFIED_HAN:
    case USCRIPT_TRADITIONAL_HAN: return USCRIPT_HAN;
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA: return USCRIPT_JAPANESE;
    default: return s;
    }
}

int wt_script_fits(UScriptCode want, UScriptCode got)
{
    want = script_base(want);
    got = script_base(got);
    /* A generic profile (script Zyyy) fits any script: its paragraphs
     * change language only on CLD2's sure word. */
    if (got == USCRIPT_COMMON || want == USCRIPT_INVALID_CODE ||
        want == USCRIPT_COMMON || want == got)
        return 1;
    /* Kanji-only lines in Japanese, hanja in Korean. */
    return got == USCRIPT_HAN &&
           (want == USCRIPT_JAPANESE || want == USCRIPT_HANGUL);
}

UScriptCode wt_script_from_code(const char *iso15924)
{
    const int32_t c = u_getPropertyValueEnum(UCHAR_SCRIPT, iso15924);
    if (c != UCHAR_INVALID_CODE)
        return (UScriptCode)c;
    if (!strcmp(iso15924, "Jpan"))
        return USCRIPT_JAPANESE;
    if (!strcmp(iso15924, "Kore"))
        return USCRIPT_KOREAN;
    return USCRIPT_INVALID_CODE;
}

int wt_langid_detect(const UChar *u, int32_t len, wt_langid *out)
{
    memset(out, 0, sizeof *out);
    out->script = wt_dominant_script(u, len, &out->letters);
    UErrorCode err = U_ZERO_ERROR;
    int32_t n8 = 0;
    u_strToUTF8WithSub(NULL, 0, &n8, u, len, 0xFFFD, NULL, &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
        return WT_EICU;
    char *s = wt_malloc((size_t)n8 + 1);
    if (!s)
        return WT_ENOMEM;
    err = U_ZERO_ERROR;
    u_strToUTF8WithSub(s, n8 + 1, NULL, u, len, 0xFFFD, NULL, &err);
    if (U_FAILURE(err)) {
        wt_free(s);
        return WT_EICU;
    }
    int tb = 0;
    wt_cld2_detect(s, n8, out->code, sizeof out->code, &out->percent,
                   &out->reliable, &tb, out->top);
    wt_free(s);
    if (!strcmp(out->code, "zh-Hant"))
        strcpy(out->code, "zh");
    for (int i = 0; i < 3; i++)
        if (!strcmp(out->top[i], "zh-Hant"))
            strcpy(out->top[i], "zh");
    if (!strcmp(out->code, "un") || out->percent < WT_CLD2_MIN_PERCENT) {
        snprintf(out->code, sizeof out->code, "%s", script_lang(out->script));
        out->by_script = 1;
        out->reliable = 0;
        out->percent = 0;
    }
    return 0;
}
