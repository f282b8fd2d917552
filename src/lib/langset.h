/*
 * langset.h - the languages of a corpus: each language's profile, stemmer
 * and tokenizer, loaded from the language folder on first use, and the
 * choice of a language for a document and for each of its paragraphs
 * (an option, a header, CLD2, the script; a language without a profile
 * falls back to the generic one).  Internal.
 */
#ifndef WT_LANGSET_H
#define WT_LANGSET_H

#include "input.h"
#include "profile.h"
#include "stem.h"
#include "tokenize.h"

#include <stddef.h>
#include <stdint.h>

/* Everything one language needs. */
typedef struct wt_lang_ctx {
    char code[16];
    wt_profile *prof;
    wt_stemmer *stemmer;
    wt_tokenizer *tok;
} wt_lang_ctx;

typedef struct wt_langset wt_langset;

/* A set reading profiles from lang_dir (copied) with the agencies of
 * lang_dir/agencies.txt; seed seeds the tokenizers' hashes.  Returns 0,
 * WT_ENOMEM or WT_ELANG. */
int wt_langset_new(wt_langset **out, const char *lang_dir, uint64_t seed);
void wt_langset_free(wt_langset *ls);

/* The context of language code, loaded on first use; *out is its index
 * for wt_langset_at() (stable: contexts are never removed).  On failure
 * wt_langset_error() names the file and what is wrong. */
int wt_langset_get(wt_langset *ls, const char *code, size_t *out);

/* The context at index i of wt_langset_get(); valid until the next get. */
const wt_lang_ctx *wt_langset_at(const wt_langset *ls, size_t i);

const char *wt_langset_dir(const wt_langset *ls);
const wt_agencies *wt_langset_agencies(const wt_langset *ls);
/* The detail of the last failure of wt_langset_get(), or "". */
const char *wt_langset_error(const wt_langset *ls);

/* The profile code of a BCP 47 language tag into out (16 bytes): its
 * primary subtag in lower case ("EN" -> "en", "en-US" -> "en", "pt_BR" ->
 * "pt").  Returns 0 when tag is no language tag (two or three ASCII
 * letters first, then only letters, digits, '-' or '_'): such a value is
 * never used as a folder name. */
int wt_lang_tag_code(const char *tag, char *out);

/* Is there a profile for code in the language folder? */
int wt_langset_has(const wt_langset *ls, const char *code);

/* What chose a document's language. */
typedef struct wt_lang_choice {
    char code[16];
    int percent;  /* CLD2's share; 0 when given or guessed by script */
    int reliable; /* CLD2 called it reliable */
    int mixed;    /* paragraphs may be in other languages than code: CLD2,
                     run once on the whole text, named another language
                     among its three, or could not tell; 1 when it was not
                     run (a forced language) */
} wt_lang_choice;

/*
 * The language of a document whose body is u[0, len): forced when not
 * NULL, else header ("Lang: EN-us" names the "en" profile; a language
 * without a profile is ignored) when not NULL, else identified (CLD2, then
 * the script; the generic profile when there is none for the answer).
 * CLD2 runs once, unless the language is forced.  Returns 0 or WT_E*.
 */
int wt_langset_choose(const wt_langset *ls, const char *forced,
                      const char *header, const UChar *u, int32_t len,
                      wt_lang_choice *out);

/*
 * The language of one paragraph u[0, len) of a document read in context
 * doc: a paragraph in another script takes its own language (an English
 * paragraph in Korean text); in the same script only when CLD2 is sure and
 * the paragraph long, so that short paragraphs of a Spanish story are not
 * read as Portuguese.  CLD2 runs on the paragraph only where that can
 * change its language: another script, or a long paragraph of a document
 * whose choice was mixed (wt_lang_choice.mixed).  *out is a context index,
 * doc when nothing changes.
 */
int wt_langset_choose_para(wt_langset *ls, size_t doc, int mixed,
                           const UChar *u, int32_t len, size_t *out);

#endif
