/*
 * analyze.c - the cross-document stage (see analyze.h).
 *
 * Candidates come from an inverted index over rare content stems and all
 * shingles: a pair of paragraphs from different documents is scored when it
 * shares a shingle, or when the weight of the rare stems it shares is a
 * real part of the smaller paragraph.  Common stems (in more than
 * WT_POSTING_CAP paragraphs) never make a pair on their own; they still
 * count in the score.
 *
 * A shingle held by more than WT_HUB_RUN paragraphs is a passage many
 * documents carry (a popular story) or a formula (a template): its holders
 * are not paired with each other, which is quadratic, but each with the
 * few that stand for the run, its hubs: the holders of the documents most
 * likely to be an origin (provenance.h: earliest, most credited).  A copy
 * of a popular story finds the wire that way, and the work and the links
 * grow with the number of copies, not its square.
 */
#include "analyze.h"
#include "alloc.h"
#include "hmap.h"
#include "keys.h"
#include "parallel.h"
#include "postings.h"
#include "provenance.h"
#include "sort.h"
#include "timings.h"
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

/* A paragraph's stems, kept by gid beside the others' so that a
 * candidate's are found without reading its paragraph (most candidates
 * never need more). */
typedef struct gstems {
    const wt_stem_ref *v;
    size_t n;
} gstems;

/* The sum of a paragraph that shares a shingle with the current one: any
 * such is scored, so the sum stops there (stems' sums stay far below). */
#define SHINGLE_SHARE ((uint32_t)1 << 31)

/* What a paragraph shares with later ones: one worker's buffer. */
typedef struct shares {
    uint32_t *acc;     /* gid -> weight summed so far (0: not touched):
                          4 bytes, as each thread reads it all over */
    uint32_t *touched; /* the gids with a weight, in the order met; once
                          collected, the first n the candidates, by gid */
    size_t ntouched, touchedcap, n;
    wt_match_scratch *scratch; /* the worker's buffers for scoring pairs */
} shares;

/* Read-only while candidates are scored, so that workers share it. */
typedef struct stage {
    const wt_analyze_job *job;
    gpara *g; /* gid (global paragraph id) -> (doc, para) */
    size_t ng;
    gstems *stems;        /* gid -> its paragraph's stems */
    double *weight;       /* gid -> its paragraph's weight: read for every
                       paragraph met, it is kept apart from the paragraph */
    wt_postings post;     /* key -> gid */
    wt_posting_runs runs; /* post's runs; gid -> the runs it is in */
    uint32_t *rank;       /* document -> place in origin order */
    wt_hmap hubmap;       /* first posting of a long run -> index into hubs */
    uint32_t *hubs; /* WT_HUB_COUNT gids per long run, UINT32_MAX = none */
    size_t nhubs, hubcap;
} stage;

/* Items between a prefetch and its use (score_block's candidates,
 * candidates_of's runs): with 8 a scan of the Reuters bodies spent 7 %
 * fewer samples finding candidates than with 16, and 12 % fewer than the
 * build before (4, 8-byte sums, no runs prefetched) (three interleaved
 * perf runs each). */
#define PREFETCH_AHEAD 8

/* The threads the job's options ask for, at least one. */
static unsigned nthreads(const wt_analyze_job *job)
{
    return wt_parallel_threads(job->opts->threads);
}

static wt_para *para_of(const stage *s, uint32_t gid)
{
    return &s->job->docs[s->g[gid].doc]->paras[s->g[gid].para];
}

/* The pairs of adjacent content words of d's text paragraphs (of all its
 * paragraphs with every_para) (wt_idf_pair_key), sorted and unique, in
 * *keys; returns their number or (size_t)-1 when memory runs out. */
static size_t doc_word_pairs(const wt_document *d, int every_para,
                             uint64_t **keys, size_t *cap)
{
    size_t n = 0;
    for (size_t p = 0; p < d->npara; p++) {
        const wt_para *pa = &d->paras[p];
        if (pa->pub.boiler != WT_BOILER_NONE && !every_para)
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

/* The word pairs of d (doc_word_pairs()) in *keys, *n of them.  A
 * document an index's cache keeps (d->shares) keeps them too: query
 * after query meets it again.  *keys is then d's, not to be freed. */
static int word_pairs_of(wt_document *d, uint64_t **keys, size_t *cap,
                         size_t *n)
{
    if (d->word_pairs) {
        *keys = d->word_pairs;
        *n = d->nword_pairs;
        return 0;
    }
    *n = doc_word_pairs(d, 0, keys, cap);
    if (*n == (size_t)-1)
        return WT_ENOMEM;
    if (d->shares && (d->word_pairs = wt_malloc((*n + 1) * sizeof *keys[0]))) {
        memcpy(d->word_pairs, *keys, *n * sizeof *keys[0]);
        d->nword_pairs = *n;
    }
    return 0;
}

/* word_pairs_of(d) into *keys and *n, with *buf the room that one
 * document after another reuses (*keys is d's own when d keeps them). */
static int pairs_of(wt_document *d, uint64_t **buf, size_t *cap,
                    uint64_t **keys, size_t *n)
{
    *keys = *buf;
    *n = 0;
    const int rc = word_pairs_of(d, keys, cap, n);
    if (*keys != d->word_pairs)
        *buf = *keys;
    return rc;
}

/* The word pairs of documents [from, to), each document's once, in v:
 * one chunk of all_word_pairs(). */
typedef struct pair_chunk {
    size_t from, to;
    uint64_t *v;
    size_t n, cap;
} pair_chunk;

/* Documents an item of the threads holds (all_word_pairs(), the
 * postings). */
#define CHUNK_DOCS 32

typedef struct pair_round {
    const wt_analyze_job *job;
    pair_chunk *chunks;
} pair_round;

static int chunk_pairs(void *ctx, unsigned thread, size_t c)
{
    (void)thread;
    const pair_round *r = ctx;
    const wt_analyze_job *job = r->job;
    pair_chunk *ch = &r->chunks[c];
    uint64_t *buf = NULL;
    size_t cap = 0;
    int rc = 0;
    for (size_t d = ch->from; d < ch->to && !rc; d++) {
        uint64_t *keys;
        size_t k;
        rc = pairs_of(job->docs[d], &buf, &cap, &keys, &k);
        if (!rc && k &&
            !(rc = wt_grow(&ch->v, &ch->cap, ch->n + k, sizeof *ch->v))) {
            memcpy(ch->v + ch->n, keys, k * sizeof *keys);
            ch->n += k;
        }
    }
    wt_free(buf);
    return rc;
}

/* The word pairs of every document in *all (*n of them, each document's
 * once, sorted): each document's found on the stage's threads, a chunk
 * of documents at a time, then all of them sorted (spread by key first,
 * so that the threads share the sort too; a merge of the documents' sorted
 * sets took log2(documents) passes on one thread). */
static int all_word_pairs(const wt_analyze_job *job, uint64_t **all, size_t *n)
{
    const size_t nchunks = (job->ndocs + CHUNK_DOCS - 1) / CHUNK_DOCS;
    pair_chunk *ch = wt_calloc(nchunks + 1, sizeof *ch);
    if (!ch)
        return WT_ENOMEM;
    for (size_t c = 0; c < nchunks; c++) {
        ch[c].from = c * CHUNK_DOCS;
        ch[c].to = ch[c].from + CHUNK_DOCS < job->ndocs
                       ? ch[c].from + CHUNK_DOCS
                       : job->ndocs;
    }
    pair_round r = {job, ch};
    int rc = wt_parallel_for(nthreads(job), nchunks, chunk_pairs, &r);
    size_t total = 0;
    for (size_t c = 0; c < nchunks; c++)
        total += ch[c].n;
    if (!rc && !(*all = wt_malloc((total + 1) * sizeof **all)))
        rc = WT_ENOMEM;
    *n = 0;
    for (size_t c = 0; c < nchunks; c++) {
        if (!rc)
            memcpy(*all + *n, ch[c].v, ch[c].n * sizeof *ch[c].v);
        *n += ch[c].n;
        wt_free(ch[c].v);
    }
    wt_free(ch);
    if (!rc)
        wt_sort_u64_threads(*all, *n, nthreads(job));
    return rc;
}

/* Into idf->df, the keys of the sorted all[0, n) held by WT_TEMPLATE_DOCS
 * documents or more, with that number: the length of a key's run of
 * repeats or, when counts is given (all then unique), counts[i]. */
static int keep_frequent(wt_idf *idf, const uint64_t *all, size_t n,
                         const uint32_t *counts)
{
    int rc = 0;
    for (size_t i = 0, j; i < n && !rc; i = j) {
        for (j = i + 1; !counts && j < n && all[j] == all[i]; j++)
            ;
        const size_t df = counts ? counts[i] : j - i;
        if (df < WT_TEMPLATE_DOCS)
            continue;
        uint64_t *v = wt_hmap_slot(&idf->df, all[i]);
        if (v)
            *v = df;
        else
            rc = WT_ENOMEM;
    }
    return rc;
}

/* With a focus, the frequencies of the focus documents' pairs only (of
 * every paragraph of theirs): a template span lies in both paragraphs of a
 * scored pair, and one of them is a focus paragraph (gids follow the
 * documents, and a pair is scored from its lower gid; a repeat is within
 * one focus document).  Each document's sorted pairs are walked beside
 * them once. */
static int count_focus_pair_df(const wt_analyze_job *job)
{
    uint64_t *k = NULL, *one = NULL;
    size_t nk = 0, kcap = 0, cap = 0;
    int rc = 0;
    for (size_t d = 0; d < job->focus && !rc; d++) {
        uint64_t *keys = one;
        const size_t n = doc_word_pairs(job->docs[d], 1, &keys, &cap);
        one = keys;
        if (n == (size_t)-1 || wt_grow(&k, &kcap, nk + n + 1, sizeof *k)) {
            rc = WT_ENOMEM;
        } else {
            memcpy(k + nk, keys, n * sizeof *keys);
            nk += n;
        }
    }
    uint32_t *counts = NULL;
    if (!rc) {
        nk = wt_sort_unique_u64(k, nk);
        if (!(counts = wt_calloc(nk + 1, sizeof *counts)))
            rc = WT_ENOMEM;
    }
    for (size_t d = 0; d < job->ndocs && !rc; d++) {
        uint64_t *keys;
        size_t n;
        rc = pairs_of(job->docs[d], &one, &cap, &keys, &n);
        for (size_t i = 0, j = 0; !rc && i < n && j < nk;) {
            if (keys[i] < k[j]) {
                i++;
            } else if (k[j] < keys[i]) {
                j++;
            } else {
                counts[j++]++;
                i++;
            }
        }
    }
    if (!rc)
        rc = keep_frequent(job->idf, k, nk, counts);
    wt_free(counts);
    wt_free(k);
    wt_free(one);
    return rc;
}

/* Document frequencies of pairs of adjacent content words (what a
 * template span is made of, match.c), in idf->df: only those of pairs held
 * by WT_TEMPLATE_DOCS documents or more, the only ones match.c asks about.
 * Counted as runs of one sorted array of every document's pairs (each
 * document's once, all_word_pairs): a map of all of them took 30 MB more of
 * the peak of a 15 MB scan. */
static int count_pair_df(const wt_analyze_job *job)
{
    if (job->ndocs < WT_TEMPLATE_DOCS)
        return 0;
    if (job->focus && job->focus < job->ndocs)
        return count_focus_pair_df(job);
    uint64_t *all = NULL;
    size_t n = 0;
    int rc = all_word_pairs(job, &all, &n);
    if (!rc)
        rc = keep_frequent(job->idf, all, n, NULL);
    wt_free(all);
    return rc;
}

/* The id of stem s in idf (a new one when first met) into s->id, the
 * count of the paragraphs holding it in idf->w (a weight later). */
static int stem_id(wt_idf *idf, wt_stem_ref *s, int text)
{
    const size_t before = idf->ids.count;
    uint64_t *id = wt_hmap_slot(&idf->ids, s->stem);
    if (!id)
        return WT_ENOMEM;
    if (idf->ids.count != before) {
        if (wt_grow(&idf->w, &idf->cap, idf->nids + 1, sizeof *idf->w)) {
            wt_hmap_release(&idf->ids); /* an id without a weight: none */
            return WT_ENOMEM;
        }
        *id = idf->nids;
        idf->w[idf->nids++] = 0;
    }
    s->id = (uint32_t)*id;
    idf->w[*id] += text;
    return 0;
}

/* count_df()'s first size of the stem ids' map, at most (2 MB of slots). */
#define IDF_PRESIZE 65536

/* Paragraph frequencies of content stems over text paragraphs (the stems
 * of every paragraph get an id), then the weights, then each paragraph's
 * weight; document frequencies of word pairs. */
static int count_df(const wt_analyze_job *job)
{
    wt_idf *idf = job->idf;
    /* The ids' map sized for every stem occurrence, up to a cap: a query's
     * 17 documents repeat few stems (about 1.25 occurrences a distinct
     * word in generated articles), and its map grown from 1,024 was
     * rehashed on the way (the 200 generated queries: 0.99 of the CPU
     * without); a scan's millions of occurrences repeat far more, and its
     * map grows past the cap as it must. */
    size_t occurrences = 0;
    for (size_t d = 0; d < job->ndocs; d++)
        for (size_t p = 0; p < job->docs[d]->npara; p++)
            occurrences += job->docs[d]->paras[p].nstems;
    int rc = wt_hmap_init(&idf->df, 1024);
    if (!rc)
        rc = wt_hmap_init(&idf->ids, occurrences < IDF_PRESIZE ? occurrences
                                                               : IDF_PRESIZE);
    for (size_t d = 0; d < job->ndocs && !rc; d++)
        for (size_t p = 0; p < job->docs[d]->npara && !rc; p++) {
            wt_para *pa = &job->docs[d]->paras[p];
            const int text = pa->pub.boiler == WT_BOILER_NONE;
            idf->npara += text;
            for (size_t i = 0; i < pa->nstems && !rc; i++)
                rc = stem_id(idf, &pa->stems[i], text);
        }
    /* A stem held by no text paragraph weighs as one held by one. */
    for (size_t i = 0; i < idf->nids && !rc; i++)
        idf->w[i] = log(1.0 + idf->npara / (idf->w[i] > 0 ? idf->w[i] : 1.0));
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

/* The keys of a focus's paragraphs, and a filter of them: one bit of
 * 2^FOCUS_BITS per key, so that most keys of the other documents, which
 * no focus paragraph holds, are ruled out without a lookup in the map. */
typedef struct focus_set {
    wt_hmap keys;
    uint64_t *bits;
} focus_set;

#define FOCUS_BITS 16

static uint32_t focus_bit(uint64_t key)
{
    return (uint32_t)((key ^ (key >> 29)) & ((1u << FOCUS_BITS) - 1));
}

/* The value of key in f->keys, or NULL when no focus paragraph holds it. */
static const uint64_t *focus_get(const focus_set *f, uint64_t key)
{
    const uint32_t b = focus_bit(key);
    if (!((f->bits[b >> 6] >> (b & 63)) & 1))
        return NULL;
    return wt_hmap_get(&f->keys, key);
}

/* With a focus, the keys of its paragraphs: postings of other keys can
 * never pair with a focus paragraph, so they are not kept.  (Kept keys
 * keep all their holders, so group sizes and weights do not change.) */
static int focus_keys(const wt_analyze_job *job, focus_set *f)
{
    int rc = wt_hmap_init(&f->keys, 1024);
    if (!rc && !(f->bits = wt_calloc((1u << FOCUS_BITS) / 64, sizeof *f->bits)))
        rc = WT_ENOMEM;
    for (size_t d = 0; d < job->focus && d < job->ndocs && !rc; d++)
        for (size_t p = 0; p < job->docs[d]->npara && !rc; p++) {
            const wt_para *pa = &job->docs[d]->paras[p];
            if (pa->pub.boiler != WT_BOILER_NONE)
                continue;
            for (size_t i = 0; i < nkeys(pa) && !rc; i++) {
                const uint64_t key = key_at(pa, i);
                const uint32_t b = focus_bit(key);
                f->bits[b >> 6] |= UINT64_C(1) << (b & 63);
                if (!wt_hmap_slot(&f->keys, key))
                    rc = WT_ENOMEM;
            }
        }
    return rc;
}

/* Numbers the focus keys in key order: each one's value in keys becomes
 * its number + 1.  Returns 0 or WT_ENOMEM. */
static int number_keys(wt_hmap *keys, size_t *n)
{
    uint64_t *v = wt_malloc((keys->count + 1) * sizeof *v);
    if (!v)
        return WT_ENOMEM;
    size_t k = 0;
    uint64_t key, val;
    for (size_t pos = 0; wt_hmap_next(keys, &pos, &key, &val);)
        v[k++] = key;
    *n = wt_sort_unique_u64(v, k);
    for (size_t i = 0; i < *n; i++)
        *wt_hmap_slot(keys, v[i]) = i + 1; /* present: no allocation */
    wt_free(v);
    return 0;
}

/* The postings in order of key (numbered in rank[]) and paragraph, by
 * counting: the order a sort gives, as each paragraph's postings were
 * added in paragraph order, in one pass. */
static int order_by_rank(wt_postings *post, const uint32_t *rank, size_t nkeys)
{
    size_t *at = wt_calloc(nkeys + 1, sizeof *at);
    wt_posting *v = wt_malloc((post->n + 1) * sizeof *v);
    if (!at || !v) {
        wt_free(at);
        wt_free(v);
        return WT_ENOMEM;
    }
    for (size_t i = 0; i < post->n; i++)
        at[rank[i] + 1]++;
    for (size_t r = 1; r <= nkeys; r++)
        at[r] += at[r - 1];
    for (size_t i = 0; i < post->n; i++)
        v[at[rank[i]]++] = post->v[i];
    wt_free(at);
    wt_free(post->v);
    post->v = v;
    post->cap = post->n + 1;
    return 0;
}

/* The gid table: the text paragraphs of every document in order;
 * first[d] the gid of document d's first, first[ndocs] their number. */
static int gid_table(stage *s, size_t *first)
{
    const wt_analyze_job *job = s->job;
    size_t ng = 0;
    for (size_t d = 0; d < job->ndocs; d++) {
        first[d] = ng;
        for (size_t p = 0; p < job->docs[d]->npara; p++)
            ng += job->docs[d]->paras[p].pub.boiler == WT_BOILER_NONE;
    }
    first[job->ndocs] = ng;
    s->g = wt_malloc((ng + 1) * sizeof *s->g);
    s->weight = wt_malloc((ng + 1) * sizeof *s->weight);
    s->stems = wt_malloc((ng + 1) * sizeof *s->stems);
    if (!s->g || !s->weight || !s->stems)
        return WT_ENOMEM;
    for (size_t d = 0; d < job->ndocs; d++)
        for (size_t p = 0; p < job->docs[d]->npara; p++) {
            const wt_para *pa = &job->docs[d]->paras[p];
            if (pa->pub.boiler != WT_BOILER_NONE)
                continue;
            s->weight[s->ng] = pa->weight;
            s->stems[s->ng] = (gstems){pa->stems, pa->nstems};
            s->g[s->ng++] = (gpara){(uint32_t)d, (uint32_t)p};
        }
    return 0;
}

/* The postings of a focus's keys (a query), put in order by counting:
 * the sort was a tenth of a query. */
static int focus_postings(stage *s)
{
    const wt_analyze_job *job = s->job;
    focus_set f = {0};
    size_t nranks = 0;
    uint32_t *rank = NULL;
    int rc = focus_keys(job, &f);
    if (!rc)
        rc = number_keys(&f.keys, &nranks);
    size_t total = 0;
    for (size_t gid = 0; gid < s->ng; gid++)
        total += nkeys(para_of(s, (uint32_t)gid));
    if (!rc)
        rc = wt_postings_reserve(&s->post, total);
    if (!rc && !(rank = wt_malloc((total + 1) * sizeof *rank)))
        rc = WT_ENOMEM;
    for (size_t gid = 0; gid < s->ng && !rc; gid++) {
        const wt_para *pa = para_of(s, (uint32_t)gid);
        for (size_t i = 0; i < nkeys(pa) && !rc; i++) {
            const uint64_t *r = focus_get(&f, key_at(pa, i));
            if (!r)
                continue;
            rank[s->post.n] = (uint32_t)(*r - 1);
            rc = wt_postings_add(&s->post, key_at(pa, i), (uint32_t)gid,
                                 s->g[gid].doc);
        }
    }
    wt_hmap_release(&f.keys);
    wt_free(f.bits);
    if (!rc)
        rc = order_by_rank(&s->post, rank, nranks);
    wt_free(rank);
    return rc;
}

/* The documents of a chunk, for wt_postings_fill(). */
typedef struct post_chunks {
    const wt_analyze_job *job;
    const size_t *first; /* gid_table()'s */
} post_chunks;

/* The postings of the text paragraphs of chunk c's documents. */
static int chunk_postings(void *ctx, size_t c, wt_postings_sink *sink)
{
    const post_chunks *pc = ctx;
    const wt_analyze_job *job = pc->job;
    const size_t to =
        (c + 1) * CHUNK_DOCS < job->ndocs ? (c + 1) * CHUNK_DOCS : job->ndocs;
    for (size_t d = c * CHUNK_DOCS; d < to; d++) {
        uint32_t gid = (uint32_t)pc->first[d];
        for (size_t p = 0; p < job->docs[d]->npara; p++) {
            const wt_para *pa = &job->docs[d]->paras[p];
            if (pa->pub.boiler != WT_BOILER_NONE)
                continue;
            for (size_t i = 0; i < nkeys(pa); i++)
                wt_postings_put(sink, key_at(pa, i), gid, (uint32_t)d);
            gid++;
        }
    }
    return 0;
}

/* gid table and postings of every text paragraph: put and sorted on the
 * threads, a chunk of documents an item.  With a focus, only the
 * postings of its keys (focus_postings). */
static int build_postings(stage *s)
{
    const wt_analyze_job *job = s->job;
    size_t *first = wt_malloc((job->ndocs + 1) * sizeof *first);
    int rc = first ? gid_table(s, first) : WT_ENOMEM;
    if (!rc && job->focus) {
        rc = focus_postings(s);
    } else if (!rc) {
        post_chunks pc = {job, first};
        rc = wt_postings_fill(&s->post,
                              (job->ndocs + CHUNK_DOCS - 1) / CHUNK_DOCS,
                              chunk_postings, &pc, nthreads(job));
    }
    wt_free(first);
    if (!rc)
        rc = wt_posting_runs_build(&s->post, s->ng, &s->runs);
    return rc;
}

/* Sums in sh->acc, so that a paragraph's shares need no sort of every
 * posting met, only of the paragraphs met (every weight is non-zero). */
static int add_share(shares *sh, uint32_t gy, uint32_t add)
{
    const uint32_t was = sh->acc[gy];
    if (!was) {
        if (wt_grow(&sh->touched, &sh->touchedcap, sh->ntouched + 1,
                    sizeof *sh->touched))
            return WT_ENOMEM;
        sh->touched[sh->ntouched++] = gy;
    }
    sh->acc[gy] = add >= SHINGLE_SHARE - was ? SHINGLE_SHARE : was + add;
    return 0;
}

WT_SORT_DEFINE(sort_u32, uint32_t, WT_SORT_LESS_NUM)

/* 1 when paragraph gy shares enough with paragraph gx (weight w, fixed
 * point) to be scored: the rare weight is WT_CANDIDATE_SHARE of the
 * smaller paragraph's (a shared shingle always is). */
static int enough(const stage *s, uint32_t gx, uint32_t gy, uint32_t w)
{
    return w >= SHINGLE_SHARE ||
           (double)w / FIXED >=
               WT_CANDIDATE_SHARE * fmin(s->weight[gx], s->weight[gy]);
}

/* The paragraphs that share enough with gx into sh->touched[0, sh->n),
 * in gid order; sh->acc cleared for the next paragraph.  Only those are
 * sorted: most paragraphs met share a common word or two. */
static void collect_shares(const stage *s, shares *sh, uint32_t gx)
{
    size_t kept = 0;
    for (size_t i = 0; i < sh->ntouched; i++) {
        const uint32_t g = sh->touched[i];
        if (enough(s, gx, g, sh->acc[g]))
            sh->touched[kept++] = g;
        sh->acc[g] = 0;
    }
    sh->ntouched = 0;
    if (kept > 1)
        sort_u32(sh->touched, kept);
    sh->n = kept;
}

/* 1 when holder y of the run goes before hub slot h: a document earlier in
 * origin order, then an earlier paragraph. */
static int before(const stage *s, uint32_t y, uint32_t h)
{
    const uint32_t ry = s->rank[s->g[y].doc], rh = s->rank[s->g[h].doc];
    return ry != rh ? ry < rh : y < h;
}

/* Puts gid y among the hubs h[0..WT_HUB_COUNT), best first, one per
 * document. */
static void hub_offer(const stage *s, uint32_t *h, uint32_t y)
{
    size_t i = 0;
    while (i < WT_HUB_COUNT && h[i] != UINT32_MAX &&
           s->g[h[i]].doc != s->g[y].doc)
        i++;
    if (i < WT_HUB_COUNT && h[i] != UINT32_MAX && !before(s, y, h[i]))
        return; /* its document holds a better place already */
    size_t at = 0;
    while (at < WT_HUB_COUNT && h[at] != UINT32_MAX && before(s, h[at], y))
        at++;
    if (at == WT_HUB_COUNT)
        return;
    const size_t last = i < WT_HUB_COUNT ? i : WT_HUB_COUNT - 1;
    memmove(h + at + 1, h + at, (last - at) * sizeof *h);
    h[at] = y;
}

/* The hubs of the long run [from, to). */
static int add_hubs(stage *s, size_t from, size_t to)
{
    if (wt_grow(&s->hubs, &s->hubcap, s->nhubs + WT_HUB_COUNT, sizeof *s->hubs))
        return WT_ENOMEM;
    uint32_t *h = s->hubs + s->nhubs;
    for (size_t i = 0; i < WT_HUB_COUNT; i++)
        h[i] = UINT32_MAX;
    for (size_t y = from; y < to; y++)
        hub_offer(s, h, s->post.v[y].id);
    uint64_t *slot = wt_hmap_slot(&s->hubmap, from);
    if (!slot)
        return WT_ENOMEM;
    *slot = s->nhubs;
    s->nhubs += WT_HUB_COUNT;
    return 0;
}

/* The hubs of every shingle held by more than WT_HUB_RUN paragraphs,
 * found once before scoring, so that workers only read them. */
static int find_hubs(stage *s)
{
    int rc = wt_hmap_init(&s->hubmap, 64);
    for (size_t r = 0; r < s->runs.nruns && !rc; r++) {
        const size_t from = s->runs.start[r], to = s->runs.start[r + 1];
        if ((s->post.v[from].key & SHINGLE_MARK) && to - from > WT_HUB_RUN)
            rc = add_hubs(s, from, to);
    }
    return rc;
}

/* Paragraph gx pairs with the hubs of a long run: a hub with the later
 * hubs, any other holder with every hub. */
static int share_hubs(const stage *s, shares *sh, uint32_t gx, size_t from,
                      uint32_t add)
{
    const uint64_t *at = wt_hmap_get(&s->hubmap, from);
    if (!at)
        return 0; /* not a shingle's run (cannot happen: found before) */
    const uint32_t *h = s->hubs + *at;
    int is_hub = 0;
    for (size_t i = 0; i < WT_HUB_COUNT; i++)
        is_hub |= h[i] == gx;
    const uint32_t dx = s->g[gx].doc, focus = (uint32_t)s->job->focus;
    int rc = 0;
    for (size_t i = 0; i < WT_HUB_COUNT && h[i] != UINT32_MAX && !rc; i++) {
        const uint32_t dy = s->g[h[i]].doc;
        if (dy == dx || (is_hub && h[i] <= gx) ||
            (focus && dx >= focus && dy >= focus))
            continue;
        rc = add_share(sh, h[i], add);
    }
    return rc;
}

/* The first record of [from, to) (sorted by id) whose id is above id. */
static size_t after_id(const wt_postings *p, size_t from, size_t to,
                       uint32_t id)
{
    while (from < to) {
        const size_t mid = from + (to - from) / 2;
        if (p->v[mid].id <= id)
            from = mid + 1;
        else
            to = mid;
    }
    return from;
}

/* Adds to s->share, for each later paragraph that holds the key of run r,
 * the weight the key carries.  Keys held by one paragraph make no
 * candidates; stems held by more than WT_POSTING_CAP neither; shingles
 * held by more than WT_HUB_RUN pair with their hubs only.  (A run is
 * read up to WT_POSTING_CAP + 1 holders: the weight of a longer one is
 * that of the cap.) */
static int share_key(const stage *s, shares *sh, uint32_t gx, size_t r)
{
    const size_t from = s->runs.start[r];
    size_t to = s->runs.start[r + 1];
    if (to - from > WT_POSTING_CAP + 1)
        to = from + WT_POSTING_CAP + 1;
    const size_t g = to - from;
    if (g < 2)
        return 0; /* most runs: decided without reading a record */
    const int shingle = (s->post.v[from].key & SHINGLE_MARK) != 0;
    if (!shingle && g > WT_POSTING_CAP)
        return 0;
    const uint32_t add =
        shingle ? SHINGLE_SHARE
                : (uint32_t)(log(1.0 + s->job->idf->npara / (double)g) * FIXED);
    if (shingle && g > WT_HUB_RUN)
        return share_hubs(s, sh, gx, from, add);
    const uint32_t dx = s->g[gx].doc, focus = (uint32_t)s->job->focus;
    /* A run is sorted by gid: the later holders follow gx's own record. */
    for (size_t y = after_id(&s->post, from, to, gx); y < to; y++) {
        const uint32_t gy = s->post.v[y].id, dy = s->post.v[y].tag;
        if (dy == dx || (focus && dx >= focus && dy >= focus))
            continue;
        if (add_share(sh, gy, add))
            return WT_ENOMEM;
    }
    return 0;
}

/* The later paragraphs that share enough with paragraph gx to be scored,
 * summed paragraph by paragraph so that memory holds one paragraph's
 * pairs, never the corpus's. */
static int candidates_of(const stage *s, shares *sh, uint32_t gx)
{
    sh->n = 0;
    /* gids follow document order: with a focus, a paragraph outside it
     * has only paragraphs outside it after it. */
    if (s->job->focus && s->g[gx].doc >= s->job->focus)
        return 0;
    int rc = 0;
    const uint32_t *run = s->runs.run_of;
    const size_t end = s->runs.id_at[gx + 1];
    for (size_t i = s->runs.id_at[gx]; i < end && !rc; i++) {
        /* A paragraph's runs lie all over the postings: the start of a
         * run is asked for two prefetch distances ahead, its first
         * record one. */
        if (i + 2 * PREFETCH_AHEAD < end)
            __builtin_prefetch(&s->runs.start[run[i + 2 * PREFETCH_AHEAD]]);
        if (i + PREFETCH_AHEAD < end)
            __builtin_prefetch(
                &s->post.v[s->runs.start[run[i + PREFETCH_AHEAD]]]);
        rc = share_key(s, sh, gx, run[i]);
    }
    collect_shares(s, sh, gx); /* on a failure too: acc cleared */
    return rc;
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

/* One candidate pair, kept until it is recorded in order; most are no
 * link (below the evidence floor, or classified so from both sides) and
 * keep only their paragraphs, the scores of the rest sit in block.ps. */
typedef struct scored {
    uint32_t gx, gy;
    uint32_t at; /* index in the block's ps, NO_SCORE: no link */
} scored;

#define NO_SCORE UINT32_MAX

/* The candidates of paragraphs [from, to), scored by one worker. */
typedef struct block {
    uint32_t from, to;
    scored *v;
    size_t n, cap;
    wt_pair_score *ps; /* spans owned until recorded */
    size_t nps, pscap;
    size_t past_floor; /* of the n scored, those tiled (the profile's) */
    int rc;
} block;

/* Scores gx against gy into the next free ps of b; *link is 0 when
 * neither side is a link (nothing kept). */
static int score_pair(const stage *s, shares *sh, block *b, uint32_t gx,
                      uint32_t gy, int *link)
{
    const wt_analyze_job *job = s->job;
    *link = 0;
    const gstems *x = &s->stems[gx], *y = &s->stems[gy];
    if (wt_match_below_floor(x->v, x->n, y->v, y->n, job->idf, job->opts))
        return 0;
    b->past_floor++;
    if (wt_grow(&b->ps, &b->pscap, b->nps + 1, sizeof *b->ps))
        return WT_ENOMEM;
    wt_pair_score *ps = &b->ps[b->nps];
    int rc = wt_match_paragraphs(
        job->docs[s->g[gx].doc], para_of(s, gx), job->docs[s->g[gy].doc],
        para_of(s, gy), job->idf, job->opts->min_span, sh->scratch, ps);
    if (rc)
        return rc;
    double score;
    const wt_pair_score back = swapped(ps);
    *link = wt_match_classify(ps, job->opts, 0, &score) >= 0 ||
            wt_match_classify(&back, job->opts, 0, &score) >= 0;
    if (!*link)
        wt_free(ps->spans);
    return 0;
}

static int keep_scored(const stage *s, shares *sh, block *b, uint32_t gx,
                       uint32_t gy)
{
    if (wt_grow(&b->v, &b->cap, b->n + 1, sizeof *b->v))
        return WT_ENOMEM;
    int link = 0;
    const int rc = score_pair(s, sh, b, gx, gy, &link);
    if (rc)
        return rc;
    b->v[b->n++] = (scored){gx, gy, link ? (uint32_t)b->nps++ : NO_SCORE};
    return 0;
}

/* Scores the candidates of every paragraph of block b. */
static void score_block(const stage *s, shares *sh, block *b)
{
    int rc = 0;
    for (uint32_t gx = b->from; gx < b->to && !rc; gx++) {
        rc = candidates_of(s, sh, gx);
        for (size_t i = 0; i < sh->n && !rc; i++) {
            /* The stems of a candidate are far in memory, and so is the
             * entry that points to them: the entry is asked for two
             * prefetch distances ahead, the stems one, so both arrive
             * while the pairs before are read. */
            if (i + 2 * PREFETCH_AHEAD < sh->n)
                __builtin_prefetch(
                    &s->stems[sh->touched[i + 2 * PREFETCH_AHEAD]]);
            if (i + PREFETCH_AHEAD < sh->n)
                __builtin_prefetch(s->stems[sh->touched[i + PREFETCH_AHEAD]].v);
            rc = keep_scored(s, sh, b, gx, sh->touched[i]);
        }
    }
    b->rc = rc;
}

/* Records the links of a block's pairs, in the order a single worker
 * would have found them: the output does not depend on the threads. */
static int record_block(const stage *s, block *b)
{
    const wt_analyze_job *job = s->job;
    int rc = b->rc;
    for (size_t i = 0; i < b->n; i++) {
        const scored *r = &b->v[i];
        const gpara x = s->g[r->gx], y = s->g[r->gy];
        const wt_pair_score *ps = r->at != NO_SCORE ? &b->ps[r->at] : NULL;
        if (!rc && ps)
            rc = link_side(job->opts, para_of(s, r->gx), ps, 0, y.doc, y.para,
                           0);
        if (!rc && ps)
            rc = link_side(job->opts, para_of(s, r->gy), ps, 1, x.doc, x.para,
                           0);
        if (!rc)
            rc = wt_links_note_pair(job->links, x.doc, y.doc);
    }
    for (size_t i = 0; i < b->nps; i++)
        wt_free(b->ps[i].spans);
    wt_timings *tm = job->opts->timings;
    wt_timings_count(tm, WT_TALLY_CANDIDATES, b->n);
    wt_timings_count(tm, WT_TALLY_PAST_FLOOR, b->past_floor);
    wt_timings_count(tm, WT_TALLY_LINKED, b->nps);
    b->n = b->nps = b->past_floor = 0;
    return rc;
}

/* Records the links of a round's blocks, in order; the first failure. */
static int record_round(const stage *s, block *blocks, size_t n)
{
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        const int brc = record_block(s, &blocks[i]);
        rc = rc ? rc : brc;
    }
    return rc;
}

/* A round of blocks, the round before it while it is recorded, and the
 * scratch of each thread that takes them. */
typedef struct score_round {
    const stage *s;
    block *blocks;
    block *last; /* the round before, or NULL */
    size_t nlast;
    int last_rc; /* recording it */
    shares *sh;  /* one per thread, its acc made on first use */
} score_round;

/* Item 0 records the round before (its links written while this round
 * is scored: scoring reads no link), the rest score a block each.  A
 * block's failure stays in its rc: record_block() reports it in order. */
static int score_one(void *ctx, unsigned thread, size_t i)
{
    score_round *r = ctx;
    if (r->last) {
        if (i == 0) {
            r->last_rc = record_round(r->s, r->last, r->nlast);
            return 0;
        }
        i--; /* block i - 1 of this round */
    }
    shares *sh = &r->sh[thread];
    if (!sh->acc)
        sh->acc = wt_calloc(r->s->ng + 1, sizeof *sh->acc);
    if (!sh->scratch)
        sh->scratch = wt_match_scratch_new();
    if (sh->acc && sh->scratch)
        score_block(r->s, sh, &r->blocks[i]);
    else
        r->blocks[i].rc = WT_ENOMEM;
    return 0;
}

/* Fills blocks with up to WT_SCORE_BLOCKS blocks of WT_SCORE_BLOCK
 * paragraphs from *gx on; their number. */
static size_t next_round(const stage *s, block *blocks, size_t *gx)
{
    size_t n = 0;
    for (; *gx < s->ng && n < WT_SCORE_BLOCKS; n++) {
        blocks[n].from = (uint32_t)*gx;
        *gx = *gx + WT_SCORE_BLOCK < s->ng ? *gx + WT_SCORE_BLOCK : s->ng;
        blocks[n].to = (uint32_t)*gx;
    }
    return n;
}

/* Scores every pair of paragraphs that shares enough to be a candidate,
 * in rounds of WT_SCORE_BLOCKS blocks of WT_SCORE_BLOCK paragraphs (so
 * memory holds two rounds' scores), and records them in paragraph order:
 * each round while the next is scored, so that with threads the
 * recording is not a pause of all but one. */
static int score_candidates(const stage *s)
{
    const unsigned nt = nthreads(s->job);
    block *blocks = wt_calloc(2 * WT_SCORE_BLOCKS, sizeof *blocks);
    shares *sh = wt_calloc(nt, sizeof *sh);
    score_round r = {s, blocks, NULL, 0, 0, sh};
    int rc = blocks && sh ? 0 : WT_ENOMEM;
    for (size_t gx = 0, round = 0; gx < s->ng && !rc; round++) {
        r.blocks = blocks + (round & 1) * WT_SCORE_BLOCKS;
        const size_t n = next_round(s, r.blocks, &gx);
        (void)wt_parallel_for(nt, n + (r.last != NULL), score_one, &r);
        rc = r.last_rc;
        r.last = r.blocks;
        r.nlast = n;
    }
    if (r.last) {
        const int lrc = record_round(s, r.last, r.nlast);
        rc = rc ? rc : lrc;
    }
    for (size_t i = 0; blocks && i < 2 * WT_SCORE_BLOCKS; i++) {
        wt_free(blocks[i].v);
        wt_free(blocks[i].ps);
    }
    for (unsigned i = 0; sh && i < nt; i++) {
        wt_free(sh[i].acc);
        wt_free(sh[i].touched);
        wt_match_scratch_free(sh[i].scratch);
    }
    wt_free(sh);
    wt_free(blocks);
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
    wt_match_scratch *sc = wt_match_scratch_new();
    int rc = sc ? 0 : WT_ENOMEM;
    for (size_t p = 0; p < d->npara && !rc; p++)
        for (size_t i = 0; i < d->paras[p].nshingles && !rc; i++)
            rc =
                wt_postings_add(&refs, d->paras[p].shingles[i], (uint32_t)p, 0);
    if (!rc)
        wt_postings_sort(&refs, 1);
    for (size_t q = 1; q < d->npara && !rc; q++) {
        wt_para *pq = &d->paras[q];
        rc = dup_candidates(d, &refs, (uint32_t)q, &cand, &ncand, &candcap);
        for (size_t k = 0; k < ncand && !rc; k++) {
            wt_pair_score ps;
            rc = wt_match_paragraphs(d, pq, d, &d->paras[cand[k]], job->idf,
                                     job->opts->min_span, sc, &ps);
            if (!rc)
                rc = link_side(job->opts, pq, &ps, 0, di, cand[k], 1);
            wt_free(ps.spans);
        }
    }
    wt_postings_release(&refs);
    wt_free(cand);
    wt_match_scratch_free(sc);
    return rc;
}

/* The repeats of document d, on one of the threads: a document's links
 * are its own, written by no other. */
static int dups_of(void *ctx, unsigned thread, size_t d)
{
    (void)thread;
    return find_duplicates(ctx, d);
}

static int all_duplicates(const wt_analyze_job *job)
{
    const size_t n =
        job->focus && job->focus < job->ndocs ? job->focus : job->ndocs;
    return wt_parallel_for(nthreads(job), n, dups_of, (void *)job);
}

int wt_analyze_run(const wt_analyze_job *job)
{
    stage s = {0};
    s.job = job;
    s.rank = wt_malloc((job->ndocs + 1) * sizeof *s.rank);
    int rc = s.rank ? count_df(job) : WT_ENOMEM;
    if (!rc)
        rc = wt_provenance_rank(job->docs, job->ndocs, s.rank);
    if (!rc)
        rc = wt_links_init(job->links, job->ndocs);
    if (!rc)
        rc = build_postings(&s);
    if (!rc)
        rc = find_hubs(&s);
    if (!rc)
        rc = score_candidates(&s);
    wt_postings_release(&s.post);
    wt_posting_runs_release(&s.runs);
    wt_hmap_release(&s.hubmap);
    wt_free(s.hubs);
    wt_free(s.g);
    wt_free(s.weight);
    wt_free(s.stems);
    if (!rc)
        rc = wt_translate_run(job->docs, job->ndocs, job->opts, job->langs,
                              job->links);
    if (!rc)
        rc = all_duplicates(job);
    if (!rc)
        rc = wt_links_finish(job->links, job->docs, job->ndocs, s.rank,
                             job->opts->linked_pairs_only, nthreads(job));
    wt_free(s.rank);
    return rc;
}
