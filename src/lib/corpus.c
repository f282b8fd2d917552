/*
 * corpus.c - the public corpus API: options, documents in, per-document
 * analysis (decode -> paragraphs -> words -> stems -> shingles -> sketch).
 * The cross-document stage is in analyze.c.
 */
#include "corpus.h"
#include "alloc.h"
#include "analyze.h"
#include "fileio.h"
#include "keys.h"
#include "page.h"
#include "paragraph.h"
#include "parallel.h"
#include "provenance.h"
#include "sketch.h"
#include "timings.h"
#include "validate.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef WT_LANG_DIR
#define WT_LANG_DIR "lang"
#endif

void wt_options_init(wt_options *o)
{
    memset(o, 0, sizeof *o);
    o->shingle_k = 3;
    o->window = 4;
    o->minhash_perms = 128;
    o->seed = 0x5eed;
    o->verbatim_min = 0.95;
    o->edited_min = 0.50;
    o->rewrite_min = 0.45;
    o->duplicate_min = 0.80;
    o->min_span = 4;
    o->evidence_min = 2.0;
    o->translation_min = 0.25;
}

const char *wt_default_lang_dir(void) { return WT_LANG_DIR; }

const char *wt_strerror(int code)
{
    switch (code) {
    case WT_OK: return "success";
    case WT_ENOMEM: return "out of memory";
    case WT_EINVAL: return "invalid argument";
    case WT_EIO: return "cannot read";
    case WT_ENOTTEXT: return "not a text file";
    case WT_EICU: return "text processing failed (ICU)";
    case WT_ELANG: return "language profile missing or malformed";
    case WT_ESTATE: return "call out of order";
    case WT_EWRITE: return "index write failed";
    case WT_ECORRUPT: return "not a wiretrace index, or damaged";
    case WT_EUNAVAIL: return "index database unavailable";
    default: return "unknown error";
    }
}

static void corpus_log(const wt_corpus *c, wt_log_level lvl, const char *fmt,
                       ...)
{
    if (!c->opts.logger)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->opts.logger(c->opts.logger_ctx, lvl, msg);
}

/* Formats the detailed error of the corpus and logs it; returns rc. */
static int corpus_fail(wt_corpus *c, int rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err, sizeof c->err, fmt, ap);
    va_end(ap);
    corpus_log(c, WT_LOG_ERROR, "%s", c->err);
    return rc;
}

static int check_options(const wt_options *o)
{
    return o->shingle_k >= 1 && o->shingle_k <= 16 && o->window >= 1 &&
           o->window <= 64 && o->minhash_perms >= 8 &&
           o->minhash_perms <= 1024 && o->min_span >= 2 &&
           o->verbatim_min > 0 && o->verbatim_min <= 1 && o->edited_min > 0 &&
           o->edited_min <= o->verbatim_min && o->rewrite_min > 0 &&
           o->rewrite_min <= 1 && o->duplicate_min > 0 &&
           o->duplicate_min <= 1 && o->evidence_min >= 0 &&
           o->evidence_min <= 64 && o->translation_min > 0 &&
           o->translation_min <= 1 && o->threads <= 256;
}

int wt_corpus_new(wt_corpus **out, const wt_options *opts)
{
    WT_CHECK_ARG(out, WT_EINVAL);
    wt_corpus *c = wt_calloc(1, sizeof *c);
    if (!c)
        return WT_ENOMEM;
    if (opts)
        c->opts = *opts;
    else
        wt_options_init(&c->opts);
    int rc = WT_EINVAL;
    if (!check_options(&c->opts))
        goto fail;
    rc = wt_langset_new(
        &c->langs, c->opts.lang_dir ? c->opts.lang_dir : wt_default_lang_dir(),
        c->opts.seed);
    if (rc)
        goto fail;
    *out = c;
    return 0;
fail:
    wt_corpus_free(c);
    return rc;
}

/* The threads c's options ask for, at least one. */
static unsigned threads_of(const wt_corpus *c)
{
    return wt_parallel_threads(c->opts.threads);
}

static int drop_one(void *ctx, unsigned thread, size_t i)
{
    (void)thread;
    wt_document *d = ((wt_corpus *)ctx)->docs[i];
    if (d->shares) /* kept on by an index's cache */
        wt_document_clear_sources(d);
    wt_document_release(d);
    return 0;
}

/* Frees the documents and what analysis made of them: the documents let
 * go of on the threads (freeing the blocks of 16,000 articles took 0.2 s
 * on one thread at the end of a compare). */
static void drop_documents(wt_corpus *c)
{
    (void)wt_parallel_for(threads_of(c), c->ndocs, drop_one, c);
    c->ndocs = 0;
    wt_idf_release(&c->idf);
    wt_links_release(&c->links);
    wt_pairscore_free(c->pairscore);
    c->pairscore = NULL;
}

void wt_corpus_free(wt_corpus *c)
{
    if (!c)
        return;
    drop_documents(c);
    wt_free(c->docs);
    wt_langset_free(c->langs);
    wt_free(c);
}

void wt_corpus_reset(wt_corpus *c)
{
    drop_documents(c);
    c->analyzed = 0;
    c->err[0] = '\0';
    c->focus = 0;
}

const char *wt_corpus_error(const wt_corpus *c) { return c ? c->err : ""; }

size_t wt_corpus_document_count(const wt_corpus *c)
{
    WT_CHECK_ARG(c, 0);
    return c->ndocs;
}

const wt_document *wt_corpus_document(const wt_corpus *c, size_t i)
{
    WT_CHECK_ARG(c, NULL);
    return i < c->ndocs ? c->docs[i] : NULL;
}

/* The language context at index i of c's language set. */
static const wt_lang_ctx *lang_at(const wt_corpus *c, size_t i)
{
    return wt_langset_at(c->langs, i);
}

/* wt_langset_get() with the detail of a failure in c->err. */
static int lang_get(wt_corpus *c, const char *code, size_t *out)
{
    const int rc = wt_langset_get(c->langs, code, out);
    if (rc)
        snprintf(c->err, sizeof c->err, "%s", wt_langset_error(c->langs));
    return rc;
}

/* Sorted unique shingle hashes of one paragraph. */
static int para_shingles(wt_para *p, const wt_shingle *sh, size_t n)
{
    p->shingles = wt_malloc(n * sizeof *p->shingles);
    if (!p->shingles)
        return WT_ENOMEM;
    for (size_t i = 0; i < n; i++)
        p->shingles[i] = sh[i].hash;
    p->nshingles = wt_sort_unique_u64(p->shingles, n);
    return 0;
}

/* Sorted unique content stems of one paragraph, flags merged.  Sized by
 * the content words, counted first: every paragraph's are kept, and
 * stopwords are nearly half the words. */
static int para_stems(wt_para *p, const wt_token *t)
{
    size_t n = 0;
    for (size_t i = p->tok_begin; i < p->tok_end; i++)
        n += !(t[i].flags & WT_TOK_STOP);
    p->stems = wt_malloc((n + 1) * sizeof *p->stems);
    if (!p->stems)
        return WT_ENOMEM;
    size_t k = 0;
    for (size_t i = p->tok_begin; i < p->tok_end; i++)
        if (!(t[i].flags & WT_TOK_STOP))
            p->stems[k++] = (wt_stem_ref){t[i].stem, t[i].flags, 0};
    if (k > 1)
        wt_stem_refs_sort(p->stems, k);
    size_t u = 0;
    for (size_t i = 0; i < k; i++) {
        if (u && p->stems[u - 1].stem == p->stems[i].stem)
            p->stems[u - 1].flags |= p->stems[i].flags;
        else
            p->stems[u++] = p->stems[i];
    }
    p->nstems = u;
    return 0;
}

/* Gives back the room the token and fingerprint arrays grew into: a
 * corpus keeps every document's, up to twice what they hold. */
static void fit_tokens(wt_document *d)
{
    wt_shrink(&d->toks.v, &d->toks.cap, d->toks.n, sizeof *d->toks.v);
    wt_shrink(&d->fp, NULL, d->nfp, sizeof *d->fp);
}

/* d->stems: the stems of its text paragraphs, one sorted set, merged
 * from the paragraphs' sorted sets. */
static int doc_stems(wt_document *d)
{
    size_t n = 0, runs = 0;
    for (size_t i = 0; i < d->npara; i++)
        if (d->paras[i].pub.boiler == WT_BOILER_NONE && d->paras[i].nstems)
            n += d->paras[i].nstems, runs++;
    d->stems = wt_malloc((n + 1) * sizeof *d->stems);
    uint64_t *tmp = wt_malloc((n + 1) * sizeof *tmp);
    size_t *end = wt_malloc((runs + 1) * sizeof *end);
    if (!d->stems || !tmp || !end) {
        wt_free(tmp);
        wt_free(end);
        return WT_ENOMEM;
    }
    n = runs = 0;
    for (size_t i = 0; i < d->npara; i++) {
        const wt_para *p = &d->paras[i];
        if (p->pub.boiler != WT_BOILER_NONE || !p->nstems)
            continue;
        for (size_t s = 0; s < p->nstems; s++)
            d->stems[n++] = p->stems[s].stem;
        end[runs++] = n;
    }
    wt_merge_runs_u64(d->stems, end, runs, tmp);
    d->nstems = wt_unique_u64(d->stems, n);
    wt_free(tmp);
    wt_free(end);
    return 0;
}

/* Words, stems and shingles of every paragraph of d. */
static int analyze_paragraphs(wt_corpus *c, wt_document *d, const size_t *plang,
                              const wt_para_range *r)
{
    wt_shingle *sh = NULL;
    size_t nsh = 0, shcap = 0, fpcap = 0;
    int rc = 0;
    wt_timings *tm = c->opts.timings;
    uint64_t t0 = tm ? wt_timings_now() : 0;
    d->ntext = 0;
    for (size_t i = 0; i < d->npara && !rc; i++) {
        wt_para *p = &d->paras[i];
        p->pub.start = wt_text_off(&d->text, r[i].start);
        p->pub.end = wt_text_off(&d->text, r[i].end);
        p->pub.boiler = (wt_boiler)r[i].boiler;
        d->ntext += p->pub.boiler == WT_BOILER_NONE;
        p->tok_begin = d->toks.n;
        const wt_lang_ctx *l = lang_at(c, plang[i]);
        snprintf(p->lang, sizeof p->lang, "%s", l->code);
        rc = wt_tokenize(l->tok, &d->text, r[i].start, r[i].end, (uint32_t)i,
                         l->prof, l->stemmer, &d->toks);
        p->tok_end = d->toks.n;
        p->pub.word_count = p->tok_end - p->tok_begin;
        wt_timings_lap(tm, WT_STAGE_WORDS, &t0);
        nsh = 0;
        if (!rc)
            rc =
                wt_shingles(d->toks.v, p->tok_begin, p->tok_end,
                            c->opts.shingle_k, c->opts.seed, &sh, &nsh, &shcap);
        if (!rc)
            rc = para_shingles(p, sh, nsh);
        if (!rc)
            rc = para_stems(p, d->toks.v);
        if (!rc)
            rc = wt_winnow(sh, nsh, c->opts.window, &d->fp, &d->nfp, &fpcap);
        wt_timings_lap(tm, WT_STAGE_SHINGLES, &t0);
    }
    if (!rc)
        rc = doc_stems(d);
    if (!rc)
        fit_tokens(d);
    wt_free(sh);
    wt_timings_lap(tm, WT_STAGE_SHINGLES, &t0);
    return rc;
}

/*
 * The signature is made when first asked for, not with the document: of
 * a query's candidates, or of the documents of a scan, most are never in
 * a pair whose resemblance is printed.  It is the MinHash of the union of
 * the paragraphs' shingle sets, the same as over every shingle with its
 * repeats, as a minimum ignores repeats.  Asked from several threads at
 * once, each may make it; the first one stored is kept.
 */
const uint64_t *wt_document_sig(const wt_document *d, unsigned perms,
                                uint64_t seed)
{
    wt_document *m = (wt_document *)d; /* the cache is not the document */
    uint64_t *sig = atomic_load_explicit(&m->sig, memory_order_acquire);
    if (sig)
        return sig;
    size_t n = 0, k = 0;
    for (size_t i = 0; i < d->npara; i++)
        n += d->paras[i].nshingles;
    uint64_t *h = wt_malloc((n + 1) * sizeof *h);
    sig = wt_malloc(perms * sizeof *sig);
    if (h && sig) {
        for (size_t i = 0; i < d->npara; i++) {
            memcpy(h + k, d->paras[i].shingles,
                   d->paras[i].nshingles * sizeof *h);
            k += d->paras[i].nshingles;
        }
        wt_minhash(h, n, perms, seed, sig);
    }
    wt_free(h);
    if (!h || !sig) {
        wt_free(sig);
        return NULL;
    }
    uint64_t *none = NULL;
    if (!atomic_compare_exchange_strong_explicit(
            &m->sig, &none, sig, memory_order_acq_rel, memory_order_acquire)) {
        wt_free(sig);
        return none;
    }
    return sig;
}

/* Moves the header's outlet, title and time into d unless already set. */
static void take_header(wt_document *d, wt_header *h)
{
    if (!d->published)
        d->published = h->published;
    if (!d->outlet && h->outlet) {
        d->outlet = h->outlet;
        h->outlet = NULL;
    }
    if (!d->title && h->title) {
        d->title = h->title;
        h->title = NULL;
    }
}

/* The language of d: lang when given, else wt_langset_choose() from the
 * option, the header and the body. */
static int choose_lang(wt_corpus *c, wt_document *d, const char *lang,
                       const wt_header *h, int32_t body, int *mixed)
{
    wt_lang_choice g;
    int rc = wt_langset_choose(c->langs, lang ? lang : c->opts.lang, h->lang,
                               d->text.u + body, d->text.len - body, &g);
    if (rc)
        return rc;
    *mixed = g.mixed;
    d->lang_percent = g.percent;
    d->lang_reliable = g.reliable;
    d->lang = wt_strdup(g.code);
    return d->lang ? 0 : WT_ENOMEM;
}

/* The language of paragraph r of a document read in context di: its own
 * only when the language was identified, not given; mixed as
 * wt_lang_choice.mixed. */
static int para_lang(wt_corpus *c, const wt_text *t, const wt_para_range *r,
                     size_t di, int given, int mixed, size_t *out)
{
    *out = di;
    if (given)
        return 0;
    const int rc = wt_langset_choose_para(c->langs, di, mixed, t->u + r->start,
                                          r->end - r->start, out);
    if (rc)
        snprintf(c->err, sizeof c->err, "%s", wt_langset_error(c->langs));
    return rc;
}

/* Credits in the other languages of a mixed document: "..., Yonhap
 * reports." in the English paragraph of a Korean story.  Each language's
 * patterns are its own words, so they find nothing in the others. */
static int scan_other_languages(wt_corpus *c, wt_document *d,
                                const size_t *plang, size_t npara, size_t li)
{
    int rc = 0;
    for (size_t i = 0; i < npara && !rc; i++) {
        size_t j = 0;
        while (j < i && plang[j] != plang[i])
            j++;
        if (plang[i] != li && j == i) /* first paragraph of its language */
            rc = wt_provenance_scan(d, lang_at(c, plang[i])->prof,
                                    wt_langset_agencies(c->langs));
    }
    return rc;
}

/* The language forced on a document: the option (as a BCP 47 tag, "EN"
 * or "en-US" for "en"), else the article's own tag when there is a profile
 * for it; NULL when the text is to be identified.  out holds 16 bytes. */
static const char *forced_lang(const wt_corpus *c, const char *lang, char *out)
{
    if (c->opts.lang)
        return wt_lang_tag_code(c->opts.lang, out) ? out : c->opts.lang;
    if (lang && wt_lang_tag_code(lang, out) && wt_langset_has(c->langs, out))
        return out;
    return NULL;
}

/* A gzip-compressed input (a page saved as .html.gz) is read as what it
 * holds: d's bytes become the decompressed ones, which offsets point
 * into. */
static int unpack(wt_corpus *c, wt_document *d)
{
    if (!wt_page_is_gzip(d->bytes, d->nbytes))
        return 0;
    char *out = NULL;
    size_t len = 0;
    int truncated = 0;
    const int rc = wt_page_gunzip(d->bytes, d->nbytes, WT_READ_MAX, &out, &len,
                                  &truncated);
    if (rc == WT_EINVAL)
        return corpus_fail(c, rc,
                           "%s: too large once decompressed: over %zu "
                           "bytes, skipped",
                           d->path, WT_READ_MAX);
    if (rc == WT_ENOTTEXT)
        return corpus_fail(c, rc, "%s: damaged gzip data, skipped", d->path);
    if (rc)
        return corpus_fail(c, rc, "%s: %s", d->path, wt_strerror(rc));
    if (truncated)
        corpus_log(c, WT_LOG_WARN,
                   "%s: gzip data cut short; read the %zu bytes before the "
                   "damage",
                   d->path, len);
    wt_free(d->bytes);
    d->bytes = out;
    d->nbytes = len;
    return 0;
}

/* The stopwords a page's article is told apart by: those of the page's
 * own language tag, else of the language its visible text is in. */
static const wt_profile *page_profile(void *ctx, const char *lang,
                                      const UChar *u, int32_t len)
{
    wt_corpus *c = ctx;
    char tag[16];
    wt_lang_choice g;
    size_t li = 0;
    const char *forced = forced_lang(c, lang, tag);
    if (wt_langset_choose(c->langs, forced, NULL, u, len, &g) ||
        wt_langset_get(c->langs, g.code, &li))
        return NULL;
    return lang_at(c, li)->prof;
}

/* The page's metadata as the header of a text file would give it, and
 * its URL and authors. */
static void page_header(wt_corpus *c, wt_document *d, wt_html_meta *m,
                        wt_header *hdr)
{
    hdr->title = m->title;
    hdr->outlet = m->outlet;
    hdr->lang = m->lang;
    m->title = m->outlet = m->lang = NULL;
    if (m->published && wt_parse_iso8601(m->published, &hdr->published))
        corpus_log(c, WT_LOG_WARN,
                   "%s: publication time \"%s\" is not ISO 8601, ignored",
                   d->path, m->published);
    d->url = m->url;
    d->authors = m->authors;
    d->nauthors = m->nauthors;
    m->url = NULL;
    m->authors = NULL;
    m->nauthors = 0;
}

/* Reads d as a web page: its article becomes d's text. */
static int decode_page(wt_corpus *c, wt_document *d, wt_header *hdr)
{
    wt_page *p = NULL;
    char err[256];
    const int rc = wt_page_read(&p, d->bytes, d->nbytes, c->opts.encoding,
                                page_profile, c, err, sizeof err);
    if (rc)
        return corpus_fail(c, rc, "%s: %s", d->path,
                           err[0] ? err : wt_strerror(rc));
    d->is_html = 1;
    d->text = p->text;
    memset(&p->text, 0, sizeof p->text);
    if (p->decode.invalid_count)
        corpus_log(c, WT_LOG_WARN,
                   "%s: %zu invalid %s sequence(s), the first at byte %zu; "
                   "shown as U+FFFD",
                   d->path, p->decode.invalid_count, p->decode.charset,
                   p->decode.first_invalid);
    if (p->meta.warning[0])
        corpus_log(c, WT_LOG_WARN, "%s: %s", d->path, p->meta.warning);
    if (hdr)
        page_header(c, d, &p->meta, hdr);
    wt_page_free(p);
    return 0;
}

/* Decodes d's bytes into text; a warning names invalid sequences.  A web
 * page gives its article, and hdr (may be NULL) its metadata. */
static int decode_document(wt_corpus *c, wt_document *d, wt_header *hdr)
{
    int rc = unpack(c, d);
    if (rc)
        return rc;
    if (d->nbytes <= WT_READ_MAX && wt_page_is_html(d->bytes, d->nbytes))
        return decode_page(c, d, hdr);
    wt_decode_report rep;
    if (d->nbytes > WT_READ_MAX)
        return corpus_fail(c, WT_EINVAL,
                           "%s: too large: over %zu bytes "
                           "(1 GiB), skipped",
                           d->path, WT_READ_MAX);
    rc = wt_text_decode(&d->text, d->bytes, d->nbytes, c->opts.encoding, &rep);
    if (rc == WT_ENOTTEXT)
        return corpus_fail(c, rc,
                           "%s: not a text file (NUL bytes), "
                           "skipped",
                           d->path);
    if (rc == WT_EINVAL)
        return corpus_fail(c, rc, "%s: cannot decode as %s", d->path,
                           c->opts.encoding ? c->opts.encoding : "UTF-8");
    if (rc)
        return corpus_fail(c, rc, "%s: %s", d->path, wt_strerror(rc));
    if (rep.invalid_count)
        corpus_log(c, WT_LOG_WARN,
                   "%s: %zu invalid %s sequence(s), the first at byte %zu; "
                   "shown as U+FFFD",
                   d->path, rep.invalid_count, rep.charset, rep.first_invalid);
    return 0;
}

/* Each paragraph's language (plang, npara + 1 entries) and, for one in
 * another language than the document's (li), its boilerplate by that
 * language's patterns too: "Copyright Yonhap" under a Korean story. */
static int paragraph_langs(wt_corpus *c, wt_document *d, wt_para_range *r,
                           size_t npara, size_t li, int given, int mixed,
                           size_t *plang)
{
    int rc = 0;
    for (size_t i = 0; i < npara && !rc; i++) {
        rc = para_lang(c, &d->text, &r[i], li, given, mixed, &plang[i]);
        if (!rc && plang[i] != li && r[i].boiler == WT_BOILER_NONE) {
            r[i].boiler = wt_paragraph_boiler(d->text.u + r[i].start,
                                              r[i].end - r[i].start,
                                              lang_at(c, plang[i])->prof);
            if (r[i].boiler < 0)
                rc = r[i].boiler; /* WT_ENOMEM */
        }
    }
    return rc;
}

/* Header, language, paragraphs, words and credits of a decoded d; lang
 * is the article's language tag, or NULL. */
static int read_document(wt_corpus *c, wt_document *d, const char *lang,
                         wt_header *given)
{
    wt_header hdr = {0};
    wt_para_range *r = NULL;
    size_t li = 0, *plang = NULL, npara = 0;
    int32_t body = 0;
    int mixed = 1;
    char tag[16];
    wt_timings *tm = c->opts.timings;
    uint64_t t0 = tm ? wt_timings_now() : 0;
    const char *forced = forced_lang(c, lang, tag);
    int rc = 0;
    if (given) /* a web page's metadata: its text has no header block */
        hdr = *given, memset(given, 0, sizeof *given);
    else
        rc = wt_header_read(&d->text, &hdr, &body);
    if (!rc)
        take_header(d, &hdr);
    wt_timings_lap(tm, WT_STAGE_PARAGRAPHS, &t0);
    if (!rc)
        rc = choose_lang(c, d, forced, &hdr, body, &mixed);
    if (!rc)
        rc = lang_get(c, d->lang, &li);
    wt_timings_lap(tm, WT_STAGE_LANGUAGE, &t0);
    if (!rc)
        rc = wt_paragraphs_split(&d->text, body, lang_at(c, li)->prof, &r,
                                 &npara);
    if (!rc && (!(d->paras = wt_calloc(npara, sizeof *d->paras)) ||
                !(plang = wt_calloc(npara + 1, sizeof *plang))))
        rc = WT_ENOMEM;
    wt_timings_lap(tm, WT_STAGE_PARAGRAPHS, &t0);
    if (!rc)
        rc = paragraph_langs(c, d, r, npara, li, forced != NULL, mixed, plang);
    wt_timings_lap(tm, WT_STAGE_LANGUAGE, &t0);
    if (!rc) {
        d->npara = npara;
        rc = analyze_paragraphs(c, d, plang, r);
    }
    if (tm)
        t0 = wt_timings_now();
    if (!rc)
        rc = wt_provenance_scan(d, lang_at(c, li)->prof,
                                wt_langset_agencies(c->langs));
    if (!rc)
        rc = scan_other_languages(c, d, plang, npara, li);
    if (!rc)
        rc = wt_provenance_own(d, wt_langset_agencies(c->langs));
    wt_timings_lap(tm, WT_STAGE_CREDITS, &t0);
    wt_free(plang);
    wt_free(r);
    wt_header_release(&hdr);
    return rc;
}

static int analyze_document(wt_corpus *c, wt_document *d, const char *lang)
{
    wt_header page = {0};
    uint64_t t0 = c->opts.timings ? wt_timings_now() : 0;
    int rc = decode_document(c, d, &page);
    wt_timings_lap(c->opts.timings, WT_STAGE_INPUT, &t0);
    if (rc)
        return rc;
    c->err[0] = '\0';
    rc = read_document(c, d, lang, d->is_html ? &page : NULL);
    wt_header_release(&page);
    if (rc) {
        /* The detail is in c->err, which the message overwrites. */
        char detail[sizeof c->err];
        snprintf(detail, sizeof detail, "%s", c->err);
        return corpus_fail(c, rc, "%s: %s%s%s", d->path, wt_strerror(rc),
                           detail[0] ? ": " : "", detail);
    }
    if (!d->npara)
        corpus_log(c, WT_LOG_WARN, "%s: %s, no paragraphs", d->path,
                   d->is_html  ? "no article text in the page"
                   : d->nbytes ? "no text"
                               : "empty file");
    return 0;
}

/* Adds the analyzed document d to c (room made before).  The stages that
 * read every offset of its text are done: the map is made compact. */
static void keep(wt_corpus *c, wt_document *d)
{
    (void)wt_text_compact(&d->text); /* kept whole when out of memory */
    c->docs[c->ndocs++] = d;
}

int wt_corpus_add_in_lang(wt_corpus *c, const char *id, const char *path,
                          const void *data, size_t len, const char *lang)
{
    WT_CHECK_ARG(c && (data || !len) && (id || path), WT_EINVAL);
    if (c->analyzed)
        return corpus_fail(c, WT_ESTATE, "documents added after analyze");
    int rc = WT_ENOMEM;
    wt_document *d = wt_calloc(1, sizeof *d);
    if (!d)
        return rc;
    d->id = wt_strdup(id ? id : path);
    d->path = wt_strdup(path ? path : id);
    d->bytes = wt_malloc(len + 1);
    if (!d->id || !d->path || !d->bytes)
        goto fail;
    if (len)
        memcpy(d->bytes, data, len);
    d->bytes[len] = '\0';
    d->nbytes = len;
    if ((rc = wt_grow(&c->docs, &c->doccap, c->ndocs + 1, sizeof *c->docs)))
        goto fail;
    if ((rc = analyze_document(c, d, lang)))
        goto fail;
    keep(c, d);
    return 0;
fail:
    wt_document_free(d);
    return rc;
}

int wt_corpus_add_buffer(wt_corpus *c, const char *id, const char *path,
                         const void *data, size_t len)
{
    return wt_corpus_add_in_lang(c, id, path, data, len, NULL);
}

/* The language context of the i-th '\n'-separated code of langs. */
static int known_lang(wt_corpus *c, const char *langs, size_t i, size_t *out)
{
    while (langs && i--) {
        langs = strchr(langs, '\n');
        if (langs)
            langs++;
    }
    if (!langs)
        return WT_EINVAL;
    char code[16];
    const size_t len = strcspn(langs, "\n");
    if (!len || len >= sizeof code)
        return WT_EINVAL;
    memcpy(code, langs, len);
    code[len] = '\0';
    return lang_get(c, code, out);
}

static int known_paragraphs(wt_corpus *c, wt_document *d, const wt_known_doc *k)
{
    size_t li = 0;
    wt_para_range *r = wt_calloc(k->nparas + 1, sizeof *r);
    size_t *plang = wt_calloc(k->nparas + 1, sizeof *plang);
    int rc = r && plang ? lang_get(c, d->lang, &li) : WT_ENOMEM;
    if (!rc && !(d->paras = wt_calloc(k->nparas + 1, sizeof *d->paras)))
        rc = WT_ENOMEM;
    for (size_t i = 0; !rc && i < k->nparas; i++) {
        r[i].start = wt_text_index_at(&d->text, k->paras[3 * i]);
        r[i].end = wt_text_index_at(&d->text, k->paras[3 * i + 1]);
        r[i].boiler = (int)(k->paras[3 * i + 2] & 0xff);
        plang[i] = li;
        if (k->langs)
            rc = known_lang(c, k->langs, k->paras[3 * i + 2] >> 8, &plang[i]);
    }
    if (!rc) {
        d->npara = k->nparas;
        rc = analyze_paragraphs(c, d, plang, r);
    }
    wt_free(plang);
    wt_free(r);
    return rc;
}

/* The text of a stored article, read as when it was added. */
static int decode_known(wt_corpus *c, wt_document *d, wt_decode_report *rep)
{
    int rc = unpack(c, d);
    if (!rc && wt_page_is_html(d->bytes, d->nbytes))
        return decode_page(c, d, NULL);
    if (!rc)
        rc = wt_text_decode(&d->text, d->bytes, d->nbytes, c->opts.encoding,
                            rep);
    return rc;
}

int wt_corpus_add_known(wt_corpus *c, const wt_known_doc *k)
{
    WT_CHECK_ARG(c && k && k->id && k->lang && (k->text || !k->len), WT_EINVAL);
    if (c->analyzed)
        return corpus_fail(c, WT_ESTATE, "documents added after analyze");
    wt_decode_report rep;
    int rc = WT_ENOMEM;
    wt_document *d = wt_calloc(1, sizeof *d);
    if (!d)
        return rc;
    d->id = wt_strdup(k->id);
    d->path = wt_strdup(k->id);
    d->lang = wt_strdup(k->lang);
    d->bytes = wt_malloc(k->len + 1);
    if (!d->id || !d->path || !d->lang || !d->bytes ||
        (k->outlet && !(d->outlet = wt_strdup(k->outlet))) ||
        (k->title && !(d->title = wt_strdup(k->title))) ||
        (k->url && !(d->url = wt_strdup(k->url))))
        goto fail;
    if (k->len)
        memcpy(d->bytes, k->text, k->len);
    d->bytes[k->len] = '\0';
    d->nbytes = k->len;
    d->published = k->published;
    if ((rc = wt_grow(&c->docs, &c->doccap, c->ndocs + 1, sizeof *c->docs)) ||
        (rc = decode_known(c, d, &rep)) || (rc = known_paragraphs(c, d, k)) ||
        (rc = wt_provenance_credits_read(d, k->credits)) ||
        (rc = wt_provenance_own(d, wt_langset_agencies(c->langs))))
        goto fail;
    keep(c, d);
    return 0;
fail:
    wt_document_free(d);
    return corpus_fail(c, rc, "%s: %s", k->id, wt_strerror(rc));
}

/* Appends d, analyzed in another corpus, to c.  The languages of d and
 * its paragraphs are loaded in c, as adding it there would load them. */
static int append_doc(wt_corpus *c, wt_document *d)
{
    if (c->analyzed)
        return corpus_fail(c, WT_ESTATE, "documents added after analyze");
    size_t li = 0;
    int rc = lang_get(c, d->lang, &li);
    for (size_t i = 0; !rc && i < d->npara; i++)
        rc = lang_get(c, d->paras[i].lang, &li);
    if (!rc)
        rc = wt_grow(&c->docs, &c->doccap, c->ndocs + 1, sizeof *c->docs);
    if (!rc)
        c->docs[c->ndocs++] = d;
    return rc;
}

int wt_corpus_add_shared(wt_corpus *c, wt_document *d)
{
    WT_CHECK_ARG(c && d, WT_EINVAL);
    const int rc = append_doc(c, d);
    if (!rc)
        d->shares++;
    return rc;
}

wt_document *wt_corpus_pop(wt_corpus *c)
{
    WT_CHECK_ARG(c, NULL);
    if (c->analyzed || !c->ndocs || c->docs[c->ndocs - 1]->shares)
        return NULL;
    return c->docs[--c->ndocs];
}

int wt_corpus_adopt(wt_corpus *c, wt_document *d)
{
    WT_CHECK_ARG(c && d, WT_EINVAL);
    const int rc = append_doc(c, d);
    if (rc)
        wt_document_free(d);
    return rc;
}

void wt_document_discard(wt_document *d) { wt_document_free(d); }

int wt_corpus_add_file(wt_corpus *c, const char *path, const char *id)
{
    WT_CHECK_ARG(c && path, WT_EINVAL);
    char *buf = NULL;
    size_t len = 0;
    int rc = wt_read_file(path, &buf, &len);
    if (rc == WT_EIO)
        return corpus_fail(c, rc, "%s: %s",
                           !strcmp(path, "-") ? "standard input" : path,
                           strerror(errno));
    if (rc == WT_EINVAL || (!rc && len > WT_READ_MAX))
        rc = corpus_fail(c, WT_EINVAL,
                         "%s: too large: over %zu bytes "
                         "(1 GiB), skipped",
                         path, WT_READ_MAX);
    if (rc) {
        wt_free(buf);
        return rc == WT_EINVAL
                   ? rc
                   : corpus_fail(c, rc, "%s: %s", path, wt_strerror(rc));
    }
    rc = wt_corpus_add_buffer(c, id, path, buf, len);
    wt_free(buf);
    return rc;
}

int wt_corpus_set_meta(wt_corpus *c, size_t doc, int64_t published,
                       const char *outlet)
{
    WT_CHECK_ARG(c, WT_EINVAL);
    if (doc >= c->ndocs || c->analyzed)
        return WT_EINVAL;
    wt_document *d = c->docs[doc];
    if (published)
        d->published = published;
    if (!outlet)
        return 0;
    char *o = wt_strdup(outlet);
    if (!o)
        return WT_ENOMEM;
    wt_free(d->outlet);
    d->outlet = o;
    return wt_provenance_own(d, wt_langset_agencies(c->langs));
}

int wt_corpus_set_encoding(wt_corpus *c, const char *encoding)
{
    WT_CHECK_ARG(c, WT_EINVAL);
    if (c->analyzed)
        return WT_ESTATE;
    c->opts.encoding = encoding;
    return 0;
}

int wt_corpus_analyze(wt_corpus *c)
{
    WT_CHECK_ARG(c, WT_EINVAL);
    if (c->analyzed)
        return corpus_fail(c, WT_ESTATE, "analyze called twice");
    c->analyzed = 1;
    const wt_analyze_job job = {c->docs,  c->ndocs, c->focus, &c->opts,
                                c->langs, &c->idf,  &c->links};
    /* On threads, the stage's steps start threads of their own, whose CPU
     * the calling thread's clock does not see: the process's counts them
     * (a corpus analyzed on threads is the only work of the commands that
     * do so; a query's corpus runs on one). */
    wt_timings *tm = c->opts.timings;
    const int on_threads = threads_of(c) > 1;
    uint64_t t0 = !tm          ? 0
                  : on_threads ? wt_timings_process_now()
                               : wt_timings_now();
    int rc = wt_analyze_run(&job);
    if (!rc)
        rc = wt_pairscore_new(&c->pairscore, c->docs, c->ndocs, &c->idf,
                              threads_of(c));
    if (on_threads)
        wt_timings_lap_process(tm, WT_STAGE_ANALYSIS, &t0);
    else
        wt_timings_lap(tm, WT_STAGE_ANALYSIS, &t0);
    if (rc)
        return corpus_fail(c, rc, "analysis failed: %s", wt_strerror(rc));
    return 0;
}

/* Is (a, b) a pair of two different documents of c? */
static int valid_pair(const wt_corpus *c, size_t a, size_t b)
{
    return a != b && a < c->ndocs && b < c->ndocs;
}

int wt_corpus_pair(const wt_corpus *c, size_t a, size_t b, double *share_a,
                   double *share_b, double *similarity)
{
    WT_CHECK_ARG(c, WT_EINVAL);
    if (!valid_pair(c, a, b))
        return WT_EINVAL;
    const wt_pair_info *p = wt_links_pair(&c->links, a, b);
    const int swap = a > b;
    const wt_document *da = c->docs[a], *db = c->docs[b];
    const size_t ta = da->ntext, tb = db->ntext;
    const double la = p ? (swap ? p->linked_b : p->linked_a) : 0;
    const double lb = p ? (swap ? p->linked_a : p->linked_b) : 0;
    if (share_a)
        *share_a = ta ? la / ta : 0;
    if (share_b)
        *share_b = tb ? lb / tb : 0;
    /* Computed here, when asked: most noted pairs are never printed. */
    if (similarity) {
        const unsigned perms = c->opts.minhash_perms;
        const uint64_t *sa = wt_document_sig(da, perms, c->opts.seed),
                       *sb =
                           sa ? wt_document_sig(db, perms, c->opts.seed) : NULL;
        *similarity = sb ? wt_minhash_similarity(sa, sb, perms) : 0.0;
        if (!sb)
            return WT_ENOMEM;
    }
    return 0;
}

wt_origin wt_corpus_pair_origin(const wt_corpus *c, size_t a, size_t b)
{
    WT_CHECK_ARG(c, WT_ORIGIN_UNKNOWN);
    if (!c->analyzed || !valid_pair(c, a, b))
        return WT_ORIGIN_UNKNOWN;
    /* Two copies of one origin that share nothing else took from neither. */
    const wt_pair_info *p = wt_links_pair(&c->links, a, b);
    if (p && p->via != UINT32_MAX && !p->linked_a && !p->linked_b)
        return WT_ORIGIN_UNKNOWN;
    return wt_provenance_origin(c->docs[a], c->docs[b]);
}

size_t wt_corpus_pair_via(const wt_corpus *c, size_t a, size_t b, size_t *via_a,
                          size_t *via_b)
{
    WT_CHECK_ARG(c, SIZE_MAX);
    const wt_pair_info *p = c->analyzed && valid_pair(c, a, b)
                                ? wt_links_pair(&c->links, a, b)
                                : NULL;
    const int some = p && p->via != UINT32_MAX;
    if (via_a)
        *via_a = some ? (a < b ? p->via_a : p->via_b) : 0;
    if (via_b)
        *via_b = some ? (a < b ? p->via_b : p->via_a) : 0;
    return some ? p->via : SIZE_MAX;
}

int wt_corpus_pair_credits(const wt_corpus *c, size_t a, size_t b)
{
    WT_CHECK_ARG(c, 0);
    if (!valid_pair(c, a, b))
        return 0;
    return wt_provenance_credits(c->docs[a], c->docs[b]);
}

int wt_corpus_taken(const wt_corpus *c, size_t a, size_t b, wt_taken *out)
{
    WT_CHECK_ARG(c && out, WT_EINVAL);
    if (!c->analyzed || !valid_pair(c, a, b))
        return WT_EINVAL;
    if (!c->pairscore)
        return WT_EINVAL; /* the analysis failed */
    wt_pairscore_taken(c->pairscore, a, b, out);
    return 0;
}

int wt_corpus_pair_coverage(const wt_corpus *c, size_t a, size_t b,
                            double *cover_a, double *cover_b)
{
    WT_CHECK_ARG(c, WT_EINVAL);
    if (!c->analyzed || !valid_pair(c, a, b) || !c->pairscore)
        return WT_EINVAL;
    if (cover_a)
        *cover_a = wt_pairscore_coverage(c->pairscore, a, b);
    if (cover_b)
        *cover_b = wt_pairscore_coverage(c->pairscore, b, a);
    return 0;
}

int wt_corpus_pair_overlap(const wt_corpus *c, size_t a, size_t b,
                           double *overlap_a, double *overlap_b)
{
    WT_CHECK_ARG(c, WT_EINVAL);
    if (!c->pairscore || !valid_pair(c, a, b))
        return WT_EINVAL;
    wt_pairscore_overlap(c->pairscore, a, b, overlap_a, overlap_b);
    return 0;
}

size_t wt_corpus_pair_count(const wt_corpus *c)
{
    WT_CHECK_ARG(c, 0);
    return c->links.npairs;
}

int wt_corpus_pair_at(const wt_corpus *c, size_t i, size_t *a, size_t *b)
{
    WT_CHECK_ARG(c && a && b, WT_EINVAL);
    if (i >= c->links.npairs)
        return WT_EINVAL;
    *a = c->links.pairs[i].a;
    *b = c->links.pairs[i].b;
    return 0;
}
