/*
 * tokenize.c - ICU word break (ubrk, UAX #29) into wiretrace tokens.
 *
 * Only segments whose rule status says "word" (letters, numbers, kana,
 * ideographs) become tokens; spaces and punctuation never do.  Per word,
 * the language profile folds spelling variants and elisions, reads
 * numbers in their local forms (number.c), flags stopwords and cuts
 * suffixes after Snowball stemming.  A number written over several words
 * ("12 million", "1만 2000", "4,5 por ciento") becomes one token spanning
 * them all.
 */
#include "tokenize.h"
#include "number.h"
#include "alloc.h"
#include "wiretrace.h"

#include <stdio.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utrans.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/ustring.h>
#include <xxhash.h>

/* Stems of recent words, direct-mapped by the hash of the folded word
 * (tok->norm): news text repeats a small vocabulary, and Snowball is the
 * costliest step per word after the break iterator.  64k slots (1 MB per
 * tokenizer) miss 5 % of the words of 10,000 news articles, 4k slots 27 %.
 * A tokenizer serves one language's profile and stemmer (langset.c), so
 * the table is cleared only when a caller hands it others.  Exact up to
 * 64-bit hash collisions. */
#define STEM_CACHE 65536

typedef struct stem_slot {
    uint64_t word; /* tok->norm of the word; 0 = empty */
    uint64_t stem;
} stem_slot;

struct wt_tokenizer {
    UBreakIterator *bi;
    wt_normalizer *norm;
    uint64_t seed;
    UTransliterator *trans; /* or NULL */
    UChar *tu;              /* transliteration buffers */
    size_t tucap;
    char *t8;
    size_t t8cap;
    UChar *pu; /* the text with the paragraph transliterated */
    size_t pucap;
    int para_done; /* the paragraph is, so words need not be */
    const wt_stemmer *cached_stemmer; /* what the stem cache holds */
    const wt_profile *cached_prof;
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

int wt_tokenizer_set_translit(wt_tokenizer *tk, const char *id)
{
    UErrorCode err = U_ZERO_ERROR;
    UChar uid[128];
    u_strFromUTF8(uid, 128, NULL, id, -1, &err);
    if (U_FAILURE(err))
        return WT_ELANG;
    UTransliterator *t =
        utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
    if (U_FAILURE(err))
        return err == U_MEMORY_ALLOCATION_ERROR ? WT_ENOMEM : WT_ELANG;
    if (tk->trans)
        utrans_close(tk->trans);
    tk->trans = t;
    return 0;
}

/* The folded UTF-8 word w[0..*len) through the transliterator. */
static const char *transliterate(wt_tokenizer *tk, const char *w, size_t *len,
                                 int *rc)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t ul = 0;
    *rc = 0;
    if ((*rc = wt_grow(&tk->tu, &tk->tucap, *len * 2 + 16, sizeof *tk->tu)))
        return NULL;
    u_strFromUTF8(tk->tu, (int32_t)tk->tucap, &ul, w, (int32_t)*len, &err);
    int32_t limit = ul;
    if (U_SUCCESS(err))
        utrans_transUChars(tk->trans, tk->tu, &ul, (int32_t)tk->tucap, 0,
                           &limit, &err);
    if (U_FAILURE(err) ||
        (*rc = wt_grow(&tk->t8, &tk->t8cap, (size_t)ul * 3 + 1, 1))) {
        if (!*rc)
            *rc = WT_EICU;
        return NULL;
    }
    int32_t l8 = 0;
    u_strToUTF8(tk->t8, (int32_t)tk->t8cap, &l8, tk->tu, ul, &err);
    if (U_FAILURE(err)) {
        *rc = WT_EICU;
        return NULL;
    }
    *len = (size_t)l8;
    return tk->t8;
}

void wt_tokenizer_free(wt_tokenizer *tk)
{
    if (!tk)
        return;
    if (tk->trans)
        utrans_close(tk->trans);
    wt_free(tk->tu);
    wt_free(tk->t8);
    wt_free(tk->pu);
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

/* Hash of a number's value: "12,000", "12.000" (de), "1만2천" and
 * "twelve thousand" all give the hash of "12000". */
static uint64_t number_hash(const wt_num *n, uint64_t seed)
{
    char buf[64];
    int len = snprintf(buf, sizeof buf, "%.15g%s", wt_num_value(n),
                       n->percent ? "%" : "");
    return XXH3_64bits_withSeed(buf, (size_t)len, seed);
}

/* The folded word with its spelling variant replaced (variants.txt);
 * with a profile, *h is the wt_word_hash of the word returned and *marks
 * what the profile knows of it (wt_profile_word()). */
static const char *apply_variant(const wt_profile *prof, const char *w,
                                 size_t *len, uint64_t *h, int *marks)
{
    if (!prof)
        return w;
    *h = wt_word_hash(w, *len);
    *marks = wt_profile_word(prof, *h);
    size_t cl;
    const char *canon =
        *marks & WT_MARK_VARIANT ? wt_profile_variant(prof, *h, &cl) : NULL;
    if (!canon)
        return w;
    *len = cl;
    *h = wt_word_hash(canon, cl);
    *marks = wt_profile_word(prof, *h);
    return canon;
}

/* Stem hash of a word: Snowball, then the profile's suffix list. */
static int stem_word(wt_tokenizer *tk, const wt_profile *prof,
                     wt_stemmer *stemmer, const char *w, size_t len,
                     wt_token *tok)
{
    if (tk->cached_stemmer != stemmer || tk->cached_prof != prof) {
        memset(tk->cache, 0, sizeof tk->cache);
        tk->cached_stemmer = stemmer;
        tk->cached_prof = prof;
    }
    stem_slot *slot = &tk->cache[tok->norm % STEM_CACHE];
    if (tok->norm && slot->word == tok->norm) {
        tok->stem = slot->stem;
        return 0;
    }
    size_t sl = 0;
    const char *st = wt_stem(stemmer, w, len, &sl);
    if (!st)
        return WT_ENOMEM;
    if (prof && prof->nsuffixes)
        sl = wt_profile_strip_suffix(prof, st, sl);
    tok->stem = XXH3_64bits_withSeed(st, sl, tk->seed);
    slot->word = tok->norm;
    slot->stem = tok->stem;
    return 0;
}

/* A number with counters and particles attached ("2발을", "12,000명"):
 * cuts up to three suffixes of the profile and reads what is left. */
static int parse_with_suffix(wt_num *num, const wt_profile *prof, const char *w,
                             size_t len)
{
    for (int i = 0; i < 3 && prof->nsuffixes; i++) {
        const size_t cut = wt_profile_strip_suffix_min(prof, w, len, 1);
        if (cut == len)
            return 0;
        len = cut;
        if (wt_num_parse(num, prof, w, len) && num->digit_pieces)
            return 1;
    }
    wt_num_init(num);
    return 0;
}

/*
 * Folds, flags and stems the word t->u[s, e).  A word that is a number
 * (digits in the profile's local format, number words, or both as in
 * "1만2천") gets WT_TOK_NUMBER, its value in *num and the value's hash as
 * norm and stem.
 */
static int make_token(wt_tokenizer *tk, const wt_text *t, int32_t s, int32_t e,
                      int32_t status, const wt_profile *prof,
                      wt_stemmer *stemmer, wt_token *tok, wt_num *num,
                      int words_only)
{
    int rc = 0;
    size_t len = 0;
    const int is_num =
        status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT;
    const char *f = wt_normalize_word(tk->norm, t->u + s, e - s, 0, &len, &rc);
    if (!f)
        return rc;
    if (tk->trans && !tk->para_done && !(f = transliterate(tk, f, &len, &rc)))
        return rc;
    if (prof && prof->nelisions) {
        const size_t el = wt_profile_elision(prof, f, len);
        f += el;
        len -= el;
    }
    uint64_t hw = 0; /* wt_word_hash of w, with a profile */
    int marks = 0;
    const char *w = apply_variant(prof, f, &len, &hw, &marks);
    wt_num_init(num);
    if (!words_only &&
        (wt_num_parse(num, prof, w, len) ||
         (prof && !is_num && parse_with_suffix(num, prof, w, len)))) {
        if (num->first_kind == WT_NUMW_PERCENT && num->pieces == 1)
            goto word; /* "percent" alone; it may still join a number */
        tok->flags |= WT_TOK_NUMBER;
        tok->stem = tok->norm = number_hash(num, tk->seed);
        return 0;
    }
    num->pieces = 0;
    if (is_num) {
        /* Not a value wiretrace can read ("2024.01.05"): keep it whole. */
        if (!(f = wt_normalize_word(tk->norm, t->u + s, e - s, 1, &len, &rc)))
            return rc;
        tok->flags |= WT_TOK_NUMBER;
        tok->stem = tok->norm = XXH3_64bits_withSeed(f, len, tk->seed);
        return 0;
    }
word:
    tok->norm = XXH3_64bits_withSeed(w, len, tk->seed);
    if (prof) {
        const size_t cut =
            prof->nsuffixes ? wt_profile_strip_suffix(prof, w, len) : len;
        if ((marks & WT_MARK_STOP) ||
            (cut < len && wt_profile_is_stop(prof, wt_word_hash(w, cut))))
            tok->flags |= WT_TOK_STOP;
    }
    return stem_word(tk, prof, stemmer, w, len, tok);
}

/* Only spaces (at most two) between two words? */
static int space_gap(const UChar *u, int32_t from, int32_t to)
{
    if (to - from > 2)
        return 0;
    for (int32_t i = from; i < to; i++)
        if (!u_isUWhiteSpace(u[i]) || u[i] == '\n')
            return 0;
    return 1;
}

/* A '%' (or its full-width or Arabic form) right after position e, at most
 * one space away: returns the position after it, or e. */
static int32_t percent_sign(const UChar *u, int32_t e, int32_t end)
{
    int32_t i = e;
    if (i < end && (u[i] == ' ' || u[i] == 0xA0 || u[i] == 0x202F))
        i++;
    if (i < end && (u[i] == '%' || u[i] == 0xFF05 || u[i] == 0x066A))
        return i + 1;
    return e;
}

/* The number being read across several words ("12 million", "1만 2000"). */
typedef struct pending_num {
    int active;
    size_t tok;  /* its token in the vector */
    int32_t end; /* UTF-16 end of its last piece */
    wt_num num;
    int joiner; /* a percent joiner ("per", "por") follows it */
} pending_num;

/* Can the number word or digits of next continue the pending number? */
static int continues(const pending_num *p, const wt_num *next,
                     const wt_profile *prof, int one_space)
{
    if (p->num.percent || !next->pieces)
        return 0;
    if (p->joiner) /* "per cent", "por ciento": per hundred */
        return next->pieces == 1 && (next->first_kind == WT_NUMW_PERCENT ||
                                     (next->first_kind == WT_NUMW_MULTIPLIER &&
                                      next->piece[0].value == 100));
    if (next->first_kind == WT_NUMW_MULTIPLIER ||
        next->first_kind == WT_NUMW_PERCENT)
        return 1;
    if (p->num.last_kind == WT_NUMW_MULTIPLIER)
        return 1;
    if (p->num.last_kind == WT_NUMW_VALUE && next->first_kind == WT_NUMW_VALUE)
        return wt_num_words_add(&p->num, next);
    /* "12 000": a space as the digit-group mark. */
    return one_space && prof && wt_profile_is_group(prof, ' ') &&
           wt_num_space_group_ok(&p->num, next);
}

/* State of one wt_tokenize() call. */
typedef struct tok_run {
    wt_tokenizer *tk;
    const wt_text *t;
    int32_t start, end; /* the paragraph, UTF-16 */
    uint32_t para;
    const wt_profile *prof;
    wt_stemmer *stemmer;
    wt_token_vec *vec;
    pending_num pend;
    int32_t prev_end;    /* end of the previous word, -1 at the start */
    int no_number_words; /* read words as words, not number words */
} tok_run;

/*
 * The number that starts the word t->u[as, ae) when the word as a whole is
 * none: ICU cuts "1만2천명이" into "1만2" and "천명이", whose "천" still
 * belongs to the number.  Returns the UTF-16 length of the longest such
 * prefix (at most 4 units) and its pieces in *num, or 0.
 */
static int32_t number_prefix(tok_run *r, int32_t as, int32_t ae, wt_num *num)
{
    /* A character of a split ideographic word may be all number ("万"). */
    const int32_t most = ae - as - (r->no_number_words ? 0 : 1);
    for (int32_t k = most < 4 ? most : 4; k > 0; k--) {
        if (U16_IS_LEAD(r->t->u[as + k - 1]))
            continue;
        size_t len = 0;
        int rc = 0;
        const char *f =
            wt_normalize_word(r->tk->norm, r->t->u + as, k, 0, &len, &rc);
        if (f && wt_num_parse(num, r->prof, f, len))
            return k;
    }
    wt_num_init(num);
    return 0;
}

/* Joins the number pieces of [as, ae) to the pending number. */
static void extend_pending(tok_run *r, const wt_num *num, int32_t as,
                           int32_t ae)
{
    pending_num *p = &r->pend;
    if (p->joiner) {
        r->vec->n--; /* the joiner word becomes part of the number */
        p->num.percent = 1;
    } else {
        wt_num_append(&p->num, num, as - p->end == 1 && num->first_kind < 0);
    }
    p->joiner = 0;
    p->end = percent_sign(r->t->u, ae, r->end);
    p->num.percent |= p->end > ae;
    wt_token *pt = &r->vec->v[p->tok];
    pt->end = wt_text_off(r->t, p->end);
    pt->stem = pt->norm = number_hash(&p->num, r->tk->seed);
    pt->flags = (pt->flags & ~(uint32_t)WT_TOK_STOP) | WT_TOK_NUMBER;
}

/* Is the word [as, ae) a percent joiner ("per", "por") of the profile? */
static int is_joiner(tok_run *r, int32_t as, int32_t ae, int *rc)
{
    size_t len = 0;
    const char *f =
        wt_normalize_word(r->tk->norm, r->t->u + as, ae - as, 0, &len, rc);
    double v;
    int kind = -1;
    return f &&
           wt_profile_number_word(r->prof, wt_word_hash(f, len), &v, &kind) &&
           kind == WT_NUMW_JOINER;
}

/* One word of ICU's word break, [as, ae) with rule status status. */
static int take_word(tok_run *r, int32_t as, int32_t ae, int32_t status)
{
    const UChar *u = r->t->u;
    wt_token tok = {.start = wt_text_off(r->t, as),
                    .end = wt_text_off(r->t, ae),
                    .para = r->para};
    wt_num num;
    int rc = make_token(r->tk, r->t, as, ae, status, r->prof, r->stemmer, &tok,
                        &num, r->no_number_words);
    if (rc)
        return rc;
    const int near = r->pend.active && space_gap(u, r->pend.end, as);
    const int one_space = as - r->pend.end == 1;
    if (near && continues(&r->pend, &num, r->prof, one_space)) {
        extend_pending(r, &num, as, ae);
        r->prev_end = ae;
        return 0;
    }
    wt_num pre;
    int32_t k;
    if (near && !num.pieces && r->prof &&
        (k = number_prefix(r, as, ae, &pre)) > 0 &&
        continues(&r->pend, &pre, r->prof, one_space)) {
        /* The rest of the word is a word of its own: "명이". */
        extend_pending(r, &pre, as, as + k);
        if (as + k == ae) {
            r->prev_end = ae;
            return 0; /* the whole character went into the number */
        }
        r->pend.active = 0;
        as += k;
        tok = (wt_token){.start = wt_text_off(r->t, as),
                         .end = wt_text_off(r->t, ae),
                         .para = r->para};
        if ((rc = make_token(r->tk, r->t, as, ae, UBRK_WORD_LETTER, r->prof,
                             r->stemmer, &tok, &num, 0)))
            return rc;
    }
    int joiner = 0;
    if (near && !r->pend.joiner && !num.pieces && r->prof) {
        joiner = is_joiner(r, as, ae, &rc);
        if (rc)
            return rc;
    }
    const int brk = sentence_break_before(u, r->prev_end, as);
    if (!(tok.flags & (WT_TOK_STOP | WT_TOK_NUMBER)) &&
        looks_like_name(u, as, brk))
        tok.flags |= WT_TOK_NAME;
    if (!(tok.flags & (WT_TOK_STOP | WT_TOK_NUMBER)) &&
        looks_like_name(u, as, 0))
        tok.flags |= WT_TOK_CAP;
    /* The second half of a hyphenated name: "Tae-hyo", "Won-sik". */
    if (!(tok.flags & (WT_TOK_STOP | WT_TOK_NUMBER)) && r->vec->n > 0 &&
        (r->vec->v[r->vec->n - 1].flags & WT_TOK_NAME) &&
        r->vec->v[r->vec->n - 1].para == tok.para && as - r->prev_end == 1 &&
        u_charType(u[as - 1]) == U_DASH_PUNCTUATION)
        tok.flags |= WT_TOK_NAME;
    /* A name or title that opens a sentence: "Principal Deputy ..." */
    if ((tok.flags & WT_TOK_NAME) && r->vec->n > 0 &&
        (r->vec->v[r->vec->n - 1].flags & WT_TOK_CAP) &&
        r->vec->v[r->vec->n - 1].para == tok.para)
        r->vec->v[r->vec->n - 1].flags |= WT_TOK_NAME;
    if (num.pieces) {
        const int32_t pe = percent_sign(u, ae, r->end);
        if (pe > ae) {
            num.percent = 1;
            tok.end = wt_text_off(r->t, pe);
            tok.stem = tok.norm = number_hash(&num, r->tk->seed);
        }
        r->pend = (pending_num){1, r->vec->n, pe, num, 0};
    } else if (joiner) {
        r->pend.joiner = 1;
        r->pend.end = ae;
    } else {
        r->pend.active = 0;
    }
    r->prev_end = ae;
    return push_token(r->vec, &tok);
}

/* An ideographic word one character at a time (profile "split_han"):
 * rewrites of Chinese news share characters more than dictionary words,
 * which two segmentations of the same phrase often cut differently. */
static int take_chars(tok_run *r, int32_t as, int32_t ae, int32_t status)
{
    size_t len = 0;
    int rc = 0;
    wt_num num;
    const char *f =
        wt_normalize_word(r->tk->norm, r->t->u + as, ae - as, 0, &len, &rc);
    if (!f)
        return rc;
    if (wt_num_parse(&num, r->prof, f, len)) /* "万", "一万" */
        return take_word(r, as, ae, status);
    /* The "一" of "统一" is a character, not the number one. */
    r->no_number_words = 1;
    for (int32_t i = as; i < ae && !rc;) {
        int32_t j = i;
        U16_FWD_1(r->t->u, j, ae);
        rc = take_word(r, i, j, status);
        i = j;
    }
    r->no_number_words = 0;
    return rc;
}

/* Copies t->u[start, end) to tk->pu at the same place and transliterates
 * it there; sets para_done when the length did not change. */
static int translit_paragraph(wt_tokenizer *tk, const wt_text *t, int32_t start,
                              int32_t end)
{
    const int32_t n = end - start;
    if (wt_grow(&tk->pu, &tk->pucap, (size_t)t->len + (size_t)n + 1,
                sizeof *tk->pu))
        return WT_ENOMEM;
    memcpy(tk->pu + start, t->u + start, (size_t)n * sizeof *tk->pu);
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = n, limit = n;
    utrans_transUChars(tk->trans, tk->pu + start, &len,
                       (int32_t)tk->pucap - start, 0, &limit, &err);
    tk->para_done = U_SUCCESS(err) && len == n;
    return 0;
}

int wt_tokenize(wt_tokenizer *tk, const wt_text *t, int32_t start, int32_t end,
                uint32_t para, const wt_profile *prof, wt_stemmer *stemmer,
                wt_token_vec *vec)
{
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(tk->bi, t->u + start, end - start, &err);
    if (U_FAILURE(err))
        return WT_EICU;
    /* Word break sees the transliterated paragraph ("發射" reads as
     * "发射", segmented alike), when that keeps every offset. */
    wt_text tt = *t;
    tk->para_done = 0;
    if (tk->trans) {
        int rc = translit_paragraph(tk, t, start, end);
        if (rc)
            return rc;
        if (tk->para_done) {
            tt.u = tk->pu;
            ubrk_setText(tk->bi, tk->pu + start, end - start, &err);
            if (U_FAILURE(err))
                return WT_EICU;
        }
    }
    t = &tt;
    tok_run r = {tk, t, start, end, para, prof, stemmer, vec, {0}, -1, 0};
    int rc = 0;
    int32_t s = ubrk_first(tk->bi);
    for (int32_t e = ubrk_next(tk->bi); e != UBRK_DONE && !rc;
         s = e, e = ubrk_next(tk->bi)) {
        const int32_t status = ubrk_getRuleStatus(tk->bi);
        if (status >= UBRK_WORD_IDEO && status < UBRK_WORD_IDEO_LIMIT && prof &&
            prof->split_han)
            rc = take_chars(&r, start + s, start + e, status);
        else if (status >= UBRK_WORD_NONE_LIMIT)
            rc = take_word(&r, start + s, start + e, status);
    }
    /* Do not keep a pointer into the caller's text. */
    ubrk_setText(tk->bi, u"", 0, &err);
    return rc;
}
