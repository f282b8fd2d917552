/* document.c - the document type and its public accessors. */
#include "document.h"
#include "validate.h"
#include "alloc.h"
#include "sort.h"

#include <stdatomic.h>
#include <string.h>
#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

void wt_document_free(wt_document *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->npara; i++) {
        wt_para *p = &d->paras[i];
        for (size_t s = 0; s < p->pub.source_count; s++)
            wt_free((void *)p->src[s].spans);
        wt_free(p->src);
        wt_free(p->shingles);
        wt_free(p->stems);
    }
    for (size_t i = 0; i < d->ncredits; i++)
        wt_free((void *)d->credits[i].outlet);
    wt_free(d->credits);
    wt_free(d->outlet_canon);
    wt_free(d->paras);
    wt_free(d->toks.v);
    wt_free(d->fp);
    wt_free(atomic_load(&d->sig));
    wt_free(d->stems);
    wt_free(d->word_pairs);
    wt_text_release(&d->text);
    wt_free(d->bytes);
    wt_free(d->id);
    wt_free(d->path);
    wt_free(d->outlet);
    wt_free(d->lang);
    wt_free(d->title);
    wt_free(d->url);
    for (size_t i = 0; i < d->nauthors; i++)
        wt_free(d->authors[i]);
    wt_free(d->authors);
    wt_free(d);
}

void wt_document_clear_sources(wt_document *d)
{
    for (size_t i = 0; i < d->npara; i++) {
        wt_para *p = &d->paras[i];
        for (size_t s = 0; s < p->pub.source_count; s++)
            wt_free((void *)p->src[s].spans);
        wt_free(p->src);
        p->src = NULL;
        p->srccap = 0;
        p->pub.sources = NULL;
        p->pub.source_count = 0;
    }
}

void wt_document_release(wt_document *d)
{
    if (!d)
        return;
    /* One fewer holder besides the first, or none left: the one that
     * finds none besides itself frees. */
    unsigned n = atomic_load(&d->shares);
    while (n && !atomic_compare_exchange_weak(&d->shares, &n, n - 1))
        ;
    if (!n)
        wt_document_free(d);
}

size_t wt_document_footprint(const wt_document *d)
{
    size_t n = sizeof *d + d->nbytes + 1 + d->npara * sizeof *d->paras +
               d->toks.cap * sizeof *d->toks.v + d->nfp * sizeof *d->fp +
               d->nstems * sizeof *d->stems +
               d->nword_pairs * sizeof *d->word_pairs +
               (size_t)d->text.len * sizeof *d->text.u +
               ((size_t)d->text.len + 1) * sizeof(uint32_t) /
                   (d->text.off ? 1 : WT_TEXT_MARK);
    for (size_t i = 0; i < d->npara; i++)
        n += d->paras[i].nshingles * sizeof *d->paras[i].shingles +
             d->paras[i].nstems * sizeof *d->paras[i].stems;
    return n;
}

const char *wt_document_id(const wt_document *d)
{
    WT_CHECK_ARG(d, NULL);
    return d->id;
}

const char *wt_document_path(const wt_document *d)
{
    WT_CHECK_ARG(d, NULL);
    return d->path;
}

const char *wt_document_lang(const wt_document *d)
{
    WT_CHECK_ARG(d, NULL);
    return d->lang;
}

int64_t wt_document_published(const wt_document *d)
{
    WT_CHECK_ARG(d, 0);
    return d->published;
}

const char *wt_document_outlet(const wt_document *d)
{
    WT_CHECK_ARG(d, NULL);
    return d->outlet;
}

const char *wt_document_title(const wt_document *d)
{
    WT_CHECK_ARG(d, NULL);
    return d->title;
}

const char *wt_document_url(const wt_document *d)
{
    WT_CHECK_ARG(d, NULL);
    return d->url;
}

size_t wt_document_author_count(const wt_document *d)
{
    WT_CHECK_ARG(d, 0);
    return d->nauthors;
}

const char *wt_document_author(const wt_document *d, size_t i)
{
    WT_CHECK_ARG(d, NULL);
    return i < d->nauthors ? d->authors[i] : NULL;
}

int wt_document_is_html(const wt_document *d)
{
    WT_CHECK_ARG(d, 0);
    return d->is_html;
}

/* A new range starts where markup lies between two units: a '<' in the
 * bytes after the first one's start.  Plain text has one range per paragraph. */
size_t wt_document_ranges(const wt_document *d, size_t start, size_t end,
                          size_t *ranges, size_t cap)
{
    WT_CHECK_ARG(d && (ranges || !cap), 0);
    if (start >= end || end > d->nbytes)
        return 0;
    int32_t i = wt_text_index_at(&d->text, start);
    const int32_t e = wt_text_index_at(&d->text, end);
    size_t n = 0, from = start;
    for (; i + 1 < e; i++) {
        const uint32_t a = wt_text_off(&d->text, i),
                       b = wt_text_off(&d->text, i + 1);
        /* From a + 1: a unit that is itself a '<' ("<Title>" in Korean
         * text) is text, not markup. */
        const char *lt =
            b > a + 1 ? memchr(d->bytes + a + 1, '<', b - a - 1) : NULL;
        if (!lt)
            continue;
        if (n < cap) {
            ranges[2 * n] = from;
            ranges[2 * n + 1] = (size_t)(lt - d->bytes);
        }
        n++;
        from = b;
    }
    if (n < cap) {
        ranges[2 * n] = from;
        ranges[2 * n + 1] = end;
    }
    return n + 1;
}

size_t wt_document_credit_count(const wt_document *d)
{
    WT_CHECK_ARG(d, 0);
    return d->ncredits;
}

const wt_credit *wt_document_credit(const wt_document *d, size_t i)
{
    WT_CHECK_ARG(d, NULL);
    return i < d->ncredits ? &d->credits[i] : NULL;
}

const char *wt_document_bytes(const wt_document *d, size_t *len)
{
    WT_CHECK_ARG(d, NULL);
    if (len)
        *len = d->nbytes;
    return d->bytes;
}

size_t wt_document_paragraph_count(const wt_document *d)
{
    WT_CHECK_ARG(d, 0);
    return d->npara;
}

const wt_paragraph *wt_document_paragraph(const wt_document *d, size_t i)
{
    WT_CHECK_ARG(d, NULL);
    return i < d->npara ? &d->paras[i].pub : NULL;
}

const char *wt_document_paragraph_lang(const wt_document *d, size_t i)
{
    WT_CHECK_ARG(d, NULL);
    return i < d->npara ? d->paras[i].lang : NULL;
}

int wt_document_lang_confidence(const wt_document *d)
{
    WT_CHECK_ARG(d, 0);
    return d->lang_percent * (d->lang_reliable ? 1 : -1);
}

int wt_document_text(const wt_document *d, size_t start, size_t end, char **out)
{
    WT_CHECK_ARG(d && out, WT_EINVAL);
    if (start > end)
        return WT_EINVAL;
    const int32_t s = wt_text_index_at(&d->text, start);
    const int32_t e = wt_text_index_at(&d->text, end);
    char *buf = wt_malloc((size_t)(e - s) * 3 + 1);
    if (!buf)
        return WT_ENOMEM;
    size_t o = 0;
    int space = 0;
    for (int32_t i = s; i < e; i++) {
        UChar32 c = d->text.u[i];
        if (U16_IS_LEAD(c) && i + 1 < e && U16_IS_TRAIL(d->text.u[i + 1]))
            c = U16_GET_SUPPLEMENTARY(c, d->text.u[++i]);
        else if (U16_IS_SURROGATE(c))
            c = 0xFFFD;
        if (u_isUWhiteSpace(c)) {
            space = o > 0;
            continue;
        }
        if (space)
            buf[o++] = ' ';
        space = 0;
        UBool err = 0;
        U8_APPEND((uint8_t *)buf, o, (size_t)(e - s) * 3 + 1, c, err);
        (void)err;
    }
    buf[o] = '\0';
    *out = buf;
    return 0;
}

const char *wt_class_name(wt_class c)
{
    static const char *const n[WT_CLASS_COUNT] = {
        "verbatim", "edited", "rewrite", "translation", "duplicate"};
    return (unsigned)c < WT_CLASS_COUNT ? n[c] : "unknown";
}

const char *wt_origin_name(wt_origin o)
{
    static const char *const n[] = {"unknown", "other", "this"};
    return (unsigned)o < sizeof n / sizeof *n ? n[o] : "unknown";
}

const char *wt_boiler_name(wt_boiler b)
{
    static const char *const n[WT_BOILER_COUNT] = {
        "none",   "byline", "credit",  "follow",
        "signup", "label",  "caption", "author"};
    return (unsigned)b < WT_BOILER_COUNT ? n[b] : "none";
}

const char *wt_credit_kind_name(wt_credit_kind k)
{
    static const char *const n[WT_CREDIT_KIND_COUNT] = {"closing", "dateline",
                                                        "prose"};
    return (unsigned)k < WT_CREDIT_KIND_COUNT ? n[k] : "unknown";
}

size_t wt_paragraph_word_count(const wt_document *d, size_t para)
{
    WT_CHECK_ARG(d, 0);
    if (para >= d->npara)
        return 0;
    return d->paras[para].tok_end - d->paras[para].tok_begin;
}

int wt_paragraph_word(const wt_document *d, size_t para, size_t i, wt_word *out)
{
    WT_CHECK_ARG(d && out, WT_EINVAL);
    if (i >= wt_paragraph_word_count(d, para))
        return WT_EINVAL;
    const wt_token *t = &d->toks.v[d->paras[para].tok_begin + i];
    out->start = t->start;
    out->end = t->end;
    out->folded = t->norm;
    /* The internal flags share their values with WT_WORD_*; map them one
     * by one so that neither side depends on the other's numbering. */
    out->flags = ((t->flags & WT_TOK_STOP) ? WT_WORD_STOP : 0u) |
                 ((t->flags & WT_TOK_NUMBER) ? WT_WORD_NUMBER : 0u) |
                 ((t->flags & WT_TOK_NAME) ? WT_WORD_NAME : 0u);
    return 0;
}

#define STEM_LESS(a, b) ((a).stem < (b).stem)
WT_SORT_DEFINE(sort_stem_refs, wt_stem_ref, STEM_LESS)

void wt_stem_refs_sort(wt_stem_ref *v, size_t n) { sort_stem_refs(v, n); }
