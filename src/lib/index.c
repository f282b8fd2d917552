/*
 * index.c - the archive index: articles analyzed once, stored with their
 * candidate keys, and checked against on query.
 *
 * Keys per document: a sample of its winnowing fingerprints (Schleimer,
 * Wilkerson, Aiken 2003), kept when the fingerprint is 0 modulo WT_IX_FP_SAMPLE
 * (the "0 mod p" rule of Broder's shingling, so two copies keep the same
 * ones), which finds a shared paragraph; and MinHash LSH bands (Indyk,
 * Motwani 1998; Leskovec, Rajaraman, Ullman, "Mining of Massive Datasets",
 * ch. 3), which find near-duplicates whose sampled fingerprints were
 * unlucky.  A query analyzes the article, collects the documents sharing
 * keys, and scores the best of them paragraph by paragraph with the same
 * stage compare uses (wt_corpus_analyze), re-analyzing their stored text:
 * a few candidates cost less than storing tokens for every document.
 *
 * Uses (uses.h) are recorded when a batch commits: each article it stored
 * is queried against the articles stored before it (lower numbers), in
 * the open write transaction, so that the rows are the same whatever the
 * batch size and whichever the store.  An article whose keys meet no
 * earlier article costs one postings lookup, not an analysis.
 */
#include "corpus.h"
#include "alloc.h"
#include "doccache.h"
#include "hmap.h"
#include "provenance.h"
#include "sort.h"
#include "store.h"
#include "tuning.h"
#include "uses.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xxhash.h>
#include <libdeflate.h>

/* A prepared article: all that storing it needs, without the analysis. */
struct wt_index_entry {
    char *id, *outlet, *url, *lang, *title;
    char *credits; /* wt_provenance_credits_text() */
    char *plangs;  /* paragraph languages, '\n'-separated */
    int64_t published;
    uint64_t hash[2];
    unsigned char *body; /* zlib */
    size_t nbody, text_len;
    uint32_t *paras; /* byte start, end, wt_boiler | lang index << 8 */
    size_t nparas;
    uint64_t *fp; /* sampled fingerprint << 32 | byte position */
    size_t nfp;
    uint64_t *bands;
    size_t nbands;
};

/* One thread's analysis context: a corpus that holds one article at a
 * time, so its language profiles and break iterators are reused. */
struct wt_index_worker {
    wt_options opts;
    wt_corpus *c;
    /* Articles are stored zlib-compressed by libdeflate: a compressor made
     * once (zlib's compress2 makes and clears a quarter megabyte of state
     * for every article, which on articles of a few kilobytes cost more
     * than compressing them). */
    struct libdeflate_compressor *z;
    char err[1024];
};

/* An article stored in the open batch, to be linked at its commit: its
 * id, and its keys, to skip the analysis when they meet no earlier
 * article. */
typedef struct link_todo {
    char *id;
    uint32_t *fp;
    size_t nfp;
    uint64_t *bands;
    size_t nbands;
} link_todo;

struct wt_index {
    wt_options opts;
    wt_index_options iopts;
    wt_store *store;
    wt_index_worker *prep; /* for wt_index_add */
    wt_corpus *result;     /* the last query's corpus */
    wt_doccache *cache;    /* stored documents analyzed for queries: own
                              or iopts.cache */
    wt_doccache *own;      /* the cache the handle made, or NULL */
    int in_txn;            /* a transaction is open */
    size_t pending;        /* documents in the open transaction */
    uint64_t total;        /* documents in the index */
    char err[1024];
    /* Scratch for queries, reused across calls. */
    uint32_t *keys;
    size_t keycap;
    unsigned char *zbuf;
    size_t zcap;
    struct libdeflate_decompressor *unz;
    wt_store_hit *hits;
    size_t hitcap;
    int64_t *nums; /* the numbers of the hits to prefetch */
    size_t numcap;
    unsigned char *bare; /* whether each is read without its body (a free
                            copy kept) */
    size_t barecap;
    uint32_t *pbuf; /* paragraph triples, aligned */
    size_t pcap;
    char *got; /* wt_index_get's article: its strings, one block */
    size_t gotcap;
    /* Uses: the batch's articles to link, the corpus they are linked in
     * (not `result`, which a caller may still read), their rows. */
    link_todo *todo;
    size_t ntodo, todocap;
    wt_corpus *linkc;
    wt_uses uses;
    int uses_unknown; /* "uses" was set to 0 (iopts.uses off) */
    wt_hmap damaged;  /* the numbers of the damaged rows warned of (1):
                         once, not once per query that meets one */
};

void wt_index_options_init(wt_index_options *o)
{
    memset(o, 0, sizeof *o);
    o->batch = 1000;
    o->candidates = 16;
    o->uses = 1;
    o->cache_bytes = WT_IX_CACHE_BYTES;
}

const char *wt_index_error(const wt_index *ix) { return ix ? ix->err : ""; }

int wt_index_cache_new(wt_index_cache **out, size_t max_bytes)
{
    WT_CHECK_ARG(out, WT_EINVAL);
    return wt_doccache_new(out, max_bytes);
}

void wt_index_cache_free(wt_index_cache *cache) { wt_doccache_free(cache); }

void wt_index_cache_stats_get(wt_index_cache *cache, wt_index_cache_stats *out)
{
    WT_CHECK_ARG(out, );
    wt_doccache_counts(cache, &out->hits, &out->misses, &out->documents,
                       &out->bytes);
}

/* The handle's cache: the shared one it was given, or one of its own. */
static int open_cache(wt_index *ix)
{
    if (ix->iopts.cache) {
        ix->cache = ix->iopts.cache;
        return 0;
    }
    const int rc = wt_doccache_new(&ix->own, ix->iopts.cache_bytes);
    ix->cache = ix->own;
    return rc;
}

static int ix_fail(wt_index *ix, int rc, const char *fmt, const char *a,
                   const char *b)
{
    snprintf(ix->err, sizeof ix->err, fmt, a, b);
    return rc;
}

static int store_fail(wt_index *ix, int rc)
{
    return ix_fail(ix, rc, "index: %s%s", ix->store->ops->error(ix->store), "");
}

/* The analysis settings that fingerprints depend on are the index's own:
 * a new index records them, an existing one imposes them. */
static int settle_options(wt_index *ix)
{
    static const char *const names[] = {"shingle_k", "window", "minhash_perms",
                                        "seed"};
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
            snprintf(buf, sizeof buf, "%llu",
                     i < 3 ? (unsigned long long)*u[i]
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
    /* A query's corpus is a few articles; callers run queries in parallel
     * instead (wt_index_query on one index per thread). */
    ix->opts.threads = 1;
    if (iopts)
        ix->iopts = *iopts;
    else
        wt_index_options_init(&ix->iopts);
    if (!ix->iopts.batch)
        ix->iopts.batch = 1;
    const int server = wt_store_pg_is_conninfo(path);
    int rc = server ? wt_store_pg_open(&ix->store, path, ix->iopts.read_only,
                                       err, errlen)
                    : wt_store_sqlite_open(&ix->store, path,
                                           ix->iopts.read_only, err, errlen);
    /* Errors name the index; a server by its database, never by a
     * connection string that may hold a password. */
    char name[256];
    if (server)
        wt_store_pg_describe(path, name, sizeof name);
    else
        snprintf(name, sizeof name, "%s", path);
    /* Settings are written once, by the first open; later opens only read
     * them and so never wait for a writer's open batch. */
    char *seed = NULL;
    if (!rc)
        rc = ix->store->ops->get_setting(ix->store, "seed", &seed);
    const int write = !rc && !seed;
    wt_free(seed);
    if (write && ix->iopts.read_only) {
        snprintf(err, errlen, "%s: not a wiretrace index (no settings)", name);
        rc = WT_ECORRUPT;
    }
    if (write)
        rc = ix->store->ops->begin(ix->store);
    if (!rc)
        rc = settle_options(ix);
    if (!rc && write)
        rc = ix->store->ops->commit(ix->store);
    /* The count, not the stats: those of a sharded index ask every
     * shard, and an index whose shard is down still opens (its queries
     * then say the shard is unavailable, and work again once it is
     * back). */
    if (!rc)
        rc = ix->store->ops->count(ix->store, &ix->total);
    if (rc && ix->store && !err[0])
        snprintf(err, errlen, "%s: %s", name, ix->store->ops->error(ix->store));
    if (!rc &&
        ((rc = wt_index_worker_new(&ix->prep, ix)) || (rc = open_cache(ix))))
        snprintf(err, errlen, "%s", wt_strerror(rc));
    if (!rc && !(ix->unz = libdeflate_alloc_decompressor())) {
        rc = WT_ENOMEM;
        snprintf(err, errlen, "%s", wt_strerror(rc));
    }
    if (rc) {
        wt_index_close(ix);
        return rc;
    }
    *out = ix;
    return 0;
}

int wt_index_ping(wt_index *ix)
{
    WT_CHECK_ARG(ix, WT_EINVAL);
    const int rc = ix->store->ops->ping(ix->store);
    return rc ? store_fail(ix, rc) : 0;
}

int wt_index_is_server(const char *path)
{
    return path && wt_store_pg_is_conninfo(path);
}

int wt_index_init(const char *path, const char *const *shards, size_t nshards,
                  const wt_options *opts, char *err, size_t errlen)
{
    char dummy[8];
    if (!err) {
        err = dummy;
        errlen = sizeof dummy;
    }
    err[0] = '\0';
    if (!path || (nshards && !shards))
        return WT_EINVAL;
    const int server = wt_index_is_server(path);
    if (nshards && !server) {
        snprintf(err, errlen, "%s: shards need a PostgreSQL database", path);
        return WT_EINVAL;
    }
    /* A SQLite file is made or brought up to date by opening it for
     * writing; a database gets its schema first, as no add makes one. */
    int rc = server ? wt_store_pg_init(path, shards, nshards, err, errlen) : 0;
    wt_index *ix = NULL;
    if (!rc)
        rc = wt_index_open(&ix, path, opts, NULL, err, errlen);
    wt_index_close(ix);
    return rc;
}

static void drop_todo(wt_index *ix)
{
    for (size_t i = 0; i < ix->ntodo; i++) {
        wt_free(ix->todo[i].id);
        wt_free(ix->todo[i].fp);
        wt_free(ix->todo[i].bands);
    }
    ix->ntodo = 0;
}

void wt_index_close(wt_index *ix)
{
    if (!ix)
        return;
    if (ix->store) {
        wt_index_commit(ix);
        ix->store->ops->close(ix->store);
    }
    drop_todo(ix);
    wt_free(ix->todo);
    wt_corpus_free(ix->linkc);
    wt_uses_release(&ix->uses);
    wt_index_worker_free(ix->prep);
    wt_corpus_free(ix->result);
    wt_doccache_free(ix->own);
    wt_free(ix->keys);
    wt_free(ix->zbuf);
    if (ix->unz)
        libdeflate_free_decompressor(ix->unz);
    wt_free(ix->hits);
    wt_free(ix->nums);
    wt_free(ix->bare);
    wt_free(ix->pbuf);
    wt_free(ix->got);
    wt_hmap_release(&ix->damaged);
    wt_free(ix);
}

/* The documents in the index, read back from the store. */
static int recount(wt_index *ix)
{
    const int rc = ix->store->ops->count(ix->store, &ix->total);
    return rc ? store_fail(ix, rc) : 0;
}

/* The code a failed write returns: WT_ENOMEM and WT_EUNAVAIL (the
 * database or a shard cannot be reached: the same write may work later)
 * as they are, any other WT_EWRITE. */
static int write_code(int rc)
{
    return rc == WT_ENOMEM || rc == WT_EUNAVAIL ? rc : WT_EWRITE;
}

/* After a failed write inside a batch or of its commit: the store has
 * kept nothing of the batch, or may have kept part of it (SQLite rolls a
 * transaction back on some errors and not on others), so the whole batch
 * is dropped and said to be lost.  Returns write_code(rc). */
static int abandon_batch(wt_index *ix, int rc)
{
    const size_t n = ix->pending;
    char why[512];
    snprintf(why, sizeof why, "%s", ix->store->ops->error(ix->store));
    ix->store->ops->rollback(ix->store);
    ix->pending = 0;
    ix->in_txn = 0;
    drop_todo(ix);
    snprintf(ix->err, sizeof ix->err,
             "index write failed: %s; the %zu "
             "earlier change(s) of this batch were not kept",
             why, n);
    recount(ix);
    return write_code(rc);
}

static int link_batch(wt_index *ix);

int wt_index_commit(wt_index *ix)
{
    WT_CHECK_ARG(ix, WT_EINVAL);
    if (!ix->in_txn)
        return 0;
    const size_t n = ix->pending;
    /* The batch's uses are part of it: kept with it or lost with it. */
    int rc = link_batch(ix);
    if (rc)
        return abandon_batch(ix, rc);
    /* The counts are read back after the commit, never counted ahead of
     * it: what is reported stored is stored. */
    rc = ix->store->ops->commit(ix->store);
    if (rc)
        return abandon_batch(ix, rc);
    ix->pending = 0;
    ix->in_txn = 0;
    if ((rc = recount(ix)))
        return rc;
    if (n && ix->iopts.progress)
        ix->iopts.progress(ix->iopts.progress_ctx, n, (size_t)ix->total);
    return 0;
}

/* Opens a transaction for the next write unless one is open. */
static int ensure_batch(wt_index *ix)
{
    if (ix->in_txn)
        return 0;
    const int rc = ix->store->ops->begin(ix->store);
    if (rc)
        return store_fail(ix, write_code(rc));
    ix->in_txn = 1;
    return 0;
}

/* Analyzes a into c (as its next document), with the article's language
 * and metadata; err gets the reason of a failure. */
static int analyze_article(wt_corpus *c, const wt_article *a, char *err,
                           size_t errlen)
{
    int rc = wt_corpus_add_in_lang(c, a->id, a->id, a->text, a->len,
                                   a->lang && *a->lang ? a->lang : NULL);
    if (!rc && (a->published || a->outlet))
        rc = wt_corpus_set_meta(c, c->ndocs - 1, a->published, a->outlet);
    if (rc)
        snprintf(err, errlen, "%s", c->err[0] ? c->err : wt_strerror(rc));
    return rc;
}

/* The sampled fingerprints of d (hash << 32 | byte position) and its LSH
 * bands, into fresh arrays. */
static int doc_keys(const wt_options *o, const wt_document *d, uint64_t **fp,
                    size_t *nfp, uint64_t **bands, size_t *nbands)
{
    const unsigned nb = o->minhash_perms / WT_IX_BAND_ROWS;
    *nfp = *nbands = 0;
    *fp = wt_malloc((d->nfp + 1) * sizeof **fp);
    *bands = wt_malloc((nb + 1) * sizeof **bands);
    const uint64_t *sig = wt_document_sig(d, o->minhash_perms, o->seed);
    if (!*fp || !*bands || !sig)
        return WT_ENOMEM;
    for (size_t i = 0; i < d->nfp; i++) {
        const uint32_t h = (uint32_t)(d->fp[i].hash >> 32);
        if (h % WT_IX_FP_SAMPLE == 0)
            (*fp)[(*nfp)++] = (uint64_t)h << 32 | d->toks.v[d->fp[i].tok].start;
    }
    for (unsigned b = 0; b < nb; b++) {
        const uint64_t *row = sig + (size_t)b * WT_IX_BAND_ROWS;
        if (row[0] == UINT64_MAX)
            continue; /* no shingles: nothing to band */
        (*bands)[(*nbands)++] = XXH3_64bits_withSeed(
            row, WT_IX_BAND_ROWS * sizeof *row, o->seed + b);
    }
    return 0;
}

void wt_index_entry_free(wt_index_entry *e)
{
    if (!e)
        return;
    wt_free(e->id);
    wt_free(e->outlet);
    wt_free(e->url);
    wt_free(e->lang);
    wt_free(e->title);
    wt_free(e->credits);
    wt_free(e->plangs);
    wt_free(e->body);
    wt_free(e->paras);
    wt_free(e->fp);
    wt_free(e->bands);
    wt_free(e);
}

static int dup_opt(char **out, const char *s)
{
    *out = s ? wt_strdup(s) : NULL;
    return s && !*out ? WT_ENOMEM : 0;
}

/* The hash a stored document keeps of article a's text (XXH3-128):
 * what tells an article stored with the same text. */
static void text_hash(const wt_article *a, uint64_t out[2])
{
    const XXH128_hash_t h = XXH3_128bits(a->text ? a->text : "", a->len);
    out[0] = h.low64;
    out[1] = h.high64;
}

/* The zlib stream (RFC 1950) of a's text in e->body, as any zlib
 * reader reads it. */
static int entry_text(wt_index_entry *e, const wt_article *a,
                      struct libdeflate_compressor *z)
{
    const size_t bound = libdeflate_zlib_compress_bound(z, a->len);
    e->body = wt_malloc(bound);
    if (!e->body)
        return WT_ENOMEM;
    const size_t n = libdeflate_zlib_compress(z, a->text ? a->text : "", a->len,
                                              e->body, bound);
    if (!n) /* no room: cannot happen within the bound */
        return WT_ENOMEM;
    e->nbody = n;
    e->text_len = a->len;
    text_hash(a, e->hash);
    return 0;
}

/* The index of code in the '\n'-separated list *langs, appended if new. */
static int lang_index(char **langs, const char *code, size_t *out)
{
    size_t i = 0;
    const size_t cl = strlen(code);
    for (const char *p = *langs; p; i++) {
        const size_t len = strcspn(p, "\n");
        if (len == cl && !strncmp(p, code, cl)) {
            *out = i;
            return 0;
        }
        p = p[len] ? p + len + 1 : NULL;
    }
    size_t old = *langs ? strlen(*langs) : 0;
    char *n = wt_realloc(*langs, old + cl + 2);
    if (!n)
        return WT_ENOMEM;
    if (old)
        n[old++] = '\n';
    memcpy(n + old, code, cl + 1);
    *langs = n;
    *out = i;
    return 0;
}

/* Fills e from the analyzed document d of article a. */
static int entry_fill(wt_index_entry *e, const wt_index_worker *w,
                      const wt_article *a, const wt_document *d)
{
    int rc = dup_opt(&e->id, a->id);
    if (!rc)
        rc = dup_opt(&e->outlet, a->outlet ? a->outlet : d->outlet);
    if (!rc)
        rc = dup_opt(&e->url, a->url ? a->url : d->url); /* a page's */
    if (!rc)
        rc = dup_opt(&e->lang, d->lang);
    if (!rc)
        rc = dup_opt(&e->title, a->title ? a->title : d->title);
    if (!rc)
        rc = entry_text(e, a, w->z);
    if (!rc && !(e->paras = wt_malloc((3 * d->npara + 3) * sizeof *e->paras)))
        rc = WT_ENOMEM;
    if (!rc)
        rc = wt_provenance_credits_text(d, &e->credits);
    if (!rc)
        rc = doc_keys(&w->opts, d, &e->fp, &e->nfp, &e->bands, &e->nbands);
    if (rc)
        return rc;
    e->published = d->published;
    e->nparas = d->npara;
    for (size_t i = 0; i < d->npara; i++) {
        size_t li = 0;
        if ((rc = lang_index(&e->plangs, d->paras[i].lang, &li)))
            return rc;
        e->paras[3 * i] = (uint32_t)d->paras[i].pub.start;
        e->paras[3 * i + 1] = (uint32_t)d->paras[i].pub.end;
        e->paras[3 * i + 2] = (uint32_t)d->paras[i].pub.boiler | (uint32_t)li
                                                                     << 8;
    }
    return 0;
}

int wt_index_worker_new(wt_index_worker **out, const wt_index *ix)
{
    WT_CHECK_ARG(out && ix, WT_EINVAL);
    wt_index_worker *w = wt_calloc(1, sizeof *w);
    if (!w)
        return WT_ENOMEM;
    w->opts = ix->opts;
    /* Level 1: on the 10k-article benchmark corpus it compresses 1.75x
     * faster than level 6 (zlib's default), for 1.1 % more bytes of
     * stored text, and its streams inflate as fast (within 3 %). */
    w->z = libdeflate_alloc_compressor(1);
    const int rc = w->z ? wt_corpus_new(&w->c, &w->opts) : WT_ENOMEM;
    if (rc) {
        wt_index_worker_free(w);
        return rc;
    }
    *out = w;
    return 0;
}

void wt_index_worker_free(wt_index_worker *w)
{
    if (!w)
        return;
    wt_corpus_free(w->c);
    if (w->z)
        libdeflate_free_compressor(w->z);
    wt_free(w);
}

const char *wt_index_worker_error(const wt_index_worker *w)
{
    return w ? w->err : "";
}

int wt_index_prepare(wt_index_worker *w, const wt_article *a,
                     wt_index_entry **out)
{
    WT_CHECK_ARG(w && a && out, WT_EINVAL);
    if (!a->id || (!a->text && a->len))
        return WT_EINVAL;
    *out = NULL;
    w->err[0] = '\0';
    wt_index_entry *e = wt_calloc(1, sizeof *e);
    if (!e)
        return WT_ENOMEM;
    int rc = analyze_article(w->c, a, w->err, sizeof w->err);
    if (!rc && (rc = entry_fill(e, w, a, w->c->docs[0])))
        snprintf(w->err, sizeof w->err, "%s: %s", a->id, wt_strerror(rc));
    wt_corpus_reset(w->c);
    if (rc) {
        wt_index_entry_free(e);
        return rc;
    }
    *out = e;
    return 0;
}

/* Keeps what linking e at the commit needs. */
static int remember_todo(wt_index *ix, const wt_index_entry *e)
{
    if (wt_grow(&ix->todo, &ix->todocap, ix->ntodo + 1, sizeof *ix->todo))
        return WT_ENOMEM;
    link_todo *t = &ix->todo[ix->ntodo];
    memset(t, 0, sizeof *t);
    t->id = wt_strdup(e->id);
    t->fp = wt_malloc((e->nfp + 1) * sizeof *t->fp);
    t->bands = wt_malloc((e->nbands + 1) * sizeof *t->bands);
    if (!t->id || !t->fp || !t->bands) {
        wt_free(t->id);
        wt_free(t->fp);
        wt_free(t->bands);
        return WT_ENOMEM;
    }
    for (size_t i = 0; i < e->nfp; i++)
        t->fp[i] = (uint32_t)(e->fp[i] >> 32);
    if (e->nbands)
        memcpy(t->bands, e->bands, e->nbands * sizeof *t->bands);
    t->nfp = e->nfp;
    t->nbands = e->nbands;
    ix->ntodo++;
    return 0;
}

/* An article stored without its uses: the audit must say they are
 * missing until index relink records them. */
static int uses_unknown(wt_index *ix)
{
    if (ix->uses_unknown)
        return 0;
    const int rc = ix->store->ops->set_setting(ix->store, "uses", "0");
    ix->uses_unknown = !rc;
    return rc;
}

int wt_index_put(wt_index *ix, const wt_index_entry *e, int *added)
{
    WT_CHECK_ARG(ix && e, WT_EINVAL);
    if (added)
        *added = 0;
    ix->err[0] = '\0';
    int rc = ix->store->ops->has_content(ix->store, e->id, e->hash);
    if (rc < 0)
        return store_fail(ix, rc);
    if (rc == 1)
        return 0;
    wt_store_doc sd = {0};
    sd.id = e->id;
    sd.outlet = e->outlet;
    sd.url = e->url;
    sd.published = e->published;
    sd.lang = e->lang;
    sd.title = e->title;
    sd.credits = e->credits;
    sd.plangs = e->plangs;
    memcpy(sd.hash, e->hash, sizeof sd.hash);
    sd.body = e->body;
    sd.nbody = e->nbody;
    sd.text_len = e->text_len;
    sd.paras = e->paras;
    sd.nparas = e->nparas;
    sd.fp = e->fp;
    sd.nfp = e->nfp;
    sd.bands = e->bands;
    sd.nbands = e->nbands;
    if ((rc = ensure_batch(ix)))
        return rc;
    int replaced = 0;
    if ((rc = ix->store->ops->put(ix->store, &sd, &replaced)))
        return abandon_batch(ix, rc);
    if ((rc = ix->iopts.uses ? remember_todo(ix, e) : uses_unknown(ix)))
        return abandon_batch(ix, rc);
    ix->pending++;
    if (added)
        *added = replaced ? WT_ADDED_REPLACED : WT_ADDED_NEW;
    if (ix->pending >= ix->iopts.batch)
        return wt_index_commit(ix);
    return 0;
}

int wt_index_add(wt_index *ix, const wt_article *a, int *added)
{
    WT_CHECK_ARG(ix && a, WT_EINVAL);
    if (!a->id || (!a->text && a->len))
        return WT_EINVAL;
    if (added)
        *added = 0;
    wt_index_entry *e = NULL;
    int rc = wt_index_prepare(ix->prep, a, &e);
    if (rc) {
        snprintf(ix->err, sizeof ix->err, "%s", ix->prep->err);
        return rc;
    }
    rc = wt_index_put(ix, e, added);
    wt_index_entry_free(e);
    return rc;
}

int wt_index_remove(wt_index *ix, const char *id, int *removed)
{
    WT_CHECK_ARG(ix && id, WT_EINVAL);
    int r = 0;
    int rc = ensure_batch(ix);
    if (!rc && (rc = ix->store->ops->remove(ix->store, id, &r)))
        return abandon_batch(ix, rc);
    if (!rc && r)
        ix->pending++;
    if (removed)
        *removed = r;
    /* Removals are rare and should hold at once. */
    if (!rc)
        rc = wt_index_commit(ix);
    return rc;
}

int wt_index_stats_get(wt_index *ix, wt_index_stats *st)
{
    WT_CHECK_ARG(ix && st, WT_EINVAL);
    wt_store_stats s;
    const int rc = ix->store->ops->stats(ix->store, &s);
    if (rc)
        return store_fail(ix, rc);
    st->documents = s.documents;
    st->paragraphs = s.paragraphs;
    st->fingerprints = s.fingerprints;
    st->bands = s.bands;
    st->text_bytes = s.text_bytes;
    st->file_bytes = s.file_bytes;
    return 0;
}

/* The evidence of a hit: shared fingerprints, bands twice. */
static uint32_t evidence(const wt_store_hit *h)
{
    return h->fp_hits + 2 * h->band_hits;
}

/* More evidence first, then more of the keys too common to be evidence,
 * then the earlier publication when read (unknown times last), then the
 * order stored. */
static int cmp_rank(const void *a, const void *b)
{
    const wt_store_hit *x = a, *y = b;
    if (evidence(x) != evidence(y))
        return evidence(x) < evidence(y) ? 1 : -1;
    if (x->hub_hits != y->hub_hits)
        return x->hub_hits < y->hub_hits ? 1 : -1;
    const int64_t tx = x->published ? x->published : INT64_MAX;
    const int64_t ty = y->published ? y->published : INT64_MAX;
    if (tx != ty)
        return tx < ty ? -1 : 1;
    return (x->num > y->num) - (x->num < y->num);
}

static int cmp_time(const void *a, const void *b)
{
    const wt_store_hit *x = a, *y = b;
    const int64_t tx = x->published ? x->published : INT64_MAX;
    const int64_t ty = y->published ? y->published : INT64_MAX;
    if (tx != ty)
        return tx < ty ? -1 : 1;
    return cmp_rank(a, b);
}

/* Both are total orders (a document's hits are merged into one): any sort
 * gives the same order, and this one inlines the comparisons. */
#define RANK_LESS(a, b) (cmp_rank(&(a), &(b)) < 0)
#define TIME_LESS(a, b) (cmp_time(&(a), &(b)) < 0)
WT_SORT_DEFINE(sort_by_rank, wt_store_hit, RANK_LESS)
WT_SORT_DEFINE(sort_by_time, wt_store_hit, TIME_LESS)

/* The hits close enough to the best to be copies of one story: evidence
 * at least half the best's, at least the few the query may load, at most
 * WT_IX_TIME_POOL_MAX. */
static size_t pool_size(const wt_index *ix, size_t nhits)
{
    size_t pool = WT_IX_TIME_POOL * ix->iopts.candidates;
    const uint32_t best = nhits ? evidence(&ix->hits[0]) : 0;
    while (pool < nhits && pool < WT_IX_TIME_POOL_MAX &&
           2 * evidence(&ix->hits[pool]) >= best)
        pool++;
    return pool < nhits ? pool : nhits;
}

static int cmp_hubs(const void *a, const void *b)
{
    const wt_store_hit *x = a, *y = b;
    if (x->lead_hits != y->lead_hits)
        return x->lead_hits < y->lead_hits ? 1 : -1;
    if (x->hub_hits != y->hub_hits)
        return x->hub_hits < y->hub_hits ? 1 : -1;
    return cmp_rank(a, b);
}

/* Moves to the front the WT_IX_HUB_SLOTS hits that most of the query's
 * too common keys had as their earliest holder, then led to at all: the
 * wire of a story hundreds of stored articles carry. */
static void hubs_first(wt_index *ix, size_t nhits)
{
    for (size_t k = 0; k < WT_IX_HUB_SLOTS && k < nhits; k++) {
        size_t best = k;
        for (size_t i = k + 1; i < nhits; i++)
            if (cmp_hubs(&ix->hits[i], &ix->hits[best]) < 0)
                best = i;
        if (!ix->hits[best].hub_hits)
            return;
        const wt_store_hit h = ix->hits[best];
        memmove(ix->hits + k + 1, ix->hits + k, (best - k) * sizeof h);
        ix->hits[k] = h;
    }
}

/* Puts first the WT_IX_ORIGIN_SLOTS earliest published of the hits close
 * to the best, then the rest by evidence: among hundreds of copies of a
 * wire story, those sharing the same edits as the query share more with
 * it than the wire does, yet the wire is the answer a desk wants (the
 * times came with the postings).  Then the hub slots (hubs_first). */
static void rank_pool(wt_index *ix, size_t nhits)
{
    const size_t pool = pool_size(ix, nhits);
    if (pool > 1) {
        sort_by_time(ix->hits, pool);
        size_t early = 0;
        while (early < pool && early < WT_IX_ORIGIN_SLOTS &&
               ix->hits[early].published)
            early++;
        sort_by_rank(ix->hits + early, pool - early);
    }
    hubs_first(ix, nhits);
}

/* below: only documents numbered below it (stored before the article
 * being linked); INT64_MAX for a query. */
static int passes(const wt_store_doc *d, const char *id,
                  const wt_index_filter *f, int64_t below)
{
    if (d->num >= below || (id && !strcmp(d->id, id)))
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

/* A tag of all that a stored document's analysis is made from: the same
 * number with another tag is an article replaced since.  The text is
 * known by its hash, so that a load without the body has the tag. */
static uint64_t stored_tag(const wt_store_doc *sd)
{
    const char *const meta[] = {sd->id,    sd->outlet,  sd->url,   sd->lang,
                                sd->title, sd->credits, sd->plangs};
    uint64_t h =
        XXH3_64bits_withSeed(sd->hash, sizeof sd->hash, (uint64_t)sd->text_len);
    for (size_t i = 0; i < sizeof meta / sizeof *meta; i++)
        h = XXH3_64bits_withSeed(meta[i] ? meta[i] : "",
                                 meta[i] ? strlen(meta[i]) + 1 : 0, h);
    return XXH3_64bits_withSeed(sd->paras, 3 * sizeof(uint32_t) * sd->nparas,
                                h ^ (uint64_t)sd->published);
}

/* After add_stored() found row num damaged (WT_ECORRUPT, ix->err naming
 * it): the error logged as a warning the first time this handle meets the
 * row, and cleared, so that the caller goes on without it.  Returns 0, or
 * WT_ENOMEM. */
static int skip_damaged(wt_index *ix, int64_t num)
{
    uint64_t *seen = wt_hmap_slot(&ix->damaged, (uint64_t)num);
    if (!seen)
        return WT_ENOMEM;
    if (!*seen && ix->opts.logger)
        ix->opts.logger(ix->opts.logger_ctx, WT_LOG_WARN, ix->err);
    *seen = 1;
    ix->err[0] = '\0';
    return 0;
}

/* Adds stored document sd to corpus c: as the cache kept it, or its text
 * decompressed and analyzed again (then kept). */
static int add_stored(wt_index *ix, wt_corpus *c, const wt_store_doc *sd)
{
    uint64_t tag = stored_tag(sd);
    wt_document *kept = wt_doccache_lend(ix->cache, sd->num, tag);
    if (kept) {
        const int rc = wt_corpus_add_shared(c, kept);
        wt_document_release(kept); /* the lend's holder: c holds it now */
        return rc && rc != WT_ENOMEM
                   ? ix_fail(ix, rc, "%s%s", wt_corpus_error(c), "")
                   : rc;
    }
    wt_store_doc whole;
    if (!sd->body) { /* loaded without it, as a copy was kept: read it */
        const int rc = ix->store->ops->load(ix->store, sd->num, 1, &whole);
        if (rc)
            return store_fail(ix, rc);
        sd = &whole;
        tag = stored_tag(sd);
    }
    if (wt_grow(&ix->zbuf, &ix->zcap, sd->text_len + 1, 1))
        return WT_ENOMEM;
    size_t n = 0;
    if (libdeflate_zlib_decompress(ix->unz, sd->body, sd->nbody, ix->zbuf,
                                   sd->text_len, &n) != LIBDEFLATE_SUCCESS ||
        n != sd->text_len)
        return ix_fail(ix, WT_ECORRUPT, "index: document %s is damaged%s",
                       sd->id, "");
    /* The store's blob need not be aligned for u32. */
    if (wt_grow(&ix->pbuf, &ix->pcap, 3 * sd->nparas + 3, sizeof *ix->pbuf))
        return WT_ENOMEM;
    if (sd->nparas)
        memcpy(ix->pbuf, sd->paras, 3 * sd->nparas * sizeof *ix->pbuf);
    wt_known_doc k = {0};
    k.id = sd->id;
    k.lang = sd->lang ? sd->lang : "en";
    k.outlet = sd->outlet;
    k.title = sd->title;
    k.url = sd->url;
    k.published = sd->published;
    k.text = (const char *)ix->zbuf;
    k.len = n;
    k.paras = ix->pbuf;
    k.nparas = sd->nparas;
    k.credits = sd->credits;
    k.langs = sd->plangs;
    const int rc = wt_corpus_add_known(c, &k);
    if (rc == WT_ENOMEM)
        return rc;
    if (rc) {
        char why[256];
        snprintf(why, sizeof why, "%.*s", (int)sizeof why - 1, c->err);
        return ix_fail(ix, WT_ECORRUPT,
                       "index: document %s is damaged "
                       "(%s)",
                       sd->id, why);
    }
    /* Not kept (out of memory) costs the next query an analysis only. */
    (void)wt_doccache_put(ix->cache, sd->num, tag, c->docs[c->ndocs - 1]);
    return 0;
}

/* Copies the strings of stored document sd and its text (decompressed)
 * into ix->got, one after another, and points *a at them. */
static int copy_stored(wt_index *ix, const wt_store_doc *sd, wt_article *a,
                       int with_text)
{
    const char *src[] = {sd->id, sd->outlet, sd->url, sd->lang, sd->title};
    const char **dst[] = {&a->id, &a->outlet, &a->url, &a->lang, &a->title};
    size_t need = with_text ? sd->text_len + 1 : 0;
    for (size_t i = 0; i < 5; i++)
        need += src[i] ? strlen(src[i]) + 1 : 0;
    if (wt_grow(&ix->got, &ix->gotcap, need + 1, 1))
        return WT_ENOMEM;
    char *p = ix->got;
    if (with_text) {
        size_t n = 0;
        if (libdeflate_zlib_decompress(ix->unz, sd->body, sd->nbody, p,
                                       sd->text_len,
                                       &n) != LIBDEFLATE_SUCCESS ||
            n != sd->text_len)
            return ix_fail(ix, WT_ECORRUPT, "index: document %s is damaged%s",
                           sd->id, "");
        p[n] = '\0';
        a->text = p;
        a->len = n;
        p += n + 1;
    }
    for (size_t i = 0; i < 5; i++) {
        if (!src[i])
            continue;
        const size_t len = strlen(src[i]);
        memcpy(p, src[i], len + 1);
        *dst[i] = p;
        p += len + 1;
    }
    a->published = sd->published;
    return 0;
}

int wt_index_get(wt_index *ix, const char *id, wt_article *out, int *found)
{
    WT_CHECK_ARG(ix && id && out && found, WT_EINVAL);
    memset(out, 0, sizeof *out);
    *found = 0;
    ix->err[0] = '\0';
    /* One snapshot for the lookup and the load, as a query reads. */
    int rc = ix->store->ops->read_begin(ix->store);
    if (rc)
        return store_fail(ix, rc);
    int64_t num = 0;
    wt_store_doc sd;
    const int has = ix->store->ops->find(ix->store, id, &num);
    rc = has < 0 ? has : has ? ix->store->ops->load(ix->store, num, 1, &sd) : 0;
    if (rc)
        rc = store_fail(ix, rc);
    else if (has)
        rc = copy_stored(ix, &sd, out, 1);
    ix->store->ops->read_end(ix->store);
    if (rc)
        memset(out, 0, sizeof *out);
    *found = !rc && has;
    return rc;
}

/* 1 when stored document sd passes filter f and the bound until. */
static int listed(const wt_store_doc *sd, const wt_index_filter *f,
                  int64_t until)
{
    if ((f && f->since && sd->published < f->since) ||
        (until && (!sd->published || sd->published >= until)))
        return 0;
    if (f && f->outlet && (!sd->outlet || strcasecmp(sd->outlet, f->outlet)))
        return 0;
    return !(f && f->lang && (!sd->lang || strcmp(sd->lang, f->lang)));
}

int wt_index_list(wt_index *ix, const wt_index_filter *f, int64_t until,
                  wt_index_list_cb cb, void *ctx)
{
    WT_CHECK_ARG(ix && cb, WT_EINVAL);
    ix->err[0] = '\0';
    int rc = ix->store->ops->read_begin(ix->store);
    if (rc)
        return store_fail(ix, rc);
    for (int64_t num = 0; !rc;) {
        wt_store_doc sd;
        wt_article a;
        if ((rc = ix->store->ops->next_doc(ix->store, num, &num)) ||
            (num && (rc = ix->store->ops->load(ix->store, num, 1, &sd))))
            rc = store_fail(ix, rc);
        if (rc || !num)
            break;
        if (!listed(&sd, f, until))
            continue;
        memset(&a, 0, sizeof a);
        /* Metadata only: a listing never needs the texts inflated. */
        if (!(rc = copy_stored(ix, &sd, &a, 0)))
            rc = cb(ctx, &a);
    }
    ix->store->ops->read_end(ix->store);
    return rc;
}

/* The keys of the query document, looked up and ranked. */
static int find_candidates(wt_index *ix, const wt_document *q, size_t *nhits)
{
    size_t nfp = 0, nbands = 0;
    uint64_t *fp = NULL, *bands = NULL;
    int rc = doc_keys(&ix->opts, q, &fp, &nfp, &bands, &nbands);
    if (!rc && wt_grow(&ix->keys, &ix->keycap, nfp + 1, sizeof *ix->keys))
        rc = WT_ENOMEM;
    for (size_t i = 0; !rc && i < nfp; i++)
        ix->keys[i] = (uint32_t)(fp[i] >> 32);
    *nhits = 0;
    if (!rc && (rc = ix->store->ops->candidates(
                    ix->store, ix->keys, nfp, bands, nbands, WT_IX_POSTING_CAP,
                    WT_IX_HUBS, &ix->hits, nhits, &ix->hitcap)))
        rc = store_fail(ix, rc);
    else if (rc)
        rc = ix_fail(ix, rc, "%s%s", wt_strerror(rc), "");
    wt_free(fp);
    wt_free(bands);
    if (rc)
        return rc;
    sort_by_rank(ix->hits, *nhits);
    rank_pool(ix, *nhits);
    return 0;
}

/* Asks the store for the next `want` hits from hits[i] stored before
 * below, the ones the loads will ask for when they all pass the filter;
 * *end: the hit after the last asked for. */
static int prefetch(wt_index *ix, size_t i, size_t nhits, int64_t below,
                    size_t want, size_t *end)
{
    size_t n = 0;
    if (!ix->store->ops->prefetch) {
        *end = nhits;
        return 0;
    }
    if (wt_grow(&ix->nums, &ix->numcap, want, sizeof *ix->nums) ||
        wt_grow(&ix->bare, &ix->barecap, want, 1))
        return WT_ENOMEM;
    for (; i < nhits && n < want; i++)
        if (ix->hits[i].num < below)
            ix->nums[n++] = ix->hits[i].num;
    *end = i;
    /* Those the cache keeps a free copy of are read without their text:
     * decided here, once for the batch, as the loads that follow take
     * what was read. */
    wt_doccache_free_copies(ix->cache, ix->nums, n, ix->bare);
    return ix->store->ops->prefetch(ix->store, ix->nums, ix->bare, n);
}

/* Adds the stored candidates of the article in c (document 0) that pass
 * the filter to c. */
static int load_candidates(wt_index *ix, wt_corpus *c, const char *id,
                           const wt_index_filter *f, int64_t below,
                           size_t limit)
{
    size_t nhits = 0;
    int rc = find_candidates(ix, c->docs[0], &nhits);
    size_t taken = 0, fetched = 0;
    for (size_t i = 0; !rc && i < nhits && taken < limit; i++) {
        wt_store_doc sd;
        if (ix->hits[i].num >= below)
            continue; /* stored after: its own link finds this one */
        if (i >= fetched &&
            (rc = prefetch(ix, i, nhits, below, limit - taken, &fetched)))
            return rc == WT_ENOMEM ? rc : store_fail(ix, rc);
        /* Without its body if prefetched so: add_stored() reads it when
         * the kept copy turns out stale or lent. */
        if ((rc = ix->store->ops->load(ix->store, ix->hits[i].num, 0, &sd)))
            return store_fail(ix, rc);
        if (!passes(&sd, id, f, below))
            continue;
        rc = add_stored(ix, c, &sd);
        if (rc == WT_ECORRUPT) {
            /* One damaged row must not fail every query that meets it. */
            rc = skip_damaged(ix, sd.num);
        } else if (!rc) {
            taken++;
        }
    }
    return rc;
}

/* 1 when given, a field of the article, is unset or what was stored. */
static int same_or_unset(const char *given, const char *stored)
{
    return !given || !*given || (stored && !strcmp(given, stored));
}

/* 1 when sd is article a as it was added with these options: its text,
 * and whatever a or the options set (outlet, URL, title, time,
 * language) that analysis would otherwise find in the text. */
static int stored_as_given(const wt_index *ix, const wt_article *a,
                           const wt_store_doc *sd)
{
    uint64_t h[2];
    text_hash(a, h);
    return sd->text_len == a->len && sd->hash[0] == h[0] &&
           sd->hash[1] == h[1] && same_or_unset(a->outlet, sd->outlet) &&
           same_or_unset(a->url, sd->url) &&
           same_or_unset(a->title, sd->title) &&
           (!a->published || a->published == sd->published) &&
           same_or_unset(a->lang, sd->lang) &&
           same_or_unset(ix->opts.lang, sd->lang);
}

/* Document 0 of ix->result: article a as stored, from the cache or
 * analyzed from the stored row (then kept); *found 0 when the index
 * does not hold it as given. */
static int add_as_stored(wt_index *ix, const wt_article *a, int *found)
{
    int64_t num = 0;
    wt_store_doc sd;
    const int has = ix->store->ops->find(ix->store, a->id, &num);
    if (has <= 0)
        return has < 0 ? store_fail(ix, has) : 0;
    /* With its body: a copy not kept would read the row again (a round
     * trip on PostgreSQL), and most are not kept in a large scan. */
    const int rc = ix->store->ops->load(ix->store, num, 1, &sd);
    if (rc)
        return store_fail(ix, rc);
    if (!stored_as_given(ix, a, &sd))
        return 0;
    *found = 1;
    const int arc = add_stored(ix, ix->result, &sd);
    if (arc != WT_ECORRUPT)
        return arc;
    /* Its own row damaged: the article's text, as given, still answers
     * (wt_index_query(), the caller's fallback). */
    *found = 0;
    return skip_damaged(ix, sd.num);
}

/* The query of article a: analyzed afresh (stored NULL), or as the
 * index holds it (*stored 0 when it does not: nothing more is done). */
static int query(wt_index *ix, const wt_article *a, const wt_index_filter *f,
                 const wt_corpus **out, int *stored)
{
    if (!a->id || (!a->text && a->len))
        return WT_EINVAL;
    *out = NULL;
    ix->err[0] = '\0';
    int rc = 0;
    if (ix->result)
        wt_corpus_reset(ix->result);
    else if ((rc = wt_corpus_new(&ix->result, &ix->opts)))
        return ix_fail(ix, rc, "%s%s", wt_strerror(rc), "");
    if (!stored &&
        (rc = analyze_article(ix->result, a, ix->err, sizeof ix->err)))
        return rc;
    if ((rc = ix->store->ops->read_begin(ix->store)))
        return store_fail(ix, rc);
    if (stored)
        rc = add_as_stored(ix, a, stored);
    if (!rc && (!stored || *stored))
        rc = load_candidates(ix, ix->result, a->id, f, INT64_MAX,
                             ix->iopts.candidates);
    ix->store->ops->read_end(ix->store);
    if (rc || (stored && !*stored))
        return rc;
    ix->result->focus = 1; /* links among the candidates are not asked */
    if ((rc = wt_corpus_analyze(ix->result)))
        return ix_fail(ix, rc, "%s%s", wt_corpus_error(ix->result), "");
    *out = ix->result;
    return 0;
}

int wt_index_query(wt_index *ix, const wt_article *a, const wt_index_filter *f,
                   const wt_corpus **out)
{
    WT_CHECK_ARG(ix && a && out, WT_EINVAL);
    return query(ix, a, f, out, NULL);
}

int wt_index_query_stored(wt_index *ix, const wt_article *a,
                          const wt_index_filter *f, const wt_corpus **out,
                          int *found)
{
    WT_CHECK_ARG(ix && a && out && found, WT_EINVAL);
    *found = 0;
    return query(ix, a, f, out, found);
}

/* ---- uses: recorded at each commit, summed by wt_index_audit ---- */

/* 1 when the keys of t lead to a document stored before number num. */
static int meets_earlier(wt_index *ix, const link_todo *t, int64_t num)
{
    size_t nhits = 0;
    const int rc = ix->store->ops->candidates(
        ix->store, t->fp, t->nfp, t->bands, t->nbands, WT_IX_POSTING_CAP,
        WT_IX_HUBS, &ix->hits, &nhits, &ix->hitcap);
    if (rc)
        return store_fail(ix, rc);
    for (size_t i = 0; i < nhits; i++)
        if (ix->hits[i].num < num)
            return 1;
    return 0;
}

/* The stored document num in ix->linkc (document 0) with the documents
 * stored before it that its query finds, analyzed.  *skip is set when the
 * document is damaged (logged, not linked). */
static int link_corpus(wt_index *ix, int64_t num, int *skip)
{
    int rc = 0;
    *skip = 0;
    if (ix->linkc)
        wt_corpus_reset(ix->linkc);
    else if ((rc = wt_corpus_new(&ix->linkc, &ix->opts)))
        return ix_fail(ix, rc, "%s%s", wt_strerror(rc), "");
    wt_store_doc sd;
    if ((rc = ix->store->ops->load(ix->store, num, 0, &sd)))
        return store_fail(ix, rc);
    rc = add_stored(ix, ix->linkc, &sd);
    if (rc == WT_ECORRUPT) {
        *skip = 1;
        return skip_damaged(ix, sd.num);
    }
    if (!rc)
        rc = load_candidates(ix, ix->linkc, NULL, NULL, num,
                             ix->iopts.candidates);
    if (rc || ix->linkc->ndocs < 2) {
        *skip = !rc;
        return rc;
    }
    ix->linkc->focus = 1;
    if ((rc = wt_corpus_analyze(ix->linkc)))
        return ix_fail(ix, rc, "%s%s", wt_corpus_error(ix->linkc), "");
    return 0;
}

/* Records the uses between document num and those stored before it;
 * t (may be NULL) gives its keys to skip one that meets none. */
static int link_doc(wt_index *ix, int64_t num, const link_todo *t)
{
    int rc = t ? meets_earlier(ix, t, num) : 1;
    if (rc <= 0)
        return rc;
    int skip = 0;
    if ((rc = link_corpus(ix, num, &skip)) || skip)
        return rc;
    wt_uses_clear(&ix->uses);
    if ((rc = wt_uses_collect(ix->linkc, &ix->uses)))
        return rc;
    if (ix->uses.n &&
        (rc = ix->store->ops->put_uses(ix->store, ix->uses.v, ix->uses.n)))
        return store_fail(ix, rc);
    return 0;
}

/* Links the articles the open batch stored, in the order they were put,
 * once the store holds the whole batch (flush). */
static int link_batch(wt_index *ix)
{
    int rc = ix->ntodo ? ix->store->ops->flush(ix->store) : 0;
    if (rc)
        rc = store_fail(ix, rc);
    for (size_t i = 0; i < ix->ntodo && !rc; i++) {
        int64_t num = 0;
        const int has = ix->store->ops->find(ix->store, ix->todo[i].id, &num);
        if (has < 0)
            rc = store_fail(ix, has);
        else if (has) /* else removed later in the batch */
            rc = link_doc(ix, num, &ix->todo[i]);
    }
    drop_todo(ix);
    return rc;
}

/* A write batch sent to the store, for relink's uses. */
static int relink_batch(wt_index *ix)
{
    int rc = ensure_batch(ix);
    if (!rc && (rc = ix->store->ops->flush(ix->store)))
        return abandon_batch(ix, rc);
    return rc;
}

int wt_index_relink(wt_index *ix)
{
    WT_CHECK_ARG(ix, WT_EINVAL);
    ix->err[0] = '\0';
    int rc = wt_index_commit(ix);
    if (!rc)
        rc = relink_batch(ix);
    if (!rc && (rc = ix->store->ops->clear_uses(ix->store)))
        return abandon_batch(ix, rc);
    int64_t num = 0;
    while (!rc) {
        if ((rc = ix->store->ops->next_doc(ix->store, num, &num)))
            return abandon_batch(ix, rc);
        if (!num)
            break;
        if ((rc = link_doc(ix, num, NULL)))
            return abandon_batch(ix, rc);
        if (++ix->pending >= ix->iopts.batch && !(rc = wt_index_commit(ix)))
            rc = relink_batch(ix);
    }
    if (!rc && (rc = ix->store->ops->set_setting(ix->store, "uses", "1")))
        return abandon_batch(ix, rc);
    ix->uses_unknown = 0;
    return rc ? rc : wt_index_commit(ix);
}

/* The key of an outlet name, as the index's credits compare it. */
static int audit_key(wt_index *ix, const char *outlet, char **key)
{
    const wt_agencies *ag = wt_langset_agencies(ix->prep->c->langs);
    char *canon = wt_outlet_canonical(ag, outlet);
    *key = canon ? wt_uses_outlet_key(canon) : NULL;
    wt_free(canon);
    return *key ? 0 : WT_ENOMEM;
}

/* The caller's callback, with its stop told apart from a store's error. */
typedef struct audit_relay {
    wt_audit_cb cb;
    void *ctx;
    int stopped;
} audit_relay;

static int relay(void *ctx, const wt_audit_row *row)
{
    audit_relay *r = ctx;
    return r->stopped = r->cb(r->ctx, row);
}

int wt_index_audit(wt_index *ix, const wt_audit_query *q, wt_audit_cb cb,
                   void *ctx)
{
    WT_CHECK_ARG(ix && q && q->outlet && cb, WT_EINVAL);
    ix->err[0] = '\0';
    char *v = NULL, *key = NULL;
    int rc = ix->store->ops->get_setting(ix->store, "uses", &v);
    if (rc)
        return store_fail(ix, rc);
    const int recorded = v && !strcmp(v, "1");
    wt_free(v);
    if (!recorded)
        return ix_fail(ix, WT_ESTATE,
                       "the uses of some articles were not recorded (stored "
                       "before uses were kept, or with recording off)%s%s",
                       "", "");
    if ((rc = audit_key(ix, q->outlet, &key)))
        return rc;
    wt_store_audit_q sq = {key, q->since || q->until,
                           q->since ? q->since : INT64_MIN,
                           q->until ? q->until : INT64_MAX};
    audit_relay r = {cb, ctx, 0};
    if (!(rc = ix->store->ops->read_begin(ix->store))) {
        rc = ix->store->ops->audit(ix->store, &sq, relay, &r);
        ix->store->ops->read_end(ix->store);
    }
    wt_free(key);
    return rc && !r.stopped ? store_fail(ix, rc) : rc;
}
