/*
 * provenance.h - which side of a link is the origin.
 *
 * Credits decide first: a document that credits the outlet the other
 * document is a copy of ("Yonhap reports" against "Source: Yonhap News
 * Agency") took from it.  Otherwise the earlier publication time wins.
 * Otherwise nothing tells.
 */
#ifndef WT_PROVENANCE_H
#define WT_PROVENANCE_H

#include "document.h"
#include "profile.h"

/* Collects the outlet names that paragraph text gives: source lines into
 * d->identity, credits into d->credits, both as canonical names. */
int wt_provenance_scan(wt_document *d, const wt_profile *prof,
                       const wt_agencies *agencies);

/* The origin seen from a, for links between a and b. */
wt_origin wt_provenance_origin(const wt_document *a, const wt_document *b);

/* The canonical form of an outlet name: the agency's name if it is one,
 * else the name with white space folded.  Caller frees with wt_free. */
char *wt_outlet_canonical(const wt_agencies *agencies, const char *name);

#endif
