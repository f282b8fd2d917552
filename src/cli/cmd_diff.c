/*
 * cmd_diff.c - wiretrace diff A B: a word-level diff of the matched
 * paragraphs of two articles, like dwdiff or git diff --word-diff, but on
 * the words as wiretrace normalizes them, so that curly against straight
 * quotes, hard wraps and case never show as changes.
 *
 * Paragraphs are paired by the analysis (each paragraph of B with its best
 * source in A), after the pairs whose words are the same once re-wrapped
 * (a line break that became a paragraph break is no change); pairs out of
 * order against a longest rising run are moved; only changed pairs are
 * shown, with -U N unchanged ones around them (one line each), or only
 * counts with --stat.  The words of a pair are diffed by a longest common
 * subsequence over their folded forms.  No C library in Debian diffs
 * arbitrary token sequences (GNU diff and dwdiff are programs working on
 * lines of text, libgit2's xdiff is internal to it), so the LCS is here.
 */
#include "cmd_diff.h"
#include "slice.h"
#include "walk.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define SGR_DEL "\033[31m"
#define SGR_INS "\033[32m"
#define SGR_ANCHOR "\033[1;33m"
#define SGR_HEAD "\033[36m"
#define SGR_BOLD "\033[1m"
#define SGR_OFF "\033[m"

/* Above this many LCS cells (4 bytes each) a pair is shown as wholly
 * replaced: paragraphs are far smaller; this bounds memory on odd input. */
#define MAX_CELLS ((size_t)1 << 22)

typedef struct view {
    FILE *out;
    int color;
    size_t width; /* terminal columns */
} view;

typedef struct words {
    const wt_document *d;
    size_t para;
    wt_word *w;
    size_t n;
} words;

typedef enum { OP_EQ, OP_DEL, OP_INS } op_kind;

typedef struct op {
    op_kind k;
    size_t i, j; /* word in a (EQ, DEL), word in b (EQ, INS) */
} op;

static int load_words(const wt_document *d, size_t para, words *ws)
{
    ws->d = d;
    ws->para = para;
    ws->n = wt_paragraph_word_count(d, para);
    ws->w = malloc((ws->n + 1) * sizeof *ws->w);
    if (!ws->w)
        return -1;
    for (size_t i = 0; i < ws->n; i++)
        wt_paragraph_word(d, para, i, &ws->w[i]);
    return 0;
}

/* The edit script turning a into b: common prefix and suffix first, an LCS
 * table (lengths of the suffixes' LCS) for the middle.  Deletions come
 * before insertions, as in git's word diff. */
static int diff_words(const words *a, const words *b, op **out, size_t *nout)
{
    size_t pre = 0, suf = 0;
    while (pre < a->n && pre < b->n && a->w[pre].folded == b->w[pre].folded)
        pre++;
    while (suf < a->n - pre && suf < b->n - pre &&
           a->w[a->n - 1 - suf].folded == b->w[b->n - 1 - suf].folded)
        suf++;
    const size_t n = a->n - pre - suf, m = b->n - pre - suf;
    op *ops = malloc((a->n + b->n + 1) * sizeof *ops);
    uint32_t *L = NULL;
    const int table = (n + 1) * (m + 1) <= MAX_CELLS && n && m;
    if (!ops || (table && !(L = calloc((n + 1) * (m + 1), sizeof *L)))) {
        free(ops);
        return -1;
    }
    size_t k = 0;
    for (size_t x = 0; x < pre; x++)
        ops[k++] = (op){OP_EQ, x, x};
#define AT(i, j) L[(i) * (m + 1) + (j)]
    for (size_t i = table ? n : 0; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            AT(i, j) = a->w[pre + i].folded == b->w[pre + j].folded
                           ? AT(i + 1, j + 1) + 1
                           : (AT(i + 1, j) >= AT(i, j + 1) ? AT(i + 1, j)
                                                           : AT(i, j + 1));
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (table && i < n && j < m &&
            a->w[pre + i].folded == b->w[pre + j].folded) {
            ops[k++] = (op){OP_EQ, pre + i++, pre + j++};
        } else if (i < n &&
                   (j == m || !table || AT(i + 1, j) >= AT(i, j + 1))) {
            ops[k++] = (op){OP_DEL, pre + i++, 0};
        } else {
            ops[k++] = (op){OP_INS, 0, pre + j++};
        }
    }
#undef AT
    for (size_t x = 0; x < suf; x++)
        ops[k++] = (op){OP_EQ, a->n - suf + x, b->n - suf + x};
    free(L);
    *out = ops;
    *nout = k;
    return 0;
}

/* Prints the text of d between two words (punctuation, spaces), white
 * space folded to one space. */
static void put_gap(FILE *out, const wt_document *d, size_t s, size_t e)
{
    char *t = text_slice(d, s, e);
    char *safe = t ? utf8_escape(t) : NULL;
    if (safe)
        fputs(safe, out);
    free(safe);
    free(t);
}

static void put_text(FILE *out, const wt_document *d, size_t s, size_t e)
{
    char *t = NULL;
    if (safe_text(d, s, e, &t) == 0)
        fputs(t, out);
    free(t);
}

/* The length of the bracket or quote mark, opening (open) or closing,
 * that ends at t + at (before) or starts there (after), else 0. */
static size_t mark_len(const char *t, size_t len, size_t at, int open,
                       int before)
{
    static const char *const opening[] = {"(", "[",      "{",      "\"",
                                          "'", "\u201c", "\u2018", "\u00ab"};
    static const char *const closing[] = {")", "]",      "}",      "\"",
                                          "'", "\u201d", "\u2019", "\u00bb"};
    const char *const *m = open ? opening : closing;
    for (size_t i = 0; i < sizeof opening / sizeof *opening; i++) {
        const size_t l = strlen(m[i]);
        if (before ? l <= at && !memcmp(t + at - l, m[i], l)
                   : l <= len - at && !memcmp(t + at, m[i], l))
            return l;
    }
    return 0;
}

/* Byte range [*s, *e) of removed words widened to the brackets or quote
 * marks around them in A, when A has both ("(NSC)", "\"no\""): they went
 * with the words.  The sentence punctuation after them stays B's. */
static void widen_removed(const wt_document *d, size_t *s, size_t *e)
{
    size_t len = 0;
    const char *t = wt_document_bytes(d, &len);
    const size_t o = mark_len(t, len, *s, 1, 1);
    const size_t c = mark_len(t, len, *e, 0, 0);
    if (o && c) {
        *s -= o;
        *e += c;
    }
}

/* Prints words [from, to] of ws marked as k (a removed run widened to its
 * brackets when widen is set). */
static void put_run(const view *v, const words *ws, size_t from, size_t to,
                    op_kind k, int widen)
{
    static const char *const open[] = {"", "[-", "{+"};
    static const char *const close[] = {"", "-]", "+}"};
    static const char *const sgr[] = {"", SGR_DEL, SGR_INS};
    size_t s = ws->w[from].start, e = ws->w[to].end;
    if (widen)
        widen_removed(ws->d, &s, &e);
    fputs(v->color ? sgr[k] : open[k], v->out);
    put_text(v->out, ws->d, s, e);
    fputs(v->color ? (k == OP_EQ ? "" : SGR_OFF) : close[k], v->out);
}

/* One pair as a word diff, on one line; B's punctuation between words. */
static void render_diff(const view *v, const words *a, const words *b,
                        const op *ops, size_t nops)
{
    const wt_paragraph *pb = wt_document_paragraph(b->d, b->para);
    size_t prev_end = pb->start; /* end of the last B word printed */
    int printed = 0;
    for (size_t x = 0; x < nops;) {
        size_t y = x;
        while (y < nops && ops[y].k == ops[x].k)
            y++;
        if (ops[x].k == OP_DEL && y < nops) {
            /* Before the next word of B: its gap, then what A had. */
            /* A's brackets go with the words unless B kept one there. */
            const size_t next = b->w[ops[y].j].start;
            size_t blen = 0;
            const char *bt = wt_document_bytes(b->d, &blen);
            put_gap(v->out, b->d, prev_end, next);
            put_run(v, a, ops[x].i, ops[y - 1].i, OP_DEL,
                    !mark_len(bt, blen, next, 1, 1));
            if (ops[y].k == OP_EQ)
                fputc(' ', v->out);
            prev_end = next;
        } else if (ops[x].k == OP_DEL) {
            /* At the end: before B's closing punctuation. */
            if (printed)
                fputc(' ', v->out);
            put_run(v, a, ops[x].i, ops[y - 1].i, OP_DEL, 1);
        } else {
            put_gap(v->out, b->d, prev_end, b->w[ops[x].j].start);
            put_run(v, b, ops[x].j, ops[y - 1].j, ops[x].k, 0);
            prev_end = b->w[ops[y - 1].j].end;
        }
        printed = 1;
        x = y;
    }
    put_gap(v->out, b->d, prev_end, pb->end);
    fputc('\n', v->out);
}

/* Columns taken by one byte of marked text: one per code point, and a
 * marker (\001, \002) one when it prints as "*", none as a colour.  Wide
 * scripts overflow their column a little; the layout stays readable. */
static size_t byte_cols(const view *v, char c)
{
    if (c == '\001' || c == '\002')
        return !v->color;
    if (c == '\003' || c == '\004') /* "[-", "-]" or "{+", "+}" */
        return v->color ? 0 : 2;
    return (c & 0xC0) != 0x80;
}

/* The paragraph's text with its anchors (numbers and names whose folded
 * form the other side also has) between \001 and \002, and each run of
 * changed words (changed[i] set) between \003 and \004. */
static char *marked_text(const words *ws, const words *other,
                         const char *changed)
{
    const wt_paragraph *p = wt_document_paragraph(ws->d, ws->para);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    size_t prev = p->start;
    for (size_t i = 0; i < ws->n; i++) {
        int anchor = 0;
        for (size_t j = 0; j < other->n && !anchor &&
                           (ws->w[i].flags & (WT_WORD_NUMBER | WT_WORD_NAME));
             j++)
            anchor = other->w[j].folded == ws->w[i].folded;
        const int ch = changed && changed[i];
        put_gap(f, ws->d, prev, ws->w[i].start);
        fputs(ch && (!i || !changed[i - 1]) ? "\003" : "", f);
        if (anchor)
            fputc('\001', f);
        put_text(f, ws->d, ws->w[i].start, ws->w[i].end);
        if (anchor)
            fputc('\002', f);
        fputs(ch && (i + 1 == ws->n || !changed[i + 1]) ? "\004" : "", f);
        prev = ws->w[i].end;
    }
    put_gap(f, ws->d, prev, p->end);
    if (fclose(f)) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Prints what fits of *s in width columns (breaking at a space, or inside
 * a word longer than the column), advancing *s; pads when pad is set.
 * Changes are marked as removed on the left (pad), added on the right;
 * *in says whether a change runs on from the line before (a colour is
 * closed at the end of each line and opened again). */
static void put_column(const view *v, const char **s, size_t width, int pad,
                       int *in)
{
    const char *ch_on =
        v->color ? (pad ? SGR_DEL : SGR_INS) : (pad ? "[-" : "{+");
    const char *ch_off = v->color ? SGR_OFF : (pad ? "-]" : "+}");
    const char *p = *s, *q = *s, *cut = NULL;
    size_t c = 0, cut_cols = 0;
    while (*q) {
        size_t n = 1;
        while ((q[n] & 0xC0) == 0x80)
            n++;
        if (c + byte_cols(v, *q) > width)
            break;
        if (*q == ' ') {
            cut = q;
            cut_cols = c;
        }
        c += byte_cols(v, *q);
        q += n;
    }
    if (!*q || !cut) {
        cut = q;
        cut_cols = c;
    }
    if (*in && v->color)
        fputs(ch_on, v->out);
    for (const char *r = p; r < cut; r++) {
        if ((*r == '\001' || *r == '\002') && v->color && *in)
            continue; /* the change's colour holds */
        if (*r == '\001')
            fputs(v->color ? SGR_ANCHOR : "*", v->out);
        else if (*r == '\002')
            fputs(v->color ? SGR_OFF : "*", v->out);
        else if (*r == '\003' || *r == '\004')
            fputs(*r == '\003' ? ch_on : ch_off, v->out);
        else
            fputc(*r, v->out);
        if (*r == '\003' || *r == '\004')
            *in = *r == '\003';
    }
    if (*in && v->color)
        fputs(SGR_OFF, v->out);
    if (pad)
        fprintf(v->out, "%*s", (int)(width - cut_cols), "");
    while (*cut == ' ')
        cut++;
    *s = cut;
}

/* One pair in two columns, anchors marked: for translations, and for any
 * pair with --side-by-side, then with the words of ops that changed
 * marked on both sides (ops NULL: none, as for a translation). */
static void render_columns(const view *v, const words *a, const words *b,
                           const op *ops, size_t nops)
{
    char *ca = calloc(a->n + 1, 1), *cb = calloc(b->n + 1, 1);
    for (size_t k = 0; ops && ca && cb && k < nops; k++) {
        if (ops[k].k == OP_DEL)
            ca[ops[k].i] = 1;
        else if (ops[k].k == OP_INS)
            cb[ops[k].j] = 1;
    }
    char *ta = ca && cb ? marked_text(a, b, ops ? ca : NULL) : NULL;
    char *tb = ca && cb ? marked_text(b, a, ops ? cb : NULL) : NULL;
    free(ca);
    free(cb);
    const size_t w = v->width > 23 ? (v->width - 3) / 2 : 10;
    int in_a = 0, in_b = 0;
    for (const char *pa = ta, *pb = tb; ta && tb && (*pa || *pb);) {
        put_column(v, &pa, w, 1, &in_a);
        fputs(*pb ? " | " : " |", v->out);
        put_column(v, &pb, w, 0, &in_b);
        fputc('\n', v->out);
    }
    free(ta);
    free(tb);
}

typedef struct pair {
    size_t a, b; /* paragraph in A, in B */
    const wt_source *src;
    int rewrapped; /* one of several paragraphs the other has as one */
    int moved;     /* out of order against the pairs around it */
} pair;

/* The best source of paragraph p of doc in document other: sources come
 * best first. */
static const wt_source *best_in(const wt_document *doc, size_t p, size_t other)
{
    const wt_paragraph *pa = wt_document_paragraph(doc, p);
    for (size_t s = 0; s < pa->source_count; s++)
        if (pa->sources[s].document == other &&
            pa->sources[s].cls != WT_CLASS_DUPLICATE)
            return &pa->sources[s];
    return NULL;
}

/* 1 when the two paragraphs have the same folded words: the analysis
 * leaves bylines, credits and short lines out of its links, yet a diff
 * should pair them when they did not change. */
static int same_words(const wt_document *da, size_t i, const wt_document *db,
                      size_t j)
{
    const size_t n = wt_paragraph_word_count(da, i);
    if (!n || n != wt_paragraph_word_count(db, j))
        return 0;
    for (size_t k = 0; k < n; k++) {
        wt_word wa, wb;
        wt_paragraph_word(da, i, k, &wa);
        wt_paragraph_word(db, j, k, &wb);
        if (wa.folded != wb.folded)
            return 0;
    }
    return 1;
}

/* k >= 2 when the words of paragraph i of one are those of paragraphs
 * j, j+1, ..., j+k-1 of many, one after another (a paragraph re-wrapped
 * into several: a line break became a paragraph break), else 0. */
static size_t joined(const wt_document *one, size_t i, const wt_document *many,
                     size_t j)
{
    const size_t n = wt_paragraph_word_count(one, i);
    const size_t nmany = wt_document_paragraph_count(many);
    size_t pos = 0;
    for (size_t m = j; m < nmany && pos < n; m++) {
        const size_t k = wt_paragraph_word_count(many, m);
        if (!k || pos + k > n)
            return 0;
        for (size_t w = 0; w < k; w++) {
            wt_word a, b;
            wt_paragraph_word(one, i, pos + w, &a);
            wt_paragraph_word(many, m, w, &b);
            if (a.folded != b.folded)
                return 0;
        }
        pos += k;
        if (pos == n)
            return m - j + 1 >= 2 ? m - j + 1 : 0;
    }
    return 0;
}

/* Pairs paragraphs of A and B whose words are the same once re-wrapped:
 * no change, whatever the analysis linked them as. */
static size_t pair_rewrapped(const wt_document *da, const wt_document *db,
                             pair *v, size_t n, char *used_a, char *used_b)
{
    const size_t na = wt_document_paragraph_count(da);
    const size_t nb = wt_document_paragraph_count(db);
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb && !used_a[i]; j++) {
            size_t k;
            if (!used_b[j] && (k = joined(da, i, db, j)))
                for (size_t m = j; m < j + k; m++) {
                    v[n++] = (pair){i, m, NULL, 1, 0};
                    used_a[i] = used_b[m] = 1;
                }
            else if (!used_b[j] && (k = joined(db, j, da, i)))
                for (size_t m = i; m < i + k; m++) {
                    v[n++] = (pair){m, j, NULL, 1, 0};
                    used_a[m] = used_b[j] = 1;
                }
        }
    return n;
}

static int cmp_pair(const void *x, const void *y)
{
    const pair *a = x, *b = y;
    if (a->b != b->b)
        return a->b < b->b ? -1 : 1;
    return (a->a > b->a) - (a->a < b->a);
}

/* Each paragraph of B with its best source in A, then each paragraph of A
 * left over with its best source in B; in B's order. */
static pair *pair_up(const wt_corpus *c, size_t *npairs, char *used_a,
                     char *used_b)
{
    const wt_document *da = wt_corpus_document(c, 0);
    const wt_document *db = wt_corpus_document(c, 1);
    const size_t na = wt_document_paragraph_count(da);
    const size_t nb = wt_document_paragraph_count(db);
    pair *v = malloc((na + nb + 1) * sizeof *v);
    size_t n = v ? pair_rewrapped(da, db, v, 0, used_a, used_b) : 0;
    for (size_t j = 0; v && j < nb; j++) {
        const wt_source *s = used_b[j] ? NULL : best_in(db, j, 0);
        if (s) {
            v[n++] = (pair){s->paragraph, j, s, 0, 0};
            used_a[s->paragraph] = used_b[j] = 1;
        }
    }
    for (size_t i = 0; v && i < na; i++) {
        const wt_source *s = used_a[i] ? NULL : best_in(da, i, 1);
        if (s) {
            v[n++] = (pair){i, s->paragraph, s, 0, 0};
            used_a[i] = used_b[s->paragraph] = 1;
        }
    }
    for (size_t j = 0; v && j < nb; j++)
        for (size_t i = 0; i < na && !used_b[j]; i++)
            if (!used_a[i] && same_words(da, i, db, j)) {
                v[n++] = (pair){i, j, NULL, 0, 0};
                used_a[i] = used_b[j] = 1;
            }
    if (v)
        qsort(v, n, sizeof *v, cmp_pair);
    *npairs = n;
    return v;
}

/* A heading naming a document: "--- A", "Only in A:", bold in colour. */
static void put_head(const view *v, const char *before, const char *id,
                     const char *after)
{
    fprintf(v->out, "%s%s%s%s%s", v->color ? SGR_BOLD : "", before, id, after,
            v->color ? SGR_OFF : "");
}

/* 1 when byte at of d lies inside quotation marks opened in its paragraph
 * para: straight quotes by parity, curly and guillemets by depth. */
static int in_quote(const wt_document *d, size_t para, size_t at)
{
    size_t len = 0;
    const char *t = wt_document_bytes(d, &len);
    const wt_paragraph *p = wt_document_paragraph(d, para);
    int straight = 0, depth = 0;
    for (size_t i = p->start; i < at && i < len; i++) {
        if (t[i] == '"')
            straight = !straight;
        else if (mark_len(t, len, i, 1, 0) > 1)
            depth++;
        else if (mark_len(t, len, i, 0, 0) > 1 && depth > 0)
            depth--;
    }
    return straight || depth > 0;
}

/* 1 when paragraph ws has a word folded as w is. */
static int has_word(const words *ws, const wt_word *w)
{
    for (size_t i = 0; i < ws->n; i++)
        if (ws->w[i].folded == w->folded)
            return 1;
    return 0;
}

/* The words of ops[from, to] on ws's side that carry flag and that the
 * other paragraph lacks anywhere (a figure moved is not a figure
 * changed), as written, at most three; 1 when there was one. */
static int put_flagged(FILE *out, const words *ws, const words *other,
                       size_t from, size_t to, unsigned flag, const op *ops,
                       int side_b)
{
    int any = 0;
    for (size_t k = from; k <= to; k++) {
        const wt_word *w = &ws->w[side_b ? ops[k].j : ops[k].i];
        if (!(w->flags & flag) || has_word(other, w))
            continue;
        if (any++ == 3) {
            fputs(", \342\200\246", out);
            break;
        }
        fputs(any > 1 ? ", " : "", out);
        put_text(out, ws->d, w->start, w->end);
    }
    return any;
}

/* After a copied pair's class: the facts a change touched, even in a
 * verbatim pair, since a figure or a name that changed is news: "number
 * 12,000 -> 10,000", "name Kim -> Lee", "quote".  (Not for rewrites and
 * translations, where most words differ and the words shown say it.) */
static void put_facts(const view *v, const words *a, const words *b,
                      const op *ops, size_t nops)
{
    static const struct {
        unsigned flag;
        const char *what;
    } kinds[] = {{WT_WORD_NUMBER, "number"}, {WT_WORD_NAME, "name"}};
    int quote = 0;
    for (size_t x = 0; x < nops;) {
        size_t y = x, z;
        while (y < nops && ops[y].k == OP_DEL)
            y++;
        for (z = y; z < nops && ops[z].k == OP_INS; z++)
            quote |= in_quote(b->d, b->para, b->w[ops[z].j].start);
        for (size_t k = x; k < y; k++)
            quote |= in_quote(a->d, a->para, a->w[ops[k].i].start);
        for (size_t f = 0; f < 2 && z > x; f++) {
            char *was = NULL, *is = NULL;
            size_t n1 = 0, n2 = 0;
            FILE *m1 = open_memstream(&was, &n1),
                 *m2 = open_memstream(&is, &n2);
            const int out =
                m1 && m2 && x < y &&
                put_flagged(m1, a, b, x, y - 1, kinds[f].flag, ops, 0);
            const int in =
                m1 && m2 && y < z &&
                put_flagged(m2, b, a, y, z - 1, kinds[f].flag, ops, 1);
            if (m1)
                fclose(m1);
            if (m2)
                fclose(m2);
            if (out && in)
                fprintf(v->out, "; %s %s \342\206\222 %s", kinds[f].what, was,
                        is);
            else if (out || in)
                fprintf(v->out, "; %s %s %s", kinds[f].what,
                        out ? "removed" : "added", out ? was : is);
            free(was);
            free(is);
        }
        x = z > x ? z : x + 1;
    }
    if (quote)
        fputs("; quote", v->out);
}

/* Returns 1 when the pair differs, 0 when not, -1 when out of memory. */
static int show_pair(const view *v, const wt_corpus *c, const pair *p,
                     int columns)
{
    words a = {0}, b = {0};
    op *ops = NULL;
    size_t nops = 0;
    int rc = -1;
    if (load_words(wt_corpus_document(c, 0), p->a, &a) ||
        load_words(wt_corpus_document(c, 1), p->b, &b) ||
        diff_words(&a, &b, &ops, &nops))
        goto out;
    rc = 0;
    for (size_t k = 0; k < nops; k++)
        rc |= ops[k].k != OP_EQ;
    fprintf(v->out, "%s@@ \302\266%zu \342\206\222 \302\266%zu  %s",
            v->color ? SGR_HEAD : "", p->a, p->b, p->moved ? "moved, " : "");
    if (p->src)
        fprintf(v->out, "%s %.2f", wt_class_name(p->src->cls), p->src->score);
    else
        fputs("same words", v->out);
    if (!p->src || p->src->cls == WT_CLASS_VERBATIM ||
        p->src->cls == WT_CLASS_EDITED)
        put_facts(v, &a, &b, ops, nops);
    fprintf(v->out, " @@%s\n", v->color ? SGR_OFF : "");
    if (p->src && p->src->cls == WT_CLASS_TRANSLATION)
        render_columns(v, &a, &b, NULL, 0);
    else if (columns)
        render_columns(v, &a, &b, ops, nops);
    else
        render_diff(v, &a, &b, ops, nops);
    fputc('\n', v->out);
out:
    free(a.w);
    free(b.w);
    free(ops);
    return rc;
}

/* Lists the paragraphs of document doc not marked in used. */
static int list_unmatched(const view *v, const wt_corpus *c, size_t doc,
                          const char *used)
{
    const wt_document *d = wt_corpus_document(c, doc);
    int header = 0;
    for (size_t i = 0; i < wt_document_paragraph_count(d); i++) {
        if (used[i])
            continue;
        if (!header++)
            put_head(v, "Only in ", wt_document_id(d), ":\n");
        const wt_paragraph *p = wt_document_paragraph(d, i);
        char *t = NULL;
        if (safe_text(d, p->start, p->end, &t))
            return -1;
        const size_t room = v->width > 30 ? v->width - 8 : 22;
        const size_t cut = utf8_prefix(t, room);
        fprintf(v->out, "  \302\266%-3zu %.*s%s", i, (int)cut, t,
                t[cut] ? "\342\200\246" : "");
        if (p->boiler != WT_BOILER_NONE)
            fprintf(v->out, "  [%s]", wt_boiler_name(p->boiler));
        fputc('\n', v->out);
        free(t);
    }
    if (header)
        fputc('\n', v->out);
    return header > 0;
}

static size_t terminal_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
        ws.ws_col >= 40)
        return ws.ws_col;
    const char *e = getenv("COLUMNS");
    const long n = e ? strtol(e, NULL, 10) : 0;
    return n >= 40 && n <= 1000 ? (size_t)n : 80;
}

/* NO_COLOR (https://no-color.org) and --no-color turn colours off; --color
 * turns them on; otherwise they follow whether stdout is a terminal. */
static int want_color(const cli_settings *s)
{
    if (s->color)
        return s->color > 0;
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc)
        return 0;
    return isatty(STDOUT_FILENO);
}

/* What each pair changed: whether it differs, and words out and in. */
typedef struct change {
    int differs;
    size_t del, ins;
} change;

static int measure(const wt_corpus *c, const pair *p, change *ch)
{
    words a = {0}, b = {0};
    op *ops = NULL;
    size_t nops = 0;
    memset(ch, 0, sizeof *ch);
    int rc = -1;
    if (!p->rewrapped && (load_words(wt_corpus_document(c, 0), p->a, &a) ||
                          load_words(wt_corpus_document(c, 1), p->b, &b) ||
                          diff_words(&a, &b, &ops, &nops)))
        goto out;
    rc = 0;
    for (size_t k = 0; k < nops; k++) {
        ch->del += ops[k].k == OP_DEL;
        ch->ins += ops[k].k == OP_INS;
    }
    ch->differs = ch->del || ch->ins || p->moved;
out:
    free(a.w);
    free(b.w);
    free(ops);
    return rc;
}

/* Marks the pairs out of order: those not on a longest run of pairs
 * whose A paragraphs rise in B's order (the rest kept their places). */
static int mark_moved(pair *v, size_t n)
{
    size_t *len = malloc((n + 1) * sizeof *len);
    size_t *prev = malloc((n + 1) * sizeof *prev);
    if (!len || !prev) {
        free(len);
        free(prev);
        return -1;
    }
    size_t best = SIZE_MAX;
    for (size_t k = 0; k < n; k++) {
        len[k] = 1;
        prev[k] = SIZE_MAX;
        for (size_t q = 0; q < k; q++)
            if (v[q].a <= v[k].a && len[q] + 1 > len[k]) {
                len[k] = len[q] + 1;
                prev[k] = q;
            }
        if (best == SIZE_MAX || len[k] > len[best])
            best = k;
    }
    for (size_t k = 0; k < n; k++)
        v[k].moved = 1;
    for (size_t k = best; k != SIZE_MAX; k = prev[k])
        v[k].moved = 0;
    free(len);
    free(prev);
    return 0;
}

/* One line for an unchanged pair shown as context. */
static void put_same(const view *v, const wt_corpus *c, const pair *p)
{
    const wt_document *d = wt_corpus_document(c, 1);
    const wt_paragraph *pa = wt_document_paragraph(d, p->b);
    char *t = NULL;
    if (safe_text(d, pa->start, pa->end, &t))
        return;
    const size_t room = v->width > 40 ? v->width - 32 : 20;
    const size_t cut = utf8_prefix(t, room);
    fprintf(v->out, "   \302\266%zu = \302\266%zu  %s%.*s%s\n", p->a, p->b,
            p->rewrapped ? "(re-wrapped) " : "", (int)cut, t,
            t[cut] ? "\342\200\246" : "");
    free(t);
}

/* 1 when pair k is within ctx pairs of a changed one. */
static int near_change(const change *ch, size_t n, size_t k, size_t ctx)
{
    const size_t lo = k > ctx ? k - ctx : 0;
    for (size_t q = lo; q < n && q <= k + ctx; q++)
        if (ch[q].differs)
            return 1;
    return 0;
}

/* The changed pairs with ctx unchanged ones around each (one line each);
 * longer unchanged runs are counted. */
static int show_pairs(const cli_settings *s, const view *v, const wt_corpus *c,
                      const pair *pairs, const change *ch, size_t n)
{
    size_t skipped = 0;
    for (size_t k = 0; k <= n; k++) {
        const int show =
            k < n && (ch[k].differs || near_change(ch, n, k, s->context));
        if (k < n && !show) {
            skipped++;
            continue;
        }
        if (skipped)
            fprintf(v->out, "   \342\200\246 %zu unchanged paragraph%s\n\n",
                    skipped, skipped == 1 ? "" : "s");
        skipped = 0;
        if (k == n)
            break;
        if (!ch[k].differs) {
            put_same(v, c, &pairs[k]);
            continue;
        }
        if (show_pair(v, c, &pairs[k], s->side_by_side) < 0)
            return -1;
    }
    return 0;
}

/* --stat: the counts only. */
static void put_stat(const view *v, const wt_corpus *c, const change *ch,
                     const pair *pairs, size_t n, size_t only_a, size_t only_b)
{
    size_t changed = 0, moved = 0, same = 0, rewrapped = 0, del = 0, ins = 0;
    for (size_t k = 0; k < n; k++) {
        changed += ch[k].differs && (ch[k].del || ch[k].ins);
        moved += pairs[k].moved;
        same += !ch[k].differs;
        rewrapped += pairs[k].rewrapped;
        del += ch[k].del;
        ins += ch[k].ins;
    }
    fprintf(v->out,
            "%s \342\206\222 %s: %zu paragraph%s changed, %zu moved, %zu "
            "unchanged (%zu re-wrapped); %zu only in A, %zu only in B; %zu "
            "word%s removed, %zu added\n",
            wt_document_id(wt_corpus_document(c, 0)),
            wt_document_id(wt_corpus_document(c, 1)), changed,
            changed == 1 ? "" : "s", moved, same, rewrapped, only_a, only_b,
            del, del == 1 ? "" : "s", ins);
}

static size_t count_unused(const char *used, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += !used[i];
    return k;
}

static int run_diff(const cli_settings *s, wt_corpus *c)
{
    const view v = {stdout, want_color(s), terminal_width()};
    const wt_document *da = wt_corpus_document(c, 0);
    const wt_document *db = wt_corpus_document(c, 1);
    const size_t na = wt_document_paragraph_count(da);
    const size_t nb = wt_document_paragraph_count(db);
    char *used_a = calloc(na + 1, 1), *used_b = calloc(nb + 1, 1);
    size_t npairs = 0;
    pair *pairs = used_a && used_b ? pair_up(c, &npairs, used_a, used_b) : NULL;
    change *ch = pairs ? calloc(npairs + 1, sizeof *ch) : NULL;
    int rc = -1, differ = 0;
    if (!ch || mark_moved(pairs, npairs))
        goto out;
    for (size_t k = 0; k < npairs; k++) {
        if (measure(c, &pairs[k], &ch[k]))
            goto out;
        differ |= ch[k].differs;
    }
    const size_t only_a = count_unused(used_a, na);
    const size_t only_b = count_unused(used_b, nb);
    if (s->stat) {
        put_stat(&v, c, ch, pairs, npairs, only_a, only_b);
    } else {
        put_head(&v, "--- ", wt_document_id(da), "\n");
        put_head(&v, "+++ ", wt_document_id(db), "\n\n");
        if (show_pairs(s, &v, c, pairs, ch, npairs))
            goto out;
        if (list_unmatched(&v, c, 0, used_a) < 0 ||
            list_unmatched(&v, c, 1, used_b) < 0)
            goto out;
    }
    rc = differ || only_a || only_b;
out:
    free(ch);
    free(pairs);
    free(used_a);
    free(used_b);
    return rc;
}

/* A and B in one corpus, analyzed, named as compare names them.
 * Returns 0 or the exit status of the failure. */
static int load(const cli_settings *s, wt_options *o, wt_corpus **c)
{
    int rc = wt_corpus_new(c, o);
    if (rc) {
        cli_error("%s", wt_strerror(rc));
        return cli_exit_of(rc);
    }
    walk_list in = {0};
    int status = 0;
    if (walk_files(&in, s->inputs, 2)) {
        cli_error("out of memory");
        status = EXIT_OSERR;
    }
    /* Both files are read, so that both are named when both fail; the
     * library says why. */
    for (size_t i = 0; !status && i < in.n; i++)
        if ((rc = wt_corpus_add_file(*c, in.paths[i], in.ids[i])))
            cli_raise(&status, cli_exit_of(rc));
    walk_release(&in);
    if (!status && (rc = wt_corpus_analyze(*c))) {
        cli_error("%s", wt_corpus_error(*c));
        status = cli_exit_of(rc);
    }
    return status;
}

int cmd_diff(const cli_settings *s, wt_options *o)
{
    if (s->ninputs != 2) {
        cli_usage_error("diff needs two files, A and B");
        return cli_usage_hint("diff");
    }
    if (s->format == FMT_JSON || s->html)
        return cli_usage_error("diff writes text only: --json and --html "
                               "belong to compare and scan");
    cli_log log = {0};
    cli_log_attach(&log, s->quiet, s->verbose, o);
    wt_corpus *c = NULL;
    int rc = load(s, o, &c);
    /* A write error is told by cli_finish_stdout(). */
    if (!rc && (rc = run_diff(s, c)) < 0) {
        cli_error("out of memory");
        rc = EXIT_OSERR;
    }
    wt_corpus_free(c);
    return rc;
}
