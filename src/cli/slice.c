/* slice.c - text slices that keep the spaces at their edges, and where
 * to cut UTF-8. */
#include "slice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* White space as the file's bytes show it.  Only ASCII white space is
 * looked at: it is what separates words and wraps lines in practice. */
static int space_at(const char *b, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    const char c = b[i];
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

char *text_slice(const wt_document *d, size_t s, size_t e)
{
    if (s >= e)
        return calloc(1, 1);
    size_t len;
    const char *bytes = wt_document_bytes(d, &len);
    const int lead = space_at(bytes, len, s);
    const int trail = space_at(bytes, len, e - 1);
    char *t = NULL;
    if (wt_document_text(d, s, e, &t))
        return NULL;
    const size_t n = strlen(t);
    char *r = malloc(n + 3);
    if (!r) {
        free(t);
        return NULL;
    }
    if (!n) {
        strcpy(r, lead || trail ? " " : "");
    } else {
        size_t o = 0;
        if (lead)
            r[o++] = ' ';
        memcpy(r + o, t, n);
        o += n;
        if (trail)
            r[o++] = ' ';
        r[o] = '\0';
    }
    free(t);
    return r;
}

size_t utf8_prefix(const char *s, size_t n)
{
    size_t i = 0;
    for (; s[i] && n; n--)
        for (i++; (s[i] & 0xC0) == 0x80; i++)
            ;
    return i;
}

size_t utf8_seq(const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    const unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned long cp, min;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, cp = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, cp = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, cp = c & 0x07, min = 0x10000;
    else
        return 0;
    for (size_t i = 1; i < n; i++) { /* stops at the terminating NUL */
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* The length of the character at p when it is to be shown escaped: an
 * invalid byte, a C0 control or DEL (1), a C1 control U+0080-U+009F (2);
 * 0 when it prints as it is.  ESC and CSI are how text takes over a
 * terminal. */
static size_t to_escape(const char *p, size_t *seq)
{
    const unsigned char c = (unsigned char)*p;
    *seq = utf8_seq(p);
    if (!*seq || c < 0x20 || c == 0x7f)
        return 1;
    if (c == 0xc2 && (unsigned char)p[1] >= 0x80 && (unsigned char)p[1] <= 0x9f)
        return 2;
    return 0;
}

char *utf8_escape(const char *s)
{
    size_t extra = 0, seq;
    for (const char *p = s; *p;) {
        const size_t e = to_escape(p, &seq);
        extra += 3 * e;
        p += e ? e : seq;
    }
    char *r = malloc(strlen(s) + extra + 1);
    if (!r)
        return NULL;
    char *o = r;
    for (const char *p = s; *p;) {
        const size_t e = to_escape(p, &seq);
        for (size_t i = 0; i < e; i++)
            o += sprintf(o, "\\x%02X", (unsigned char)*p++);
        if (!e) {
            memcpy(o, p, seq);
            o += seq;
            p += seq;
        }
    }
    *o = '\0';
    return r;
}

int safe_text(const wt_document *d, size_t s, size_t e, char **out)
{
    char *t = NULL;
    const int rc = wt_document_text(d, s, e, &t);
    if (rc)
        return rc;
    *out = utf8_escape(t);
    free(t);
    return *out ? 0 : WT_ENOMEM;
}

char *memstream_text(FILE *out, char **buf)
{
    const int bad = ferror(out);
    /* The buffer is only set for good when the stream is closed. */
    if (fclose(out) || bad) {
        free(*buf);
        return NULL;
    }
    return *buf;
}

size_t linked_paragraphs(const wt_document *d, size_t *text)
{
    size_t with = 0;
    *text = 0;
    for (size_t i = 0; i < wt_document_paragraph_count(d); i++) {
        const wt_paragraph *p = wt_document_paragraph(d, i);
        *text += p->boiler == WT_BOILER_NONE;
        for (size_t k = 0; k < p->source_count; k++)
            if (p->sources[k].cls != WT_CLASS_DUPLICATE) {
                with++;
                break;
            }
    }
    return with;
}

char *credit_list(const wt_document *d, int bytes)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out)
        return NULL;
    int first = 1;
    for (size_t i = 0; i < wt_document_credit_count(d); i++) {
        const wt_credit *cr = wt_document_credit(d, i);
        if (cr->own)
            continue;
        char *name = utf8_escape(cr->outlet);
        fprintf(out, "%s%s (%s", first ? "" : "; ", name ? name : "?",
                wt_credit_kind_name(cr->kind));
        if (bytes)
            fprintf(out, ", bytes %zu-%zu", cr->start, cr->end);
        fputc(')', out);
        free(name);
        first = 0;
    }
    return memstream_text(out, &buf);
}

void html_put(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*s, out);
        }
    }
}
