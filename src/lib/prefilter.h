/*
 * prefilter.h - which regular expressions of a set can match a text, found
 * without running them.
 *
 * From each pattern (PCRE2 syntax, as lang/ writes it) the literal strings that every match
 * must contain are derived: "any of these, and any of those" (the agency
 * names of {AGENCY}, "sign up", "(photo"...).  One pass of an Aho-Corasick
 * automaton over the case-folded text finds which are there; a pattern
 * whose literals are missing cannot match and is not run.  A pattern with
 * nothing to derive (only classes, as a lone-name pattern) always passes.
 * The answer is never "cannot" for a pattern that matches: literals are
 * compared after full Unicode case folding of both sides, which is at least
 * as loose as the matcher's own case rules; "^" and "$" (outside multi-line
 * mode) are the text's two ends, so "{AGENCY}$" looks for a name at the
 * end only.  Internal.
 */
#ifndef WT_PREFILTER_H
#define WT_PREFILTER_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/utypes.h>

/* Patterns one prefilter screens at most. */
#define WT_PREFILTER_MAX 256

typedef struct wt_prefilter wt_prefilter;

/* Builds the prefilter of pats[0..n) (UTF-8 regular expressions, n at
 * most WT_PREFILTER_MAX).  Returns 0, WT_EINVAL (too many) or WT_ENOMEM. */
int wt_prefilter_new(wt_prefilter **out, const char *const *pats, size_t n);
void wt_prefilter_free(wt_prefilter *pf);

/* Bit i of may (WT_PREFILTER_MAX / 64 words) is set when pattern i can
 * match somewhere in u[0..len), cleared when it cannot.  Returns 0 or
 * WT_ENOMEM. */
int wt_prefilter_run(const wt_prefilter *pf, const UChar *u, int32_t len,
                     uint64_t *may);

/* How many literal strings pattern i needs (clauses, each "one of these");
 * 0 when it always passes.  For tests. */
size_t wt_prefilter_clauses(const wt_prefilter *pf, size_t i);

/*
 * The pattern pat with its top-level lookaround assertions ((?=...),
 * (?!...), (?<=...), (?<!...)) cut out, into *out (wt_free it), when pat
 * starts with "^" and has one: it matches wherever pat does, and fails
 * fast where a lookahead would first scan the whole text ("^(?!.*\bThe\b)
 * Name Name$").  *out is NULL when that does not apply, or when cutting
 * could change what matches (atomic groups, possessive quantifiers,
 * back-references).  Returns 0 or WT_ENOMEM.
 */
int wt_prefilter_strip_lookaround(const char *pat, char **out);

#endif
