/*
 * pairscore.c - document-level figures derived from paragraph links: how
 * much of one document's text another explains.  Used to rank candidate
 * sources of an article (tests/eval: METER MRR).
 */
#include "corpus.h"

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
