/*
 * alternation.h - the regex alternation of many literal names (the agency
 * names behind {AGENCY}), grouped by first character so that a regex
 * engine tries at each position of a text only the names that can start
 * there.  Internal.
 */
#ifndef WT_ALTERNATION_H
#define WT_ALTERNATION_H

/*
 * flat is "\Qname\E|\Qname\E|..." (longest first, as wt_agencies builds
 * it).  Writes to *out an alternation that matches the same text at the
 * same places and prefers the same name where several match, in a
 * case-sensitive regex or not: "\QA\E(?:\QFP\E|\QP\E)|\QYonhap\E|...",
 * one branch per first character (case-folded), the names of a branch in
 * their order in flat.  Anything not of that form, or a name whose first
 * character folds to more than one, gives a copy of flat.  Returns 0 or
 * WT_ENOMEM; *out is freed with wt_free().
 */
int wt_alternation_group(const char *flat, char **out);

#endif
