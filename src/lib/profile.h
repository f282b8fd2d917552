/*
 * profile.h - a language profile: what wiretrace knows about one language,
 * loaded from the plain-text files in lang/<code>/ (see lang/README.md).
 */
#ifndef WT_PROFILE_H
#define WT_PROFILE_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/utypes.h>

#include "hmap.h"
#include "wiretrace.h"

/* The credits.txt kind of a photo credit pattern ("Photo: AFP", "(사진=
 * 연합뉴스)"): what it matches is never a text credit.  The other kinds are
 * the wt_credit_kind values. */
enum { WT_CREDIT_PHOTO = WT_CREDIT_KIND_COUNT };

/*
 * A boilerplate or credit pattern, compiled by PCRE2 (its 16-bit library,
 * with the JIT) to run on the UTF-16 text the stages read, so that a
 * match's place is an index into that text.  PCRE2 was chosen over ICU's
 * regex engine by measurement (tests/bench/patterns.c: 3 to 7 times less
 * CPU on the same patterns and paragraphs, the same matches).  The match
 * data holds the last match, so a profile's patterns are run by one
 * thread at a time.
 */
typedef struct wt_pattern {
    int kind; /* wt_boiler for boilerplate, wt_credit_kind (wiretrace.h)
                 for credits */
    struct pcre2_real_code_16 *re;
    /* re without its lookarounds (wt_prefilter_strip_lookaround), tried
     * first: where it finds nothing, re cannot either.  NULL when none. */
    struct pcre2_real_code_16 *gate;
    struct pcre2_real_match_data_16 *md; /* of re and of gate */
} wt_pattern;

struct wt_prefilter;

/* What a number word does next to other numbers (numbers.txt column 3). */
enum {
    WT_NUMW_VALUE = 0,      /* a plain number: "twelve" */
    WT_NUMW_MULTIPLIER = 1, /* scales the number before it: "million", "만" */
    WT_NUMW_PERCENT = 2,    /* makes it a percentage: "percent", "퍼센트" */
    WT_NUMW_JOINER = 3,     /* may stand between a number and a percent
                               word: "por" in "5 por ciento" */
    WT_NUMW_UNIT = 4,       /* a counter written onto the digits, not part
                               of the value: "명" in "12,000명" */
    WT_NUMW_PREFIX = 5      /* a particle written before the digits: "و"
                               ("and") in "و12000" */
};

typedef struct wt_number_word {
    uint64_t hash; /* of the folded word */
    double value;
    int kind; /* WT_NUMW_* */
} wt_number_word;

/* A spelling variant and the form it is folded to (variants.txt). */
typedef struct wt_variant {
    uint64_t hash; /* of the folded variant */
    char *canon;   /* folded canonical form */
    size_t len;
} wt_variant;

typedef struct wt_profile {
    char code[16];
    char *name;
    char *stemmer; /* libstemmer algorithm, or NULL for none */
    size_t nstop;  /* stopwords.txt lines */
    wt_pattern *boiler;
    size_t nboiler;
    wt_pattern *credit;
    size_t ncredit;
    /* Which boilerplate and credit patterns can match a text: see
     * wt_profile_screen(). */
    struct wt_prefilter *boiler_pf, *credit_pf;
    wt_number_word *numbers; /* sorted by hash */
    size_t nnumbers;
    /* The hash of each folded stopword, spelling variant, number word and
     * start of a number word (wt_num_parse() stops reading letters where
     * no number word goes on), with what it is: one probe a word
     * (wt_profile_word()). */
    wt_hmap marks;
    /* ASCII that starts a number word: one character; two (a bitmap,
     * set also where the first alone is a whole number word) */
    uint8_t num_first[128];
    uint8_t num_first2[128 * 128 / 8];
    char script[16];   /* ISO 15924 code of the main script */
    char decimal;      /* decimal mark: '.' or ',' */
    char group[8];     /* digit-group marks, ' ' for any space */
    size_t suffix_min; /* code points a stem keeps after stripping */
    char **suffixes;   /* folded, longest first (suffixes.txt) */
    size_t nsuffixes;
    wt_variant *variants; /* sorted by hash (variants.txt) */
    size_t nvariants;
    char **elisions; /* folded prefixes cut from words: "l'" */
    size_t nelisions;
    char *translit; /* ICU transliterator ID applied to every word
                             ("Traditional-Simplified"), or NULL */
    int split_han;  /* ideographic words become one token per
                             character ("split_han = yes") */
} wt_profile;

/*
 * Loads lang_dir/code/.  agencies is the alternation that replaces the
 * {AGENCY} macro in patterns (wt_agencies.alternation).  On failure
 * returns WT_ELANG, WT_EICU or WT_ENOMEM and writes a message naming the
 * file and line into err.
 */
int wt_profile_load(wt_profile **out, const char *lang_dir, const char *code,
                    const char *agencies, char *err, size_t errlen);
void wt_profile_free(wt_profile *p);

/* Patterns one file of boilerplate or credit patterns holds at most. */
#define WT_PATTERNS_MAX 256

/*
 * Which of the profile's credit patterns (credits = 1) or boilerplate
 * patterns (0) can match somewhere in u[0..len): bit i of may
 * (WT_PATTERNS_MAX / 64 words) is cleared for pattern i when a literal
 * every match of it contains is missing from the text (prefilter.h), so
 * it need not run.  Returns 0 or WT_ENOMEM.
 */
int wt_profile_screen(const wt_profile *p, int credits, const UChar *u,
                      int32_t len, uint64_t *may);

/* Is bit i of a wt_profile_screen() answer set? */
static inline int wt_profile_may(const uint64_t *may, size_t i)
{
    return (int)((may[i / 64] >> (i % 64)) & 1);
}

/* 0 when pattern p cannot match in u[0..len) by its gate (the pattern
 * without lookarounds found nothing), else 1: then run p->re. */
int wt_pattern_gate(const wt_pattern *p, const UChar *u, int32_t len);

/* 1 when p->re matches in u[0..len) at or after index from (its groups
 * then read with wt_pattern_group), else 0.  A match the engine gives up
 * on (past its limits) counts as none. */
int wt_pattern_find(const wt_pattern *p, const UChar *u, int32_t len,
                    int32_t from);

/* The next match of p->re in u[0..len) at or after *at, as
 * wt_pattern_find(); *at then moves past it (one character past an empty
 * match), so that from *at = 0 the calls find every match in turn. */
int wt_pattern_next(const wt_pattern *p, const UChar *u, int32_t len,
                    int32_t *at);

/* Group g (0: the whole match) of the last match found: [*s, *e), both -1
 * when the group took no part. */
void wt_pattern_group(const wt_pattern *p, int g, int32_t *s, int32_t *e);

/* The agencies and photo services of lang/agencies.txt: every name and
 * alias, with the index of its canonical name. */
typedef struct wt_agencies {
    char **names;  /* as written, longest first */
    size_t *canon; /* names[canon[i]] is the canonical name of names[i] */
    size_t count;
    char *alternation; /* one regex alternation of every name, quoted */
} wt_agencies;

/* Reads lang_dir/agencies.txt; a missing file gives an empty table whose
 * alternation matches nothing. */
int wt_agencies_load(wt_agencies **out, const char *lang_dir);
void wt_agencies_free(wt_agencies *a);
/* The canonical name for an outlet name: the agency whose name or alias
 * equals it or starts it ("Yonhap News Agency" -> "Yonhap"), ignoring
 * case, or NULL. */
const char *wt_agencies_canonical(const wt_agencies *a, const char *name);

/* Hash used for stopword and number-word lookups of folded UTF-8 words. */
uint64_t wt_word_hash(const char *s, size_t n);

int wt_profile_is_stop(const wt_profile *p, uint64_t word_hash);
/* What the profile knows of a folded word by its hash, in one lookup:
 * WT_MARK_STOP | WT_MARK_VARIANT (wt_profile_variant() says of which
 * word) | WT_NUMBER_START | WT_NUMBER_WHOLE, or 0. */
enum { WT_MARK_STOP = 1, WT_MARK_VARIANT = 8 };
int wt_profile_word(const wt_profile *p, uint64_t word_hash);
/* Returns 1 and sets *value (and *kind, a WT_NUMW_*, when not NULL) if
 * the folded word is a number word. */
int wt_profile_number_word(const wt_profile *p, uint64_t word_hash,
                           double *value, int *kind);
/* What the folded text (its hash) is to the number words: WT_NUMBER_START
 * when some number word starts with it (or is it), | WT_NUMBER_WHOLE when
 * it is a number word that is not a joiner; 0 when neither. */
enum { WT_NUMBER_START = 2, WT_NUMBER_WHOLE = 4 };
int wt_profile_number_prefix(const wt_profile *p, uint64_t text_hash);
/* 0 when the folded word w (n bytes long, n > 0) can start with no
 * number word: no number word starts with its first code point or, when
 * its first two are ASCII, with those two, unless the first alone is one.
 * Read from tables for ASCII. */
int wt_profile_number_first(const wt_profile *p, const char *w, size_t n);
/* The canonical spelling of a folded word, or NULL if it is none's
 * variant. */
const char *wt_profile_variant(const wt_profile *p, uint64_t word_hash,
                               size_t *len);
/* Length in bytes of the folded UTF-8 word w[0..len) once the longest
 * suffix of suffixes.txt that leaves suffix_min code points is cut, again
 * and again (at most three times) while one fits. */
size_t wt_profile_strip_suffix(const wt_profile *p, const char *w, size_t len);
/* The same with min code points kept instead of suffix_min. */
size_t wt_profile_strip_suffix_min(const wt_profile *p, const char *w,
                                   size_t len, size_t min);
/* Bytes of the elided article or pronoun that starts the folded word
 * ("l'" of "l'armée"), or 0. */
size_t wt_profile_elision(const wt_profile *p, const char *w, size_t len);
/* Is c one of the profile's digit-group marks (any space if ' ' is)? */
int wt_profile_is_group(const wt_profile *p, int c);

#endif
