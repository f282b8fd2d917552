/*
 * analyze.h - the cross-document stage: stem weights, candidate paragraph
 * pairs, scoring and classes (match.h), translations (translate.h),
 * repeats inside a document, origins.  It reads documents the per-document
 * stages left (document.h) and writes links (link.h); it knows nothing of
 * the corpus that holds them.  Internal.
 */
#ifndef WT_ANALYZE_H
#define WT_ANALYZE_H

#include "document.h"
#include "langset.h"
#include "link.h"
#include "match.h"

/* What one analysis reads and writes. */
typedef struct wt_analyze_job {
    wt_document *const *docs;
    size_t ndocs;
    size_t focus; /* > 0: only links of documents [0, focus) are
                               wanted (an index query); 0 = all */
    const wt_options *opts;
    wt_langset *langs; /* languages, for translations */
    wt_idf *idf;       /* out: stem weights (zeroed before) */
    wt_links *links;   /* out: links and pairs (zeroed before) */
} wt_analyze_job;

/* Finds the sources of every paragraph of job->docs.  Returns 0 or a
 * WT_E* code; on failure the documents may hold some links. */
int wt_analyze_run(const wt_analyze_job *job);

#endif
