/*
 * pairscore.c - document-level figures derived from paragraph links: how
 * much of one document's text another explains.  Used to rank candidate
 * sources of an article (tests/eval: METER MRR).
 */
#include "corpus.h"
#include "alloc.h"
#include "pairscore.h"

#include <stdlib.h>

/* One document's distinct content stems of its text paragraphs, sorted,
 * with their weights, and the sum of those weights. */
typedef struct doc_stems {
    uint64_t *stem;
    double *weight;
    size_t n;
    double total;
} doc_stems;

struct wt_pairscore {
    doc_stems *docs;
    size_t ndocs;
};

/* Words of a's text paragraphs, and those explained by links to b: each
 * paragraph counts its words times the score of its best source in b. */
static void covered(const wt_document *a, size_t b, double *words,
                    double *explained)
{
    *words = 0;
    *explained = 0;
    for (size_t p = 0; p < a->npara; p++) {
        const wt_paragraph *pa = &a->paras[p].pub;
        if (pa->boiler != WT_BOILER_NONE)
            continue;
        double best = 0;
        for (size_t i = 0; i < pa->source_count; i++) {
            const wt_source *s = &pa->sources[i];
            if (s->document == b && s->cls != WT_CLASS_DUPLICATE &&
                s->score > best)
                best = s->score;
        }
        *words += (double)pa->word_count;
        *explained += (double)pa->word_count * (best > 1 ? 1 : best);
    }
}

int wt_corpus_pair_coverage(const wt_corpus *c, size_t a, size_t b,
                            double *cover_a, double *cover_b)
{
    if (!c || !c->analyzed || a >= c->ndocs || b >= c->ndocs || a == b)
        return WT_EINVAL;
    double words, explained;
    if (cover_a) {
        covered(c->docs[a], b, &words, &explained);
        *cover_a = words > 0 ? explained / words : 0;
    }
    if (cover_b) {
        covered(c->docs[b], a, &words, &explained);
        *cover_b = words > 0 ? explained / words : 0;
    }
    return 0;
}

static int cmp_ref(const void *a, const void *b)
{
    const uint64_t x = ((const wt_stem_ref *)a)->stem;
    const uint64_t y = ((const wt_stem_ref *)b)->stem;
    return (x > y) - (x < y);
}

static int doc_stems_build(const wt_corpus *c, const wt_document *d,
                           doc_stems *out)
{
    size_t n = 0, k = 0;
    for (size_t p = 0; p < d->npara; p++)
        if (d->paras[p].pub.boiler == WT_BOILER_NONE)
            n += d->paras[p].nstems;
    wt_stem_ref *all = wt_malloc((n + 1) * sizeof *all);
    out->stem = wt_malloc((n + 1) * sizeof *out->stem);
    out->weight = wt_malloc((n + 1) * sizeof *out->weight);
    if (!all || !out->stem || !out->weight) {
        wt_free(all);
        return WT_ENOMEM;
    }
    for (size_t p = 0; p < d->npara; p++)
        if (d->paras[p].pub.boiler == WT_BOILER_NONE)
            for (size_t i = 0; i < d->paras[p].nstems; i++)
                all[k++] = d->paras[p].stems[i];
    if (k > 1)
        qsort(all, k, sizeof *all, cmp_ref);
    for (size_t i = 0; i < k; i++) {
        if (out->n && out->stem[out->n - 1] == all[i].stem)
            continue;
        out->stem[out->n] = all[i].stem;
        out->weight[out->n] = wt_idf_weight(&c->idf, &all[i]);
        out->total += out->weight[out->n++];
    }
    wt_free(all);
    return 0;
}

int wt_pairscore_prepare(wt_corpus *c)
{
    wt_pairscore *ps = wt_calloc(1, sizeof *ps);
    if (!ps)
        return WT_ENOMEM;
    c->pairscore = ps;
    ps->docs = wt_calloc(c->ndocs + 1, sizeof *ps->docs);
    if (!ps->docs)
        return WT_ENOMEM;
    ps->ndocs = c->ndocs;
    for (size_t d = 0; d < c->ndocs; d++)
        if (doc_stems_build(c, c->docs[d], &ps->docs[d]))
            return WT_ENOMEM;
    return 0;
}

void wt_pairscore_free(wt_pairscore *ps)
{
    if (!ps)
        return;
    for (size_t d = 0; ps->docs && d < ps->ndocs; d++) {
        wt_free(ps->docs[d].stem);
        wt_free(ps->docs[d].weight);
    }
    wt_free(ps->docs);
    wt_free(ps);
}

int wt_corpus_pair_overlap(const wt_corpus *c, size_t a, size_t b,
                           double *overlap_a, double *overlap_b)
{
    if (!c || !c->pairscore || a >= c->ndocs || b >= c->ndocs || a == b)
        return WT_EINVAL;
    const doc_stems *x = &c->pairscore->docs[a], *y = &c->pairscore->docs[b];
    double shared = 0;
    size_t i = 0, j = 0;
    while (i < x->n && j < y->n) {
        if (x->stem[i] < y->stem[j]) {
            i++;
        } else if (x->stem[i] > y->stem[j]) {
            j++;
        } else {
            shared += x->weight[i];
            i++;
            j++;
        }
    }
    if (overlap_a)
        *overlap_a = x->total > 0 ? shared / x->total : 0;
    if (overlap_b)
        *overlap_b = y->total > 0 ? shared / y->total : 0;
    return 0;
}
