/*
 * prefilter.c - literal prefilter for a set of regular expressions.
 *
 * The literals a match must contain are computed over the pattern's syntax
 * tree the way Russ Cox's Code Search does ("Regular Expression Matching
 * with a Trigram Index", 2012), with whole strings instead of trigrams:
 * each node has either its exact set (it matches one of these strings) or
 * clauses (every match contains one string of each).  Concatenation takes
 * the cross product of exact sets while it stays small, alternation their
 * union; a class, "." or an optional part knows nothing.  Zero-width
 * assertions match the empty string.  Anything this parser does not know
 * makes the whole pattern pass always, which is never wrong.
 *
 * The strings are found with Aho-Corasick (Aho and Corasick 1975) over the
 * UTF-16 units of the fully case-folded text; both sides are folded alike,
 * so "Reuters", "REUTERS" and a case-insensitive "reuters" all count.
 *
 * "^" and "$" (outside multi-line mode) are units of their own, ANCHOR_BEGIN
 * and ANCHOR_END, which the text is read with where it begins and where it
 * ends (and before a final newline, where "$" matches too): a literal next
 * to one ("{AGENCY}$", a caption that ends with an agency's name) is looked
 * for there only, not in every word it is part of ("AP" in "Japan").
 */
#include "prefilter.h"
#include "alloc.h"
#include "wiretrace.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/* Noncharacters: text is not expected to hold them, and text that does
 * only lets more patterns run. */
#define ANCHOR_BEGIN 0xFDD0
#define ANCHOR_END 0xFDD1

enum {
    MAX_SET = 1024,    /* strings of an exact set */
    MAX_CLAUSE = 4096, /* strings of one clause */
    MAX_LEN = 64,      /* UTF-16 units of one string */
    MAX_CL = 3,        /* clauses kept per node */
    MAX_DEPTH = 200,   /* group nesting */
    FOLD_STACK = 1024  /* folded units kept on the stack */
};

/* ---- string sets ---- */

/* A string of a set: units [off, off + n) of the set's buffer.  A set,
 * its strings and their units are one allocation, sized when the set is
 * made (every set knows its size then): a pattern's analysis makes many
 * thousands of sets, and a cross product a thousand strings. */
typedef struct ustr {
    size_t off;
    int32_t n;
} ustr;

typedef struct sset {
    ustr *v;
    size_t n, cap;
    UChar *buf;
    size_t nbuf, bufcap;
} sset;

static const UChar *sset_str(const sset *s, size_t i)
{
    return s->buf + s->v[i].off;
}

static void sset_free(sset *s) { wt_free(s); }

/* A set with room for n strings of units UTF-16 units in all. */
static sset *sset_new(size_t n, size_t units)
{
    const size_t head = sizeof(sset) + n * sizeof(ustr);
    sset *s = wt_malloc(head + (units + 1) * sizeof(UChar));
    if (!s)
        return NULL;
    memset(s, 0, sizeof *s);
    s->v = (ustr *)(s + 1);
    s->cap = n;
    s->buf = (UChar *)((char *)s + head);
    s->bufcap = units;
    return s;
}

/* Appends a[0..an) + b[0..bn) to s; WT_ENOMEM past the room it was made
 * with (never, as every caller sizes its set). */
static int sset_put(sset *s, const UChar *a, int32_t an, const UChar *b,
                    int32_t bn)
{
    const size_t n = (size_t)an + (size_t)bn;
    if (s->n == s->cap || s->nbuf + n > s->bufcap)
        return WT_ENOMEM;
    if (an)
        memcpy(s->buf + s->nbuf, a, (size_t)an * sizeof *s->buf);
    if (bn)
        memcpy(s->buf + s->nbuf + an, b, (size_t)bn * sizeof *s->buf);
    s->v[s->n++] = (ustr){s->nbuf, (int32_t)n};
    s->nbuf += n;
    return 0;
}

/* {a b : a in x, b in y}, or NULL with *rc 0 when too large. */
static sset *sset_cross(const sset *x, const sset *y, int *rc)
{
    *rc = 0;
    if (x->n * y->n > MAX_SET)
        return NULL;
    for (size_t i = 0; i < x->n; i++)
        for (size_t j = 0; j < y->n; j++)
            if (x->v[i].n + y->v[j].n > MAX_LEN)
                return NULL;
    sset *s = sset_new(x->n * y->n, x->nbuf * y->n + y->nbuf * x->n);
    if (!s) {
        *rc = WT_ENOMEM;
        return NULL;
    }
    for (size_t i = 0; i < x->n && !*rc; i++)
        for (size_t j = 0; j < y->n && !*rc; j++)
            *rc = sset_put(s, sset_str(x, i), x->v[i].n, sset_str(y, j),
                           y->v[j].n);
    if (*rc) {
        sset_free(s);
        return NULL;
    }
    return s;
}

/* x and y together (both freed), or NULL with *rc 0 above max strings. */
static sset *sset_union(sset *x, sset *y, size_t max, int *rc)
{
    *rc = 0;
    sset *s = NULL;
    if (x->n + y->n <= max) {
        s = sset_new(x->n + y->n, x->nbuf + y->nbuf);
        if (s) {
            memcpy(s->buf, x->buf, x->nbuf * sizeof *s->buf);
            memcpy(s->buf + x->nbuf, y->buf, y->nbuf * sizeof *s->buf);
            memcpy(s->v, x->v, x->n * sizeof *s->v);
            for (size_t i = 0; i < y->n; i++)
                s->v[x->n + i] = (ustr){y->v[i].off + x->nbuf, y->v[i].n};
            s->n = x->n + y->n;
            s->nbuf = x->nbuf + y->nbuf;
        } else {
            *rc = WT_ENOMEM;
        }
    }
    sset_free(x);
    sset_free(y);
    return s;
}

/* The set of the one string u[0..n). */
static sset *sset_one(const UChar *u, int32_t n)
{
    sset *s = sset_new(1, (size_t)n);
    if (s && sset_put(s, u, n, NULL, 0)) {
        sset_free(s);
        return NULL;
    }
    return s;
}

/* Units of string i of s that are not anchors. */
static int32_t text_units(const sset *s, size_t i)
{
    const UChar *u = sset_str(s, i);
    int32_t n = 0;
    for (int32_t k = 0; k < s->v[i].n; k++)
        n += u[k] != ANCHOR_BEGIN && u[k] != ANCHOR_END;
    return n;
}

/* Shortest string, anchors left out: how selective a clause is (a clause
 * that holds a lone anchor says nothing: every text has both). */
static int32_t sset_score(const sset *s)
{
    int32_t m = MAX_LEN + 1;
    for (size_t i = 0; i < s->n; i++) {
        const int32_t n = text_units(s, i);
        if (n < m)
            m = n;
    }
    return s->n ? m : 0;
}

/* ---- what a node of the pattern needs ---- */

typedef struct info {
    sset *exact; /* the node matches one of these; NULL when not known */
    sset *cl[MAX_CL];
    size_t ncl;
} info;

static void info_free(info *x)
{
    sset_free(x->exact);
    for (size_t i = 0; i < x->ncl; i++)
        sset_free(x->cl[i]);
    memset(x, 0, sizeof *x);
}

/* Adds clause c (taken), keeping the MAX_CL most selective; a clause that
 * allows the empty string says nothing. */
static void add_clause(info *x, sset *c)
{
    if (!c)
        return;
    const int32_t sc = sset_score(c);
    if (sc == 0) {
        sset_free(c);
        return;
    }
    if (x->ncl < MAX_CL) {
        x->cl[x->ncl++] = c;
        return;
    }
    size_t worst = 0;
    for (size_t i = 1; i < x->ncl; i++)
        if (sset_score(x->cl[i]) < sset_score(x->cl[worst]))
            worst = i;
    if (sset_score(x->cl[worst]) < sc) {
        sset_free(x->cl[worst]);
        x->cl[worst] = c;
    } else {
        sset_free(c);
    }
}

/* The exact set as a clause: the node is no longer known exactly. */
static void forget_exact(info *x)
{
    sset *e = x->exact;
    x->exact = NULL;
    add_clause(x, e);
}

/* A concatenation in the making: clauses so far, and the exact set of the
 * run of exactly known parts since the last unknown one. */
typedef struct seq {
    info acc;   /* clauses; acc.exact unused */
    sset *run;  /* exact set of the current run */
    int broken; /* a part was not known exactly */
} seq;

static int seq_init(seq *q)
{
    memset(q, 0, sizeof *q);
    return (q->run = sset_one(NULL, 0)) ? 0 : WT_ENOMEM;
}

/* Appends part b (consumed). */
static int seq_add(seq *q, info *b)
{
    int rc = 0;
    for (size_t i = 0; i < b->ncl; i++)
        add_clause(&q->acc, b->cl[i]);
    b->ncl = 0;
    if (!b->exact) {
        q->broken = 1;
        add_clause(&q->acc, q->run);
        return (q->run = sset_one(NULL, 0)) ? 0 : WT_ENOMEM;
    }
    sset *x = sset_cross(q->run, b->exact, &rc);
    if (x) {
        sset_free(q->run);
        q->run = x;
    } else if (!rc) {
        /* Too many strings: the run so far is one clause, b starts the
         * next run. */
        q->broken = 1;
        add_clause(&q->acc, q->run);
        q->run = b->exact;
        b->exact = NULL;
    }
    return rc;
}

/* The concatenation's info into out; q is consumed. */
static void seq_end(seq *q, info *out)
{
    *out = q->acc;
    if (q->broken)
        add_clause(out, q->run);
    else
        out->exact = q->run;
    q->run = NULL;
}

/* The one clause that best stands for x (taken from it), or NULL. */
static sset *take_best(info *x)
{
    if (x->exact) {
        sset *e = x->exact;
        x->exact = NULL;
        if (sset_score(e) == 0) {
            sset_free(e);
            return NULL;
        }
        return e;
    }
    size_t best = 0;
    for (size_t i = 1; i < x->ncl; i++)
        if (sset_score(x->cl[i]) > sset_score(x->cl[best]))
            best = i;
    if (!x->ncl)
        return NULL;
    sset *c = x->cl[best];
    x->cl[best] = x->cl[--x->ncl];
    return c;
}

/* a or b, into a; b is consumed. */
static int info_alt(info *a, info *b)
{
    int rc = 0;
    if (a->exact && b->exact) {
        sset *u = sset_union(a->exact, b->exact, MAX_SET, &rc);
        a->exact = b->exact = NULL;
        info_free(a);
        info_free(b);
        a->exact = u;
        return rc;
    }
    sset *x = take_best(a), *y = take_best(b);
    info_free(a);
    info_free(b);
    if (x && y)
        add_clause(a, sset_union(x, y, MAX_CLAUSE, &rc));
    else {
        sset_free(x);
        sset_free(y);
    }
    return rc;
}

/* x repeated min..max times (max < 0: no bound). */
static int info_repeat(info *x, long min, long max)
{
    if (min == 1 && max == 1)
        return 0;
    if (min == 0) {
        int rc = 0;
        sset *e = NULL;
        if (max == 1 && x->exact && x->exact->n < MAX_SET) {
            sset *empty = sset_one(NULL, 0);
            if (!empty) {
                rc = WT_ENOMEM; /* x->exact is freed below */
            } else {
                e = sset_union(x->exact, empty, MAX_SET, &rc);
                x->exact = NULL; /* sset_union freed it */
            }
        }
        info_free(x);
        x->exact = e;
        return rc;
    }
    forget_exact(x);
    return 0;
}

/* ---- the parser ---- */

typedef struct parser {
    const UChar32 *p;
    size_t i, n;
    int bad;       /* syntax this parser does not know */
    int depth;     /* group nesting */
    int in_look;   /* lookarounds open */
    int multiline; /* an "m" flag was met: "^" and "$" say nothing from
                      there on */
    /* For wt_prefilter_strip_lookaround: top-level lookaround spans. */
    int no_strip;
    size_t (*cut)[2];
    size_t ncut, cutcap;
} parser;

static int peek(const parser *ps, size_t k)
{
    return ps->i + k < ps->n ? ps->p[ps->i + k] : -1;
}

static int parse_alt(parser *ps, info *out);

static int set_empty(info *x)
{
    return (x->exact = sset_one(NULL, 0)) ? 0 : WT_ENOMEM;
}

static int set_char(info *x, UChar32 c)
{
    UChar u[2];
    int32_t n = 0;
    U16_APPEND_UNSAFE(u, n, c);
    return (x->exact = sset_one(u, n)) ? 0 : WT_ENOMEM;
}

/* "[...]": only a short list of plain characters is known exactly
 * ("[Tt]", "[.!?]"); anything else (ranges, negation, escapes, nested
 * sets, properties) is a class. */
static int parse_set(parser *ps, info *x)
{
    const size_t start = ++ps->i; /* after the '[' */
    int depth = 0, plain = 1;
    /* "[]...]" and "[^]...]": a leading ']' may be a member. */
    if (peek(ps, 0) == ']' || (peek(ps, 0) == '^' && peek(ps, 1) == ']')) {
        ps->bad = 1;
        return 0;
    }
    for (; ps->i < ps->n; ps->i++) {
        const UChar32 c = ps->p[ps->i];
        if (c == '\\') {
            ps->i++;
            plain = 0;
        } else if (c == '[') {
            depth++;
            plain = 0;
        } else if (c == ']' && !depth) {
            break;
        } else if (c == ']') {
            depth--;
        } else if (c == '^' || c == '-' || c == '&') {
            plain = 0;
        }
    }
    if (ps->i >= ps->n) {
        ps->bad = 1;
        return 0;
    }
    const size_t end = ps->i++;
    if (!plain || end == start || end - start > 8)
        return 0;
    sset *s = sset_new(end - start, 2 * (end - start));
    if (!s)
        return WT_ENOMEM;
    for (size_t k = start; k < end; k++) {
        UChar u[2];
        int32_t n = 0;
        U16_APPEND_UNSAFE(u, n, ps->p[k]);
        if (sset_put(s, u, n, NULL, 0)) {
            sset_free(s);
            return WT_ENOMEM;
        }
    }
    x->exact = s;
    return 0;
}

/* Reads hex digits up to max of them, or within {...} when braced. */
static UChar32 read_hex(parser *ps, int max)
{
    UChar32 v = 0;
    int braced = peek(ps, 0) == '{', k = 0;
    if (braced)
        ps->i++;
    for (; ps->i < ps->n && (braced || k < max); k++, ps->i++) {
        const int c = ps->p[ps->i], d = u_digit(c, 16);
        if (braced && c == '}') {
            ps->i++;
            return k ? v : -1;
        }
        if (d < 0 || c > 0x7F)
            return braced || k == 0 ? -1 : v;
        v = v * 16 + d;
    }
    return braced || k < max || v > 0x10FFFF ? -1 : v;
}

/* After a backslash. */
static int parse_escape(parser *ps, info *x)
{
    const int c = peek(ps, 0);
    if (c < 0) {
        ps->bad = 1;
        return 0;
    }
    ps->i++;
    switch (c) {
    case 'Q': {
        seq q;
        int rc = seq_init(&q);
        while (!rc && ps->i < ps->n &&
               !(ps->p[ps->i] == '\\' && peek(ps, 1) == 'E')) {
            info one = {0};
            rc = set_char(&one, ps->p[ps->i++]);
            if (!rc)
                rc = seq_add(&q, &one);
            info_free(&one);
        }
        seq_end(&q, x);
        ps->i = ps->i < ps->n ? ps->i + 2 : ps->i;
        return rc;
    }
    case 'b':
    case 'B':
    case 'A':
    case 'Z':
    case 'z':
    case 'G': return set_empty(x);
    case 'p':
    case 'P':
    case 'N':
        if (peek(ps, 0) == '{') {
            while (ps->i < ps->n && ps->p[ps->i] != '}')
                ps->i++;
            ps->i++;
        } else if (c == 'N') {
            ps->bad = 1;
        } else {
            ps->i++;
        }
        return 0;
    case 's':
    case 'S':
    case 'd':
    case 'D':
    case 'w':
    case 'W':
    case 'h':
    case 'H':
    case 'v':
    case 'V':
    case 'R':
    case 'X': return 0;
    case 't': return set_char(x, '\t');
    case 'n': return set_char(x, '\n');
    case 'r': return set_char(x, '\r');
    case 'f': return set_char(x, '\f');
    case 'a': return set_char(x, 0x07);
    case 'e': return set_char(x, 0x1B);
    case 'x':
    case 'u':
    case 'U': {
        const UChar32 v = read_hex(ps, c == 'x' ? 2 : c == 'u' ? 4 : 8);
        if (v < 0) {
            ps->bad = 1;
            return 0;
        }
        return set_char(x, v);
    }
    default:
        if (c < 0x80 && (u_isalnum(c) || c == '_')) {
            /* Back-references and what this parser does not know. */
            ps->bad = 1;
            return 0;
        }
        return set_char(x, c);
    }
}

/* "(?flags)" or "(?flags:": after "(?". Returns 1 for a group, 0 for a
 * bare flag setting, -1 when unknown. */
static int parse_flags(parser *ps)
{
    while (ps->i < ps->n) {
        const UChar32 c = ps->p[ps->i++];
        if (c == ':')
            return 1;
        if (c == ')')
            return 0;
        /* Free spacing (x) would make white space and '#' syntax. */
        if (c != 'i' && c != 'm' && c != 's' && c != 'w' && c != '-')
            return -1;
        ps->multiline |= c == 'm'; /* "-m" too: never wrong */
    }
    return -1;
}

static int parse_group(parser *ps, info *x)
{
    int look = 0;
    const size_t open = ps->i - 1;
    if (peek(ps, 0) == '?') {
        ps->i++;
        const int c = peek(ps, 0);
        if (c == '=' || c == '!') {
            look = 1;
            ps->i++;
        } else if (c == '<' && (peek(ps, 1) == '=' || peek(ps, 1) == '!')) {
            look = 1;
            ps->i += 2;
        } else if (c == '>') {
            ps->no_strip = 1;
            ps->i++;
        } else if (c == '<') {
            while (ps->i < ps->n && ps->p[ps->i] != '>')
                ps->i++;
            ps->i++;
        } else {
            const int g = parse_flags(ps);
            if (g < 0) {
                ps->bad = 1;
                return 0;
            }
            if (g == 0)
                return set_empty(x);
        }
    }
    if (++ps->depth > MAX_DEPTH) {
        ps->bad = 1;
        return 0;
    }
    info inner = {0};
    ps->in_look += look;
    int rc = parse_alt(ps, &inner);
    ps->in_look -= look;
    ps->depth--;
    if (!rc && peek(ps, 0) != ')')
        ps->bad = 1;
    ps->i++;
    if (!rc && look) {
        /* Zero width: the assertion matches the empty string. */
        info_free(&inner);
        if (ps->in_look == 0 &&
            !wt_grow(&ps->cut, &ps->cutcap, ps->ncut + 1, sizeof *ps->cut)) {
            ps->cut[ps->ncut][0] = open;
            ps->cut[ps->ncut++][1] = ps->i;
        } else if (ps->in_look == 0) {
            rc = WT_ENOMEM;
        }
        return rc ? rc : set_empty(x);
    }
    *x = inner;
    return rc;
}

static int parse_atom(parser *ps, info *x)
{
    const UChar32 c = ps->p[ps->i++];
    switch (c) {
    case '(': return parse_group(ps, x);
    case '[': ps->i--; return parse_set(ps, x);
    case '\\': return parse_escape(ps, x);
    case '^': return ps->multiline ? set_empty(x) : set_char(x, ANCHOR_BEGIN);
    case '$': return ps->multiline ? set_empty(x) : set_char(x, ANCHOR_END);
    case '.': return 0;
    case '*':
    case '+':
    case '?':
    case '{':
    case '#': ps->bad = 1; return 0;
    default: return set_char(x, c);
    }
}

/* A count of "{m,n}"; -1 when none is there. */
static long read_count(parser *ps)
{
    long v = -1;
    while (ps->i < ps->n && ps->p[ps->i] >= '0' && ps->p[ps->i] <= '9') {
        v = (v < 0 ? 0 : v) * 10 + (ps->p[ps->i++] - '0');
        if (v > 100000)
            v = 100000;
    }
    return v;
}

/* The quantifiers after an atom, applied to x. */
static int parse_quant(parser *ps, info *x)
{
    for (;;) {
        const int c = peek(ps, 0);
        long min, max;
        if (c == '*' || c == '+' || c == '?') {
            ps->i++;
            min = c == '+';
            max = c == '?' ? 1 : -1;
        } else if (c == '{') {
            ps->i++;
            min = read_count(ps);
            max = min;
            if (peek(ps, 0) == ',') {
                ps->i++;
                max = read_count(ps);
            }
            if (min < 0 || peek(ps, 0) != '}') {
                ps->bad = 1;
                return 0;
            }
            ps->i++;
        } else {
            return 0;
        }
        if (peek(ps, 0) == '?')
            ps->i++;
        else if (peek(ps, 0) == '+') {
            ps->i++;
            ps->no_strip = 1;
        }
        const int rc = info_repeat(x, min, max);
        if (rc)
            return rc;
    }
}

static int parse_concat(parser *ps, info *out)
{
    seq q;
    int rc = seq_init(&q);
    while (!rc && !ps->bad && ps->i < ps->n && peek(ps, 0) != '|' &&
           peek(ps, 0) != ')') {
        info a = {0};
        rc = parse_atom(ps, &a);
        if (!rc)
            rc = parse_quant(ps, &a);
        if (!rc)
            rc = seq_add(&q, &a);
        info_free(&a);
    }
    seq_end(&q, out);
    return rc;
}

static int parse_alt(parser *ps, info *out)
{
    int rc = parse_concat(ps, out);
    while (!rc && !ps->bad && peek(ps, 0) == '|') {
        ps->i++;
        info b = {0};
        rc = parse_concat(ps, &b);
        if (!rc)
            rc = info_alt(out, &b);
        info_free(&b);
    }
    return rc;
}

/* UTF-8 to code points (*out, wt_free it). */
static int to_points(const char *s, UChar32 **out, size_t *n)
{
    const int32_t len = (int32_t)strlen(s);
    UChar32 *p = wt_malloc(((size_t)len + 1) * sizeof *p);
    if (!p)
        return WT_ENOMEM;
    size_t k = 0;
    for (int32_t i = 0; i < len;) {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        p[k++] = c < 0 ? 0xFFFD : c;
    }
    *out = p;
    *n = k;
    return 0;
}

/* Parses pat; on success *x holds what it needs (nothing when unknown). */
static int analyze(const char *pat, info *x, parser *ps)
{
    UChar32 *p = NULL;
    memset(ps, 0, sizeof *ps);
    int rc = to_points(pat, &p, &ps->n);
    if (rc)
        return rc;
    ps->p = p;
    rc = parse_alt(ps, x);
    if (!rc && ps->i < ps->n)
        ps->bad = 1; /* an unbalanced ')' */
    if (!rc && ps->bad)
        info_free(x);
    if (!rc)
        forget_exact(x);
    wt_free(p);
    ps->p = NULL;
    return rc;
}

/* ---- Aho-Corasick ---- */

typedef struct edge {
    UChar unit;
    uint32_t to;
} edge;

/* Bits of word `word` of the hit bitmap that a row's outputs set; `last`
 * ends a row's run of them. */
typedef struct omask {
    uint64_t bits;
    uint32_t word, last;
} omask;

struct wt_prefilter {
    size_t npat;
    uint32_t *pat_cl; /* clauses of pattern i: pat_cl[i] .. pat_cl[i+1] */
    size_t ncl;
    /* The automaton: state 0 is the root. */
    uint32_t nstates;
    uint32_t *edge_at; /* edges of state s: edge_at[s] .. edge_at[s+1] */
    edge *edges;
    uint32_t *fail, *dict; /* dict: nearest state on the fail chain with
                              output, 0 when none */
    uint32_t *out_at;      /* output clauses of s: out_at[s] .. out_at[s+1] */
    uint32_t *outs;        /* dict, out_at and outs: until tabulated */
    /* The automaton as a table for ASCII text, fail links followed once
     * when it is built.  A row is stride units of delta: one per class,
     * then the index in omasks of the row's outputs.  After the row at
     * offset r (r = row * stride) on ASCII unit c comes the row at offset
     * delta[r + cls[c]]: a step is one load and one add.  Units no string
     * holds share class 0, which leads to the root; upper case letters
     * share their lower case's class, so that ASCII text needs no case
     * folding. */
    uint8_t cls[128];
    uint32_t stride;
    /* The table's rows are the states in breadth-first order, so that
     * the few near the root, where the text keeps the automaton, share
     * the cache: row_of[s] is state s's row, state_of[r] row r's state. */
    uint32_t *delta; /* rows of offsets, OUT_BIT set on states with
                        output */
    uint32_t *row_of, *state_of;
    int32_t maxlen; /* units of the longest string */
    /* The clauses found where a row is reached, its own strings' and
     * those of its fail chain, as words of the hit bitmap; a row's run
     * ends with the entry marked last.  Entry 0, empty, is the run of
     * rows without output. */
    omask *omasks;
};

/* Marks an offset in delta whose row has output: most steps reach none,
 * and then the row's output column is not read. */
#define OUT_BIT (UINT32_C(1) << 31)

/* The trie while it is built: children as sibling lists. */
typedef struct tnode {
    uint32_t child, sibling;
    UChar unit;
} tnode;

typedef struct tout {
    uint32_t state, clause;
} tout;

typedef struct builder {
    tnode *t;
    size_t nt, tcap;
    tout *o;
    size_t no, ocap;
} builder;

static int trie_add(builder *b, const UChar *u, int32_t n, uint32_t clause)
{
    uint32_t s = 0;
    for (int32_t i = 0; i < n; i++) {
        uint32_t c = b->t[s].child;
        while (c && b->t[c].unit != u[i])
            c = b->t[c].sibling;
        if (!c) {
            if (wt_grow(&b->t, &b->tcap, b->nt + 1, sizeof *b->t))
                return WT_ENOMEM;
            c = (uint32_t)b->nt++;
            b->t[c] = (tnode){0, b->t[s].child, u[i]};
            b->t[s].child = c;
        }
        s = c;
    }
    if (wt_grow(&b->o, &b->ocap, b->no + 1, sizeof *b->o))
        return WT_ENOMEM;
    b->o[b->no++] = (tout){s, clause};
    return 0;
}

/* The full case folding of u[0..n) into buf (cap units) or, when longer,
 * a new buffer.  *rc: 0, WT_ENOMEM, or WT_EICU. */
static UChar *fold(const UChar *u, int32_t n, UChar *buf, int32_t cap,
                   int32_t *out_n, int *rc)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = u_strFoldCase(buf, cap, u, n, U_FOLD_CASE_DEFAULT, &err);
    UChar *f = buf;
    *rc = 0;
    if (err == U_BUFFER_OVERFLOW_ERROR) {
        if (!(f = wt_malloc(((size_t)len + 1) * sizeof *f))) {
            *rc = WT_ENOMEM;
            return NULL;
        }
        err = U_ZERO_ERROR;
        len = u_strFoldCase(f, len + 1, u, n, U_FOLD_CASE_DEFAULT, &err);
    }
    if (U_FAILURE(err)) {
        if (f != buf)
            wt_free(f);
        *rc = WT_EICU;
        return NULL;
    }
    *out_n = len;
    return f;
}

static int cmp_edge(const void *a, const void *b)
{
    const edge *x = a, *y = b;
    return (x->unit > y->unit) - (x->unit < y->unit);
}

static int cmp_tout(const void *a, const void *b)
{
    const tout *x = a, *y = b;
    if (x->state != y->state)
        return x->state < y->state ? -1 : 1;
    return (x->clause > y->clause) - (x->clause < y->clause);
}

/* The edge of state s on unit c, or 0 (edges of a state are sorted).
 * ASCII text steps through the table (tabulate), so this runs when the
 * automaton is built and on other units. */
static uint32_t find_edge(const wt_prefilter *pf, uint32_t s, UChar c)
{
    size_t lo = pf->edge_at[s], hi = pf->edge_at[s + 1];
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (pf->edges[mid].unit < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < pf->edge_at[s + 1] && pf->edges[lo].unit == c ? pf->edges[lo].to
                                                              : 0;
}

static uint32_t next_state(const wt_prefilter *pf, uint32_t s, UChar c)
{
    for (;;) {
        const uint32_t t = find_edge(pf, s, c);
        if (t || !s)
            return t;
        s = pf->fail[s];
    }
}

/* The state of the fail chain of s nearest to s with output, or 0. */
static uint32_t first_out(const wt_prefilter *pf, uint32_t s)
{
    return pf->out_at[s] < pf->out_at[s + 1] ? s : pf->dict[s];
}

/* Appends to pf->omasks the run of the clauses found in state s (which
 * has output). */
static int add_omasks(wt_prefilter *pf, size_t *n, size_t *cap, uint32_t s)
{
    uint64_t acc[WT_PREFILTER_MAX * MAX_CL / 64] = {0};
    for (uint32_t o = first_out(pf, s); o; o = pf->dict[o])
        for (uint32_t k = pf->out_at[o]; k < pf->out_at[o + 1]; k++)
            acc[pf->outs[k] / 64] |= 1ULL << (pf->outs[k] % 64);
    size_t last = *n;
    for (uint32_t w = 0; w < WT_PREFILTER_MAX * MAX_CL / 64; w++) {
        if (!acc[w])
            continue;
        if (wt_grow(&pf->omasks, cap, *n + 1, sizeof *pf->omasks))
            return WT_ENOMEM;
        pf->omasks[last = (*n)++] = (omask){acc[w], w, 0};
    }
    pf->omasks[last].last = 1;
    return 0;
}

/* The ASCII table (delta, cls) and the output runs, from the automaton
 * with its fail links. */
static int tabulate(wt_prefilter *pf, const uint32_t *bfs)
{
    UChar rep[128];
    uint32_t k = 1;
    for (size_t e = 0; e < pf->edge_at[pf->nstates]; e++) {
        const UChar c = pf->edges[e].unit;
        if (c < 128 && !pf->cls[c]) {
            rep[k] = c;
            pf->cls[c] = (uint8_t)k++;
        }
    }
    /* Folding takes A-Z to a-z and nothing else of ASCII. */
    for (UChar c = 'A'; c <= 'Z'; c++)
        pf->cls[c] = pf->cls[c - 'A' + 'a'];
    const size_t n = pf->nstates, w = pf->stride = k + 1;
    if (n * w >= OUT_BIT)
        return WT_ENOMEM;
    size_t nm = 1, mcap = 0;
    pf->delta = wt_calloc(n * w, sizeof *pf->delta);
    pf->row_of = wt_malloc(n * sizeof *pf->row_of);
    pf->state_of = wt_malloc(n * sizeof *pf->state_of);
    if (!pf->delta || !pf->row_of || !pf->state_of ||
        wt_grow(&pf->omasks, &mcap, 1, sizeof *pf->omasks))
        return WT_ENOMEM;
    pf->omasks[0] = (omask){0, 0, 1};
    pf->state_of[0] = 0; /* the root, then the order bfs[] lists */
    memcpy(pf->state_of + 1, bfs, (n - 1) * sizeof *bfs);
    for (uint32_t r = 0; r < n; r++)
        pf->row_of[pf->state_of[r]] = r;
    for (uint32_t r = 0; r < n; r++) {
        const uint32_t s = pf->state_of[r];
        if (first_out(pf, s)) {
            pf->delta[r * w + k] = (uint32_t)nm;
            if (add_omasks(pf, &nm, &mcap, s))
                return WT_ENOMEM;
        }
        for (uint32_t c = 1; c < k; c++) {
            const uint32_t t = next_state(pf, s, rep[c]);
            pf->delta[r * w + c] =
                pf->row_of[t] * (uint32_t)w | (first_out(pf, t) ? OUT_BIT : 0);
        }
    }
    return 0;
}

/* Edges as sorted arrays, then fail and dictionary links breadth first. */
static int freeze(wt_prefilter *pf, builder *b)
{
    const size_t n = b->nt;
    pf->nstates = (uint32_t)n;
    pf->edge_at = wt_calloc(n + 1, sizeof *pf->edge_at);
    pf->edges = wt_malloc((n ? n : 1) * sizeof *pf->edges);
    pf->fail = wt_calloc(n, sizeof *pf->fail);
    pf->dict = wt_calloc(n, sizeof *pf->dict);
    pf->out_at = wt_calloc(n + 1, sizeof *pf->out_at);
    pf->outs = wt_malloc((b->no ? b->no : 1) * sizeof *pf->outs);
    uint32_t *queue = wt_malloc(n * sizeof *queue);
    if (!pf->edge_at || !pf->edges || !pf->fail || !pf->dict || !pf->out_at ||
        !pf->outs || !queue) {
        wt_free(queue);
        return WT_ENOMEM;
    }
    size_t ne = 0;
    for (size_t s = 0; s < n; s++) {
        pf->edge_at[s] = (uint32_t)ne;
        for (uint32_t c = b->t[s].child; c; c = b->t[c].sibling)
            pf->edges[ne++] = (edge){b->t[c].unit, c};
        qsort(pf->edges + pf->edge_at[s], ne - pf->edge_at[s], sizeof(edge),
              cmp_edge);
    }
    pf->edge_at[n] = (uint32_t)ne;
    if (b->no > 1)
        qsort(b->o, b->no, sizeof *b->o, cmp_tout);
    for (size_t i = 0, s = 0; s <= n; s++) {
        pf->out_at[s] = (uint32_t)i;
        while (i < b->no && b->o[i].state == s)
            pf->outs[i] = b->o[i].clause, i++;
    }
    size_t head = 0, tail = 0;
    for (size_t e = pf->edge_at[0]; e < pf->edge_at[1]; e++)
        queue[tail++] = pf->edges[e].to;
    while (head < tail) {
        const uint32_t s = queue[head++];
        for (size_t e = pf->edge_at[s]; e < pf->edge_at[s + 1]; e++) {
            const uint32_t t = pf->edges[e].to;
            pf->fail[t] = next_state(pf, pf->fail[s], pf->edges[e].unit);
            queue[tail++] = t;
        }
        const uint32_t f = pf->fail[s];
        pf->dict[s] = pf->out_at[f] < pf->out_at[f + 1] ? f : pf->dict[f];
    }
    /* Every state but the root went through the queue, nearest first. */
    const int rc = tail + 1 == n ? tabulate(pf, queue) : WT_EINVAL;
    wt_free(queue);
    /* The output runs stand for the outputs from now on. */
    wt_free(pf->dict);
    wt_free(pf->out_at);
    wt_free(pf->outs);
    pf->dict = pf->out_at = pf->outs = NULL;
    return rc;
}

static int add_pattern(wt_prefilter *pf, builder *b, const char *pat, size_t i)
{
    info x = {0};
    parser ps;
    int rc = analyze(pat, &x, &ps);
    wt_free(ps.cut);
    pf->pat_cl[i] = (uint32_t)pf->ncl;
    for (size_t k = 0; k < x.ncl && !rc; k++, pf->ncl++) {
        const sset *c = x.cl[k];
        for (size_t j = 0; j < c->n && !rc; j++) {
            UChar buf[4 * MAX_LEN];
            int32_t fl = 0;
            UChar *f =
                fold(sset_str(c, j), c->v[j].n, buf, 4 * MAX_LEN, &fl, &rc);
            if (f)
                rc = trie_add(b, f, fl, (uint32_t)pf->ncl);
            if (f && fl > pf->maxlen)
                pf->maxlen = fl;
            if (f && f != buf)
                wt_free(f);
        }
    }
    info_free(&x);
    return rc;
}

int wt_prefilter_new(wt_prefilter **out, const char *const *pats, size_t n)
{
    if (n > WT_PREFILTER_MAX)
        return WT_EINVAL;
    builder b = {0};
    wt_prefilter *pf = wt_calloc(1, sizeof *pf);
    int rc = WT_ENOMEM;
    if (!pf || !(pf->pat_cl = wt_calloc(n + 1, sizeof *pf->pat_cl)) ||
        wt_grow(&b.t, &b.tcap, 1, sizeof *b.t))
        goto out;
    b.t[0] = (tnode){0, 0, 0};
    b.nt = 1;
    pf->npat = n;
    rc = 0;
    for (size_t i = 0; i < n && !rc; i++)
        rc = add_pattern(pf, &b, pats[i], i);
    pf->pat_cl[n] = (uint32_t)pf->ncl;
    if (!rc)
        rc = freeze(pf, &b);
out:
    wt_free(b.t);
    wt_free(b.o);
    if (rc) {
        wt_prefilter_free(pf);
        return rc;
    }
    *out = pf;
    return 0;
}

void wt_prefilter_free(wt_prefilter *pf)
{
    if (!pf)
        return;
    wt_free(pf->pat_cl);
    wt_free(pf->edge_at);
    wt_free(pf->edges);
    wt_free(pf->fail);
    wt_free(pf->dict);
    wt_free(pf->out_at);
    wt_free(pf->outs);
    wt_free(pf->delta);
    wt_free(pf->omasks);
    wt_free(pf->row_of);
    wt_free(pf->state_of);
    wt_free(pf);
}

size_t wt_prefilter_clauses(const wt_prefilter *pf, size_t i)
{
    return pf->pat_cl[i + 1] - pf->pat_cl[i];
}

/* The offset of the row after the row at offset r on a unit outside
 * ASCII, marked OUT_BIT (its output column is read, empty or not). */
static uint32_t step_other(const wt_prefilter *pf, uint32_t r, UChar c)
{
    const uint32_t s = next_state(pf, pf->state_of[r / pf->stride], c);
    return pf->row_of[s] * pf->stride | OUT_BIT;
}

/* One unit of text: from the row at offset r (of delta), the next row's
 * offset, with the clauses found ending there set in hit. */
static inline uint32_t feed(const wt_prefilter *pf, uint32_t r, UChar c,
                            uint64_t *hit)
{
    const uint32_t t =
        c < 128 ? pf->delta[r + pf->cls[c]] : step_other(pf, r, c);
    r = t & ~OUT_BIT;
    if (t & OUT_BIT) {
        const omask *m = pf->omasks + pf->delta[r + pf->stride - 1];
        do
            hit[m->word] |= m->bits;
        while (!m++->last);
    }
    return r;
}

/* f[from, to) read as a text that ends at to (ANCHOR_END after it) and,
 * when from is 0, begins there (ANCHOR_BEGIN before it). */
static void feed_span(const wt_prefilter *pf, const UChar *f, int32_t from,
                      int32_t to, uint64_t *hit)
{
    uint32_t r = from ? 0 : feed(pf, 0, ANCHOR_BEGIN, hit);
    for (int32_t i = from; i < to; i++)
        r = feed(pf, r, f[i], hit);
    feed(pf, r, ANCHOR_END, hit);
}

static int is_newline(UChar c)
{
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 ||
           c == 0x2028 || c == 0x2029;
}

/* The whole text, then "$" before a final newline (any of those PCRE2's
 * NEWLINE_ANY knows; CR LF as one or as two): the units a string can span
 * before each such end read again, from the root. */
static void feed_text(const wt_prefilter *pf, const UChar *f, int32_t n,
                      uint64_t *hit)
{
    feed_span(pf, f, 0, n, hit);
    for (int32_t end = n - 1; end >= 0 && end >= n - 2 && is_newline(f[end]);
         end--) {
        const int32_t from = end > pf->maxlen ? end - pf->maxlen : 0;
        feed_span(pf, f, from, end, hit);
    }
}

int wt_prefilter_run(const wt_prefilter *pf, const UChar *u, int32_t len,
                     uint64_t *may)
{
    uint64_t hit[WT_PREFILTER_MAX * MAX_CL / 64] = {0};
    UChar buf[FOLD_STACK];
    memset(may, 0, WT_PREFILTER_MAX / 8);
    int32_t fl = len, i = 0;
    int rc = 0;
    /* ASCII text is read as it is (the table folds its case); other text
     * is folded first. */
    while (i < len && u[i] < 128)
        i++;
    const UChar *f = !pf->ncl  ? buf
                     : i < len ? fold(u, len, buf, FOLD_STACK, &fl, &rc)
                               : u;
    if (rc == WT_EICU) {
        /* Text ICU cannot fold: every pattern runs. */
        memset(may, 0xFF, WT_PREFILTER_MAX / 8);
        return 0;
    }
    if (!f)
        return rc;
    if (pf->ncl)
        feed_text(pf, f, fl, hit);
    if (f != buf && f != u)
        wt_free((void *)f);
    for (size_t p = 0; p < pf->npat; p++) {
        int ok = 1;
        for (uint32_t k = pf->pat_cl[p]; k < pf->pat_cl[p + 1] && ok; k++)
            ok = (hit[k / 64] >> (k % 64)) & 1;
        if (ok)
            may[p / 64] |= 1ULL << (p % 64);
    }
    return 0;
}

int wt_prefilter_strip_lookaround(const char *pat, char **out)
{
    *out = NULL;
    info x = {0};
    parser ps;
    int rc = analyze(pat, &x, &ps);
    info_free(&x);
    if (rc || ps.bad || ps.no_strip || !ps.ncut || pat[0] != '^') {
        wt_free(ps.cut);
        return rc;
    }
    UChar32 *p = NULL;
    size_t n = 0;
    rc = to_points(pat, &p, &n);
    char *s = rc ? NULL : wt_malloc(strlen(pat) + 1);
    if (!rc && !s)
        rc = WT_ENOMEM;
    if (!rc) {
        int32_t o = 0;
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            while (k < ps.ncut && i >= ps.cut[k][1])
                k++;
            if (k < ps.ncut && i >= ps.cut[k][0])
                continue;
            U8_APPEND_UNSAFE(s, o, p[i]);
        }
        s[o] = '\0';
        *out = s;
    }
    wt_free(p);
    wt_free(ps.cut);
    return rc;
}
