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
    int tty;
    cli_log *log;
};

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

progress *progress_new(size_t total_files, uint64_t total_bytes, cli_log *log)
{
    progress *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->total_files = total_files;
    p->total_bytes = total_bytes;
    p->tty = !log->quiet && isatty(STDERR_FILENO);
    p->log = log;
    p->start = now_ns();
    p->last_draw = p->start - REDRAW_NS;
    return p;
}

/* "850 kB", "12.4 MB", "3.1 GB": short, and never "0.0" for small runs. */
static const char *size_text(char buf[24], double bytes)
{
    if (bytes < 1e6)
        snprintf(buf, 24, "%.0f kB", bytes / 1e3);
    else if (bytes < 1e9)
        snprintf(buf, 24, "%.1f MB", bytes / 1e6);
    else
        snprintf(buf, 24, "%.2f GB", bytes / 1e9);
    return buf;
}

static void draw(progress *p, int64_t t)
{
    const double secs = (double)(t - p->start) / 1e9;
    const double rate = secs > 0 ? (double)p->bytes / secs : 0;
    char b1[24], b2[24] = "", b3[24], eta[40] = "";
    /* Time left from bytes when their total is known, else from files. */
    double done = 0;
    if (p->total_bytes > p->bytes && p->bytes)
        done = (double)p->bytes / (double)p->total_bytes;
    else if (p->total_files > p->files && p->files)
        done = (double)p->files / (double)p->total_files;
    if (done > 0 && secs > 0.5) {
        const long s = (long)(secs * (1 - done) / done + 0.5);
        snprintf(eta, sizeof eta, ", ETA %ld:%02ld", s / 60, s % 60);
    }
    if (p->total_bytes)
        cli_status(p->log, "%zu/%zu files, %s of %s, %s/s%s", p->files,
                   p->total_files, size_text(b1, (double)p->bytes),
                   size_text(b2, (double)p->total_bytes), size_text(b3, rate),
                   eta);
    else if (p->total_files)
        cli_status(p->log, "%zu/%zu files, %s, %s/s%s", p->files,
                   p->total_files, size_text(b1, (double)p->bytes),
                   size_text(b3, rate), eta);
    else
        cli_status(p->log, "%zu articles, %s, %s/s", p->files,
                   size_text(b1, (double)p->bytes), size_text(b3, rate));
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
    char b[24];
    cli_status(p->log, "%s %zu files, %s", what, p->files,
               size_text(b, (double)p->bytes));
}

void progress_end(progress *p)
{
    if (!p)
        return;
    cli_status_clear(p->log);
    if (p->log->verbose) {
        const double secs = (double)(now_ns() - p->start) / 1e9;
        char b1[24], b2[24];
        cli_info("read %zu files, %s in %.2f s (%s/s)", p->files,
                 size_text(b1, (double)p->bytes), secs,
                 size_text(b2, secs > 0 ? (double)p->bytes / secs : 0.0));
    }
    free(p);
}
