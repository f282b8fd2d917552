/*
 * input.c - byte decoding with an offset map.
 *
 * UTF-8 is decoded with ICU's U8_NEXT, which replaces each maximal ill-formed
 * subpart by one U+FFFD (the W3C/WHATWG practice); other charsets go through
 * ucnv_toUnicode, whose offsets array gives the source byte of every unit.
 */
#include "input.h"
#include "alloc.h"
#include "wiretrace.h"

#include <stdio.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

static int alloc_text(wt_text *t, size_t units)
{
    t->u = wt_malloc((units + 1) * sizeof *t->u);
    t->off = wt_malloc((units + 1) * sizeof *t->off);
    if (!t->u || !t->off) {
        wt_text_release(t);
        return WT_ENOMEM;
    }
    return 0;
}

static int decode_utf8(wt_text *t, const uint8_t *s, size_t n,
                       wt_decode_report *rep)
{
    size_t i = 0;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        i = 3;
        rep->had_bom = 1;
    }
    if (memchr(s, 0, n))
        return WT_ENOTTEXT;
    /* At most one UTF-16 unit per input byte. */
    int rc = alloc_text(t, n);
    if (rc)
        return rc;
    int32_t len = 0;
    int32_t pos = (int32_t)i;
    const int32_t end = (int32_t)n;
    while (pos < end) {
        const int32_t at = pos;
        UChar32 c;
        U8_NEXT(s, pos, end, c);
        if (c < 0) {
            if (rep->invalid_count++ == 0)
                rep->first_invalid = (size_t)at;
            c = 0xFFFD;
        }
        if (U_IS_BMP(c)) {
            t->off[len] = (uint32_t)at;
            t->u[len++] = (UChar)c;
        } else {
            t->off[len] = (uint32_t)at;
            t->u[len++] = U16_LEAD(c);
            t->off[len] = (uint32_t)at;
            t->u[len++] = U16_TRAIL(c);
        }
    }
    t->off[len] = (uint32_t)n;
    t->u[len] = 0;
    t->len = len;
    t->utf8 = !rep->invalid_count;
    snprintf(rep->charset, sizeof rep->charset, "UTF-8");
    return 0;
}

/* Drops a leading BOM, counts U+FFFD, and turns ICU's offsets into the
 * offset map: a unit without a source byte gets the one before it, so the
 * map stays monotonic and inside the file. */
static void finish_icu_text(wt_text *t, const int32_t *offs, size_t n,
                            wt_decode_report *rep)
{
    int32_t start = 0;
    if (t->len > 0 && t->u[0] == 0xFEFF) {
        start = 1; /* ICU's UTF-16 converter keeps no BOM, others may */
        rep->had_bom = 1;
    }
    uint32_t last = 0;
    for (int32_t i = start; i < t->len; i++) {
        const int32_t o = offs[i];
        if (o >= 0 && (size_t)o < n && (uint32_t)o >= last)
            last = (uint32_t)o;
        if (t->u[i] == 0xFFFD && rep->invalid_count++ == 0)
            rep->first_invalid = last;
        t->u[i - start] = t->u[i];
        t->off[i - start] = last;
    }
    t->len -= start;
    t->off[t->len] = (uint32_t)n;
    t->u[t->len] = 0;
}

/* Converts with ICU's offsets.  Units ICU gives no source byte for are
 * left at -1.  Returns the units written, or -1 on an ICU error. */
static int32_t convert(UConverter *cnv, const char *bytes, size_t n, UChar *u,
                       int32_t *offs, size_t cap)
{
    UErrorCode err = U_ZERO_ERROR;
    UChar *target = u;
    const char *source = bytes;
    for (size_t i = 0; i < cap; i++)
        offs[i] = -1;
    ucnv_toUnicode(cnv, &target, u + cap, &source, bytes + n, offs, 1, &err);
    return U_FAILURE(err) ? -1 : (int32_t)(target - u);
}

/* The same one byte at a time, for converters that fill no offsets
 * (x11-compound-text): the units that come out after byte k began at the
 * byte after the previous output, exactly as the offsets would say. */
static int32_t convert_bytewise(UConverter *cnv, const char *bytes, size_t n,
                                UChar *u, int32_t *offs, size_t cap)
{
    UErrorCode err = U_ZERO_ERROR;
    UChar *target = u;
    size_t begun = 0; /* where the sequence of the next unit began */
    ucnv_resetToUnicode(cnv);
    for (size_t k = 0; k < n && U_SUCCESS(err); k++) {
        const char *source = bytes + k;
        UChar *from = target;
        ucnv_toUnicode(cnv, &target, u + cap, &source, bytes + k + 1, NULL,
                       k + 1 == n, &err);
        for (UChar *p = from; p < target; p++)
            offs[p - u] = (int32_t)begun;
        if (target > from)
            begun = k + 1;
    }
    return U_FAILURE(err) ? -1 : (int32_t)(target - u);
}

static int decode_icu(wt_text *t, const char *bytes, size_t n,
                      const char *encoding, wt_decode_report *rep)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(encoding, &err);
    if (U_FAILURE(err))
        return WT_EINVAL;
    /* Two UTF-16 units per byte and some slack hold what ICU's charsets
     * produce; one that wanted more would stop with a buffer overflow,
     * reported as WT_EICU, never write past the end. */
    const size_t cap = n * 2 + 16;
    int rc = alloc_text(t, cap);
    if (rc)
        goto out;
    int32_t *offs = (int32_t *)t->off;
    int32_t len = convert(cnv, bytes, n, t->u, offs, cap);
    int32_t missing = 0;
    for (int32_t i = 0; i < len; i++)
        missing += offs[i] < 0;
    /* A few units without a source (a flushed state) are normal; a
     * converter that gives none at all is converted again, bytewise. */
    if (len > 0 && missing == len)
        len = convert_bytewise(cnv, bytes, n, t->u, offs, cap);
    if (len < 0) {
        wt_text_release(t);
        rc = WT_EICU;
        goto out;
    }
    t->len = len;
    finish_icu_text(t, offs, n, rep);
    /* The name belongs to the converter: copied before it is closed. */
    const char *name = ucnv_getName(cnv, &err);
    snprintf(rep->charset, sizeof rep->charset, "%s",
             U_SUCCESS(err) && name ? name : encoding);
out:
    ucnv_close(cnv);
    return rc;
}

/* The charset a byte order mark names, or NULL.  UTF-32LE's mark starts
 * with UTF-16LE's, so it is tried first. */
static const char *bom_charset(const uint8_t *s, size_t n)
{
    if (n >= 4 && ((s[0] == 0xFF && s[1] == 0xFE && !s[2] && !s[3]) ||
                   (!s[0] && !s[1] && s[2] == 0xFE && s[3] == 0xFF)))
        return "UTF-32";
    if (n >= 2 &&
        ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
        return "UTF-16";
    return NULL;
}

int wt_text_decode(wt_text *out, const char *bytes, size_t n,
                   const char *encoding, wt_decode_report *rep)
{
    memset(out, 0, sizeof *out);
    memset(rep, 0, sizeof *rep);
    if (n > (size_t)INT32_MAX / 2)
        return WT_EINVAL;
    const uint8_t *s = (const uint8_t *)bytes;
    if (!encoding && (encoding = bom_charset(s, n)) != NULL)
        rep->had_bom = 1;
    if (!encoding || !strcmp(encoding, "UTF-8") || !strcmp(encoding, "utf-8"))
        return decode_utf8(out, s, n, rep);
    return decode_icu(out, bytes, n, encoding, rep);
}

void wt_text_release(wt_text *t)
{
    if (!t)
        return;
    wt_free(t->u);
    wt_free(t->off);
    wt_free(t->marks);
    memset(t, 0, sizeof *t);
}

/* The bytes of unit i of text decoded from valid UTF-8: a surrogate pair's
 * four go to its second unit (both start at the same byte). */
static uint32_t unit_bytes(const UChar *u, int32_t i)
{
    const UChar c = u[i];
    if (c < 0x80)
        return 1;
    if (c < 0x800)
        return 2;
    if (U16_IS_LEAD(c))
        return 0;
    return U16_IS_TRAIL(c) ? 4 : 3;
}

int wt_text_compact(wt_text *t)
{
    if (!t->utf8 || !t->off)
        return 0;
    const size_t n = (size_t)t->len / WT_TEXT_MARK + 1;
    uint32_t *m = wt_malloc(n * sizeof *m);
    if (!m)
        return WT_ENOMEM;
    for (size_t k = 0; k < n; k++)
        m[k] = t->off[k * WT_TEXT_MARK];
    wt_free(t->off);
    t->off = NULL;
    t->marks = m;
    return 0;
}

uint32_t wt_text_off_marked(const wt_text *t, int32_t i)
{
    int32_t j = i - i % WT_TEXT_MARK;
    uint32_t o = t->marks[j / WT_TEXT_MARK];
    for (; j < i; j++)
        o += unit_bytes(t->u, j);
    return o;
}

/* wt_text_index_at() on a compact text: the last mark below byte, then
 * unit by unit. */
static int32_t index_at_marked(const wt_text *t, size_t byte)
{
    int32_t lo = 0, hi = t->len / WT_TEXT_MARK + 1;
    while (lo < hi) { /* the first mark >= byte */
        const int32_t mid = lo + (hi - lo) / 2;
        if (t->marks[mid] < byte)
            lo = mid + 1;
        else
            hi = mid;
    }
    int32_t j = lo ? (lo - 1) * WT_TEXT_MARK : 0;
    uint32_t o = t->marks[j / WT_TEXT_MARK];
    for (; j < t->len && o < byte; j++)
        o += unit_bytes(t->u, j);
    return j;
}

int32_t wt_text_index_at(const wt_text *t, size_t byte)
{
    if (!t->off)
        return index_at_marked(t, byte);
    int32_t lo = 0, hi = t->len;
    while (lo < hi) {
        const int32_t mid = lo + (hi - lo) / 2;
        if (t->off[mid] < byte)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
