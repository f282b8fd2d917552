/*
 * tokenize.h - words from ICU's word break iterator (UAX #29 plus ICU's
 * dictionaries for scripts written without spaces), each folded, flagged and
 * stemmed, with its byte range in the original file.
 */
#ifndef WT_TOKENIZE_H
#define WT_TOKENIZE_H

#include "input.h"
#include "normalize.h"
#include "profile.h"
#include "stem.h"

#include <stdint.h>

enum {
    WT_TOK_STOP = 1,   /* a stopword of the profile */
    WT_TOK_NUMBER = 2, /* a number, kept whole ("12,000" = "12000") */
    WT_TOK_NAME = 4,   /* capitalized, not at a sentence start, or the
                          capitalized word just before such a word */
    WT_TOK_CAP = 8     /* starts with a capital letter */
};

typedef struct wt_token {
    uint32_t start, end; /* bytes in the original file */
    uint32_t para;       /* paragraph index */
    uint32_t flags;
    uint64_t norm; /* hash of the folded word */
    uint64_t stem; /* hash of the stem (numbers: of the value) */
} wt_token;

typedef struct wt_token_vec {
    wt_token *v;
    size_t n, cap;
} wt_token_vec;

typedef struct wt_tokenizer wt_tokenizer;

/* locale: an ICU locale for the break rules ("en", "ja", ...). */
int wt_tokenizer_new(wt_tokenizer **out, const char *locale, uint64_t seed);

/* Applies the ICU transliterator id (a profile's "transliterate", such as
 * "Traditional-Simplified") to every folded word from now on.  Returns 0,
 * WT_ELANG (ICU has no such transliterator) or WT_ENOMEM. */
int wt_tokenizer_set_translit(wt_tokenizer *tk, const char *id);
void wt_tokenizer_free(wt_tokenizer *tk);

/*
 * Appends the words of t[start, end) to vec, tagged with paragraph para.
 * Returns 0 or a WT_E* code.
 */
int wt_tokenize(wt_tokenizer *tk, const wt_text *t, int32_t start, int32_t end,
                uint32_t para, const wt_profile *prof, wt_stemmer *stemmer,
                wt_token_vec *vec);

#endif
