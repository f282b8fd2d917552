/* jsonw.c - JSON written as jansson would dump it (see jsonw.h). */
#include "jsonw.h"
#include "slice.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void jsonw_init(jsonw *w, int indent, unsigned base)
{
    memset(w, 0, sizeof *w);
    w->indent = indent;
    w->base = base;
}

void jsonw_release(jsonw *w)
{
    free(w->buf);
    w->buf = NULL;
    w->len = w->cap = 0;
}

/* Room for n more bytes. */
static int room(jsonw *w, size_t n)
{
    if (w->failed)
        return -1;
    if (w->len + n <= w->cap)
        return 0;
    size_t cap = w->cap ? 2 * w->cap : 256;
    while (cap < w->len + n)
        cap *= 2;
    char *b = realloc(w->buf, cap);
    if (!b) {
        w->failed = 1;
        return -1;
    }
    w->buf = b;
    w->cap = cap;
    return 0;
}

void jsonw_raw(jsonw *w, const char *s, size_t n)
{
    if (room(w, n))
        return;
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

/* jansson's dump_indent: a new line at depth d when indenting, nothing
 * when compact (the only two forms written here). */
static void newline(jsonw *w, unsigned d)
{
    if (!w->indent || room(w, 1 + d))
        return;
    w->buf[w->len++] = '\n';
    memset(w->buf + w->len, ' ', d);
    w->len += d;
}

/* What goes before a value or a key: nothing for the first value or
 * after a key; in a container, the comma and the line of its elements. */
static void element(jsonw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (!w->open)
        return;
    unsigned *n = &w->n[w->open - 1];
    if (*n)
        jsonw_raw(w, ",", 1);
    newline(w, w->base + w->open);
    ++*n;
}

static void open_container(jsonw *w, char c)
{
    element(w);
    if (w->open == JSONW_MAX_DEPTH) {
        w->failed = 1;
        return;
    }
    jsonw_raw(w, &c, 1);
    w->n[w->open++] = 0;
}

static void close_container(jsonw *w, char c)
{
    if (!w->open) {
        w->failed = 1;
        return;
    }
    if (w->n[w->open - 1])
        newline(w, w->base + w->open - 1);
    w->open--;
    jsonw_raw(w, &c, 1);
}

void jsonw_object(jsonw *w) { open_container(w, '{'); }
void jsonw_object_end(jsonw *w) { close_container(w, '}'); }
void jsonw_array(jsonw *w) { open_container(w, '['); }
void jsonw_array_end(jsonw *w) { close_container(w, ']'); }

/* s in quotes, escaped as jansson's dump_string escapes valid UTF-8:
 * the quote, the backslash and C0 controls, nothing else. */
static void quoted(jsonw *w, const char *s)
{
    jsonw_raw(w, "\"", 1);
    const char *run = s;
    for (const char *p = s;; p++) {
        const unsigned char c = (unsigned char)*p;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        jsonw_raw(w, run, (size_t)(p - run));
        if (!c)
            break;
        char esc[8];
        const char *short_form = c == '"'    ? "\\\""
                                 : c == '\\' ? "\\\\"
                                 : c == '\b' ? "\\b"
                                 : c == '\f' ? "\\f"
                                 : c == '\n' ? "\\n"
                                 : c == '\r' ? "\\r"
                                 : c == '\t' ? "\\t"
                                             : NULL;
        if (short_form)
            jsonw_raw(w, short_form, 2);
        else
            jsonw_raw(w, esc, (size_t)snprintf(esc, sizeof esc, "\\u%04X", c));
        run = p + 1;
    }
    jsonw_raw(w, "\"", 1);
}

static int valid_utf8(const char *s)
{
    for (size_t n; *s; s += n)
        if (!(n = utf8_seq(s)))
            return 0;
    return 1;
}

void jsonw_key(jsonw *w, const char *k)
{
    element(w);
    quoted(w, k);
    jsonw_raw(w, w->indent ? ": " : ":", w->indent ? 2 : 1);
    w->after_key = 1;
}

void jsonw_str(jsonw *w, const char *s)
{
    if (!s) {
        jsonw_null(w);
        return;
    }
    element(w);
    if (valid_utf8(s)) {
        quoted(w, s);
        return;
    }
    char *e = utf8_escape(s);
    if (e)
        quoted(w, e);
    else
        w->failed = 1;
    free(e);
}

void jsonw_int(jsonw *w, long long v)
{
    char b[32];
    element(w);
    jsonw_raw(w, b, (size_t)snprintf(b, sizeof b, "%lld", v));
}

/* jansson's jsonp_dtostr at precision 4: "%.4g" in the C form, ".0" when
 * it would read as an integer, no "+" or leading zeros in the exponent. */
void jsonw_real(jsonw *w, double v)
{
    element(w);
    if (!isfinite(v)) {
        w->failed = 1;
        return;
    }
    char b[64];
    int n = snprintf(b, sizeof b - 3, "%.4g", v);
    const char point = localeconv()->decimal_point[0];
    char *p = point && point != '.' ? strchr(b, point) : NULL;
    if (p)
        *p = '.';
    if (!strchr(b, '.') && !strchr(b, 'e')) {
        memcpy(b + n, ".0", 3);
        n += 2;
    }
    char *start = strchr(b, 'e');
    if (start) {
        start++;
        char *end = start + 1;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, (size_t)(b + n + 1 - end));
            n -= (int)(end - start);
        }
    }
    jsonw_raw(w, b, (size_t)n);
}

void jsonw_bool(jsonw *w, int v)
{
    element(w);
    jsonw_raw(w, v ? "true" : "false", v ? 4 : 5);
}

void jsonw_null(jsonw *w)
{
    element(w);
    jsonw_raw(w, "null", 4);
}

void jsonw_kstr(jsonw *w, const char *k, const char *v)
{
    jsonw_key(w, k);
    jsonw_str(w, v);
}

void jsonw_kint(jsonw *w, const char *k, long long v)
{
    jsonw_key(w, k);
    jsonw_int(w, v);
}

void jsonw_kreal(jsonw *w, const char *k, double v)
{
    jsonw_key(w, k);
    jsonw_real(w, v);
}

void jsonw_kbool(jsonw *w, const char *k, int v)
{
    jsonw_key(w, k);
    jsonw_bool(w, v);
}
