/*
 * html.h - a web page parsed by libxml2's HTML parser, cut into the blocks
 * of text a reader sees (paragraphs, headings, list items, cells), each
 * unit of text keeping the byte offset it came from in the page as saved.
 * Scripts, styles, forms, navigation, hidden elements and containers named
 * as boilerplate (share, related, cookie, ...) give no blocks.  Internal.
 */
#ifndef WT_HTML_H
#define WT_HTML_H

#include "input.h"

#include <libxml/HTMLparser.h>

/* What kind of element holds a block. */
enum {
    WT_HB_HEADING = 1, /* h1-h6 */
    WT_HB_LIST = 2,    /* li, dt, dd */
    WT_HB_CAPTION = 4, /* figcaption, caption */
    WT_HB_QUOTE = 8,   /* blockquote */
    WT_HB_CELL = 16,   /* td, th */
    WT_HB_PARA = 32    /* p */
};

typedef struct wt_html_block {
    int32_t start, end; /* units [start, end) of wt_html.text */
    int32_t link_units; /* of them, inside <a href> */
    uint32_t raw_end;   /* byte after the block's last character */
    xmlNodePtr elem;    /* the block element holding the text */
    unsigned flags;     /* WT_HB_* */
} wt_html_block;

typedef struct wt_html {
    htmlDocPtr doc; /* the tree, for metadata and scoring */
    wt_text text;   /* every block's text, whitespace folded, blocks
                       separated by "\n\n"; off[] into the page's bytes */
    wt_html_block *blocks;
    size_t nblocks, blockcap;
    uint32_t stopped_at; /* when the page nests more than WT_HTML_OPEN_MAX
                            elements: the byte the parse stopped at (the
                            rest is not read); else 0 */
} wt_html;

/*
 * Parses the decoded page src (UTF-16 with off[] into the bytes as
 * saved).  Returns 0, WT_ENOMEM or WT_EINVAL (libxml2 made no tree: err,
 * errlen bytes, says why).  Free *out with wt_html_free().
 */
int wt_html_parse(wt_html **out, const wt_text *src, char *err, size_t errlen);

void wt_html_free(wt_html *h);

/* The node after n in document order below root (children first, then
 * the next sibling, then an ancestor's), or NULL after the last: a walk of
 * the tree without recursion, however deep it is. */
xmlNodePtr wt_html_next(xmlNodePtr n, xmlNodePtr root);

/* The value of attribute name of e lower-cased into buf (cap bytes), or
 * NULL when e has none. */
const char *wt_html_attr(xmlNodePtr e, const char *name, char *buf, size_t cap);

/* 1 when a class or id of e names boilerplate (share, related, cookie,
 * comments, ...) and no article word (article, content, story, ...). */
int wt_html_boiler_name(xmlNodePtr e);

/* 1 when a class or id of e names what is never article text, even
 * when it holds paragraphs: comments, related stories, share bars,
 * advertising (a narrower list than wt_html_boiler_name's). */
int wt_html_furniture_name(xmlNodePtr e);

/* +1 when a class or id of e names article text, -1 boilerplate, else 0;
 * the class weight of readability scoring. */
int wt_html_class_weight(xmlNodePtr e);

#endif
