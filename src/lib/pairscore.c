/*
 * pairscore.c - document-level figures derived from paragraph links: how
 * much of one document's text another explains.  Used to rank candidate
 * sources of an article (tests/eval: METER MRR).
 */
#include "pairscore.h"
#include "alloc.h"
#include "keys.h"
#include "parallel.h"
#include "sort.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

typedef struct stem_weight {
    uint64_t stem;
    double weight;
} stem_weight;

#define STEM_LESS(a, b) ((a).stem < (b).stem)
WT_SORT_DEFINE(sort_stem_weights, stem_weight, STEM_LESS)

/* One document's content stems of its text paragraphs with their weights,
 * as the analysis left them; once asked for, sorted and distinct, with
 * the sum of their weights. */
typedef struct doc_stems {
    stem_weight *v;
    size_t n;
    double total;
} doc_stems;

/* What a document took from one source document: its text paragraphs
 * with a source there (words by the best class), and their words times
 * the best source's score. */
typedef struct taken_row {
    uint64_t source; /* first: wt_lower_bound_u64() reads it */
    wt_taken t;
    double explained;
} taken_row;

/* Each document's rows, sorted by source, found once after the links are
 * final: reports ask for every pair, and a walk of the paragraphs per
 * pair is quadratic in a document's sources. */
typedef struct doc_taken {
    taken_row *rows;
    size_t n;
    size_t text_words;
} doc_taken;

/* A document's stems are read with their weights at once (a document an
 * index's cache keeps is analyzed again by the next corpus that meets
 * it, with other weights), and sorted when a pair of it is first asked
 * for (wt_pairscore_overlap), under the lock, as reports ask from several
 * threads: most documents of a query's corpus, the candidates that took
 * nothing, are never asked, and sorting their stems cost a tenth of a
 * query. */
struct wt_pairscore {
    doc_stems *docs;
    atomic_uchar *sorted; /* docs[d] is sorted */
    pthread_mutex_t lock;
    doc_taken *taken;
    size_t ndocs;
};

static int cmp_row(const void *x, const void *y)
{
    const taken_row *a = x, *b = y;
    return (a->source > b->source) - (a->source < b->source);
}

/* The row of source in t (made when missing), or NULL. */
static taken_row *row_for(doc_taken *t, size_t *cap, size_t source)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->rows[i].source == source)
            return &t->rows[i];
    if (wt_grow(&t->rows, cap, t->n + 1, sizeof *t->rows))
        return NULL;
    taken_row *r = &t->rows[t->n++];
    memset(r, 0, sizeof *r);
    r->source = source;
    return r;
}

/* 1 when a source before source i of pa is in the same document (not as
 * a repeat inside it): that document's row counts pa there. */
static int seen_before(const wt_paragraph *pa, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (pa->sources[j].document == pa->sources[i].document &&
            pa->sources[j].cls != WT_CLASS_DUPLICATE)
            return 1;
    return 0;
}

/* Paragraph pa's part in the rows of its sources' documents: its words
 * once per source document, under the best (lowest) class there. */
static int take_paragraph(doc_taken *t, size_t *cap, const wt_paragraph *pa)
{
    for (size_t i = 0; i < pa->source_count; i++) {
        const wt_source *s = &pa->sources[i];
        if (s->cls == WT_CLASS_DUPLICATE || seen_before(pa, i))
            continue;
        int cls = (int)s->cls;
        double best = s->score;
        for (size_t j = i + 1; j < pa->source_count; j++) {
            const wt_source *o = &pa->sources[j];
            if (o->document != s->document || o->cls == WT_CLASS_DUPLICATE)
                continue;
            cls = (int)o->cls < cls ? (int)o->cls : cls;
            best = o->score > best ? o->score : best;
        }
        taken_row *r = row_for(t, cap, s->document);
        if (!r)
            return WT_ENOMEM;
        r->t.paragraphs++;
        r->t.words += pa->word_count;
        r->t.by_class[cls] += pa->word_count;
        r->explained += (double)pa->word_count * (best > 1 ? 1 : best);
    }
    return 0;
}

static int doc_taken_build(const wt_document *a, doc_taken *t)
{
    size_t cap = 0;
    for (size_t p = 0; p < a->npara; p++) {
        const wt_paragraph *pa = &a->paras[p].pub;
        if (pa->boiler != WT_BOILER_NONE)
            continue;
        t->text_words += pa->word_count;
        if (take_paragraph(t, &cap, pa))
            return WT_ENOMEM;
    }
    if (t->n > 1)
        qsort(t->rows, t->n, sizeof *t->rows, cmp_row);
    return 0;
}

/* The row of a for source b, or NULL. */
static const taken_row *find_row(const wt_pairscore *ps, size_t a, size_t b)
{
    const doc_taken *t = &ps->taken[a];
    const size_t at = wt_lower_bound_u64(t->rows, t->n, sizeof *t->rows, b);
    return at < t->n && t->rows[at].source == b ? &t->rows[at] : NULL;
}

void wt_pairscore_taken(const wt_pairscore *ps, size_t a, size_t b,
                        wt_taken *out)
{
    const taken_row *r = find_row(ps, a, b);
    if (r)
        *out = r->t;
    else
        memset(out, 0, sizeof *out);
    out->text_words = ps->taken[a].text_words;
}

double wt_pairscore_coverage(const wt_pairscore *ps, size_t a, size_t b)
{
    const taken_row *r = find_row(ps, a, b);
    const size_t words = ps->taken[a].text_words;
    return r && words ? r->explained / (double)words : 0;
}

/* The stems of d's text paragraphs with their weights in idf, in
 * paragraph order: read now, while the stem ids are this analysis's. */
static int doc_stems_build(const wt_idf *idf, const wt_document *d,
                           doc_stems *out)
{
    size_t n = 0;
    for (size_t p = 0; p < d->npara; p++)
        if (d->paras[p].pub.boiler == WT_BOILER_NONE)
            n += d->paras[p].nstems;
    if (!(out->v = wt_malloc((n + 1) * sizeof *out->v)))
        return WT_ENOMEM;
    for (size_t p = 0; p < d->npara; p++)
        if (d->paras[p].pub.boiler == WT_BOILER_NONE)
            for (size_t i = 0; i < d->paras[p].nstems; i++)
                out->v[out->n++] =
                    (stem_weight){d->paras[p].stems[i].stem,
                                  wt_idf_weight(idf, &d->paras[p].stems[i])};
    return 0;
}

/* The stems sorted, each once (the weight of the first after the sort),
 * and their total. */
static void doc_stems_finish(doc_stems *x)
{
    if (x->n > 1)
        sort_stem_weights(x->v, x->n);
    size_t k = 0;
    for (size_t i = 0; i < x->n; i++) {
        if (k && x->v[k - 1].stem == x->v[i].stem)
            continue;
        x->v[k++] = x->v[i];
        x->total += x->v[i].weight;
    }
    x->n = k;
}

typedef struct build_job {
    wt_pairscore *ps;
    wt_document *const *docs;
    const wt_idf *idf;
} build_job;

static int build_doc(void *ctx, unsigned thread, size_t d)
{
    (void)thread;
    const build_job *b = ctx;
    return doc_stems_build(b->idf, b->docs[d], &b->ps->docs[d]) ||
                   doc_taken_build(b->docs[d], &b->ps->taken[d])
               ? WT_ENOMEM
               : 0;
}

int wt_pairscore_new(wt_pairscore **out, wt_document *const *docs, size_t ndocs,
                     const wt_idf *idf, unsigned nthreads)
{
    wt_pairscore *ps = wt_calloc(1, sizeof *ps);
    if (!ps)
        return WT_ENOMEM;
    pthread_mutex_init(&ps->lock, NULL);
    if (!(ps->docs = wt_calloc(ndocs + 1, sizeof *ps->docs)) ||
        !(ps->sorted = wt_calloc(ndocs + 1, sizeof *ps->sorted)) ||
        !(ps->taken = wt_calloc(ndocs + 1, sizeof *ps->taken)))
        goto fail;
    ps->ndocs = ndocs;
    build_job b = {ps, docs, idf};
    if (wt_parallel_for(nthreads, ndocs, build_doc, &b))
        goto fail;
    *out = ps;
    return 0;
fail:
    wt_pairscore_free(ps);
    return WT_ENOMEM;
}

void wt_pairscore_free(wt_pairscore *ps)
{
    if (!ps)
        return;
    for (size_t d = 0; ps->docs && d < ps->ndocs; d++)
        wt_free(ps->docs[d].v);
    for (size_t d = 0; ps->taken && d < ps->ndocs; d++)
        wt_free(ps->taken[d].rows);
    wt_free(ps->docs);
    wt_free((void *)ps->sorted);
    wt_free(ps->taken);
    pthread_mutex_destroy(&ps->lock);
    wt_free(ps);
}

/* The stems of document d, sorted on first use. */
static const doc_stems *stems_of(wt_pairscore *ps, size_t d)
{
    if (atomic_load_explicit(&ps->sorted[d], memory_order_acquire))
        return &ps->docs[d];
    pthread_mutex_lock(&ps->lock);
    if (!atomic_load_explicit(&ps->sorted[d], memory_order_relaxed)) {
        doc_stems_finish(&ps->docs[d]);
        atomic_store_explicit(&ps->sorted[d], 1, memory_order_release);
    }
    pthread_mutex_unlock(&ps->lock);
    return &ps->docs[d];
}

void wt_pairscore_overlap(wt_pairscore *ps, size_t a, size_t b,
                          double *overlap_a, double *overlap_b)
{
    const doc_stems *x = stems_of(ps, a), *y = stems_of(ps, b);
    double shared = 0;
    size_t i = 0, j = 0;
    while (i < x->n && j < y->n) {
        if (x->v[i].stem < y->v[j].stem) {
            i++;
        } else if (x->v[i].stem > y->v[j].stem) {
            j++;
        } else {
            shared += x->v[i].weight;
            i++;
            j++;
        }
    }
    if (overlap_a)
        *overlap_a = x->total > 0 ? shared / x->total : 0;
    if (overlap_b)
        *overlap_b = y->total > 0 ? shared / y->total : 0;
}
