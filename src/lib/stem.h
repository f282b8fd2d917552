/* stem.h - Snowball stemming (libstemmer) for one language. */
#ifndef WT_STEM_H
#define WT_STEM_H

#include <stddef.h>

typedef struct wt_stemmer wt_stemmer;

/* algorithm: a libstemmer name ("english", "russian", ...), or NULL for a
 * stemmer that returns words unchanged.  Returns 0, WT_ELANG (libstemmer
 * has no such algorithm) or WT_ENOMEM. */
int wt_stemmer_new(wt_stemmer **out, const char *algorithm);
void wt_stemmer_free(wt_stemmer *s);

/* Stems the folded UTF-8 word; the result lives until the next call.
 * Returns NULL only when libstemmer runs out of memory. */
const char *wt_stem(wt_stemmer *s, const char *word, size_t len,
                    size_t *out_len);

#endif
