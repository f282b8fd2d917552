/* progress.c - the progress line on stderr. */
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define REDRAW_NS 100000000LL /* at most ten lines a second */

struct progress {
    size_t files, total_files;
    uint64_t bytes, total_bytes;
    int64_t start, last_draw; /* monotonic ns */
    int tty, verbose, shown;
};

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

progress *progress_new(size_t total_files, uint64_t total_bytes, int quiet,
                       int verbose)
{
    progress *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->total_files = total_files;
    p->total_bytes = total_bytes;
    p->tty = !quiet && isatty(STDERR_FILENO);
    p->verbose = verbose;
    p->start = now_ns();
    p->last_draw = p->start - REDRAW_NS;
    return p;
}

void progress_clear(progress *p)
{
    if (p && p->shown) {
        fputs("\r\033[K", stderr);
        p->shown = 0;
    }
}

static double mb(uint64_t bytes)
{
    return (double)bytes / 1e6;
}

static void draw(progress *p, int64_t t)
{
    const double secs = (double)(t - p->start) / 1e9;
    const double rate = secs > 0 ? mb(p->bytes) / secs : 0;
    fprintf(stderr, "\r\033[Kwiretrace: %zu/%zu files, %.1f/%.1f MB, "
            "%.1f MB/s", p->files, p->total_files, mb(p->bytes),
            mb(p->total_bytes), rate);
    if (p->bytes && p->total_bytes > p->bytes && secs > 0.5) {
        const double left = secs * (double)(p->total_bytes - p->bytes) /
                            (double)p->bytes;
        const long s = (long)(left + 0.5);
        fprintf(stderr, ", ETA %ld:%02ld", s / 60, s % 60);
    }
    fflush(stderr);
    p->shown = 1;
    p->last_draw = t;
}

void progress_step(progress *p, uint64_t bytes)
{
    if (!p)
        return;
    p->files++;
    p->bytes += bytes;
    if (!p->tty)
        return;
    const int64_t t = now_ns();
    if (t - p->last_draw >= REDRAW_NS || p->files == p->total_files)
        draw(p, t);
}

void progress_stage(progress *p, const char *what)
{
    if (!p || !p->tty)
        return;
    fprintf(stderr, "\r\033[Kwiretrace: %s %zu files, %.1f MB", what,
            p->files, mb(p->bytes));
    fflush(stderr);
    p->shown = 1;
}

void progress_end(progress *p)
{
    if (!p)
        return;
    progress_clear(p);
    if (p->verbose) {
        const double secs = (double)(now_ns() - p->start) / 1e9;
        fprintf(stderr, "wiretrace: %zu files, %.1f MB in %.2f s "
                "(%.1f MB/s)\n", p->files, mb(p->bytes), secs,
                secs > 0 ? mb(p->bytes) / secs : 0.0);
    }
    free(p);
}
