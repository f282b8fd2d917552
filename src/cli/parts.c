/* parts.c - a report in parts rendered on -j N threads (see parts.h). */
#define _GNU_SOURCE /* fopencookie */
#include "parts.h"
#include "pool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

/*
 * Where a part's text waits until the parts before it are written.  The
 * buffers are kept from part to part in a ring, one for each part that
 * can be in flight at once: a buffer made by a worker and freed by the
 * writing thread takes the lock of the worker's malloc arena, which the
 * workers then wait on (a quarter of the report's time on two threads).
 */
typedef struct buffer {
    char *text;
    size_t len, cap;
} buffer;

static ssize_t buffer_write(void *cookie, const char *b, size_t n)
{
    buffer *x = cookie;
    if (n > x->cap - x->len) {
        size_t cap = x->cap ? 2 * x->cap : 4096;
        while (cap - x->len < n)
            cap *= 2;
        char *t = realloc(x->text, cap);
        if (!t)
            return -1;
        x->text = t;
        x->cap = cap;
    }
    memcpy(x->text + x->len, b, n);
    x->len += n;
    return (ssize_t)n;
}

/* One part rendered in a worker. */
typedef struct part {
    size_t i;
    buffer *buf;
    int rc;
} part;

typedef struct parts_run {
    parts_render render;
    void *ctx;
    FILE *out;
    buffer *ring; /* nring buffers: part i writes to ring[i % nring] */
    size_t nring;
    int rc; /* set by the first part that failed: the rest is not written */
} parts_run;

static void part_work(void *ctx, unsigned worker, void *item)
{
    (void)worker;
    const parts_run *ps = ctx;
    part *pt = item;
    pt->buf = &ps->ring[pt->i % ps->nring];
    pt->buf->len = 0;
    static const cookie_io_functions_t io = {NULL, buffer_write, NULL, NULL};
    FILE *f = fopencookie(pt->buf, "w", io);
    if (!f) {
        pt->rc = -1;
        return;
    }
    pt->rc = ps->render(ps->ctx, pt->i, f);
    const int bad = ferror(f);
    /* What the stream holds reaches the buffer when it is closed. */
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
    if (!ps->rc && pt->buf && pt->buf->len)
        fwrite(pt->buf->text, 1, pt->buf->len, ps->out);
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
    parts_run ps = {render, ctx, out, NULL, 0, 0};
    pool *p = pool_new(jobs, sizeof(part), &ops, &ps);
    ps.nring = p ? pool_in_flight(p) : 0;
    ps.ring = p ? calloc(ps.nring, sizeof *ps.ring) : NULL;
    if (!ps.ring) {
        pool_free(p);
        return -1;
    }
    /* ps.rc is set by part_land, which pool_push runs in this thread. */
    for (size_t i = 0; i < n && !ps.rc; i++) {
        part *pt = pool_slot(p);
        pt->i = i;
        pool_push(p);
    }
    pool_drain(p);
    pool_free(p);
    for (size_t i = 0; i < ps.nring; i++)
        free(ps.ring[i].text);
    free(ps.ring);
    return ps.rc;
}
