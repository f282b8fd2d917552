/*
 * tokenize.c - ICU word break (ubrk, UAX #29) into wiretrace tokens.
 *
 * Only segments whose rule status says "word" (letters, numbers, kana,
 * ideographs) become tokens; spaces and punctuation never do.
 */
#include "tokenize.h"
#include "alloc.h"
#include "wiretrace.h"

#include <stdio.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <xxhash.h>

/* Stems of recent words, direct-mapped by the hash of the folded word:
 * news text repeats a small vocabulary, and Snowball is the costliest step
 * per word after the break iterator.  Exact up to 64-bit hash collisions. */
#define STEM_CACHE 4096

typedef struct stem_slot {
    uint64_t word; /* tok->norm of the word; 0 = empty */
    uint64_t stem;
} stem_slot;

struct wt_tokenizer {
    UBreakIterator *bi;
    wt_normalizer *norm;
    uint64_t seed;
    const wt_stemmer *cached_for; /* the stemmer the cache holds */
    stem_slot cache[STEM_CACHE];
};

int wt_tokenizer_new(wt_tokenizer **out, const char *locale, uint64_t seed)
{
    UErrorCode err = U_ZERO_ERROR;
    wt_tokenizer *tk = wt_calloc(1, sizeof *tk);
    if (!tk)
        return WT_ENOMEM;
    int rc = wt_normalizer_new(&tk->norm);
    if (rc)
        goto fail;
    tk->bi = ubrk_open(UBRK_WORD, locale, NULL, 0, &err);
    if (U_FAILURE(err)) {
        rc = err == U_MEMORY_ALLOCATION_ERROR ? WT_ENOMEM : WT_EICU;
        goto fail;
    }
    tk->seed = seed;
    *out = tk;
    return 0;
fail:
    wt_tokenizer_free(tk);
    return rc;
}

void wt_tokenizer_free(wt_tokenizer *tk)
{
    if (!tk)
        return;
    if (tk->bi)
        ubrk_close(tk->bi);
    wt_normalizer_free(tk->norm);
    wt_free(tk);
}

/* A word that starts with a capital letter after another word of the same
 * sentence: most likely part of a name ("Kim", "Rutte", "Brussels"). */
static int looks_like_name(const UChar *u, int32_t s, int prev_ends_sentence)
{
    UChar32 c;
    U16_GET(u, 0, s, s + 2, c);
    return !prev_ends_sentence && u_isupper(c);
}

/* Did a sentence end between the previous word and position s? */
static int sentence_break_before(const UChar *u, int32_t prev_end, int32_t s)
{
    if (prev_end < 0)
        return 1;
    for (int32_t i = prev_end; i < s; i++)
        if (u[i] == '.' || u[i] == '!' || u[i] == '?' || u[i] == ':' ||
            u[i] == '"' || u[i] == 0x201C || u[i] == '\n')
            return 1;
    return 0;
}

static int push_token(wt_token_vec *vec, const wt_token *t)
{
    if (wt_grow(&vec->v, &vec->cap, vec->n + 1, sizeof *vec->v))
        return WT_ENOMEM;
    vec->v[vec->n++] = *t;
    return 0;
}

static int stem_of(wt_tokenizer *tk, wt_stemmer *stemmer, const char *w,
                   size_t len, wt_token *tok)
{
    if (tk->cached_for != stemmer) {
        memset(tk->cache, 0, sizeof tk->cache);
        tk->cached_for = stemmer;
    }
    stem_slot *slot = &tk->cache[tok->norm % STEM_CACHE];
    if (slot->word == tok->norm && tok->norm) {
        tok->stem = slot->stem;
        return 0;
    }
    size_t sl = 0;
    const char *st = wt_stem(stemmer, w, len, &sl);
    if (!st)
        return WT_ENOMEM;
    tok->stem = XXH3_64bits_withSeed(st, sl, tk->seed);
    slot->word = tok->norm;
    slot->stem = tok->stem;
    return 0;
}

static int make_token(wt_tokenizer *tk, const wt_text *t, int32_t s,
                      int32_t e, int32_t status, const wt_profile *prof,
                      wt_stemmer *stemmer, wt_token *tok)
{
    int rc = 0;
    size_t len = 0;
    const int is_num = status >= UBRK_WORD_NUMBER &&
                       status < UBRK_WORD_NUMBER_LIMIT;
    const char *w = wt_normalize_word(tk->norm, t->u + s, e - s, is_num,
                                      &len, &rc);
    if (!w)
        return rc;
    const uint64_t wh = wt_word_hash(w, len);
    tok->norm = XXH3_64bits_withSeed(w, len, tk->seed);
    double value;
    if (is_num) {
        tok->flags |= WT_TOK_NUMBER;
        tok->stem = tok->norm;
    } else if (prof && wt_profile_number(prof, wh, &value)) {
        char buf[64];
        const int n = snprintf(buf, sizeof buf, "%.15g", value);
        tok->flags |= WT_TOK_NUMBER;
        tok->stem = tok->norm = XXH3_64bits_withSeed(buf, (size_t)n, tk->seed);
    } else {
        if (prof && wt_profile_is_stop(prof, wh))
            tok->flags |= WT_TOK_STOP;
        return stem_of(tk, stemmer, w, len, tok);
    }
    return 0;
}

int wt_tokenize(wt_tokenizer *tk, const wt_text *t, int32_t start,
                int32_t end, uint32_t para, const wt_profile *prof,
                wt_stemmer *stemmer, wt_token_vec *vec)
{
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(tk->bi, t->u + start, end - start, &err);
    if (U_FAILURE(err))
        return WT_EICU;
    int32_t prev_end = -1;
    int32_t s = ubrk_first(tk->bi);
    for (int32_t e = ubrk_next(tk->bi); e != UBRK_DONE;
         s = e, e = ubrk_next(tk->bi)) {
        const int32_t status = ubrk_getRuleStatus(tk->bi);
        if (status < UBRK_WORD_NONE_LIMIT)
            continue;
        wt_token tok = {0};
        tok.start = t->off[start + s];
        tok.end = t->off[start + e];
        tok.para = para;
        int rc = make_token(tk, t, start + s, start + e, status, prof,
                            stemmer, &tok);
        if (rc)
            return rc;
        const int brk = sentence_break_before(t->u + start, prev_end, s);
        if (!(tok.flags & (WT_TOK_STOP | WT_TOK_NUMBER)) &&
            looks_like_name(t->u + start, s, brk))
            tok.flags |= WT_TOK_NAME;
        if ((rc = push_token(vec, &tok)))
            return rc;
        prev_end = e;
    }
    /* Do not keep a pointer into the caller's text. */
    ubrk_setText(tk->bi, u"", 0, &err);
    return 0;
}
