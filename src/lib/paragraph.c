/*
 * paragraph.c - paragraph segmentation, header block, boilerplate flags.
 *
 * The join rule for hard wraps: two lines of one block belong together when
 * the first does not end a sentence and neither is boilerplate on its own,
 * and either the second starts in lower case or the first ends with a comma
 * or hyphen, or the document separates paragraphs with blank lines and the
 * first line is long (a wrapped line, not a headline).  A line that starts
 * with a control character (wire copy's paragraph mark) is never joined.
 */
#define _DEFAULT_SOURCE
#include "paragraph.h"
#include "tuning.h"
#include "alloc.h"
#include "wiretrace.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

typedef struct line {
    int32_t start, end; /* trimmed */
    int blank;
    int indent; /* the line began with white space */
} line;

/* ASCII first: most text is, and ICU's property lookup is not free. */
static int is_space(UChar c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return u_isUWhiteSpace(c) || c == 0xFEFF;
}

static int is_newline(UChar c)
{
    return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x0B ||
           c == 0x0C || c == 0x85;
}

static int split_lines(const wt_text *t, line **out, size_t *count)
{
    size_t cap = 0, n = 0;
    line *v = NULL;
    int32_t i = 0;
    while (i < t->len) {
        int32_t s = i;
        const int32_t line_start = i;
        while (i < t->len && !is_newline(t->u[i]))
            i++;
        int32_t e = i;
        if (i < t->len && t->u[i] == '\r' && i + 1 < t->len &&
            t->u[i + 1] == '\n')
            i++;
        if (i < t->len)
            i++;
        while (s < e && is_space(t->u[s]))
            s++;
        while (e > s && is_space(t->u[e - 1]))
            e--;
        if (wt_grow(&v, &cap, n + 1, sizeof *v)) {
            wt_free(v);
            return WT_ENOMEM;
        }
        v[n++] = (line){s, e, s == e, s > line_start};
    }
    *out = v;
    *count = n;
    return 0;
}

/* Last code point of [s, e) that is not a closing quote or bracket. */
static UChar32 last_char(const UChar *u, int32_t s, int32_t e)
{
    while (e > s) {
        UChar32 c;
        U16_PREV(u, s, e, c);
        const int8_t t = u_charType(c);
        if (t != U_FINAL_PUNCTUATION && t != U_END_PUNCTUATION && c != '"' &&
            c != '\'')
            return c;
    }
    return 0;
}

static int ends_sentence(const UChar *u, const line *l)
{
    const UChar32 c = last_char(u, l->start, l->end);
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
           c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x2026 ||
           u_hasBinaryProperty(c, UCHAR_S_TERM);
}

static int boiler_kind(const UChar *s, int32_t len, const wt_profile *prof,
                       int generic);

static int joinable(const wt_text *t, const line *a, const line *b,
                    int blank_separated, const wt_profile *prof)
{
    if (ends_sentence(t->u, a))
        return 0;
    const UChar32 last = last_char(t->u, a->start, a->end);
    UChar32 first;
    U16_GET(t->u, 0, b->start, t->len, first);
    /* Wire copy marks a new paragraph with a control character at the
     * start of its line (PA's ^Y after the "<" line end, IPTC 7901 tabs
     * aside): never join across it. */
    if (u_iscntrl(first) && first != '\t')
        return 0;
    const int cont =
        u_islower(first) || u_isdigit(first) || last == ',' || last == '-' ||
        (blank_separated && a->end - a->start >= WT_WRAPPED_LINE_MIN);
    if (!cont)
        return 0;
    /* 1 = join, 0 = not, negative = WT_ENOMEM from boiler_kind. */
    const int ka = boiler_kind(t->u + a->start, a->end - a->start, prof, 0);
    if (ka)
        return ka < 0 ? ka : 0;
    const int kb = boiler_kind(t->u + b->start, b->end - b->start, prof, 0);
    return kb < 0 ? kb : !kb;
}

/* Copies s with runs of white space folded to one space, stopping once
 * the copy holds more than max units besides trailing space (then
 * *out_len is above max): no rule looks at a longer line. */
static UChar *fold_space(const UChar *s, int32_t len, int32_t max,
                         int32_t *out_len)
{
    const int32_t cap = len < max + 2 ? len : max + 2;
    UChar *f = wt_malloc(((size_t)cap + 1) * sizeof *f);
    if (!f)
        return NULL;
    int32_t o = 0;
    for (int32_t i = 0; i < len; i++) {
        if (!is_space(s[i]) && !is_newline(s[i])) {
            f[o++] = s[i];
            if (o > max)
                break;
        } else if (o > 0 && f[o - 1] != ' ') {
            f[o++] = ' ';
        }
    }
    while (o > 0 && f[o - 1] == ' ')
        o--;
    f[o] = 0;
    *out_len = o;
    return f;
}

static int is_short_label(const UChar *f, int32_t len)
{
    if (len == 0 || len > 40)
        return 0;
    const line l = {0, len, 0};
    if (ends_sentence(f, &l))
        return 0;
    int words = 1;
    for (int32_t i = 0; i < len; i++)
        words += f[i] == ' ';
    return words <= WT_LABEL_MAX_WORDS;
}

int wt_paragraph_boiler(const UChar *s, int32_t len, const wt_profile *prof)
{
    return boiler_kind(s, len, prof, 1);
}

/* generic: also apply the short-label rule (not for single lines that
 * may be the start of a wrapped paragraph). */
static int boiler_kind(const UChar *s, int32_t len, const wt_profile *prof,
                       int generic)
{
    int32_t fl = 0;
    int kind = WT_BOILER_NONE;
    UChar *f = fold_space(s, len, WT_BOILER_MAX_UNITS, &fl);
    if (!f)
        return WT_ENOMEM;
    /* Boilerplate is short: a longer paragraph is text, and is spared the
     * patterns, whose backtracking ("^.{20,}...{AGENCY}$") costs most on
     * long paragraphs. */
    const int short_enough = fl <= WT_BOILER_MAX_UNITS;
    /* Only the patterns whose literals are in the text can match. */
    uint64_t may[WT_PATTERNS_MAX / 64];
    int rc = prof && short_enough ? wt_profile_screen(prof, 0, f, fl, may) : 0;
    for (size_t i = 0;
         prof && short_enough && !rc && i < prof->nboiler && !kind; i++) {
        if (!wt_profile_may(may, i) ||
            !wt_pattern_gate(&prof->boiler[i], f, fl))
            continue;
        if (wt_pattern_find(&prof->boiler[i], f, fl, 0))
            kind = prof->boiler[i].kind;
    }
    if (!kind && generic && is_short_label(f, fl))
        kind = WT_BOILER_LABEL;
    wt_free(f);
    return rc ? rc : kind;
}

int wt_parse_iso8601(const char *s, int64_t *out)
{
    int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3)
        return WT_EINVAL;
    s += n;
    if ((*s == 'T' || *s == ' ') &&
        sscanf(s + 1, "%2d:%2d%n", &h, &mi, &n) == 2) {
        s += 1 + n;
        if (*s == ':' && sscanf(s + 1, "%2d%n", &sec, &n) == 1)
            s += 1 + n;
        if (*s == '.')
            while (*++s >= '0' && *s <= '9')
                ;
    }
    long tz = 0;
    int th, tm = 0;
    if (*s == '+' || *s == '-') {
        if (sscanf(s + 1, "%2d:%2d", &th, &tm) < 1 &&
            sscanf(s + 1, "%2d%2d", &th, &tm) < 1)
            return WT_EINVAL;
        tz = (*s == '-' ? -1 : 1) * (th * 3600L + tm * 60L);
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
        return WT_EINVAL;
    struct tm t = {0};
    t.tm_year = y - 1900;
    t.tm_mon = mo - 1;
    t.tm_mday = d;
    t.tm_hour = h;
    t.tm_min = mi;
    t.tm_sec = sec;
    *out = (int64_t)timegm(&t) - tz;
    return 0;
}

int wt_parse_time(const char *s, int64_t *out)
{
    if (!s || !out)
        return WT_EINVAL;
    return wt_parse_iso8601(s, out);
}

static const char *const header_keys[] = {"date",   "published", "outlet",
                                          "source", "title",     "url",
                                          "lang",   "language",  "author"};

/* If [s, e) is "Key: value" with a known key, returns the key's index and
 * the value's range. */
static int header_line(const UChar *u, int32_t s, int32_t e, int32_t *vs)
{
    int32_t colon = s;
    while (colon < e && colon - s < 12 && u[colon] != ':')
        colon++;
    if (colon >= e || u[colon] != ':')
        return -1;
    char key[16];
    int32_t k = 0;
    for (int32_t i = s; i < colon; i++)
        key[k++] = (char)u_tolower(u[i] < 128 ? u[i] : '?');
    key[k] = '\0';
    for (size_t i = 0; i < sizeof header_keys / sizeof *header_keys; i++)
        if (!strcmp(key, header_keys[i])) {
            *vs = colon + 1;
            while (*vs < e && is_space(u[*vs]))
                (*vs)++;
            return (int)i;
        }
    return -1;
}

static char *to_utf8(const UChar *u, int32_t len)
{
    UErrorCode err = U_ZERO_ERROR;
    char *s = wt_malloc((size_t)len * 3 + 1);
    if (s)
        u_strToUTF8(s, len * 3 + 1, NULL, u, len, &err);
    return s;
}

static int store_header(wt_header *h, int key, const UChar *v, int32_t n)
{
    char *s = to_utf8(v, n);
    if (!s)
        return WT_ENOMEM;
    char **slot = NULL;
    switch (key) {
    case 0:
    case 1: wt_parse_iso8601(s, &h->published); break;
    case 2:
    case 3: slot = &h->outlet; break;
    case 4: slot = &h->title; break;
    case 5: slot = &h->url; break;
    case 6:
    case 7: slot = &h->lang; break;
    default: break;
    }
    if (slot && !*slot) {
        *slot = s;
        return 0;
    }
    wt_free(s);
    return 0;
}

/* Reads the header block; returns the index of the first line after it. */
static size_t read_header(const wt_text *t, const line *lines, size_t n,
                          wt_header *h, int *rc)
{
    size_t i = 0;
    int32_t vs;
    *rc = 0;
    while (i < n && lines[i].blank)
        i++;
    const size_t first = i;
    while (i < n && !lines[i].blank &&
           header_line(t->u, lines[i].start, lines[i].end, &vs) >= 0)
        i++;
    if (i == first || (i < n && !lines[i].blank))
        return 0; /* no header block: the first block has other lines */
    for (size_t j = first; j < i && !*rc; j++) {
        const int key = header_line(t->u, lines[j].start, lines[j].end, &vs);
        *rc = store_header(h, key, t->u + vs, lines[j].end - vs);
    }
    return i;
}

void wt_header_release(wt_header *h)
{
    wt_free(h->outlet);
    wt_free(h->title);
    wt_free(h->url);
    wt_free(h->lang);
    memset(h, 0, sizeof *h);
}

int wt_header_read(const wt_text *t, wt_header *hdr, int32_t *body)
{
    line *lines = NULL;
    size_t nl = 0;
    int rc = 0;
    memset(hdr, 0, sizeof *hdr);
    *body = 0;
    if ((rc = split_lines(t, &lines, &nl)))
        return rc;
    const size_t first_body = read_header(t, lines, nl, hdr, &rc);
    if (!rc && first_body > 0)
        *body = first_body < nl ? lines[first_body].start : t->len;
    wt_free(lines);
    if (rc)
        wt_header_release(hdr);
    return rc;
}

int wt_paragraphs_split(const wt_text *t, int32_t body, const wt_profile *prof,
                        wt_para_range **out, size_t *count)
{
    line *lines = NULL;
    size_t nl = 0, cap = 0, n = 0, i = 0;
    wt_para_range *v = NULL;
    int rc = split_lines(t, &lines, &nl);
    if (rc)
        return rc;
    while (i < nl && lines[i].start < body)
        i++;
    int blank_separated = 0;
    size_t indented = 0, flush = 0;
    for (size_t j = i; j + 1 < nl; j++)
        blank_separated |= !lines[j].blank && lines[j + 1].blank;
    for (size_t j = i + 1; j < nl; j++)
        if (!lines[j].blank)
            lines[j].indent ? indented++ : flush++;
    /* Wire copy without blank lines (Reuters, AP) starts each paragraph
     * with an indented line: a flush line continues the paragraph. */
    const int indent_marked =
        !blank_separated && indented >= WT_INDENT_MIN && flush >= WT_INDENT_MIN;
    for (; i < nl && !rc; i++) {
        if (lines[i].blank)
            continue;
        wt_para_range p = {lines[i].start, lines[i].end, 0};
        int join = 0;
        while (i + 1 < nl && !lines[i + 1].blank &&
               (indent_marked ? !lines[i + 1].indent
                              : (join = joinable(t, &lines[i], &lines[i + 1],
                                                 blank_separated, prof)) > 0))
            p.end = lines[++i].end;
        p.boiler = join < 0 ? join
                            : wt_paragraph_boiler(t->u + p.start,
                                                  p.end - p.start, prof);
        if (p.boiler < 0) {
            rc = p.boiler;
            break;
        }
        if ((rc = wt_grow(&v, &cap, n + 1, sizeof *v)))
            break;
        v[n++] = p;
    }
    wt_free(lines);
    if (rc) {
        wt_free(v);
        return rc;
    }
    /* A lone name is an author line only near the end of a story; earlier
     * it is more likely a place ("Ewood Park") or a heading. */
    for (size_t j = 0; j + WT_AUTHOR_TAIL < n; j++)
        if (v[j].boiler == WT_BOILER_AUTHOR)
            v[j].boiler = WT_BOILER_NONE;
    *out = v;
    *count = n;
    return 0;
}
