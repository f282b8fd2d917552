/*
 * paragraph.h - splits decoded text into paragraphs and flags boilerplate.
 *
 * Paragraphs are separated by blank lines or by single newlines; lines that
 * were hard-wrapped inside a sentence are joined.  A header block at the top
 * of the file ("Date:", "Outlet:", "Title:", "URL:" lines, then a blank
 * line) is read as metadata and is not a paragraph.
 */
#ifndef WT_PARAGRAPH_H
#define WT_PARAGRAPH_H

#include "input.h"
#include "profile.h"

typedef struct wt_para_range {
    int32_t start, end; /* UTF-16 range in the text, trimmed */
    int boiler;         /* wt_boiler */
} wt_para_range;

typedef struct wt_header {
    char *outlet; /* "Outlet:" or "Source:" value, or NULL */
    char *title;
    char *url;
    char *lang;
    int64_t published; /* "Date:" as seconds since the epoch, 0 if none */
} wt_header;

/*
 * Reads the header block at the top of t into hdr (release it with
 * wt_header_release()) and sets *body to the UTF-16 index after it (0 when
 * there is none).  Returns 0 or WT_ENOMEM.
 */
int wt_header_read(const wt_text *t, wt_header *hdr, int32_t *body);

/*
 * Splits t from UTF-16 index body on.  Boilerplate is recognized with the
 * patterns of prof (may be NULL).  On success *out holds *count ranges
 * (caller frees with wt_free).
 */
int wt_paragraphs_split(const wt_text *t, int32_t body, const wt_profile *prof,
                        wt_para_range **out, size_t *count);

/* Matches a paragraph against the profile's boilerplate patterns and the
 * generic short-label rule; returns a wt_boiler, or WT_ENOMEM. */
int wt_paragraph_boiler(const UChar *s, int32_t len, const wt_profile *prof);

void wt_header_release(wt_header *h);

/* Parses "2024-10-22", "2024-10-22T08:05:00Z", "...+09:00".  Returns 0 and
 * sets *out (seconds since the epoch, UTC), or WT_EINVAL. */
int wt_parse_iso8601(const char *s, int64_t *out);

#endif
