/* corpus.h - the corpus type shared by corpus.c (adding documents) and
 * analyze.c (finding sources).  Internal. */
#ifndef WT_CORPUS_H
#define WT_CORPUS_H

#include "document.h"
#include "hmap.h"
#include "match.h"
#include "profile.h"
#include "stem.h"
#include "tokenize.h"

/* Everything one language needs, loaded on first use. */
typedef struct wt_lang_ctx {
    char code[16];
    wt_profile *prof;
    wt_stemmer *stemmer;
    wt_tokenizer *tok;
} wt_lang_ctx;

/* Document-level figures of one pair that shared a candidate paragraph. */
typedef struct wt_pair_info {
    uint32_t a, b; /* a < b */
    uint32_t linked_a, linked_b; /* paragraphs with a source in the other */
    double similarity;
} wt_pair_info;

struct wt_corpus {
    wt_options opts;
    char err[1024];
    char *lang_dir;
    wt_agencies *agencies;
    wt_lang_ctx *langs;
    size_t nlangs;
    wt_document **docs;
    size_t ndocs, doccap;
    int analyzed;
    wt_idf idf;
    wt_pair_info *pairs;
    size_t npairs, paircap;
    wt_hmap pair_index; /* (a << 32 | b) + 1 -> index + 1 */
    struct wt_pairscore *pairscore; /* document stem sets (pairscore.c) */
    size_t focus;       /* > 0: only links of documents [0, focus) are
                           wanted (an index query); 0 = all */
};

/* Formats the detailed error of the corpus and logs it; returns rc. */
int wt_corpus_fail(wt_corpus *c, int rc, const char *fmt, ...);
void wt_corpus_log(const wt_corpus *c, wt_log_level lvl, const char *fmt,
                   ...);

/* Drops every document and the analysis, keeping the loaded language
 * profiles, so one corpus serves query after query. */
void wt_corpus_reset(wt_corpus *c);

/* A document analyzed before (an index entry): what the slow stages found
 * is taken as given. */
typedef struct wt_known_doc {
    const char *id, *lang, *outlet;
    const char *text;
    size_t len;
    int64_t published;
    const uint32_t *paras;  /* per paragraph: byte start, byte end, and
                               wt_boiler | language index << 8 */
    size_t nparas;
    const char *langs;      /* the paragraphs' language codes,
                               '\n'-separated; NULL = all in lang */
    const char *identity;   /* canonical outlet names, '\n'-separated */
    const char *credits;    /* canonical names credited, '\n'-separated */
} wt_known_doc;

/* Adds k with its paragraphs, boilerplate flags and credits as given, so
 * only words, stems, shingles and the sketch are computed again (the
 * boilerplate and credit patterns are most of the cost of an article). */
int wt_corpus_add_known(wt_corpus *c, const wt_known_doc *k);

/* The analyze stage (analyze.c). */
int wt_analyze_run(wt_corpus *c);

/* The context of language code, loaded on first use; *out indexes
 * c->langs.  Returns 0 or a WT_E* code. */
int wt_corpus_lang(wt_corpus *c, const char *code, size_t *out);

/* Records on paragraph (doc, para) a source (odoc, opara) of class cls
 * found without shared spans (a translation).  Returns 0 or WT_ENOMEM. */
int wt_analyze_link(wt_corpus *c, size_t doc, size_t para, size_t odoc,
                    size_t opara, int cls, double score, double fact);

#endif
