/*
 * shingle.h - word k-shingles over stems, hashed with XXH3, and winnowing
 * (Schleimer, Wilkerson, Aiken: "Winnowing: local algorithms for document
 * fingerprinting", SIGMOD 2003).
 */
#ifndef WT_SHINGLE_H
#define WT_SHINGLE_H

#include "tokenize.h"

typedef struct wt_shingle {
    uint64_t hash;
    uint32_t tok; /* index of its first token in the document */
} wt_shingle;

/*
 * Appends the shingles of tokens [begin, end) to *out (growing it; *n and
 * *cap track it).  Stopwords are skipped, so a shingle is k content words;
 * a paragraph with fewer than k but at least two content words gives one
 * shorter shingle.  Returns 0 or WT_ENOMEM.
 */
int wt_shingles(const wt_token *tok, size_t begin, size_t end, unsigned k,
                uint64_t seed, wt_shingle **out, size_t *n, size_t *cap);

/*
 * Winnowing with window w: from every w consecutive shingles the one with
 * the smallest hash (the rightmost on ties) is kept, once.  Guarantees that
 * any match of at least w + k - 1 content words shares a fingerprint.
 * Appends to *out as wt_shingles() does.
 */
int wt_winnow(const wt_shingle *sh, size_t count, unsigned w, wt_shingle **out,
              size_t *n, size_t *cap);

#endif
