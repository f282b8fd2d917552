/*
 * translate.h - links paragraphs across languages.  Every paragraph is
 * projected into an English pivot: each content word becomes a unit, the
 * set of English stems a lexicon (FreeDict, converted at build time) or a
 * glossary (lang/<code>/glossary.txt) gives for it, plus anchors that need
 * no dictionary: its own stem, number values, and a romanization-insensitive
 * key of names (ICU "Any-Latin; Latin-ASCII", then a consonant skeleton).
 * Pairs of paragraphs in different languages are scored by the IDF weight
 * of the units each side finds in the other.  Internal.
 */
#ifndef WT_TRANSLATE_H
#define WT_TRANSLATE_H

#include "document.h"
#include "langset.h"
#include "link.h"

/*
 * Links paragraphs of docs[0, ndocs) in different languages with class
 * translation (wt_link_record).  Reads o->seed and o->translation_min;
 * loads languages, English included, from langs.  Does nothing when all
 * text paragraphs are in one language.  A missing lexicon only lowers
 * recall.  Returns 0 or a WT_E* code.
 */
int wt_translate_run(wt_document *const *docs, size_t ndocs,
                     const wt_options *o, wt_langset *langs, wt_links *links);

/* The consonant skeleton of an ASCII word (lowercase letters; others are
 * skipped) into out (size cap): vowels, h, w and y dropped, k/g/c/q, t/d,
 * p/b/f/v, r/l and s/z/j/x each one class, repeats merged, so that
 * "kimtaehyo" and "gimtaehyo" give "kmt".  Returns its length. */
size_t wt_translate_skeleton(const char *w, size_t n, char *out, size_t cap);

#endif
