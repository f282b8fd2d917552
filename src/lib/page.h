/*
 * page.h - a web page as input: the article it holds, as text whose
 * offsets point into the page's bytes as saved, and what the page says
 * about it.  The stages after input read the article exactly as they read
 * a text file.  Internal.
 */
#ifndef WT_PAGE_H
#define WT_PAGE_H

#include "html_main.h"
#include "html_meta.h"
#include "input.h"
#include "profile.h"

/* Is bytes[0, n) a web page?  Judged by content, as browsers sniff it:
 * the first markup after white space and a BOM (a doctype, <html>,
 * <head>, <body>, <meta>, a comment, ...). */
int wt_page_is_html(const char *bytes, size_t n);

/* Is bytes[0, n) gzip-compressed? */
int wt_page_is_gzip(const char *bytes, size_t n);

/*
 * Decompresses gzip data into *out (NUL-terminated, *len bytes; free with
 * wt_free).  Returns 0, WT_ENOMEM, WT_EINVAL when the result would be
 * over max bytes, or WT_ENOTTEXT when it is not gzip data at all; a
 * truncated or damaged stream keeps what came before the damage and sets
 * *truncated.
 */
int wt_page_gunzip(const char *bytes, size_t n, size_t max, char **out,
                   size_t *len, int *truncated);

/* Picks the profile for the page's language: lang is the page's own tag
 * (may be NULL), u[0, len) its visible text; NULL when none fits. */
typedef const wt_profile *(*wt_page_profile_fn)(void *ctx, const char *lang,
                                                const UChar *u, int32_t len);

typedef struct wt_page {
    wt_text text;      /* the article's blocks, "\n\n" after each; off[]
                          into the page's bytes */
    wt_html_meta meta; /* title, outlet, published, lang, url, authors */
    wt_main_how how;
    wt_decode_report decode;
    int charset_declared;
} wt_page;

/*
 * Reads the page bytes[0, n): charset (encoding, when not NULL, else
 * sniffed), the tree, the metadata, then the article, with the stopwords
 * of the profile fn chooses.  Returns 0, WT_ENOMEM, WT_EINVAL (unknown
 * encoding, or no markup libxml2 could read; err says which) or a
 * decoding error.  Free *out with wt_page_free().
 */
int wt_page_read(wt_page **out, const char *bytes, size_t n,
                 const char *encoding, wt_page_profile_fn fn, void *ctx,
                 char *err, size_t errlen);

void wt_page_free(wt_page *p);

#endif
