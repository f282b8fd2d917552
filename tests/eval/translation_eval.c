/*
 * translation_eval - translated paragraphs from real text: a WMT source
 * file and its human translation, line-aligned, or the Korean-English news
 * pairs.  Consecutive lines make documents of ten paragraphs, one line
 * each; document k of A and document k of B are translations of each
 * other, paragraph i of one of paragraph i of the other, and nothing else
 * is.
 *
 *   translation_eval FILE_A FILE_B [LINES]
 *
 * Prints: the two languages identified, paragraphs of A, then for links of
 * class translation from A into B: paragraph-level precision, recall and
 * F1 (a link counts when it names the right paragraph), and
 * document-level ones (a pair of documents counts when a paragraph of one
 * links into the other).
 */
#include "wiretrace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval_lines.h"

static double f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

int main(int argc, char **argv)
{
    if (argc < 3)
        return 64;
    const size_t max = argc > 3 ? strtoul(argv[3], NULL, 10) : 1000;
    size_t na, nb;
    char **a = read_lines(argv[1], max, &na),
         **b = read_lines(argv[2], max, &nb);
    const size_t docs = (na < nb ? na : nb) / PER_DOC;
    wt_corpus *c = a && b && docs ? paired_corpus(a, b, docs) : NULL;
    if (!c)
        return 2;
    size_t paras = 0, links = 0, right = 0, found = 0;
    size_t dlinks = 0, dright = 0;
    unsigned char *dl = calloc(docs * docs, 1);
    for (size_t k = 0; k < docs && dl; k++) {
        const wt_document *d = wt_corpus_document(c, k);
        for (size_t i = 0; i < wt_document_paragraph_count(d); i++) {
            const wt_paragraph *p = wt_document_paragraph(d, i);
            int hit = 0;
            paras++;
            for (size_t s = 0; s < p->source_count; s++) {
                const wt_source *src = &p->sources[s];
                if (src->cls != WT_CLASS_TRANSLATION || src->document < docs)
                    continue;
                links++;
                dl[k * docs + (src->document - docs)] = 1;
                if (src->document == docs + k && src->paragraph == i) {
                    right++;
                    hit = 1;
                }
            }
            found += hit;
        }
    }
    for (size_t k = 0; k < docs * docs && dl; k++)
        if (dl[k]) {
            dlinks++;
            dright += k / docs == k % docs;
        }
    const double p = links ? (double)right / links : 1,
                 r = paras ? (double)found / paras : 0;
    const double dp = dlinks ? (double)dright / dlinks : 1,
                 dr = (double)dright / docs;
    printf("%s\t%s\t%zu\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n",
           wt_document_lang(wt_corpus_document(c, 0)),
           wt_document_lang(wt_corpus_document(c, docs)), paras, p, r, f1(p, r),
           dp, dr, f1(dp, dr));
    free(dl);
    wt_corpus_free(c);
    free_lines(a, na);
    free_lines(b, nb);
    return 0;
}
