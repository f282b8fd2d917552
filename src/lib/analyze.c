/*
 * analyze.c - the cross-document stage: stem weights, candidate paragraph
 * pairs, scoring, classes, duplicates inside a document, origins.
 *
 * Candidates come from an inverted index over rare content stems and all
 * shingles: a pair of paragraphs from different documents is scored when it
 * shares a shingle, or when the weight of the rare stems it shares is a
 * real part of the smaller paragraph.  Common stems (in more than
 * POSTING_CAP paragraphs) never make a pair on their own; they still count
 * in the score.
 */
#include "corpus.h"
#include "alloc.h"
#include "provenance.h"
#include "sketch.h"
#include "translate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define POSTING_CAP 256    /* longer posting lists make no candidates */
#define CANDIDATE_SHARE 0.2 /* shared rare weight / smaller paragraph */
#define FIXED 1000.0        /* weights are summed as fixed point */
#define SHINGLE_MARK (UINT64_C(1) << 62)
#define DUP_FIRST 8 /* earlier holders of a shingle tried as repeats */

typedef struct posting {
    uint64_t key;
    uint32_t gid; /* global paragraph id */
} posting;

typedef struct gpara {
    uint32_t doc, para;
} gpara;

/* What a later paragraph shares with the current one; gid first, so that
 * wt_cmp_u64 sorts by it. */
typedef struct share {
    uint64_t gid;
    uint64_t add; /* fixed-point weight */
} share;

typedef struct stage {
    wt_corpus *c;
    gpara *g;      /* gid -> (doc, para) */
    size_t ng;
    posting *post; /* sorted by key, then gid */
    size_t npost, postcap;
    share *share;  /* the current paragraph's, merged by gid */
    size_t nshare, sharecap;
} stage;

static wt_para *para_of(const stage *s, uint32_t gid)
{
    return &s->c->docs[s->g[gid].doc]->paras[s->g[gid].para];
}

static int cmp_posting(const void *a, const void *b)
{
    const posting *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->gid > y->gid) - (x->gid < y->gid);
}

/* Paragraph frequencies of content stems over text paragraphs. */
static int count_df(wt_corpus *c)
{
    int rc = wt_hmap_init(&c->idf.df, 1024);
    for (size_t d = 0; d < c->ndocs && !rc; d++)
        for (size_t p = 0; p < c->docs[d]->npara && !rc; p++) {
            const wt_para *pa = &c->docs[d]->paras[p];
            if (pa->pub.boiler != WT_BOILER_NONE)
                continue;
            c->idf.npara += 1;
            for (size_t i = 0; i < pa->nstems; i++) {
                uint64_t *v = wt_hmap_slot(&c->idf.df,
                                           pa->stems[i].stem ? pa->stems[i].stem : 1);
                if (!v) {
                    rc = WT_ENOMEM;
                    break;
                }
                ++*v;
            }
        }
    for (size_t d = 0; d < c->ndocs && !rc; d++)
        for (size_t p = 0; p < c->docs[d]->npara; p++) {
            wt_para *pa = &c->docs[d]->paras[p];
            pa->weight = 0;
            for (size_t i = 0; i < pa->nstems; i++)
                pa->weight += wt_idf_weight(&c->idf, &pa->stems[i]);
        }
    return rc;
}

static int add_posting(stage *s, uint64_t key, uint32_t gid)
{
    if (wt_grow(&s->post, &s->postcap, s->npost + 1, sizeof *s->post))
        return WT_ENOMEM;
    s->post[s->npost++] = (posting){key, gid};
    return 0;
}

/* The posting keys of paragraph pa: content stems, then shingles. */
static size_t nkeys(const wt_para *pa) { return pa->nstems + pa->nshingles; }

static uint64_t key_at(const wt_para *pa, size_t i)
{
    return i < pa->nstems ? pa->stems[i].stem & ~SHINGLE_MARK
                          : pa->shingles[i - pa->nstems] | SHINGLE_MARK;
}

/* With a focus, the keys of its paragraphs: postings of other keys can
 * never pair with a focus paragraph, so they are not kept.  (Kept keys
 * keep all their holders, so group sizes and weights do not change.) */
static int focus_keys(const wt_corpus *c, wt_hmap *keys)
{
    int rc = wt_hmap_init(keys, 1024);
    for (size_t d = 0; d < c->focus && d < c->ndocs && !rc; d++)
        for (size_t p = 0; p < c->docs[d]->npara && !rc; p++) {
            const wt_para *pa = &c->docs[d]->paras[p];
            if (pa->pub.boiler != WT_BOILER_NONE)
                continue;
            for (size_t i = 0; i < nkeys(pa) && !rc; i++)
                if (!wt_hmap_slot(keys, key_at(pa, i) + 1))
                    rc = WT_ENOMEM;
        }
    return rc;
}

/* gid table and postings of every text paragraph. */
static int build_postings(stage *s)
{
    wt_corpus *c = s->c;
    wt_hmap keys = {0};
    size_t cap = 0;
    int rc = c->focus ? focus_keys(c, &keys) : 0;
    for (size_t d = 0; d < c->ndocs && !rc; d++)
        for (size_t p = 0; p < c->docs[d]->npara && !rc; p++) {
            const wt_para *pa = &c->docs[d]->paras[p];
            if (pa->pub.boiler != WT_BOILER_NONE)
                continue;
            if (wt_grow(&s->g, &cap, s->ng + 1, sizeof *s->g)) {
                rc = WT_ENOMEM;
                break;
            }
            const uint32_t gid = (uint32_t)s->ng;
            s->g[s->ng++] = (gpara){(uint32_t)d, (uint32_t)p};
            const int all = !c->focus || d < c->focus;
            for (size_t i = 0; i < nkeys(pa) && !rc; i++)
                if (all || wt_hmap_get(&keys, key_at(pa, i) + 1))
                    rc = add_posting(s, key_at(pa, i), gid);
        }
    wt_hmap_release(&keys);
    if (!rc && s->npost > 1)
        qsort(s->post, s->npost, sizeof *s->post, cmp_posting);
    return rc;
}

/* The first posting of key (postings are sorted by key). */
static size_t group_start(const stage *s, uint64_t key)
{
    size_t lo = 0, hi = s->npost;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (s->post[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Adds to s->share, for each later paragraph that holds key, the weight
 * key carries.  Keys held by one paragraph or by more than POSTING_CAP
 * make no candidates. */
static int share_key(stage *s, uint32_t gx, uint64_t key)
{
    const size_t from = group_start(s, key);
    size_t to = from;
    while (to < s->npost && s->post[to].key == key && to - from <= POSTING_CAP)
        to++;
    const size_t g = to - from;
    if (g < 2 || g > POSTING_CAP)
        return 0;
    const uint64_t add =
        (key & SHINGLE_MARK)
            ? (uint64_t)1 << 40
            : (uint64_t)(log(1.0 + s->c->idf.npara / (double)g) * FIXED);
    const uint32_t dx = s->g[gx].doc, focus = (uint32_t)s->c->focus;
    for (size_t y = from; y < to; y++) {
        const uint32_t gy = s->post[y].gid, dy = s->g[gy].doc;
        if (gy <= gx || dy == dx || (focus && dx >= focus && dy >= focus))
            continue;
        if (wt_grow(&s->share, &s->sharecap, s->nshare + 1, sizeof *s->share))
            return WT_ENOMEM;
        s->share[s->nshare++] = (share){gy, add};
    }
    return 0;
}

/* The later paragraphs that share enough with paragraph gx to be scored,
 * summed paragraph by paragraph so that memory holds one paragraph's
 * pairs, never the corpus's. */
static int candidates_of(stage *s, uint32_t gx)
{
    const wt_para *pa = para_of(s, gx);
    s->nshare = 0;
    /* gids follow document order: with a focus, a paragraph outside it
     * has only paragraphs outside it after it. */
    if (s->c->focus && s->g[gx].doc >= s->c->focus)
        return 0;
    int rc = 0;
    for (size_t i = 0; i < nkeys(pa) && !rc; i++)
        rc = share_key(s, gx, key_at(pa, i));
    if (rc || !s->nshare)
        return rc;
    qsort(s->share, s->nshare, sizeof *s->share, wt_cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < s->nshare; i++) {
        if (u && s->share[u - 1].gid == s->share[i].gid)
            s->share[u - 1].add += s->share[i].add;
        else
            s->share[u++] = s->share[i];
    }
    s->nshare = u;
    return 0;
}

static int better(const wt_source *a, const wt_source *b)
{
    if (a->cls != b->cls)
        return a->cls < b->cls;
    return a->score > b->score;
}

/* Adds src to paragraph p, keeping one source per other paragraph's
 * document: the better one.  Takes ownership of src->spans. */
static int add_source(wt_para *p, wt_source *src, int keep_one_per_doc)
{
    for (size_t i = 0; keep_one_per_doc && i < p->pub.source_count; i++) {
        wt_source *o = &p->src[i];
        if (o->document != src->document)
            continue;
        if (better(src, o)) {
            wt_free((void *)o->spans);
            *o = *src;
        } else {
            wt_free((void *)src->spans);
        }
        return 0;
    }
    if (wt_grow(&p->src, &p->srccap, p->pub.source_count + 1,
                sizeof *p->src)) {
        wt_free((void *)src->spans);
        return WT_ENOMEM;
    }
    p->src[p->pub.source_count++] = *src;
    p->pub.sources = p->src;
    return 0;
}

static wt_span *copy_spans(const wt_pair_score *ps, int swap)
{
    wt_span *v = wt_malloc((ps->nspans + 1) * sizeof *v);
    if (!v)
        return NULL;
    for (size_t i = 0; i < ps->nspans; i++) {
        const wt_span *s = &ps->spans[i];
        v[i] = swap ? (wt_span){s->source_start, s->source_end, s->start,
                                s->end}
                    : *s;
    }
    return v;
}

/* The score as seen from the other side. */
static wt_pair_score swapped(const wt_pair_score *s)
{
    wt_pair_score r = *s;
    r.cov_a = s->cov_b;
    r.cov_b = s->cov_a;
    r.fact_a = s->fact_b;
    r.fact_b = s->fact_a;
    return r;
}

/* Classifies one side of a scored pair and, if it is a link, records it
 * on paragraph p (of doc) as a source pointing to (odoc, opara). */
static int link_side(wt_corpus *c, wt_para *p, const wt_pair_score *ps,
                     int swap, size_t odoc, size_t opara, int same_doc)
{
    double score = 0;
    const wt_pair_score view = swap ? swapped(ps) : *ps;
    const int cls = wt_match_classify(&view, &c->opts, p->weight, same_doc,
                                      &score);
    if (cls < 0)
        return 0;
    wt_source src = {0};
    src.document = odoc;
    src.paragraph = opara;
    src.cls = (wt_class)cls;
    src.score = score;
    src.coverage = view.cov_a;
    src.fact_overlap = view.fact_a;
    src.origin = same_doc ? WT_ORIGIN_OTHER : WT_ORIGIN_UNKNOWN;
    src.span_count = ps->nspans;
    src.spans = copy_spans(ps, swap);
    if (!src.spans)
        return WT_ENOMEM;
    return add_source(p, &src, 1);
}

static int note_pair(wt_corpus *c, uint32_t a, uint32_t b)
{
    if (a > b) {
        const uint32_t t = a;
        a = b;
        b = t;
    }
    uint64_t *ix = wt_hmap_slot(&c->pair_index, ((uint64_t)a << 32 | b) + 1);
    if (!ix)
        return WT_ENOMEM;
    if (*ix)
        return 0;
    if (wt_grow(&c->pairs, &c->paircap, c->npairs + 1, sizeof *c->pairs))
        return WT_ENOMEM;
    wt_pair_info *p = &c->pairs[c->npairs++];
    memset(p, 0, sizeof *p);
    p->a = a;
    p->b = b;
    p->similarity = wt_minhash_similarity(c->docs[a]->sig, c->docs[b]->sig,
                                          c->opts.minhash_perms);
    *ix = c->npairs;
    return 0;
}

static int score_pair(stage *s, uint32_t gx, uint32_t gy)
{
    wt_corpus *c = s->c;
    const gpara x = s->g[gx], y = s->g[gy];
    wt_para *px = para_of(s, gx), *py = para_of(s, gy);
    wt_pair_score ps;
    int rc = wt_match_paragraphs(c->docs[x.doc], px, c->docs[y.doc], py,
                                 &c->idf, c->opts.min_span, &ps);
    if (!rc)
        rc = link_side(c, px, &ps, 0, y.doc, y.para, 0);
    if (!rc)
        rc = link_side(c, py, &ps, 1, x.doc, x.para, 0);
    if (!rc)
        rc = note_pair(c, x.doc, y.doc);
    wt_free(ps.spans);
    return rc;
}

int wt_analyze_link(wt_corpus *c, size_t doc, size_t para, size_t odoc,
                    size_t opara, int cls, double score, double fact)
{
    wt_source src = {0};
    src.document = odoc;
    src.paragraph = opara;
    src.cls = (wt_class)cls;
    src.score = score;
    src.fact_overlap = fact;
    src.origin = WT_ORIGIN_UNKNOWN;
    if (!(src.spans = wt_malloc(sizeof *src.spans)))
        return WT_ENOMEM;
    int rc = add_source(&c->docs[doc]->paras[para], &src, 1);
    if (!rc)
        rc = note_pair(c, (uint32_t)doc, (uint32_t)odoc);
    return rc;
}

/* Scores every pair of paragraphs that shares enough to be a candidate,
 * one paragraph at a time, in paragraph order. */
static int score_candidates(stage *s)
{
    int rc = 0;
    for (uint32_t gx = 0; gx < s->ng && !rc; gx++) {
        rc = candidates_of(s, gx);
        const double wx = para_of(s, gx)->weight;
        for (size_t i = 0; i < s->nshare && !rc; i++) {
            const uint32_t gy = (uint32_t)s->share[i].gid;
            const double w = (double)s->share[i].add / FIXED;
            if (w >= CANDIDATE_SHARE * fmin(wx, para_of(s, gy)->weight))
                rc = score_pair(s, gx, gy);
        }
    }
    return rc;
}

/* A shingle of one paragraph of a document, for finding repeats. */
typedef struct dup_ref {
    uint64_t shingle;
    uint32_t para;
} dup_ref;

static int cmp_dup_ref(const void *a, const void *b)
{
    const dup_ref *x = a, *y = b;
    if (x->shingle != y->shingle)
        return x->shingle < y->shingle ? -1 : 1;
    return (x->para > y->para) - (x->para < y->para);
}

static int cmp_u32(const void *a, const void *b)
{
    const uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The earlier paragraphs that share a shingle with q: for each shingle of
 * q, the first DUP_FIRST paragraphs holding it.  Sorted, unique. */
static int dup_candidates(const wt_document *d, const dup_ref *refs,
                          size_t nref, uint32_t q, uint32_t **cand,
                          size_t *n, size_t *cap)
{
    const wt_para *pq = &d->paras[q];
    *n = 0;
    for (size_t i = 0; i < pq->nshingles; i++) {
        size_t lo = 0, hi = nref; /* first ref of this shingle */
        while (lo < hi) {
            const size_t mid = lo + (hi - lo) / 2;
            if (refs[mid].shingle < pq->shingles[i])
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = lo; k < nref && k < lo + DUP_FIRST &&
                            refs[k].shingle == pq->shingles[i] &&
                            refs[k].para < q; k++) {
            if (wt_grow(cand, cap, *n + 1, sizeof **cand))
                return WT_ENOMEM;
            (*cand)[(*n)++] = refs[k].para;
        }
    }
    if (*n > 1)
        qsort(*cand, *n, sizeof **cand, cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < *n; i++)
        if (!u || (*cand)[u - 1] != (*cand)[i])
            (*cand)[u++] = (*cand)[i];
    *n = u;
    return 0;
}

/* Repeats inside one document: the later paragraph points to the earliest
 * earlier one it repeats.  Boilerplate counts: captions are repeated.
 * Candidates come from the document's shingles, so that a document of
 * many paragraphs is not compared pair by pair. */
static int find_duplicates(wt_corpus *c, wt_document *d, size_t di)
{
    dup_ref *refs = NULL;
    uint32_t *cand = NULL;
    size_t nref = 0, refcap = 0, ncand = 0, candcap = 0;
    int rc = 0;
    for (size_t p = 0; p < d->npara && !rc; p++)
        for (size_t i = 0; i < d->paras[p].nshingles && !rc; i++) {
            rc = wt_grow(&refs, &refcap, nref + 1, sizeof *refs);
            if (!rc)
                refs[nref++] = (dup_ref){d->paras[p].shingles[i],
                                         (uint32_t)p};
        }
    if (!rc && nref > 1)
        qsort(refs, nref, sizeof *refs, cmp_dup_ref);
    for (size_t q = 1; q < d->npara && !rc; q++) {
        wt_para *pq = &d->paras[q];
        rc = dup_candidates(d, refs, nref, (uint32_t)q, &cand, &ncand,
                            &candcap);
        for (size_t k = 0; k < ncand && !rc; k++) {
            wt_pair_score ps;
            rc = wt_match_paragraphs(d, pq, d, &d->paras[cand[k]], &c->idf,
                                     c->opts.min_span, &ps);
            if (!rc)
                rc = link_side(c, pq, &ps, 0, di, cand[k], 1);
            wt_free(ps.spans);
        }
    }
    wt_free(refs);
    wt_free(cand);
    return rc;
}

static int cmp_source(const void *a, const void *b)
{
    const wt_source *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    if (x->document != y->document)
        return x->document < y->document ? -1 : 1;
    return (x->paragraph > y->paragraph) - (x->paragraph < y->paragraph);
}

/* Origins, source order, and how many paragraphs each pair links. */
static void finish(wt_corpus *c)
{
    for (size_t d = 0; d < c->ndocs; d++) {
        wt_document *doc = c->docs[d];
        for (size_t p = 0; p < doc->npara; p++) {
            wt_para *pa = &doc->paras[p];
            for (size_t i = 0; i < pa->pub.source_count; i++) {
                wt_source *s = &pa->src[i];
                if (s->cls == WT_CLASS_DUPLICATE)
                    continue;
                s->origin = wt_provenance_origin(doc, c->docs[s->document]);
                const uint32_t a = (uint32_t)d, b = (uint32_t)s->document;
                const uint64_t *ix = wt_hmap_get(
                    &c->pair_index,
                    ((uint64_t)(a < b ? a : b) << 32 | (a < b ? b : a)) + 1);
                if (ix && pa->pub.boiler == WT_BOILER_NONE) {
                    wt_pair_info *pi = &c->pairs[*ix - 1];
                    if (pi->a == a)
                        pi->linked_a++;
                    else
                        pi->linked_b++;
                }
            }
            if (pa->pub.source_count > 1)
                qsort(pa->src, pa->pub.source_count, sizeof *pa->src,
                      cmp_source);
        }
    }
}

int wt_analyze_run(wt_corpus *c)
{
    stage s = {0};
    s.c = c;
    int rc = count_df(c);
    if (!rc)
        rc = wt_hmap_init(&c->pair_index, c->ndocs);
    if (!rc)
        rc = build_postings(&s);
    if (!rc)
        rc = score_candidates(&s);
    wt_free(s.post);
    wt_free(s.share);
    if (!rc)
        rc = wt_translate_run(c);
    const size_t dups = c->focus ? c->focus : c->ndocs;
    for (size_t d = 0; d < dups && d < c->ndocs && !rc; d++)
        rc = find_duplicates(c, c->docs[d], d);
    if (!rc)
        finish(c);
    wt_free(s.g);
    return rc;
}
