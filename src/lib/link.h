/*
 * link.h - recording links: a source added to a paragraph (one per other
 * document, the better one kept, unless each explains a different part of
 * the paragraph), the bookkeeping of the document pairs that had a
 * candidate (paragraphs linked each way, common source), and at the end
 * each link's origin.  Every stage that finds links (analyze.c across
 * documents and inside one, translate.c across languages) records them
 * here.  Internal.
 */
#ifndef WT_LINK_H
#define WT_LINK_H

#include "document.h"
#include "hmap.h"

/* Document-level figures of one pair that shared a candidate paragraph. */
typedef struct wt_pair_info {
    uint32_t a, b;               /* a < b */
    uint32_t linked_a, linked_b; /* text paragraphs with a source in the
                                    other (set by wt_links_finish) */
    uint32_t via;                /* the origin both took the text they
                                    share from, or UINT32_MAX */
    uint32_t via_a, via_b;       /* paragraphs shared through via */
} wt_pair_info;

typedef struct wt_links {
    wt_pair_info *pairs; /* made by wt_links_finish, in the order first
                            noted */
    size_t npairs;
    uint64_t *notes; /* wt_pair_key(a, b) of each pair noted, in order,
                        repeats kept but for one right after another */
    size_t nnotes, notecap;
    wt_hmap index; /* wt_pair_key(a, b) -> index into pairs, made with
                      them */
} wt_links;

/* Prepares l for a corpus of about ndocs documents.  Returns 0 or
 * WT_ENOMEM. */
int wt_links_init(wt_links *l, size_t ndocs);
void wt_links_release(wt_links *l);

/* Notes that documents a and b (either order) had a candidate pair: a key
 * appended (a hash map of millions of pairs would cost four times the
 * memory), the figures made at the end for the pairs kept.  Returns 0 or
 * WT_ENOMEM. */
int wt_links_note_pair(wt_links *l, uint32_t a, uint32_t b);

/* The figures of pair (a, b), either order, or NULL if never noted, not
 * kept, or asked before wt_links_finish(). */
const wt_pair_info *wt_links_pair(const wt_links *l, size_t a, size_t b);

/* Adds src to paragraph p, keeping one source per other document (the
 * closer class, then the higher score), or up to WT_SOURCES_PER_DOC when
 * each shares long spans with a different part of p.  Takes ownership of
 * src->spans (freed when dropped).  Returns 0 or WT_ENOMEM. */
int wt_link_add(wt_para *p, wt_source *src);

/* Records on paragraph (doc, para) a source (odoc, opara) found without
 * shared spans (a translation), and notes the pair.  Returns 0 or
 * WT_ENOMEM. */
int wt_link_record(wt_links *l, wt_document *const *docs, size_t doc,
                   size_t para, size_t odoc, size_t opara, wt_class cls,
                   double score, double fact);

/* After the last link: the pairs' figures, for every pair noted, or with
 * linked_only for the pairs with a link either way only (most pairs a
 * large scan notes share no passage, and a report lists the others); the
 * links two documents share only through a common source are dropped and
 * their pair names it (via), so that n copies of a wire story give n
 * links, not n squared; each link's origin (provenance.h; a pair's origin
 * is the same, wt_provenance_origin() of its two documents); the sources
 * of each paragraph best first; the per-pair counts.  rank is the origin
 * order of the documents (wt_provenance_rank()).  The documents are
 * shared among up to nthreads threads: the result is the same for any
 * number.  Returns 0 or WT_ENOMEM. */
int wt_links_finish(wt_links *l, wt_document *const *docs, size_t ndocs,
                    const uint32_t *rank, int linked_only, unsigned nthreads);

#endif
