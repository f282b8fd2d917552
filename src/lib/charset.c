/*
 * charset.c - charset sniffing for web pages.  The declaration is looked
 * for as the WHATWG prescan does, by bytes, before anything is decoded:
 * every charset a page may declare keeps ASCII in ASCII's bytes.
 */
#include "charset.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

enum { PRESCAN = 4096, DETECT_MAX = 65536 };

/* Copies the charset name that follows "charset" at s (up to end). */
static int name_after(const char *s, const char *end, char *out, size_t cap)
{
    while (s < end && (*s == ' ' || *s == '='))
        s++;
    while (s < end && (*s == '"' || *s == '\''))
        s++;
    size_t o = 0;
    while (s < end && o + 1 < cap &&
           (isalnum((unsigned char)*s) || strchr("-_:.", *s)))
        out[o++] = *s++;
    out[o] = '\0';
    return o > 0;
}

/* The tag that position p of the lower-cased prescan text lies in. */
static int in_tag(const char *low, size_t p, const char *tag)
{
    while (p > 0 && low[p] != '<' && low[p] != '>')
        p--;
    return low[p] == '<' && !strncmp(low + p + 1, tag, strlen(tag));
}

static int declared_name(const char *b, size_t n, char *out, size_t cap)
{
    char low[PRESCAN + 1];
    const size_t m = n < PRESCAN ? n : PRESCAN;
    for (size_t i = 0; i < m; i++)
        low[i] = b[i] ? (char)tolower((unsigned char)b[i]) : ' ';
    low[m] = '\0';
    for (const char *p = low; (p = strstr(p, "charset")); p += 7)
        if ((in_tag(low, (size_t)(p - low), "meta")) &&
            name_after(p + 7, low + m, out, cap))
            return 1;
    const char *x = strstr(low, "<?xml");
    const char *e = x ? strstr(x, "encoding") : NULL;
    return e && e < low + m && name_after(e + 8, low + m, out, cap);
}

/* The name ICU should use for a declared charset, or "" when none. */
static void usable_name(char *name, size_t cap)
{
    if (!strcmp(name, "iso-8859-1") || !strcmp(name, "us-ascii") ||
        !strcmp(name, "ascii") || !strcmp(name, "latin1"))
        snprintf(name, cap, "windows-1252");
    /* A page read as bytes cannot be UTF-16; browsers take UTF-8. */
    if (!strncmp(name, "utf-16", 6) || !strcmp(name, "utf8"))
        snprintf(name, cap, "UTF-8");
    if (!strcmp(name, "utf-8"))
        snprintf(name, cap, "UTF-8");
    UErrorCode err = U_ZERO_ERROR;
    UConverter *c = ucnv_open(name, &err);
    if (U_FAILURE(err))
        name[0] = '\0';
    ucnv_close(c);
}

static int valid_utf8(const char *b, size_t n)
{
    const uint8_t *s = (const uint8_t *)b;
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 0x80) {
            int32_t at = (int32_t)i;
            UChar32 c;
            U8_NEXT(s, at, (int32_t)n, c);
            if (c < 0)
                return 0;
            i = (size_t)at - 1;
        }
    return 1;
}

static void detect(const char *b, size_t n, char *out, size_t cap)
{
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&err);
    ucsdet_setText(d, b, (int32_t)(n < DETECT_MAX ? n : DETECT_MAX), &err);
    const UCharsetMatch *m = ucsdet_detect(d, &err);
    const char *name = m ? ucsdet_getName(m, &err) : NULL;
    snprintf(out, cap, "%s", U_SUCCESS(err) && name ? name : "windows-1252");
    ucsdet_close(d);
    /* ISO-8859-1 as the detector names it is read as browsers do. */
    if (!strcmp(out, "ISO-8859-1"))
        snprintf(out, cap, "windows-1252");
}

void wt_charset_sniff(const char *b, size_t n, char *out, size_t cap,
                      int *declared)
{
    const unsigned char *s = (const unsigned char *)b;
    *declared = 0;
    out[0] = '\0';
    if (n >= 2 &&
        ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF) ||
         (n >= 4 && !s[0] && !s[1] && s[2] == 0xFE && s[3] == 0xFF)))
        return;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        snprintf(out, cap, "UTF-8");
        return;
    }
    if (declared_name(b, n, out, cap)) {
        usable_name(out, cap);
        *declared = out[0] != '\0';
        if (*declared)
            return;
    }
    if (valid_utf8(b, n))
        snprintf(out, cap, "UTF-8");
    else
        detect(b, n, out, cap);
}
