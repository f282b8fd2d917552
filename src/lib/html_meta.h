/*
 * html_meta.h - what a page says about its article, by the conventions
 * pages use: JSON-LD (schema.org NewsArticle, Article, BlogPosting ...),
 * OpenGraph and other <meta> names, <link rel=canonical>, <html lang> and
 * <title>.  JSON-LD wins over <meta>, which wins over <title>.  Internal.
 */
#ifndef WT_HTML_META_H
#define WT_HTML_META_H

#include "html.h"

#include <stddef.h>

typedef struct wt_html_meta {
    char *title;     /* headline, og:title or <title>; NULL if none */
    char *outlet;    /* publisher.name or og:site_name */
    char *published; /* datePublished, article:published_time ... as
                        written (ISO 8601 on most pages) */
    char *lang;      /* <html lang>, inLanguage or og:locale, as written */
    char *url;       /* canonical URL: <link rel=canonical>, url, og:url */
    char *body;      /* JSON-LD articleBody, UTF-8; NULL if none */
    char **authors;  /* author names, in page order, no repeats */
    size_t nauthors, authorcap;
    char warning[256]; /* what was wrong (broken JSON-LD), or "" */
} wt_html_meta;

/* Reads the metadata of h into *m (zeroed first).  Returns 0 or
 * WT_ENOMEM; a malformed JSON-LD block is skipped and named in
 * m->warning.  Release with wt_html_meta_release(), also on failure. */
int wt_html_meta_read(const wt_html *h, wt_html_meta *m);

void wt_html_meta_release(wt_html_meta *m);

#endif
