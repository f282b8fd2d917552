/* summary.c - see summary.h. */
#include "summary.h"
#include "pool.h"
#include "report.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

double summary_share(const summary_row *r)
{
    return r->taken.text_words
               ? (double)r->taken.words / (double)r->taken.text_words
               : 0;
}

/* 1 when credit i of d names an outlet an earlier credit named. */
static int named_before(const wt_document *d, size_t i)
{
    const char *name = wt_document_credit(d, i)->outlet;
    for (size_t j = 0; j < i; j++) {
        const wt_credit *cr = wt_document_credit(d, j);
        if (!cr->own && !strcasecmp(cr->outlet, name))
            return 1;
    }
    return 0;
}

void summary_credits(const wt_document *d, char *buf, size_t n)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < wt_document_credit_count(d) && o < n; i++) {
        const wt_credit *cr = wt_document_credit(d, i);
        if (cr->own || named_before(d, i))
            continue;
        const int w =
            snprintf(buf + o, n - o, "%s%s", o ? ", " : "", cr->outlet);
        o = w < 0 ? n : o + (size_t)w;
    }
}

/* The row of pair (a, b), or 0 when neither took anything from the other. */
static int row_of(const wt_corpus *c, size_t a, size_t b, summary_row *r)
{
    wt_taken ta, tb;
    if (wt_corpus_taken(c, a, b, &ta) || wt_corpus_taken(c, b, a, &tb) ||
        (!ta.words && !tb.words))
        return 0;
    const wt_origin o = wt_corpus_pair_origin(c, a, b);
    /* The copy takes; without an origin, the side that took more of
     * itself. */
    int a_takes;
    if (o != WT_ORIGIN_UNKNOWN)
        a_takes = o == WT_ORIGIN_OTHER;
    else
        a_takes =
            (double)ta.words * (double)(tb.text_words ? tb.text_words : 1) >=
            (double)tb.words * (double)(ta.text_words ? ta.text_words : 1);
    r->taker = a_takes ? a : b;
    r->source = a_takes ? b : a;
    r->taken = a_takes ? ta : tb;
    if (!r->taken.words)
        return 0; /* only the origin's side links: shown from there */
    r->credited = wt_corpus_pair_credits(c, r->taker, r->source);
    r->origin_known = o != WT_ORIGIN_UNKNOWN;
    r->via = wt_corpus_pair_via(c, a, b, NULL, NULL);
    return 1;
}

static int cmp_row(const void *x, const void *y)
{
    const summary_row *a = x, *b = y;
    if (a->taken.words != b->taken.words)
        return a->taken.words < b->taken.words ? 1 : -1;
    if (a->taker != b->taker)
        return a->taker < b->taker ? -1 : 1;
    return (a->source > b->source) - (a->source < b->source);
}

/* The rows of the pairs [from, to) of the library's order (pool_filter). */
typedef struct rows_job {
    const wt_corpus *c;
    size_t limit; /* documents shown */
} rows_job;

static size_t rows_of(void *ctx, size_t from, size_t to, void *out)
{
    const rows_job *j = ctx;
    summary_row *rows = out;
    size_t n = 0;
    for (size_t i = from; i < to; i++) {
        size_t a, b;
        if (!wt_corpus_pair_at(j->c, i, &a, &b) && a < j->limit &&
            row_of(j->c, a, b, &rows[n]))
            n++;
    }
    return n;
}

/* The pairs in the library's order: cmp_row is a total order, so the rows
 * need no sorted pairs to come out the same, and the ranges of pairs they
 * are found in may be read on any number of threads. */
summary_row *summary_rows(const wt_corpus *c, size_t shown, unsigned jobs,
                          size_t *n)
{
    const size_t np = wt_corpus_pair_count(c);
    summary_row *rows = malloc((np + 1) * sizeof *rows);
    *n = 0;
    if (!rows)
        return NULL;
    rows_job j = {c, shown ? shown : SIZE_MAX};
    *n = pool_filter(jobs, np, rows, sizeof *rows, rows_of, &j);
    if (*n > 1)
        qsort(rows, *n, sizeof *rows, cmp_row);
    return rows;
}

int summary_is_source(const wt_corpus *c, size_t shown, size_t j)
{
    wt_taken t;
    for (size_t i = 0; i < shown; i++)
        if (!wt_corpus_taken(c, i, j, &t) && t.words)
            return 1;
    return 0;
}
