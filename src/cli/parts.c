/* parts.c - a report in parts rendered on -j N threads (see parts.h). */
#include "parts.h"
#include "pool.h"

#include <stdlib.h>

/* One part rendered in a worker: its text waits in memory until the
 * parts before it are written. */
typedef struct part {
    size_t i;
    char *text;
    size_t len;
    int rc;
} part;

typedef struct parts_run {
    parts_render render;
    void *ctx;
    FILE *out;
    int rc; /* set by the first part that failed: the rest is not written */
} parts_run;

static void part_work(void *ctx, unsigned worker, void *item)
{
    (void)worker;
    const parts_run *ps = ctx;
    part *pt = item;
    FILE *f = open_memstream(&pt->text, &pt->len);
    if (!f) {
        pt->rc = -1;
        return;
    }
    pt->rc = ps->render(ps->ctx, pt->i, f);
    const int bad = ferror(f);
    /* The buffer is only set for good when the stream is closed. */
    if (fclose(f) || bad)
        pt->rc = -1;
}

/* Runs in the caller's thread, in the order of the parts. */
static void part_land(void *ctx, void *item)
{
    parts_run *ps = ctx;
    part *pt = item;
    if (!ps->rc && pt->rc)
        ps->rc = -1;
    if (!ps->rc && pt->len)
        fwrite(pt->text, 1, pt->len, ps->out);
    free(pt->text);
}

int parts_write(unsigned jobs, size_t n, parts_render render, void *ctx,
                FILE *out)
{
    int rc = 0;
    /* One thread writes straight to out: no copy through memory. */
    if (jobs <= 1 || n < 2) {
        for (size_t i = 0; i < n && !rc; i++)
            rc = render(ctx, i, out);
        return rc;
    }
    static const pool_ops ops = {part_work, part_land};
    parts_run ps = {render, ctx, out, 0};
    pool *p = pool_new(jobs, sizeof(part), &ops, &ps);
    if (!p)
        return -1;
    /* ps.rc is set by part_land, which pool_push runs in this thread. */
    for (size_t i = 0; i < n && !ps.rc; i++) {
        part *pt = pool_slot(p);
        pt->i = i;
        pool_push(p);
    }
    pool_drain(p);
    pool_free(p);
    return ps.rc;
}
