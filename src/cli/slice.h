/*
 * slice.h - text between two byte offsets as the reports print it.
 */
#ifndef WT_CLI_SLICE_H
#define WT_CLI_SLICE_H

#include "wiretrace.h"

/* The text of d in [s, e) as clean UTF-8 with white space folded, like
 * wt_document_text(), but keeping one space at either end when the bytes
 * start or end with white space, so that slices printed one after another
 * read like the whole.  Returns a malloc'd string, or NULL. */
char *text_slice(const wt_document *d, size_t s, size_t e);

/* The byte length of the first n code points of UTF-8 s (all of s when
 * it is shorter): where to cut a text for a column or a preview. */
size_t utf8_prefix(const char *s, size_t n);

#endif
