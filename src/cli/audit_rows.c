/* audit_rows.c - see audit_rows.h. */
#include "audit_rows.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static int dup(const char **dst, const char *src)
{
    *dst = src ? strdup(src) : NULL;
    return src && !*dst;
}

/* wt_audit_cb: a copy of the row, its strings with it. */
static int keep(void *ctx, const wt_audit_row *row)
{
    audit_part_rows *p = &((audit_rows *)ctx)->part[row->part];
    if (p->n == p->cap) {
        const size_t cap = p->cap ? 2 * p->cap : 16;
        wt_audit_row *v = realloc(p->v, cap * sizeof *v);
        if (!v)
            return WT_ENOMEM;
        p->v = v;
        p->cap = cap;
    }
    wt_audit_row *r = &p->v[p->n];
    *r = *row;
    r->outlet = r->story = r->title = r->month = NULL;
    /* Counted first, so that release frees what was copied. */
    p->n++;
    if (dup(&r->outlet, row->outlet) || dup(&r->story, row->story) ||
        dup(&r->title, row->title) || dup(&r->month, row->month))
        return WT_ENOMEM;
    return 0;
}

int audit_rows_collect(wt_index *ix, const wt_audit_query *q, audit_rows *out)
{
    memset(out, 0, sizeof *out);
    return wt_index_audit(ix, q, keep, out);
}

void audit_rows_release(audit_rows *r)
{
    for (size_t p = 0; p <= WT_AUDIT_MONTH; p++) {
        for (size_t i = 0; i < r->part[p].n; i++) {
            wt_audit_row *row = &r->part[p].v[i];
            free((char *)row->outlet);
            free((char *)row->story);
            free((char *)row->title);
            free((char *)row->month);
        }
        free(r->part[p].v);
    }
    memset(r, 0, sizeof *r);
}

void audit_time(int64_t t, int iso, char *buf, size_t n)
{
    const time_t tt = (time_t)t;
    struct tm tm;
    buf[0] = '\0';
    if (t && gmtime_r(&tt, &tm))
        strftime(buf, n, iso ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%d %H:%M", &tm);
}

uint64_t audit_uncredited(const wt_audit_row *r)
{
    return r->uses > r->credited ? r->uses - r->credited : 0;
}
