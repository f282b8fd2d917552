/*
 * page.c - a web page in, its article out as wt_text.  The order is
 * charset, decoding (input.c, which keeps each unit's byte offset), the
 * tree and its blocks (html.c), metadata (html_meta.c), the profile of
 * the page's language, the article's blocks (html_main.c).
 */
#include "page.h"
#include "alloc.h"
#include "charset.h"
#include "tuning.h"
#include "wiretrace.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

int wt_page_is_gzip(const char *b, size_t n)
{
    return n >= 3 && (unsigned char)b[0] == 0x1F &&
           (unsigned char)b[1] == 0x8B && b[2] == 8;
}

/* Does b[0, n) hold "<html" (any case)? */
static int has_html_tag(const char *b, size_t n)
{
    for (size_t i = 0; i + 5 <= n; i++)
        if (b[i] == '<' && !strncasecmp(b + i + 1, "html", 4))
            return 1;
    return 0;
}

static int looks_html(const char *b, size_t n);

/* A page saved as UTF-16 with its byte order mark: the ASCII characters
 * of its start, in one byte each, are sniffed as a page in bytes. */
static int utf16_is_html(const char *b, size_t n)
{
    const unsigned char *s = (const unsigned char *)b;
    const int be = s[0] == 0xFE;
    char a[1024];
    size_t k = 0;
    for (size_t i = 2; i + 1 < n && k < sizeof a; i += 2) {
        const unsigned char lo = s[i + be], hi = s[i + !be];
        a[k++] = hi || lo >= 0x80 ? '?' : (char)lo;
    }
    return looks_html(a, k);
}

int wt_page_is_html(const char *b, size_t n)
{
    const unsigned char *s = (const unsigned char *)b;
    if (n >= 2 &&
        ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)) &&
        !(n >= 4 && s[0] == 0xFF && !s[2] && !s[3])) /* UTF-32LE */
        return utf16_is_html(b, n);
    return looks_html(b, n);
}

static int looks_html(const char *b, size_t n)
{
    static const char *const starts[] = {"<!doctype html",
                                         "<html",
                                         "<head",
                                         "<body",
                                         "<meta",
                                         "<title",
                                         "<script",
                                         "<style",
                                         "<link",
                                         "<!--",
                                         "<div",
                                         "<p>",
                                         "<p ",
                                         "<article",
                                         "<table",
                                         "<h1",
                                         "<iframe",
                                         "<br",
                                         "<?xml"};
    size_t i = 0;
    if (n >= 3 && !memcmp(b, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < n && isspace((unsigned char)b[i]))
        i++;
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
        const size_t len = strlen(starts[k]);
        if (n - i >= len && !strncasecmp(b + i, starts[k], len))
            return strcmp(starts[k], "<?xml") ||
                   has_html_tag(b + i, n - i < 1024 ? n - i : 1024);
    }
    return 0;
}

/* Doubles buf up to max + 2 bytes; WT_EINVAL past that. */
static int grow_to(char **buf, size_t *cap, size_t max)
{
    if (*cap >= max + 2)
        return WT_EINVAL;
    const size_t c = *cap * 2 < max + 2 ? *cap * 2 : max + 2;
    char *b = wt_realloc(*buf, c);
    if (!b)
        return WT_ENOMEM;
    *buf = b;
    *cap = c;
    return 0;
}

int wt_page_gunzip(const char *b, size_t n, size_t max, char **out, size_t *len,
                   int *truncated)
{
    z_stream z = {0};
    size_t cap = n * 4 + 1024 < max + 2 ? n * 4 + 1024 : max + 2, o = 0;
    *out = NULL;
    *len = 0;
    *truncated = 0;
    char *buf = wt_malloc(cap);
    if (!buf)
        return WT_ENOMEM;
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
        wt_free(buf);
        return WT_ENOMEM;
    }
    int rc = 0, zr = Z_OK;
    z.next_in = (Bytef *)b;
    z.avail_in = (uInt)(n < UINT32_MAX ? n : UINT32_MAX);
    while (zr == Z_OK && !rc) {
        if (o + 1 >= cap && (rc = grow_to(&buf, &cap, max)))
            break;
        z.next_out = (Bytef *)buf + o;
        z.avail_out = (uInt)(cap - o - 1);
        zr = inflate(&z, Z_NO_FLUSH);
        o = cap - 1 - z.avail_out;
        if (zr == Z_BUF_ERROR && z.avail_out)
            break; /* the input ended before the stream did */
        if (zr == Z_BUF_ERROR)
            zr = Z_OK;
    }
    inflateEnd(&z);
    if (!rc && !o && zr != Z_STREAM_END)
        rc = WT_ENOTTEXT;
    if (rc) {
        wt_free(buf);
        return rc;
    }
    *truncated = zr != Z_STREAM_END;
    buf[o] = '\0';
    *out = buf;
    *len = o;
    return 0;
}

/* The article's blocks, each followed by a blank line whose offsets are
 * the byte after the block's last character, so every paragraph range
 * ends where its text ends in the page. */
static int article_text(const wt_html *h, const unsigned char *keep, wt_text *t,
                        uint32_t nbytes)
{
    size_t n = 1;
    for (size_t b = 0; b < h->nblocks; b++)
        n += keep[b] ? (size_t)(h->blocks[b].end - h->blocks[b].start) + 2 : 0;
    t->u = wt_malloc(n * sizeof *t->u);
    t->off = wt_malloc(n * sizeof *t->off);
    if (!t->u || !t->off) {
        wt_text_release(t);
        return WT_ENOMEM;
    }
    int32_t o = 0;
    for (size_t b = 0; b < h->nblocks; b++) {
        const wt_html_block *k = &h->blocks[b];
        if (!keep[b])
            continue;
        const int32_t len = k->end - k->start;
        memcpy(t->u + o, h->text.u + k->start, (size_t)len * sizeof *t->u);
        memcpy(t->off + o, h->text.off + k->start,
               (size_t)len * sizeof *t->off);
        o += len;
        for (int i = 0; i < 2; i++) {
            t->u[o] = '\n';
            t->off[o++] = k->raw_end;
        }
    }
    t->u[o] = 0;
    t->off[o] = nbytes;
    t->len = o;
    return 0;
}

static int choose_article(wt_page *p, const wt_html *h, wt_page_profile_fn fn,
                          void *ctx)
{
    const wt_profile *prof =
        fn ? fn(ctx, p->meta.lang, h->text.u, h->text.len) : NULL;
    unsigned char *keep = wt_calloc(h->nblocks + 1, 1);
    if (!keep)
        return WT_ENOMEM;
    int rc = wt_html_main(h, p->meta.body, prof, keep, &p->how);
    if (!rc)
        rc = article_text(h, keep, &p->text, h->text.off[h->text.len]);
    wt_free(keep);
    return rc;
}

/* A copy of bytes[0, n) with each NUL byte a space (browsers drop them
 * from text; a space keeps every offset), *nuls of them. */
static char *without_nul(const char *bytes, size_t n, size_t *nuls)
{
    char *c = wt_malloc(n + 1);
    if (!c)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        c[i] = bytes[i] ? bytes[i] : ' ';
        *nuls += !bytes[i];
    }
    c[n] = '\0';
    return c;
}

int wt_page_read(wt_page **out, const char *bytes, size_t n,
                 const char *encoding, wt_page_profile_fn fn, void *ctx,
                 char *err, size_t errlen)
{
    char cs[64];
    wt_text src = {0};
    wt_html *h = NULL;
    *out = NULL;
    if (errlen)
        err[0] = '\0';
    wt_page *p = wt_calloc(1, sizeof *p);
    if (!p)
        return WT_ENOMEM;
    if (encoding)
        snprintf(cs, sizeof cs, "%s", encoding);
    else
        wt_charset_sniff(bytes, n, cs, sizeof cs, &p->charset_declared);
    char *clean = NULL;
    size_t nuls = 0;
    if (!strcasecmp(cs, "UTF-8") && memchr(bytes, 0, n) &&
        !(clean = without_nul(bytes, n, &nuls))) {
        wt_free(p);
        return WT_ENOMEM;
    }
    int rc = wt_text_decode(&src, clean ? clean : bytes, n, cs[0] ? cs : NULL,
                            &p->decode);
    wt_free(clean);
    if (rc == WT_EINVAL)
        snprintf(err, errlen, "cannot decode as %s", cs);
    if (!rc)
        rc = wt_html_parse(&h, &src, err, errlen);
    if (!rc)
        rc = wt_html_meta_read(h, &p->meta);
    if (!rc && nuls)
        snprintf(p->meta.warning, sizeof p->meta.warning,
                 "%zu NUL byte(s), the first at byte %zu, read as spaces", nuls,
                 (size_t)((const char *)memchr(bytes, 0, n) - bytes));
    if (!rc && h->stopped_at)
        snprintf(p->meta.warning, sizeof p->meta.warning,
                 "elements nested over %d deep: read up to byte %lu",
                 WT_HTML_OPEN_MAX, (unsigned long)h->stopped_at);
    if (!rc)
        rc = choose_article(p, h, fn, ctx);
    wt_html_free(h);
    wt_text_release(&src);
    if (rc)
        wt_page_free(p);
    else
        *out = p;
    return rc;
}

void wt_page_free(wt_page *p)
{
    if (!p)
        return;
    wt_text_release(&p->text);
    wt_html_meta_release(&p->meta);
    wt_free(p);
}
