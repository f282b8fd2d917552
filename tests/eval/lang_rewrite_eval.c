/*
 * lang_rewrite_eval - same-language rewrites in several languages, from
 * real text: two independent human translations of the same news (WMT21
 * references A and B of one test set, line-aligned) say the same thing in
 * different words.  Consecutive lines make documents of ten paragraphs,
 * one line each; document k of A and document k of B should link
 * paragraph i to paragraph i, and nothing else.
 *
 *   lang_rewrite_eval FILE_A FILE_B [LINES]
 *
 * Prints: the language identified, paragraphs of A (gold links), the
 * share found, the classes of those found (verbatim, edited, rewrite),
 * links to another paragraph of the same story pair ("near": often a
 * sentence split or merged differently) and links to another story
 * ("wrong").  Languages are identified as usual.
 */
#include "wiretrace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval_lines.h"

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
    size_t found = 0, near = 0, wrong = 0, cls[8] = {0}, paras = 0;
    for (size_t k = 0; k < docs; k++) {
        const wt_document *d = wt_corpus_document(c, k);
        for (size_t i = 0; i < wt_document_paragraph_count(d); i++) {
            const wt_paragraph *p = wt_document_paragraph(d, i);
            paras++;
            for (size_t s = 0; s < p->source_count; s++) {
                const wt_source *src = &p->sources[s];
                if (src->document == docs + k && src->paragraph == i) {
                    found++;
                    if ((size_t)src->cls < 8)
                        cls[src->cls]++;
                } else if (src->document == docs + k || src->document == k) {
                    near++; /* same story, another sentence */
                } else {
                    wrong++;
                }
            }
        }
    }
    printf("%s\t%zu\t%.3f\t%zu\t%zu\t%zu\t%zu\t%zu\n",
           wt_document_lang(wt_corpus_document(c, 0)), paras,
           paras ? (double)found / paras : 0, cls[WT_CLASS_VERBATIM],
           cls[WT_CLASS_EDITED], cls[WT_CLASS_REWRITE], near, wrong);
    wt_corpus_free(c);
    free_lines(a, na);
    free_lines(b, nb);
    return 0;
}
