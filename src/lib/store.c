/*
 * store.c - what every store does the same way with the postings it read:
 * the cap on a key's holders and the merge into one hit per document.
 * Shared so that two back ends given the same postings answer alike.
 */
#include "store.h"
#include "sort.h"

#include <stdio.h>
#include <stdlib.h>

void wt_store_key_end(wt_store_hit *hits, size_t first, size_t *nhits,
                      size_t cap, size_t hubs)
{
    if (*nhits - first <= cap)
        return;
    if (*nhits - first > hubs)
        *nhits = first + hubs;
    for (size_t i = first; i < *nhits; i++)
        hits[i] =
            (wt_store_hit){hits[i].num, 0, 0, 1, i == first, hits[i].published};
}

/* By number, so that the hits of one document come together: a query's
 * thousands of postings, sorted with the comparisons inlined. */
#define HIT_NUM_LESS(a, b) ((a).num < (b).num)
WT_SORT_DEFINE(sort_hits, wt_store_hit, HIT_NUM_LESS)

void wt_store_merge_hits(wt_store_hit *h, size_t *n)
{
    sort_hits(h, *n);
    size_t u = 0;
    for (size_t i = 0; i < *n; i++) {
        if (u && h[u - 1].num == h[i].num) {
            h[u - 1].fp_hits += h[i].fp_hits;
            h[u - 1].band_hits += h[i].band_hits;
            h[u - 1].hub_hits += h[i].hub_hits;
            h[u - 1].lead_hits += h[i].lead_hits;
        } else {
            h[u++] = h[i];
        }
    }
    *n = u;
}

/* The columns every audit part selects, as text in this order, so that
 * one parser reads both stores' rows: outlet, story, title, published,
 * month, stories, uses, words, the four classes, credited, first, last.
 * Uses of unknown time are stored with t = INT64_MAX (last in the
 * primary key), hence the NULLIF around times. */
#define UNKNOWN_T "9223372036854775807"
#define SUMS                                                                   \
    "count(*), sum(u.words), sum(u.verbatim), sum(u.edited),"                  \
    " sum(u.rewrite), sum(u.translation), sum(u.credited),"                    \
    " min(NULLIF(u.t, " UNKNOWN_T ")), max(NULLIF(u.t, " UNKNOWN_T "))"

void wt_store_audit_sql(wt_audit_part part, const char *table, const char *docs,
                        const char *month, const char *collate, int timed,
                        char *buf, size_t n)
{
    const char *where = timed ? " WHERE u.source_key = $1 AND u.taker_key <>"
                                " $1 AND u.t >= $2 AND u.t < $3"
                              : " WHERE u.source_key = $1 AND u.taker_key <>"
                                " $1";
    if (part == WT_AUDIT_OUTLET)
        snprintf(buf, n,
                 "SELECT max(u.taker_outlet), NULL, NULL, NULL, NULL,"
                 " count(DISTINCT u.source), " SUMS " FROM %s u%s"
                 " GROUP BY u.taker_key ORDER BY sum(u.words) DESC,"
                 " u.taker_key%s",
                 table, where, collate);
    else if (part == WT_AUDIT_STORY)
        snprintf(buf, n,
                 "SELECT max(u.taker_outlet), u.source, max(d.title),"
                 " max(d.published), NULL, 1, " SUMS " FROM %s u LEFT JOIN"
                 " %s d ON d.id = u.source%s GROUP BY u.source, u.taker_key"
                 " ORDER BY coalesce(max(d.published), " UNKNOWN_T "),"
                 " u.source%s, sum(u.words) DESC, u.taker_key%s",
                 table, docs, where, collate, collate);
    else
        snprintf(buf, n,
                 "SELECT NULL, NULL, NULL, NULL, %s, NULL, " SUMS
                 " FROM %s u%s AND u.t <> " UNKNOWN_T " GROUP BY 5 ORDER BY 5",
                 month, table, where);
}

static uint64_t num_of(const char *s) { return s ? strtoull(s, NULL, 10) : 0; }

void wt_store_audit_row(wt_audit_part part, const char *const *col,
                        wt_audit_row *r)
{
    r->part = part;
    r->outlet = part == WT_AUDIT_MONTH ? NULL : col[0] ? col[0] : "";
    r->story = col[1];
    r->title = col[2];
    r->published = col[3] ? strtoll(col[3], NULL, 10) : 0;
    r->month = col[4];
    r->stories = num_of(col[5]);
    r->uses = num_of(col[6]);
    r->words = num_of(col[7]);
    for (int i = 0; i < WT_AUDIT_CLASSES; i++)
        r->by_class[i] = num_of(col[8 + i]);
    r->credited = num_of(col[12]);
    r->first = col[13] ? strtoll(col[13], NULL, 10) : 0;
    r->last = col[14] ? strtoll(col[14], NULL, 10) : 0;
}
