/* slice.c - text slices that keep the spaces at their edges, and where
 * to cut UTF-8. */
#include "slice.h"

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
