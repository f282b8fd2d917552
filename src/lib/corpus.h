/*
 * corpus.h - the corpus behind the public API (corpus.c): documents in,
 * the per-document stages run as each is added, the cross-document stage
 * (analyze.h) run once.  Internal: the archive index (index.c) adds stored
 * articles and reads results through it.
 */
#ifndef WT_CORPUS_H
#define WT_CORPUS_H

#include "document.h"
#include "langset.h"
#include "link.h"
#include "match.h"
#include "pairscore.h"

struct wt_corpus {
    wt_options opts;
    char err[1024];
    wt_langset *langs;
    wt_document **docs;
    size_t ndocs, doccap;
    int analyzed;
    wt_idf idf;              /* stem weights (analyze.c) */
    wt_links links;          /* document pairs (link.c) */
    wt_pairscore *pairscore; /* document stem sets (pairscore.c) */
    size_t focus;            /* > 0: only links of documents [0, focus) are
                               wanted (an index query); 0 = all */
};

/* Drops every document and the analysis, keeping the loaded language
 * profiles, so one corpus serves query after query. */
void wt_corpus_reset(wt_corpus *c);

/* wt_corpus_add_buffer() for an article that states its language: lang, a
 * BCP 47 tag ("en", "EN", "pt-BR"), is used unless the corpus' option
 * forces another; a tag without a profile, or no tag (NULL), leaves the
 * language to identification. */
int wt_corpus_add_in_lang(wt_corpus *c, const char *id, const char *path,
                          const void *data, size_t len, const char *lang);

/* A document analyzed before (an index entry): what the slow stages found
 * is taken as given. */
typedef struct wt_known_doc {
    const char *id, *lang, *outlet;
    const char *title, *url; /* NULL = none */
    const char *text;
    size_t len;
    int64_t published;
    const uint32_t *paras; /* per paragraph: byte start, byte end, and
                               wt_boiler | language index << 8 */
    size_t nparas;
    const char *langs;   /* the paragraphs' language codes,
                               '\n'-separated; NULL = all in lang */
    const char *credits; /* wt_provenance_credits_text() of the
                               document as analyzed, or NULL */
} wt_known_doc;

/* Adds k with its paragraphs, boilerplate flags and credits as given, so
 * only words, stems and shingles are computed again (the boilerplate and
 * credit patterns are most of the cost of an article). */
int wt_corpus_add_known(wt_corpus *c, const wt_known_doc *k);

/* Adds d, an analyzed document another holder keeps (an index's cache of
 * stored documents), as one more holder: reset releases it
 * (wt_document_release()).  d must not be in another corpus now. */
int wt_corpus_add_shared(wt_corpus *c, wt_document *d);

/* The MinHash signature (perms values) of the analyzed document d, made
 * on first use and kept with d; NULL when out of memory. */
const uint64_t *wt_document_sig(const wt_document *d, unsigned perms,
                                uint64_t seed);

#endif
