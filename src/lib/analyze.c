/*
 * analyze.c - the cross-document stage (see analyze.h).
 *
 * Candidates come from an inverted index over rare content stems and all
 * shingles: a pair of paragraphs from different documents is scored when it
 * shares a shingle, or when the weight of the rare stems it shares is a
 * real part of the smaller paragraph.  Common stems (in more than
 * WT_POSTING_CAP paragraphs) never make a pair on their own; they still
 * count in the score.
 */
#include "analyze.h"
#include "alloc.h"
#include "keys.h"
#include "postings.h"
#include "translate.h"
#include "tuning.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FIXED 1000.0 /* weights are summed as fixed point */
#define SHINGLE_MARK (UINT64_C(1) << 62)

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
    const wt_analyze_job *job;
    gpara *g; /* gid (global paragraph id) -> (doc, para) */
    size_t ng;
    wt_postings post; /* key -> gid */
    share *share;     /* the current paragraph's, merged by gid */
    size_t nshare, sharecap;
} stage;

static wt_para *para_of(const stage *s, uint32_t gid)
{
    return &s->job->docs[s->g[gid].doc]->paras[s->g[gid].para];
}

/* The pairs of adjacent content words of d's text paragraphs
 * (wt_idf_pair_key), sorted and unique, in *keys; returns their number or
 * (size_t)-1 when memory runs out. */
static size_t doc_word_pairs(const wt_document *d, uint64_t **keys, size_t *cap)
{
    size_t n = 0;
    for (size_t p = 0; p < d->npara; p++) {
        const wt_para *pa = &d->paras[p];
        if (pa->pub.boiler != WT_BOILER_NONE)
            continue;
        const wt_token *prev = NULL;
        for (size_t i = pa->tok_begin; i < pa->tok_end; i++) {
            const wt_token *t = &d->toks.v[i];
            if (t->flags & WT_TOK_STOP)
                continue;
            if (prev) {
                if (wt_grow(keys, cap, n + 1, sizeof **keys))
                    return (size_t)-1;
                (*keys)[n++] = wt_idf_pair_key(prev->stem, t->stem);
            }
            prev = t;
        }
    }
    return wt_sort_unique_u64(*keys, n);
}

/* Document frequencies of pairs of adjacent content words (what a
 * template span is made of, match.c), in the same map as the stems. */
static int count_pair_df(const wt_analyze_job *job)
{
    uint64_t *keys = NULL;
    size_t cap = 0;
    int rc = 0;
    for (size_t d = 0; d < job->ndocs && !rc; d++) {
        const size_t n = doc_word_pairs(job->docs[d], &keys, &cap);
        if (n == (size_t)-1)
            rc = WT_ENOMEM;
        for (size_t i = 0; i < n && !rc; i++) {
            uint64_t *v = wt_hmap_slot(&job->idf->df, keys[i]);
            if (v)
                ++*v;
            else
                rc = WT_ENOMEM;
        }
    }
    wt_free(keys);
    return rc;
}

/* Paragraph frequencies of content stems over text paragraphs, then each
 * paragraph's weight; document frequencies of word pairs. */
static int count_df(const wt_analyze_job *job)
{
    wt_idf *idf = job->idf;
    int rc = wt_hmap_init(&idf->df, 1024);
    for (size_t d = 0; d < job->ndocs && !rc; d++)
        for (size_t p = 0; p < job->docs[d]->npara && !rc; p++) {
            const wt_para *pa = &job->docs[d]->paras[p];
            if (pa->pub.boiler != WT_BOILER_NONE)
                continue;
            idf->npara += 1;
            for (size_t i = 0; i < pa->nstems && !rc; i++) {
                uint64_t *v = wt_hmap_slot(&idf->df, pa->stems[i].stem);
                if (v)
                    ++*v;
                else
                    rc = WT_ENOMEM;
            }
        }
    for (size_t d = 0; d < job->ndocs && !rc; d++)
        for (size_t p = 0; p < job->docs[d]->npara; p++) {
            wt_para *pa = &job->docs[d]->paras[p];
            pa->weight = 0;
            for (size_t i = 0; i < pa->nstems; i++)
                pa->weight += wt_idf_weight(idf, &pa->stems[i]);
        }
    return rc ? rc : count_pair_df(job);
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
static int focus_keys(const wt_analyze_job *job, wt_hmap *keys)
{
    int rc = wt_hmap_init(keys, 1024);
    for (size_t d = 0; d < job->focus && d < job->ndocs && !rc; d++)
        for (size_t p = 0; p < job->docs[d]->npara && !rc; p++) {
            const wt_para *pa = &job->docs[d]->paras[p];
            if (pa->pub.boiler != WT_BOILER_NONE)
                continue;
            for (size_t i = 0; i < nkeys(pa) && !rc; i++)
                if (!wt_hmap_slot(keys, key_at(pa, i)))
                    rc = WT_ENOMEM;
        }
    return rc;
}

/* gid table and postings of every text paragraph. */
static int build_postings(stage *s)
{
    const wt_analyze_job *job = s->job;
    wt_hmap keys = {0};
    size_t cap = 0;
    int rc = job->focus ? focus_keys(job, &keys) : 0;
    for (size_t d = 0; d < job->ndocs && !rc; d++)
        for (size_t p = 0; p < job->docs[d]->npara && !rc; p++) {
            const wt_para *pa = &job->docs[d]->paras[p];
            if (pa->pub.boiler != WT_BOILER_NONE)
                continue;
            if ((rc = wt_grow(&s->g, &cap, s->ng + 1, sizeof *s->g)))
                break;
            const uint32_t gid = (uint32_t)s->ng;
            s->g[s->ng++] = (gpara){(uint32_t)d, (uint32_t)p};
            const int all = !job->focus || d < job->focus;
            for (size_t i = 0; i < nkeys(pa) && !rc; i++)
                if (all || wt_hmap_get(&keys, key_at(pa, i)))
                    rc = wt_postings_add(&s->post, key_at(pa, i), gid);
        }
    wt_hmap_release(&keys);
    if (!rc)
        wt_postings_sort(&s->post);
    return rc;
}

/* Adds to s->share, for each later paragraph that holds key, the weight
 * key carries.  Keys held by one paragraph or by more than WT_POSTING_CAP
 * make no candidates. */
static int share_key(stage *s, uint32_t gx, uint64_t key)
{
    const size_t from = wt_postings_find(&s->post, key);
    const size_t to = wt_postings_run_end(&s->post, from, WT_POSTING_CAP);
    const size_t g = to - from;
    if (g < 2 || g > WT_POSTING_CAP)
        return 0;
    const uint64_t add =
        (key & SHINGLE_MARK)
            ? (uint64_t)1 << 40
            : (uint64_t)(log(1.0 + s->job->idf->npara / (double)g) * FIXED);
    const uint32_t dx = s->g[gx].doc, focus = (uint32_t)s->job->focus;
    for (size_t y = from; y < to; y++) {
        const uint32_t gy = s->post.v[y].id, dy = s->g[gy].doc;
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
    if (s->job->focus && s->g[gx].doc >= s->job->focus)
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

static wt_span *copy_spans(const wt_pair_score *ps, int swap)
{
    wt_span *v = wt_malloc((ps->nspans + 1) * sizeof *v);
    if (!v)
        return NULL;
    for (size_t i = 0; i < ps->nspans; i++) {
        const wt_span *s = &ps->spans[i];
        v[i] = swap
                   ? (wt_span){s->source_start, s->source_end, s->start, s->end}
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
 * on paragraph p as a source pointing to (odoc, opara). */
static int link_side(const wt_options *o, wt_para *p, const wt_pair_score *ps,
                     int swap, size_t odoc, size_t opara, int same_doc)
{
    double score = 0;
    const wt_pair_score view = swap ? swapped(ps) : *ps;
    const int cls = wt_match_classify(&view, o, same_doc, &score);
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
    return wt_link_add(p, &src);
}

static int score_pair(stage *s, uint32_t gx, uint32_t gy)
{
    const wt_analyze_job *job = s->job;
    const gpara x = s->g[gx], y = s->g[gy];
    wt_para *px = para_of(s, gx), *py = para_of(s, gy);
    wt_pair_score ps;
    int rc = wt_match_paragraphs(job->docs[x.doc], px, job->docs[y.doc], py,
                                 job->idf, job->opts->min_span, &ps);
    if (!rc)
        rc = link_side(job->opts, px, &ps, 0, y.doc, y.para, 0);
    if (!rc)
        rc = link_side(job->opts, py, &ps, 1, x.doc, x.para, 0);
    if (!rc)
        rc = wt_links_note_pair(job->links, job->docs, x.doc, y.doc);
    wt_free(ps.spans);
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
            if (w >= WT_CANDIDATE_SHARE * fmin(wx, para_of(s, gy)->weight))
                rc = score_pair(s, gx, gy);
        }
    }
    return rc;
}

/* The earlier paragraphs that share a shingle with q: for each shingle of
 * q, the first WT_DUP_FIRST paragraphs holding it.  Sorted, unique. */
static int dup_candidates(const wt_document *d, const wt_postings *refs,
                          uint32_t q, uint64_t **cand, size_t *n, size_t *cap)
{
    const wt_para *pq = &d->paras[q];
    *n = 0;
    for (size_t i = 0; i < pq->nshingles; i++) {
        const size_t lo = wt_postings_find(refs, pq->shingles[i]);
        for (size_t k = lo;
             k < refs->n && k < lo + WT_DUP_FIRST &&
             refs->v[k].key == pq->shingles[i] && refs->v[k].id < q;
             k++) {
            if (wt_grow(cand, cap, *n + 1, sizeof **cand))
                return WT_ENOMEM;
            (*cand)[(*n)++] = refs->v[k].id;
        }
    }
    *n = wt_sort_unique_u64(*cand, *n);
    return 0;
}

/* Repeats inside one document: the later paragraph points to the earliest
 * earlier one it repeats.  Boilerplate counts: captions are repeated.
 * Candidates come from the document's shingles, so that a document of
 * many paragraphs is not compared pair by pair. */
static int find_duplicates(const wt_analyze_job *job, size_t di)
{
    wt_document *d = job->docs[di];
    wt_postings refs = {0};
    uint64_t *cand = NULL;
    size_t ncand = 0, candcap = 0;
    int rc = 0;
    for (size_t p = 0; p < d->npara && !rc; p++)
        for (size_t i = 0; i < d->paras[p].nshingles && !rc; i++)
            rc = wt_postings_add(&refs, d->paras[p].shingles[i], (uint32_t)p);
    if (!rc)
        wt_postings_sort(&refs);
    for (size_t q = 1; q < d->npara && !rc; q++) {
        wt_para *pq = &d->paras[q];
        rc = dup_candidates(d, &refs, (uint32_t)q, &cand, &ncand, &candcap);
        for (size_t k = 0; k < ncand && !rc; k++) {
            wt_pair_score ps;
            rc = wt_match_paragraphs(d, pq, d, &d->paras[cand[k]], job->idf,
                                     job->opts->min_span, &ps);
            if (!rc)
                rc = link_side(job->opts, pq, &ps, 0, di, cand[k], 1);
            wt_free(ps.spans);
        }
    }
    wt_postings_release(&refs);
    wt_free(cand);
    return rc;
}

int wt_analyze_run(const wt_analyze_job *job)
{
    stage s = {0};
    s.job = job;
    int rc = count_df(job);
    if (!rc)
        rc = wt_links_init(job->links, job->ndocs, job->opts->minhash_perms);
    if (!rc)
        rc = build_postings(&s);
    if (!rc)
        rc = score_candidates(&s);
    wt_postings_release(&s.post);
    wt_free(s.share);
    wt_free(s.g);
    if (!rc)
        rc = wt_translate_run(job->docs, job->ndocs, job->opts, job->langs,
                              job->links);
    const size_t dups = job->focus ? job->focus : job->ndocs;
    for (size_t d = 0; d < dups && d < job->ndocs && !rc; d++)
        rc = find_duplicates(job, d);
    if (!rc)
        wt_links_finish(job->links, job->docs, job->ndocs);
    return rc;
}
