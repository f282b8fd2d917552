/*
 * match.h - compares two paragraphs: the shared spans (greedy string
 * tiling seeded by shared word runs, after Wise 1993, as METER used it) and
 * the IDF-weighted overlap of rare stems, numbers and names.
 */
#ifndef WT_MATCH_H
#define WT_MATCH_H

#include "document.h"
#include "hmap.h"

/* Stem weights: inverse paragraph frequency over the corpus; and how many
 * documents hold each pair of adjacent content words, which tells a
 * formula many documents share from the words of one story. */
typedef struct wt_idf {
    wt_hmap ids; /* stem -> its id: the place of its weight in w */
    double *w;   /* per stem id: log(1 + npara / paragraphs holding it) */
    size_t nids, cap;
    wt_hmap df;   /* wt_idf_pair_key(a, b) -> number of documents where
                     content word b follows content word a, for the pairs
                     of WT_TEMPLATE_DOCS documents or more (no others) */
    double npara; /* paragraphs counted */
} wt_idf;

/* The weight of stem s, whose id was set by the analysis that made idf:
 * read from an array, as the hottest loops of the pair stage ask it of
 * every stem two paragraphs share. */
double wt_idf_weight(const wt_idf *idf, const wt_stem_ref *s);

/* Frees what idf holds and zeroes it. */
void wt_idf_release(wt_idf *idf);

/* The key of content stem b following content stem a in idf->df: mixed,
 * so that it does not meet a stem's own key. */
uint64_t wt_idf_pair_key(uint64_t a, uint64_t b);

typedef struct wt_pair_score {
    double cov_a, cov_b;   /* share of each side's words inside spans */
    double fact_a, fact_b; /* shared stem weight / each side's weight */
    double shared_weight;  /* the shared stem weight itself */
    double plain_weight;   /* the part of it outside names and titles */
    double unit;           /* weight of a stem found in one paragraph */
    size_t words;          /* shared stems that are neither names nor
                              numbers */
    double own_weight;     /* the shared weight outside template words
                              (words of a shared span that follow one
                              another in WT_TEMPLATE_DOCS documents);
                              all of it when there is no slot */
    size_t slots;          /* ends of shared spans next to names or numbers
                              each side has and the other document lacks */
    size_t longest_run;    /* content words of the longest shared span
                              that is more than a name and title */
    size_t numbers;        /* shared numbers */
    int own_a, own_b;      /* each side names a name or number the other
                              document never mentions (the facts
                              disagree) */
    wt_span *spans;        /* owned by the caller after the call */
    size_t nspans;
} wt_pair_score;

/*
 * The buffers one thread scores pairs with, kept from pair to pair:
 * scoring a corpus's candidates would otherwise allocate and free some
 * ten arrays a pair.  NULL when memory runs out.
 */
typedef struct wt_match_scratch wt_match_scratch;
wt_match_scratch *wt_match_scratch_new(void);
void wt_match_scratch_free(wt_match_scratch *sc);

/*
 * Scores paragraph pa of a against pb of b with the buffers of sc (one
 * thread's).  Spans shorter than min_span words do not count towards
 * coverage but are kept when they hold two content words.  Returns 0 or
 * WT_ENOMEM; free out->spans with wt_free.
 */
int wt_match_paragraphs(const wt_document *a, const wt_para *pa,
                        const wt_document *b, const wt_para *pb,
                        const wt_idf *idf, unsigned min_span,
                        wt_match_scratch *sc, wt_pair_score *out);

/*
 * 1 when two paragraphs, by their content stems a[0..na) and b[0..nb)
 * (wt_para.stems), cannot be a link between documents, whatever their
 * spans: the stems they share weigh less than the evidence floor that
 * wt_match_classify() asks of every link (the weight it sees is never
 * more).  Spares the string tiling of most candidate pairs.
 */
int wt_match_below_floor(const wt_stem_ref *a, size_t na, const wt_stem_ref *b,
                         size_t nb, const wt_idf *idf, const wt_options *o);

/*
 * The class of a link seen from paragraph a, or -1 when the pair is no
 * link.  *score is set to the link's score.  same_doc asks for duplicates.
 */
int wt_match_classify(const wt_pair_score *s, const wt_options *o, int same_doc,
                      double *score);

#endif
