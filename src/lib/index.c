/*
 * index.c - the archive index: articles analyzed once, stored with their
 * candidate keys, and checked against on query.
 *
 * Keys per document: a sample of its winnowing fingerprints (Schleimer,
 * Wilkerson, Aiken 2003), kept when the fingerprint is 0 modulo FP_SAMPLE
 * (the "0 mod p" rule of Broder's shingling, so two copies keep the same
 * ones), which finds a shared paragraph; and MinHash LSH bands (Indyk,
 * Motwani 1998; Leskovec, Rajaraman, Ullman, "Mining of Massive Datasets",
 * ch. 3), which find near-duplicates whose sampled fingerprints were
 * unlucky.  A query analyzes the article, collects the documents sharing
 * keys, and scores the best of them paragraph by paragraph with the same
 * stage compare uses (wt_corpus_analyze), re-analyzing their stored text:
 * a few candidates cost less than storing tokens for every document.
 */
#include "corpus.h"
#include "alloc.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xxhash.h>
#include <zlib.h>

#define FP_SAMPLE 4        /* keep one fingerprint in FP_SAMPLE */
#define BAND_ROWS 8        /* MinHash slots per LSH band */
#define POSTING_CAP 1000   /* a key in more documents is boilerplate */

struct wt_index {
    wt_options opts;
    wt_index_options iopts;
    wt_store *store;
    wt_corpus *prep;    /* analyzes articles for add; emptied after each */
    wt_corpus *result;  /* the last query's corpus */
    size_t pending;     /* documents in the open transaction */
    uint64_t total;     /* documents in the index */
    char err[1024];
    /* Scratch reused across calls, so adding allocates little. */
    uint64_t *fp, *bands;
    uint32_t *keys, *paras;
    size_t fpcap, bandcap, keycap, paracap;
    unsigned char *zbuf;
    size_t zcap;
    wt_store_hit *hits;
    size_t hitcap;
};

void wt_index_options_init(wt_index_options *o)
{
    memset(o, 0, sizeof *o);
    o->batch = 1000;
    o->candidates = 16;
}

const char *wt_index_error(const wt_index *ix) { return ix ? ix->err : ""; }

static int ix_fail(wt_index *ix, int rc, const char *fmt, const char *a,
                   const char *b)
{
    snprintf(ix->err, sizeof ix->err, fmt, a, b);
    return rc;
}

static int store_fail(wt_index *ix, int rc)
{
    return ix_fail(ix, rc, "index: %s%s", ix->store->ops->error(ix->store),
                   "");
}

/* The analysis settings that fingerprints depend on are the index's own:
 * a new index records them, an existing one imposes them. */
static int settle_options(wt_index *ix)
{
    static const char *const names[] = {"shingle_k", "window",
                                        "minhash_perms", "seed"};
    unsigned *u[] = {&ix->opts.shingle_k, &ix->opts.window,
                     &ix->opts.minhash_perms};
    int rc = 0;
    for (int i = 0; i < 4 && !rc; i++) {
        char *v = NULL;
        if ((rc = ix->store->ops->get_setting(ix->store, names[i], &v)))
            break;
        if (v && i < 3) {
            *u[i] = (unsigned)strtoul(v, NULL, 10);
        } else if (v) {
            ix->opts.seed = strtoull(v, NULL, 10);
        } else {
            char buf[32];
            snprintf(buf, sizeof buf, "%llu", i < 3
                     ? (unsigned long long)*u[i]
                     : (unsigned long long)ix->opts.seed);
            rc = ix->store->ops->set_setting(ix->store, names[i], buf);
        }
        wt_free(v);
    }
    return rc;
}

int wt_index_open(wt_index **out, const char *path, const wt_options *opts,
                  const wt_index_options *iopts, char *err, size_t errlen)
{
    char dummy[8];
    if (!err) {
        err = dummy;
        errlen = sizeof dummy;
    }
    err[0] = '\0';
    if (!out || !path)
        return WT_EINVAL;
    *out = NULL;
    wt_index *ix = wt_calloc(1, sizeof *ix);
    if (!ix)
        return WT_ENOMEM;
    if (opts)
        ix->opts = *opts;
    else
        wt_options_init(&ix->opts);
    if (iopts)
        ix->iopts = *iopts;
    else
        wt_index_options_init(&ix->iopts);
    if (!ix->iopts.batch)
        ix->iopts.batch = 1;
    wt_store_stats st;
    int rc = wt_store_sqlite_open(&ix->store, path, err, errlen);
    if (!rc && !(rc = ix->store->ops->begin(ix->store)))
        rc = settle_options(ix);
    if (!rc)
        rc = ix->store->ops->commit(ix->store);
    if (!rc)
        rc = ix->store->ops->stats(ix->store, &st);
    if (rc && ix->store)
        snprintf(err, errlen, "%s: %s", path,
                 ix->store->ops->error(ix->store));
    if (!rc && (rc = wt_corpus_new(&ix->prep, &ix->opts)))
        snprintf(err, errlen, "%s", wt_strerror(rc));
    if (rc) {
        wt_index_close(ix);
        return rc;
    }
    ix->total = st.documents;
    *out = ix;
    return 0;
}

void wt_index_close(wt_index *ix)
{
    if (!ix)
        return;
    if (ix->store) {
        wt_index_commit(ix);
        ix->store->ops->close(ix->store);
    }
    wt_corpus_free(ix->prep);
    wt_corpus_free(ix->result);
    wt_free(ix->fp);
    wt_free(ix->bands);
    wt_free(ix->keys);
    wt_free(ix->paras);
    wt_free(ix->zbuf);
    wt_free(ix->hits);
    wt_free(ix);
}

int wt_index_commit(wt_index *ix)
{
    if (!ix)
        return WT_EINVAL;
    if (!ix->pending)
        return 0;
    if (ix->store->ops->commit(ix->store))
        return store_fail(ix, WT_EIO);
    const size_t n = ix->pending;
    ix->pending = 0;
    if (ix->iopts.progress)
        ix->iopts.progress(ix->iopts.progress_ctx, n, (size_t)ix->total);
    return 0;
}

/* Opens a transaction for the next write unless one is open. */
static int ensure_batch(wt_index *ix)
{
    if (ix->pending)
        return 0;
    return ix->store->ops->begin(ix->store) ? store_fail(ix, WT_EIO) : 0;
}

/* Empties a corpus of its documents so that its language profiles and
 * break iterators serve the next article. */
static void corpus_clear(wt_corpus *c)
{
    for (size_t i = 0; i < c->ndocs; i++)
        wt_document_free(c->docs[i]);
    c->ndocs = 0;
}

/* Analyzes a into c (as its next document), with the article's language
 * and metadata. */
static int analyze_article(wt_index *ix, wt_corpus *c, const wt_article *a,
                           const char *path)
{
    const char *lang = c->opts.lang;
    if (a->lang && *a->lang && !ix->opts.lang)
        c->opts.lang = a->lang;
    int rc = wt_corpus_add_buffer(c, a->id, path ? path : a->id, a->text,
                                  a->len);
    c->opts.lang = lang;
    if (!rc && (a->published || a->outlet))
        rc = wt_corpus_set_meta(c, c->ndocs - 1, a->published, a->outlet);
    if (rc)
        snprintf(ix->err, sizeof ix->err, "%s", c->err[0] ? c->err
                                                          : wt_strerror(rc));
    return rc;
}

/* The sampled fingerprints of d (hash << 32 | byte position), sorted. */
static int doc_keys(wt_index *ix, const wt_document *d, size_t *nfp,
                    size_t *nbands)
{
    *nfp = 0;
    for (size_t i = 0; i < d->nfp; i++) {
        const uint32_t h = (uint32_t)(d->fp[i].hash >> 32);
        if (h % FP_SAMPLE)
            continue;
        if (wt_grow(&ix->fp, &ix->fpcap, *nfp + 1, sizeof *ix->fp))
            return WT_ENOMEM;
        ix->fp[(*nfp)++] = (uint64_t)h << 32 | d->toks.v[d->fp[i].tok].start;
    }
    const unsigned nb = ix->opts.minhash_perms / BAND_ROWS;
    if (wt_grow(&ix->bands, &ix->bandcap, nb + 1, sizeof *ix->bands))
        return WT_ENOMEM;
    *nbands = 0;
    for (unsigned b = 0; b < nb; b++) {
        const uint64_t *row = d->sig + (size_t)b * BAND_ROWS;
        if (row[0] == UINT64_MAX)
            continue; /* no shingles: nothing to band */
        ix->bands[(*nbands)++] = XXH3_64bits_withSeed(
            row, BAND_ROWS * sizeof *row, ix->opts.seed + b);
    }
    return 0;
}

/* Paragraph offsets as u32 pairs. */
static int doc_paras(wt_index *ix, const wt_document *d)
{
    if (wt_grow(&ix->paras, &ix->paracap, 2 * d->npara + 2,
                sizeof *ix->paras))
        return WT_ENOMEM;
    for (size_t i = 0; i < d->npara; i++) {
        ix->paras[2 * i] = (uint32_t)d->paras[i].pub.start;
        ix->paras[2 * i + 1] = (uint32_t)d->paras[i].pub.end;
    }
    return 0;
}

static int compress_text(wt_index *ix, const char *text, size_t len,
                         size_t *out)
{
    uLongf n = compressBound((uLong)len);
    if (wt_grow(&ix->zbuf, &ix->zcap, n, 1))
        return WT_ENOMEM;
    if (compress2(ix->zbuf, &n, (const Bytef *)text, (uLong)len, 6) != Z_OK)
        return WT_ENOMEM;
    *out = n;
    return 0;
}

static int store_document(wt_index *ix, const wt_article *a,
                          const wt_document *d, const XXH128_hash_t *h)
{
    size_t nfp = 0, nbands = 0, nbody = 0;
    int rc = doc_keys(ix, d, &nfp, &nbands);
    if (!rc)
        rc = doc_paras(ix, d);
    if (!rc)
        rc = compress_text(ix, a->text, a->len, &nbody);
    if (rc)
        return ix_fail(ix, rc, "%s: %s", a->id, wt_strerror(rc));
    wt_store_doc sd = {0};
    sd.id = a->id;
    sd.outlet = a->outlet ? a->outlet : d->outlet;
    sd.url = a->url;
    sd.published = d->published;
    sd.lang = d->lang;
    sd.title = a->title ? a->title : d->title;
    sd.hash[0] = h->low64;
    sd.hash[1] = h->high64;
    sd.body = ix->zbuf;
    sd.nbody = nbody;
    sd.text_len = a->len;
    sd.paras = ix->paras;
    sd.nparas = d->npara;
    sd.fp = ix->fp;
    sd.nfp = nfp;
    sd.bands = ix->bands;
    sd.nbands = nbands;
    if ((rc = ensure_batch(ix)))
        return rc;
    if (ix->store->ops->put(ix->store, &sd))
        return store_fail(ix, WT_EIO);
    return 0;
}

int wt_index_add(wt_index *ix, const wt_article *a, int *added)
{
    if (!ix || !a || !a->id || (!a->text && a->len))
        return WT_EINVAL;
    if (added)
        *added = 0;
    ix->err[0] = '\0';
    const XXH128_hash_t h = XXH3_128bits(a->text ? a->text : "", a->len);
    const uint64_t hv[2] = {h.low64, h.high64};
    int rc = ix->store->ops->has_content(ix->store, a->id, hv);
    if (rc < 0)
        return store_fail(ix, rc);
    if (rc == 1)
        return 0;
    rc = analyze_article(ix, ix->prep, a, NULL);
    if (!rc)
        rc = store_document(ix, a, ix->prep->docs[0], &h);
    corpus_clear(ix->prep);
    if (rc)
        return rc;
    ix->pending++;
    ix->total++;
    if (added)
        *added = 1;
    if (ix->pending >= ix->iopts.batch)
        return wt_index_commit(ix);
    return 0;
}

int wt_index_remove(wt_index *ix, const char *id, int *removed)
{
    if (!ix || !id)
        return WT_EINVAL;
    int r = 0;
    int rc = ensure_batch(ix);
    if (!rc && ix->store->ops->remove(ix->store, id, &r))
        rc = store_fail(ix, WT_EIO);
    if (!rc && r) {
        ix->pending++;
        ix->total--;
    }
    if (removed)
        *removed = r;
    /* Removals are rare and should hold at once. */
    if (!rc && ix->pending)
        rc = wt_index_commit(ix);
    return rc;
}

int wt_index_stats_get(wt_index *ix, wt_index_stats *st)
{
    if (!ix || !st)
        return WT_EINVAL;
    wt_store_stats s;
    if (ix->store->ops->stats(ix->store, &s))
        return store_fail(ix, WT_EIO);
    st->documents = s.documents;
    st->paragraphs = s.paragraphs;
    st->fingerprints = s.fingerprints;
    st->bands = s.bands;
    st->text_bytes = s.text_bytes;
    st->file_bytes = s.file_bytes;
    return 0;
}

static int cmp_rank(const void *a, const void *b)
{
    const wt_store_hit *x = a, *y = b;
    const uint32_t rx = x->fp_hits + 2 * x->band_hits;
    const uint32_t ry = y->fp_hits + 2 * y->band_hits;
    if (rx != ry)
        return rx < ry ? 1 : -1;
    return (x->num > y->num) - (x->num < y->num);
}

static int passes(const wt_store_doc *d, const wt_article *q,
                  const wt_index_filter *f)
{
    if (!strcmp(d->id, q->id))
        return 0; /* the article itself, indexed earlier */
    if (!f)
        return 1;
    if (f->since && d->published < f->since)
        return 0;
    if (f->outlet && (!d->outlet || strcasecmp(f->outlet, d->outlet)))
        return 0;
    if (f->lang && (!d->lang || strcmp(f->lang, d->lang)))
        return 0;
    return 1;
}

/* Adds stored document sd to the result corpus, text decompressed. */
static int add_stored(wt_index *ix, const wt_store_doc *sd)
{
    if (wt_grow(&ix->zbuf, &ix->zcap, sd->text_len + 1, 1))
        return WT_ENOMEM;
    uLongf n = (uLongf)sd->text_len;
    if (uncompress(ix->zbuf, &n, sd->body, (uLong)sd->nbody) != Z_OK ||
        n != sd->text_len)
        return ix_fail(ix, WT_EIO, "index: document %s is damaged%s",
                       sd->id, "");
    wt_article a = {0};
    a.id = sd->id;
    a.outlet = sd->outlet;
    a.lang = sd->lang;
    a.published = sd->published;
    a.text = (const char *)ix->zbuf;
    a.len = n;
    return analyze_article(ix, ix->result, &a, NULL);
}

/* The keys of the query document, looked up and ranked. */
static int find_candidates(wt_index *ix, const wt_document *q, size_t *nhits)
{
    size_t nfp = 0, nbands = 0;
    int rc = doc_keys(ix, q, &nfp, &nbands);
    if (!rc && wt_grow(&ix->keys, &ix->keycap, nfp + 1, sizeof *ix->keys))
        rc = WT_ENOMEM;
    if (rc)
        return ix_fail(ix, rc, "%s%s", wt_strerror(rc), "");
    for (size_t i = 0; i < nfp; i++)
        ix->keys[i] = (uint32_t)(ix->fp[i] >> 32);
    *nhits = 0;
    if (ix->store->ops->candidates(ix->store, ix->keys, nfp, ix->bands,
                                   nbands, POSTING_CAP, &ix->hits, nhits,
                                   &ix->hitcap))
        return store_fail(ix, WT_EIO);
    if (*nhits > 1)
        qsort(ix->hits, *nhits, sizeof *ix->hits, cmp_rank);
    return 0;
}

int wt_index_query(wt_index *ix, const wt_article *a,
                   const wt_index_filter *f, const wt_corpus **out)
{
    if (!ix || !a || !a->id || (!a->text && a->len) || !out)
        return WT_EINVAL;
    *out = NULL;
    ix->err[0] = '\0';
    wt_corpus_free(ix->result);
    ix->result = NULL;
    int rc = wt_corpus_new(&ix->result, &ix->opts);
    if (rc)
        return ix_fail(ix, rc, "%s%s", wt_strerror(rc), "");
    size_t nhits = 0;
    if ((rc = analyze_article(ix, ix->result, a, NULL)) ||
        (rc = find_candidates(ix, ix->result->docs[0], &nhits)))
        return rc;
    size_t taken = 0;
    for (size_t i = 0; i < nhits && taken < ix->iopts.candidates; i++) {
        wt_store_doc sd;
        if (ix->store->ops->load(ix->store, ix->hits[i].num, &sd))
            return store_fail(ix, WT_EIO);
        if (!passes(&sd, a, f))
            continue;
        if ((rc = add_stored(ix, &sd)))
            return rc;
        taken++;
    }
    if ((rc = wt_corpus_analyze(ix->result)))
        return ix_fail(ix, rc, "%s%s", wt_corpus_error(ix->result), "");
    *out = ix->result;
    return 0;
}
