/*
 * html_main.h - which blocks of a page are its article: the JSON-LD
 * article body when the page has one and the visible text matches it,
 * otherwise readability-style scoring of the tree, trimmed by a
 * jusText-style classifier of each block.  Internal.
 */
#ifndef WT_HTML_MAIN_H
#define WT_HTML_MAIN_H

#include "html.h"
#include "profile.h"

/* How the article was found. */
typedef enum {
    WT_MAIN_NONE,      /* no block looked like article text */
    WT_MAIN_JSONLD,    /* the blocks that the JSON-LD articleBody holds */
    WT_MAIN_SCORED,    /* the best scored container */
    WT_MAIN_MICRODATA, /* the element marked itemprop="articleBody" */
    WT_MAIN_ALL        /* no container stood out (a page cut short, a page of
                       a few lines): every block not mostly links */
} wt_main_how;

/*
 * Sets keep[i] (h->nblocks entries) to 1 for each block of the article,
 * 0 for the others.  body is the JSON-LD articleBody (UTF-8) or NULL;
 * prof gives the stopwords of the page's language (NULL: none known).
 * Returns 0 or WT_ENOMEM; *how says which way was taken.
 */
int wt_html_main(const wt_html *h, const char *body, const wt_profile *prof,
                 unsigned char *keep, wt_main_how *how);

#endif
