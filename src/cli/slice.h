/*
 * slice.h - text between two byte offsets as the reports print it, and
 * names and text made fit to print (valid UTF-8).
 */
#ifndef WT_CLI_SLICE_H
#define WT_CLI_SLICE_H

#include "wiretrace.h"

#include <stdio.h>

/* The text of d in [s, e) as clean UTF-8 with white space folded, like
 * wt_document_text(), but keeping one space at either end when the bytes
 * start or end with white space, so that slices printed one after another
 * read like the whole.  Returns a malloc'd string, or NULL. */
char *text_slice(const wt_document *d, size_t s, size_t e);

/* The byte length of the first n code points of UTF-8 s (all of s when
 * it is shorter): where to cut a text for a column or a preview. */
size_t utf8_prefix(const char *s, size_t n);

/* The length of the valid UTF-8 sequence at s (1 to 4 bytes: no
 * overlong forms, surrogates or code points above U+10FFFF), or 0 when
 * s does not start one. */
size_t utf8_seq(const char *s);

/* s with every byte that is not part of valid UTF-8, and every control
 * character (C0, DEL, the two bytes of a C1 control: ESC and CSI included)
 * written as the four characters \xNN (hex, upper case): a file name made
 * fit for ids, JSON and reports, one name per byte string, and article
 * text made safe to print on a terminal.  Returns a malloc'd string, or
 * NULL when out of memory. */
char *utf8_escape(const char *s);

/* wt_document_text() made safe for a terminal by utf8_escape(): what the
 * text report and diff print of an article.  *out is malloc'd. */
int safe_text(const wt_document *d, size_t s, size_t e, char **out);

/* Closes a memory stream (open_memstream(buf, ...)) and returns the text
 * it holds: *buf, or NULL (freed) when a write or the close failed. */
char *memstream_text(FILE *out, char **buf);

/* The paragraphs of d with a source in another document (duplicates
 * inside d do not count); *text is set to d's text paragraphs. */
size_t linked_paragraphs(const wt_document *d, size_t *text);

/* The outlets d's text credits, its own bylines left out, as one line:
 * "Yonhap (closing); Kyodo (dateline)", with each credit's bytes when
 * bytes is set; "" when there are none.  Escaped as utf8_escape() does.
 * Returns a malloc'd string, or NULL when out of memory. */
char *credit_list(const wt_document *d, int bytes);

/* Writes s with the five HTML-significant characters escaped; fit for
 * element content and quoted attribute values alike (the HTML reports). */
void html_put(FILE *out, const char *s);

#endif
