/* alternation.c - see alternation.h.
 *
 * Why: a backtracking regex engine tries the branches of an alternation one by one
 * at every position of the text, saving its state for each, so a pattern
 * with the 300 agency names costs 300 attempts a character.  Grouped by
 * first character it costs one attempt per distinct first character and
 * then only the names of the one branch that can match.  Branches are
 * keyed by the case-folded first character, so that whether the pattern
 * is case-sensitive or not, at any position at most one branch can
 * start; within it the names keep their order: the names tried, and the
 * one a match takes, are those of the flat alternation. */
#include "alternation.h"
#include "alloc.h"
#include "wiretrace.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

typedef struct name_ref {
    const char *s; /* the name, inside flat */
    size_t len;
    UChar32 key;  /* its first character, case-folded */
    size_t first; /* bytes of its first character */
    size_t group; /* the branch it goes to */
} name_ref;

/* The first character of s folded, the key of its branch, or -1 when it
 * cannot be one (invalid UTF-8, or folding it gives more than one
 * character: "ß" is "ss", which a name starting "s" also matches). */
static UChar32 first_key(const char *s, size_t len, size_t *bytes)
{
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s, i, (int32_t)len, c);
    if (c < 0)
        return -1;
    *bytes = (size_t)i;
    UChar in[2], f[8];
    int32_t n = 0, fl;
    UBool bad = false;
    U16_APPEND(in, n, 2, c, bad);
    UErrorCode err = U_ZERO_ERROR;
    fl = u_strFoldCase(f, 8, in, n, U_FOLD_CASE_DEFAULT, &err);
    UChar32 k;
    int32_t j = 0;
    if (bad || U_FAILURE(err) || fl < 1)
        return -1;
    U16_NEXT(f, j, fl, k);
    return j == fl ? k : -1;
}

/* Splits flat into names; 0 when it is not of the expected form. */
static size_t split(const char *flat, name_ref *v, size_t cap)
{
    size_t n = 0;
    const char *p = flat;
    for (;;) {
        if (strncmp(p, "\\Q", 2) || n == cap)
            return 0;
        const char *e = strstr(p + 2, "\\E");
        if (!e || e == p + 2)
            return 0;
        name_ref *r = &v[n++];
        r->s = p + 2;
        r->len = (size_t)(e - r->s);
        if ((r->key = first_key(r->s, r->len, &r->first)) < 0)
            return 0;
        p = e + 2;
        if (!*p)
            return n;
        if (*p++ != '|')
            return 0;
    }
}

static size_t put(char *o, const char *s, size_t n)
{
    memcpy(o, s, n);
    return n;
}

static size_t put_quoted(char *o, const char *s, size_t n)
{
    if (!n)
        return 0;
    return put(o, "\\Q", 2) + put(o + 2, s, n) + put(o + 2 + n, "\\E", 2);
}

/* Writes the branch of group g: the first character its names share, then
 * the rest of each.  Names whose first characters differ in case (the
 * same once folded) are written whole, as the flat alternation has them:
 * a pattern may use {AGENCY} case-sensitively inside a case-insensitive
 * one, "(?-i:...)", and the branch must match there exactly too. */
static size_t put_branch(char *o, const name_ref *v, size_t n, size_t g)
{
    size_t w = 0, members = 0, at = 0, cut;
    int same = 1;
    for (size_t i = 0; i < n; i++) {
        if (v[i].group != g)
            continue;
        if (!members++)
            at = i;
        else if (v[i].first != v[at].first ||
                 memcmp(v[i].s, v[at].s, v[i].first))
            same = 0;
    }
    if (members == 1)
        return put_quoted(o, v[at].s, v[at].len);
    cut = same ? v[at].first : 0;
    w += put_quoted(o + w, v[at].s, cut);
    w += put(o + w, "(?:", 3);
    for (size_t i = at, m = 0; i < n; i++) {
        if (v[i].group != g)
            continue;
        if (m++)
            o[w++] = '|';
        w += put_quoted(o + w, v[i].s + cut, v[i].len - cut);
    }
    o[w++] = ')';
    return w;
}

int wt_alternation_group(const char *flat, char **out)
{
    const size_t flen = strlen(flat), cap = flen / 5 + 1;
    name_ref *v = wt_malloc(cap * sizeof *v);
    if (!v)
        return WT_ENOMEM;
    const size_t n = split(flat, v, cap);
    size_t ngroups = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        while (j < i && v[j].key != v[i].key)
            j++;
        v[i].group = j < i ? v[j].group : ngroups++;
    }
    /* Per branch at most 4 + 8 + 6 bytes more than the names it holds. */
    char *o = wt_malloc(flen + 32 * (ngroups + 1) + 1);
    if (!o) {
        wt_free(v);
        return WT_ENOMEM;
    }
    size_t w = 0;
    if (!n)
        w = put(o, flat, flen);
    for (size_t g = 0; g < ngroups; g++) {
        if (g)
            o[w++] = '|';
        w += put_branch(o + w, v, n, g);
    }
    o[w] = '\0';
    wt_free(v);
    *out = o;
    return 0;
}
