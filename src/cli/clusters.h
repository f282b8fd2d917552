/*
 * clusters.h - stories: the documents that carry the same story (reprints,
 * edits, rewrites, translations), grouped by the links the analysis found
 * (a pair with text taken either way, or two copies of one common source),
 * each group with its origin when the library can tell it: the member the
 * most others are known to have taken from.
 */
#ifndef WT_CLI_CLUSTERS_H
#define WT_CLI_CLUSTERS_H

#include "opt.h"

#include <stdio.h>

/* The stories of c as text (a block per story of two or more documents,
 * largest first, then the documents alone) or as JSON (s->format).
 * Returns 0 or -1 when out of memory or on a write error. */
int report_clusters(const wt_corpus *c, const cli_settings *s, FILE *out);

#endif
