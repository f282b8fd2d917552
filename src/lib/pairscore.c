/*
 * pairscore.c - document-level figures derived from paragraph links: how
 * much of one document's text another explains.  Used to rank candidate
 * sources of an article (tests/eval: METER MRR).
 */
#include "pairscore.h"
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

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

void wt_pairscore_taken(const wt_document *a, size_t b, wt_taken *out)
{
    memset(out, 0, sizeof *out);
    for (size_t p = 0; p < a->npara; p++) {
        const wt_paragraph *pa = &a->paras[p].pub;
        if (pa->boiler != WT_BOILER_NONE)
            continue;
        out->text_words += pa->word_count;
        int cls = -1;
        for (size_t i = 0; i < pa->source_count; i++) {
            const wt_source *s = &pa->sources[i];
            if (s->document == b && s->cls != WT_CLASS_DUPLICATE &&
                (cls < 0 || (int)s->cls < cls))
                cls = (int)s->cls;
        }
        if (cls < 0)
            continue;
        out->paragraphs++;
        out->words += pa->word_count;
        out->by_class[cls] += pa->word_count;
    }
}

double wt_pairscore_coverage(const wt_document *a, size_t b)
{
    double words, explained;
    covered(a, b, &words, &explained);
    return words > 0 ? explained / words : 0;
}

static int doc_stems_build(const wt_idf *idf, const wt_document *d,
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
        qsort(all, k, sizeof *all, wt_stem_ref_cmp);
    for (size_t i = 0; i < k; i++) {
        if (out->n && out->stem[out->n - 1] == all[i].stem)
            continue;
        out->stem[out->n] = all[i].stem;
        out->weight[out->n] = wt_idf_weight(idf, &all[i]);
        out->total += out->weight[out->n++];
    }
    wt_free(all);
    return 0;
}

int wt_pairscore_new(wt_pairscore **out, wt_document *const *docs, size_t ndocs,
                     const wt_idf *idf)
{
    wt_pairscore *ps = wt_calloc(1, sizeof *ps);
    if (!ps || !(ps->docs = wt_calloc(ndocs + 1, sizeof *ps->docs)))
        goto fail;
    ps->ndocs = ndocs;
    for (size_t d = 0; d < ndocs; d++)
        if (doc_stems_build(idf, docs[d], &ps->docs[d]))
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
    for (size_t d = 0; ps->docs && d < ps->ndocs; d++) {
        wt_free(ps->docs[d].stem);
        wt_free(ps->docs[d].weight);
    }
    wt_free(ps->docs);
    wt_free(ps);
}

void wt_pairscore_overlap(const wt_pairscore *ps, size_t a, size_t b,
                          double *overlap_a, double *overlap_b)
{
    const doc_stems *x = &ps->docs[a], *y = &ps->docs[b];
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
}
