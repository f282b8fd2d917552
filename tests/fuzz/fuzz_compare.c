/*
 * fuzz_compare.c - the whole compare of two documents through the public
 * API: decode, paragraphs, words, shingles, candidate pairs, matching,
 * classes, duplicates and origins.  The input is split at the first
 * record separator byte (0x1E) into two files (else in the middle).
 * Checks that every paragraph, source and span lies inside its file and
 * that a second run gives the same report.
 */
#include "fuzz_common.h"
#include "wiretrace.h"

static void rec_doc(fuzz_rec *r, const wt_corpus *c, size_t di)
{
    const wt_document *d = wt_corpus_document(c, di);
    size_t nb = 0;
    wt_document_bytes(d, &nb);
    rec_str(r, wt_document_outlet(d));
    rec_u64(r, (uint64_t)wt_document_published(d));
    for (size_t i = 0; i < wt_document_credit_count(d); i++) {
        const wt_credit *cr = wt_document_credit(d, i);
        FUZZ_CHECK(cr->start < cr->end && cr->end <= nb);
        rec_str(r, cr->outlet);
        rec_u64(r, cr->start);
        rec_u64(r, cr->end);
        rec_u64(r, cr->kind);
    }
    const size_t np = wt_document_paragraph_count(d);
    for (size_t i = 0; i < np; i++) {
        const wt_paragraph *p = wt_document_paragraph(d, i);
        FUZZ_CHECK(p->start < p->end && p->end <= nb);
        rec_u64(r, p->start);
        rec_u64(r, p->end);
        rec_u64(r, p->boiler);
        rec_u64(r, p->word_count);
        for (size_t s = 0; s < p->source_count; s++) {
            const wt_source *src = &p->sources[s];
            FUZZ_CHECK(src->document < wt_corpus_document_count(c));
            const wt_document *o = wt_corpus_document(c, src->document);
            FUZZ_CHECK(src->paragraph < wt_document_paragraph_count(o));
            FUZZ_CHECK(src->score >= 0 && src->score <= 1);
            size_t onb = 0;
            wt_document_bytes(o, &onb);
            rec_u64(r, src->document);
            rec_u64(r, src->paragraph);
            rec_u64(r, src->cls);
            rec_u64(r, src->origin);
            rec_double(r, src->score);
            rec_double(r, src->coverage);
            rec_double(r, src->fact_overlap);
            for (size_t k = 0; k < src->span_count; k++) {
                const wt_span *sp = &src->spans[k];
                FUZZ_CHECK(sp->start < sp->end && sp->end <= nb);
                FUZZ_CHECK(sp->source_start < sp->source_end &&
                           sp->source_end <= onb);
                rec_u64(r, sp->start);
                rec_u64(r, sp->end);
                rec_u64(r, sp->source_start);
                rec_u64(r, sp->source_end);
            }
        }
    }
}

static void one_run(const uint8_t *data, size_t size, fuzz_rec *r)
{
    const uint8_t *sep = memchr(data, 0x1E, size);
    const size_t cut = sep ? (size_t)(sep - data) : size / 2;
    const size_t rest = sep ? cut + 1 : cut;
    wt_corpus *c = NULL;
    FUZZ_CHECK(wt_corpus_new(&c, NULL) == 0);
    rec_u64(r, (uint64_t)wt_corpus_add_buffer(c, "a", "a", data, cut));
    rec_u64(r, (uint64_t)wt_corpus_add_buffer(c, "b", "b", data + rest,
                                              size - rest));
    FUZZ_CHECK(wt_corpus_analyze(c) == 0);
    const size_t nd = wt_corpus_document_count(c);
    for (size_t i = 0; i < nd; i++)
        rec_doc(r, c, i);
    if (nd == 2) {
        double sa = -1, sb = -1, sim = -1;
        FUZZ_CHECK(wt_corpus_pair(c, 0, 1, &sa, &sb, &sim) == 0);
        FUZZ_CHECK(sa >= 0 && sa <= 1 && sb >= 0 && sb <= 1);
        FUZZ_CHECK(sim >= 0 && sim <= 1);
        rec_double(r, sa);
        rec_double(r, sb);
        rec_double(r, sim);
    }
    wt_corpus_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    run_twice(one_run, data, size);
    return 0;
}
