/*
 * document.h - one analyzed article as the stages leave it: decoded text,
 * paragraphs, tokens, shingles, sketch and the credits it gives.  Internal.
 */
#ifndef WT_DOCUMENT_H
#define WT_DOCUMENT_H

#include "input.h"
#include "shingle.h"
#include "tokenize.h"
#include "wiretrace.h"

#include <stdatomic.h>

typedef struct wt_stem_ref {
    uint64_t stem;
    uint32_t flags; /* WT_TOK_NUMBER, WT_TOK_NAME of any occurrence */
    uint32_t id;    /* the stem's place in the weights of the corpus last
                       analyzing the document (wt_idf) */
} wt_stem_ref;

typedef struct wt_para {
    wt_paragraph pub; /* what the public API shows */
    char lang[16];    /* language the paragraph was read in */
    size_t tok_begin, tok_end;
    uint64_t *shingles; /* sorted, unique */
    size_t nshingles;
    wt_stem_ref *stems; /* content stems, sorted by stem, unique */
    size_t nstems;
    double weight;  /* summed weight of stems, set by analyze */
    wt_source *src; /* owned; pub.sources points here */
    size_t srccap;
} wt_para;

struct wt_document {
    char *id, *path, *outlet, *lang, *title;
    char *url;      /* a web page's canonical URL, or NULL */
    char **authors; /* a web page's author names */
    size_t nauthors;
    int is_html; /* text is the article read from a web page */
    char *bytes;
    size_t nbytes;
    wt_text text;
    int64_t published;
    int lang_percent;  /* CLD2's share for lang; 0 if given or guessed */
    int lang_reliable; /* CLD2 called lang reliable */
    wt_para *paras;
    size_t npara;
    size_t ntext; /* paragraphs not boilerplate, counted when analyzed */
    wt_token_vec toks;
    wt_shingle *fp; /* winnowed fingerprints */
    size_t nfp;
    /* MinHash signature, made on first use (wt_document_sig()) */
    _Atomic(uint64_t *) sig;
    uint64_t *stems; /* content stems of the text paragraphs (not
                           boilerplate), sorted, unique: what a pair asks
                           of a whole document ("does it name X?") */
    size_t nstems;
    char *outlet_canon; /* canonical form of outlet, or NULL: what a
                           credit of another document is compared with */
    wt_credit *credits; /* found in the text, in text order; outlet
                           strings owned */
    size_t ncredits, creditcap;
    uint64_t *word_pairs; /* its pairs of adjacent content words (analyze.c),
                             kept while an index's cache keeps d */
    size_t nword_pairs;
    /* Holders besides the first: an index keeps the documents it
     * analyzed (doccache.h) and lends each to one query's corpus at a
     * time; atomic, as a cache shared by index handles drops its hold on
     * one thread while a corpus on another drops its own. */
    atomic_uint shares;
};

void wt_document_free(wt_document *d);

/* Drops one holder of d, freeing d when it held it alone. */
void wt_document_release(wt_document *d);

/* Forgets what a corpus' analysis recorded in d (its paragraphs'
 * sources), so that the next corpus d is lent to finds it as analyzed,
 * before any pairing. */
void wt_document_clear_sources(wt_document *d);

/* About the bytes d holds, for a cache's budget. */
size_t wt_document_footprint(const wt_document *d);

/* Sorts v by stem (equal stems in no given order). */
void wt_stem_refs_sort(wt_stem_ref *v, size_t n);

#endif
