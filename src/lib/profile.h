/*
 * profile.h - a language profile: what wiretrace knows about one language,
 * loaded from the plain-text files in lang/<code>/ (see lang/README.md).
 */
#ifndef WT_PROFILE_H
#define WT_PROFILE_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/uregex.h>

/* What a credit pattern says about the name it captures. */
typedef enum {
    WT_CREDIT_SOURCE, /* this text is that outlet's copy */
    WT_CREDIT_CREDIT  /* this text credits that outlet as its origin */
} wt_credit_kind;

typedef struct wt_pattern {
    int kind; /* wt_boiler for boilerplate, wt_credit_kind for credits */
    URegularExpression *re;
} wt_pattern;

typedef struct wt_number_word {
    uint64_t hash; /* of the folded word */
    double value;
} wt_number_word;

typedef struct wt_profile {
    char code[16];
    char *name;
    char *stemmer;        /* libstemmer algorithm, or NULL for none */
    uint64_t *stop;       /* sorted hashes of folded stopwords */
    size_t nstop;
    wt_pattern *boiler;
    size_t nboiler;
    wt_pattern *credit;
    size_t ncredit;
    wt_number_word *numbers; /* sorted by hash */
    size_t nnumbers;
} wt_profile;

/*
 * Loads lang_dir/code/.  agencies is the alternation that replaces the
 * {AGENCY} macro in patterns (see wt_agencies_alternation()).  On failure
 * returns WT_ELANG, WT_EICU or WT_ENOMEM and writes a message naming the
 * file and line into err.
 */
int wt_profile_load(wt_profile **out, const char *lang_dir, const char *code,
                    const char *agencies, char *err, size_t errlen);
void wt_profile_free(wt_profile *p);

/* The agencies and photo services of lang/agencies.txt: every name and
 * alias, with the index of its canonical name. */
typedef struct wt_agencies {
    char **names;   /* as written, longest first */
    size_t *canon;  /* names[canon[i]] is the canonical name of names[i] */
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
/* Returns 1 and sets *value if the folded word is a number word. */
int wt_profile_number(const wt_profile *p, uint64_t word_hash, double *value);

#endif
