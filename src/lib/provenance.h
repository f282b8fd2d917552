/*
 * provenance.h - the credits a text gives, and which side of a link is the
 * origin.
 *
 * A document's own outlet comes only from its metadata (document.h:
 * outlet); its text only credits outlets: "Source: Yonhap News Agency"
 * (closing), "SEOUL, Oct. 22 (Yonhap) --" (dateline), "Yonhap reports"
 * (prose).  A credit of the document's own outlet is its byline.
 *
 * The origin of a pair: the earlier publication time; without two
 * different times, the document that credits the other's outlet took from
 * it; otherwise nothing tells.
 */
#ifndef WT_PROVENANCE_H
#define WT_PROVENANCE_H

#include "document.h"
#include "profile.h"

/* Adds the credits that the profile's patterns find in d's paragraphs
 * (captions excepted) to d->credits, canonical names, in text order; a
 * credit found again (by another pattern or profile) is kept once.  Call
 * wt_provenance_own() after it. */
int wt_provenance_scan(wt_document *d, const wt_profile *prof,
                       const wt_agencies *agencies);

/* Sets d->outlet_canon from d->outlet and marks the credits that name it
 * as d's own.  Call whenever either changes. */
int wt_provenance_own(wt_document *d, const wt_agencies *agencies);

/* 1 when a credits b's outlet (a credit of a's, not its own, names it). */
int wt_provenance_credits(const wt_document *a, const wt_document *b);

/* The origin seen from a, for links between a and b. */
wt_origin wt_provenance_origin(const wt_document *a, const wt_document *b);

/* Orders documents by how likely each is an origin of the text it shares:
 * earlier publication first (unknown last), then outlets more documents
 * credit, then input order.  rank[d] = d's place (0 = first).  Picks the
 * documents that stand for a passage many hold (analyze.c).  Returns 0 or
 * WT_ENOMEM. */
int wt_provenance_rank(wt_document *const *docs, size_t n, uint32_t *rank);

/* The canonical form of an outlet name: the agency's name if it is one,
 * else the name with white space folded and a leading "The " dropped.
 * Caller frees with wt_free. */
char *wt_outlet_canonical(const wt_agencies *agencies, const char *name);

/* d's credits as text, one line each: kind, start, end, outlet, TAB-
 * separated (*out is NULL when there are none; wt_free it).  What an index
 * stores; wt_provenance_credits_read() reads it back. */
int wt_provenance_credits_text(const wt_document *d, char **out);

/* Adds the credits of a wt_provenance_credits_text() text to d.  Returns
 * WT_EINVAL for a line it cannot read or a range outside d's bytes. */
int wt_provenance_credits_read(wt_document *d, const char *text);

#endif
