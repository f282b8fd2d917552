/*
 * normalize.h - the folded form of one word, the unit every comparison in
 * wiretrace uses: ICU NFKC_Casefold, then every quote, apostrophe and dash
 * mapped to one form, and digit-group separators dropped from numbers, so
 * that "Korea’s" = "korea's" and "12,000" = "12000".
 */
#ifndef WT_NORMALIZE_H
#define WT_NORMALIZE_H

#include <stddef.h>
#include <unicode/unorm2.h>

typedef struct wt_normalizer wt_normalizer;

int wt_normalizer_new(wt_normalizer **out);
void wt_normalizer_free(wt_normalizer *n);

/*
 * Folds the UTF-16 word s[0..len) into UTF-8.  is_number says the word
 * breaker saw a number: group separators are then dropped.  Returns the
 * folded UTF-8 (owned by n, valid until the next call) and its length in
 * *out_len, or NULL on failure (*rc set to a WT_E* code).
 */
const char *wt_normalize_word(wt_normalizer *n, const UChar *s, int32_t len,
                              int is_number, size_t *out_len, int *rc);

/* Maps one code point to the form quotes, apostrophes and dashes share. */
UChar32 wt_unify_punct(UChar32 c);

#endif
