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

#include <stddef.h>
#include <stdio.h>

/* One cluster: documents joined, directly or through other members, by a
 * relation between document pairs. */
typedef struct cluster {
    size_t *members; /* document indexes, in input order */
    size_t n;
    size_t origin; /* the member the most others are known to have taken
                      from (wt_corpus_pair_origin(); ties: the earlier
                      input); SIZE_MAX when no member is anyone's known
                      origin, and for a document alone */
} cluster;

/* The clusters of a corpus, largest first (ties: by first member),
 * documents alone included. */
typedef struct cluster_set {
    cluster *v;
    size_t n;
    size_t *all; /* the members of every cluster, one block */
} cluster_set;

/* 1 when documents a and b (a < b) of c belong to one cluster. */
typedef int (*cluster_join)(const wt_corpus *c, size_t a, size_t b, void *ctx);

/* The relation of stories: one of a and b took words from the other, or
 * both took them from a common source.  ctx is unused. */
int clusters_same_story(const wt_corpus *c, size_t a, size_t b, void *ctx);

/* The connected components of join over the document pairs c scored
 * (wt_corpus_pair_at(): two documents never scored are never joined), with
 * their origins, into *out.  Call after wt_corpus_analyze().  Returns 0,
 * or -1 when out of memory. */
int clusters_build(const wt_corpus *c, cluster_join join, void *ctx,
                   cluster_set *out);

/* Frees what clusters_build() allocated.  A zeroed set is fine. */
void clusters_release(cluster_set *set);

/* The stories of c as text (a block per story of two or more documents,
 * largest first, then the documents alone) or as JSON (s->format).
 * Returns 0 or -1 when out of memory or on a write error. */
int report_clusters(const wt_corpus *c, const cli_settings *s, FILE *out);

#endif
