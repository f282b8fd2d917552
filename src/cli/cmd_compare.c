/*
 * cmd_compare.c - `wiretrace compare FILE...` and `wiretrace scan DIR...`:
 * every input in one corpus, analyzed in memory, one report.  A scan above
 * --in-memory-max, or given --db, goes through an index instead
 * (cmd_scan_indexed), so that its memory does not grow with the corpus.
 */
#define _DEFAULT_SOURCE /* mkstemps */
#include "cmd_compare.h"
#include "clusters.h"
#include "cmd_index.h"
#include "pool.h"
#include "progress.h"
#include "report.h"
#include "walk.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct run {
    const cli_settings *s;
    wt_options *o;
    wt_corpus *c;
    walk_list in; /* the input files */
    cli_log log;
    progress *progress; /* the progress line while reading */
    int status;         /* the worst exit status so far (msg.h) */
} run;

static int collect_dirs(run *r)
{
    r->in.include = r->s->include;
    r->in.ninclude = r->s->ninclude;
    for (size_t i = 0; i < r->s->ninputs; i++)
        if (walk_txt(&r->in, r->s->inputs[i], &r->status))
            return -1;
    return 0;
}

/* Resolves --published and --outlet to the inputs they name, into
 * r->in.published and r->in.outlet. */
static int resolve_meta(run *r)
{
    const size_t nmeta = r->s->npublished + r->s->noutlets;
    if (!nmeta)
        return 0;
    r->in.published = calloc(r->in.n + 1, sizeof *r->in.published);
    r->in.outlet = calloc(r->in.n + 1, sizeof *r->in.outlet);
    if (!r->in.published || !r->in.outlet)
        return -1;
    for (size_t m = 0; m < nmeta; m++) {
        const int is_time = m < r->s->npublished;
        const cli_meta *cm = is_time ? &r->s->published[m]
                                     : &r->s->outlets[m - r->s->npublished];
        int64_t t = 0;
        if (is_time && wt_parse_time(cm->value, &t)) {
            cli_error("invalid time \"%s\" for %s: expected ISO 8601 "
                      "(2024-10-22T08:05:00Z)",
                      cm->value, cm->file);
            cli_raise(&r->status, EXIT_INPUT);
            continue;
        }
        size_t i = 0;
        while (i < r->in.n && strcmp(r->in.paths[i], cm->file) &&
               strcmp(r->in.ids[i], cm->file))
            i++;
        if (i == r->in.n) {
            cli_error("%s: given with --%s but not an input", cm->file,
                      is_time ? "published" : "outlet");
            cli_raise(&r->status, EXIT_INPUT);
        } else if (is_time) {
            r->in.published[i] = t;
        } else {
            r->in.outlet[i] = cm->value;
        }
    }
    return 0;
}

/* The size of each input, stat'ed once; 0 for what cannot be. */
static uint64_t input_bytes(const run *r, uint64_t *size)
{
    uint64_t total = 0;
    for (size_t i = 0; i < r->in.n; i++) {
        struct stat st;
        size[i] = stat(r->in.paths[i], &st) == 0 ? (uint64_t)st.st_size : 0;
        total += size[i];
    }
    return total;
}

/* ---- reading on -j N threads ---------------------------------------
 * Each thread reads into a corpus of its own and hands the document back
 * (wt_corpus_pop); the documents, and what the library said while reading
 * each, land in input order (wt_corpus_adopt), so that the corpus, the
 * report and stderr are those of reading the files one after another. */

/* What the library logged while a thread read one file. */
typedef struct said {
    wt_log_level level;
    char *msg;
} said;

typedef struct reader {
    wt_corpus *c;
    said *v; /* the current file's messages */
    size_t n, cap;
} reader;

typedef struct read_item {
    size_t i; /* the input */
    int rc;   /* of wt_corpus_add_file */
    wt_document *doc;
    said *v;
    size_t n;
} read_item;

typedef struct readers {
    run *r;
    const uint64_t *size;
    reader *w;
    unsigned n;
} readers;

/* The logger of a reader's corpus: the message kept for its file. */
static void keep_said(void *ctx, wt_log_level level, const char *msg)
{
    reader *w = ctx;
    char *m = strdup(msg);
    if (!m)
        return; /* a warning lost to a full memory */
    said *v = realloc(w->v, (w->n + 1) * sizeof *v);
    if (!v) {
        free(m);
        return;
    }
    w->v = v;
    w->v[w->n++] = (said){level, m};
}

/* Asks the kernel to start reading the file at path into its cache
 * (POSIX_FADV_WILLNEED), so that its read a little later finds it there:
 * files not in the cache (a crawl just copied in, a cache the system
 * dropped) are otherwise read one at a time, each reader waiting on the
 * disk.  size: as input_bytes() stat'ed it; 0 (a pipe, a device, an empty
 * or missing file) leaves it alone, the read telling what is wrong. */
static void read_ahead(const char *path, uint64_t size)
{
    if (!size)
        return;
    const int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return;
    (void)posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
    close(fd);
}

/* pool_ops.work: one file read into the thread's corpus, taken back. */
static void read_one(void *ctx, unsigned worker, void *item)
{
    readers *x = ctx;
    const run *r = x->r;
    reader *w = &x->w[worker];
    read_item *it = item;
    const size_t i = it->i;
    w->v = NULL;
    w->n = 0;
    wt_corpus_set_encoding(
        w->c,
        cli_file_encoding(r->s, r->in.paths[i], r->in.ids[i], r->o->encoding));
    it->rc = wt_corpus_add_file(w->c, r->in.paths[i], r->in.ids[i]);
    if (!it->rc && r->in.published && (r->in.published[i] || r->in.outlet[i]))
        wt_corpus_set_meta(w->c, wt_corpus_document_count(w->c) - 1,
                           r->in.published[i], r->in.outlet[i]);
    it->doc = wt_corpus_pop(w->c);
    if (!it->rc && !it->doc)
        it->rc = WT_ENOMEM;
    it->v = w->v;
    it->n = w->n;
}

/* pool_ops.land: the messages, then the document, in input order. */
static void land_one(void *ctx, void *item)
{
    readers *x = ctx;
    run *r = x->r;
    read_item *it = item;
    if (r->s->verbose) {
        cli_status_clear(&r->log);
        cli_info("read %s", r->in.paths[it->i]);
    }
    for (size_t k = 0; k < it->n; k++) {
        r->o->logger(r->o->logger_ctx, it->v[k].level, it->v[k].msg);
        free(it->v[k].msg);
    }
    free(it->v);
    int rc = it->rc;
    if (it->doc && (rc = wt_corpus_adopt(r->c, it->doc)))
        cli_error("%s: %s", r->in.paths[it->i], wt_strerror(rc));
    else if (!it->doc && rc == WT_ENOMEM)
        cli_error("%s: out of memory", r->in.paths[it->i]);
    if (rc) /* the library logged why, naming the file */
        cli_raise(&r->status, cli_exit_of(rc));
    progress_step(r->progress, x->size[it->i]);
}

/* The readers' corpora: the run's options but for the logger.  Returns
 * 0 or -1 (out of memory). */
static int readers_new(readers *x)
{
    x->w = calloc(x->n, sizeof *x->w);
    for (unsigned k = 0; x->w && k < x->n; k++) {
        wt_options o = *x->r->o;
        o.logger = keep_said;
        o.logger_ctx = &x->w[k];
        o.threads = 1;
        if (wt_corpus_new(&x->w[k].c, &o))
            return -1;
    }
    return x->w ? 0 : -1;
}

static void readers_free(readers *x)
{
    for (unsigned k = 0; x->w && k < x->n; k++)
        wt_corpus_free(x->w[k].c);
    free(x->w);
}

/* Every input read on jobs threads into r->c.  Returns 0 or -1 (out of
 * memory before any was read: the caller reads them one by one). */
static int add_all_threads(run *r, const uint64_t *size, unsigned jobs)
{
    readers x = {r, size, NULL, jobs};
    const pool_ops ops = {read_one, land_one};
    pool *p =
        readers_new(&x) ? NULL : pool_new(jobs, sizeof(read_item), &ops, &x);
    if (!p) {
        readers_free(&x);
        return -1;
    }
    for (size_t i = 0; i < r->in.n; i++) {
        read_item *it = pool_slot(p);
        it->i = i;
        /* Read by a worker once the chunk before is done. */
        read_ahead(r->in.paths[i], size[i]);
        pool_push(p);
    }
    pool_drain(p);
    pool_free(p);
    readers_free(&x);
    return 0;
}

/* Files asked of the kernel ahead of the one read, one at a time. */
#define READ_AHEAD 16

static void add_all(run *r, const uint64_t *size, uint64_t total)
{
    r->progress = progress_new(r->in.n, total, &r->log);
    if (r->o->threads > 1 && r->in.n > 1 &&
        !add_all_threads(r, size, r->o->threads))
        return;
    for (size_t k = 0; k < READ_AHEAD && k < r->in.n; k++)
        read_ahead(r->in.paths[k], size[k]);
    for (size_t i = 0; i < r->in.n; i++) {
        if (i + READ_AHEAD < r->in.n)
            read_ahead(r->in.paths[i + READ_AHEAD], size[i + READ_AHEAD]);
        if (r->s->verbose) {
            cli_status_clear(&r->log);
            cli_info("reading %s", r->in.paths[i]);
        }
        wt_corpus_set_encoding(r->c,
                               cli_file_encoding(r->s, r->in.paths[i],
                                                 r->in.ids[i], r->o->encoding));
        const int rc = wt_corpus_add_file(r->c, r->in.paths[i], r->in.ids[i]);
        if (rc == 0) {
            if (r->in.published && (r->in.published[i] || r->in.outlet[i]))
                wt_corpus_set_meta(r->c, wt_corpus_document_count(r->c) - 1,
                                   r->in.published[i], r->in.outlet[i]);
        } else {
            /* the library logged why, naming the file */
            cli_raise(&r->status, cli_exit_of(rc));
        }
        progress_step(r->progress, size[i]);
    }
}

/* The temporary index of a scan, removed if a signal ends the run (a
 * closed pipe, Ctrl-C).  Process-wide by nature, like the signal handler
 * that reads it: the one mutable static of the command. */
static char temp_paths[3][4200];

static void remove_temp(int sig)
{
    for (int i = 0; i < 3; i++)
        if (temp_paths[i][0])
            unlink(temp_paths[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* A new empty file for a temporary index in dir (cli_settings.tmpdir);
 * SQLite takes an empty file as a new database. */
static int temp_index(const char *dir, char *path, size_t len)
{
    snprintf(path, len, "%s/wiretrace-scan-XXXXXX.db", dir);
    const int fd = mkstemps(path, 3);
    if (fd < 0) {
        cli_error("%s: cannot create a temporary index: %s", path,
                  strerror(errno));
        return -1;
    }
    close(fd);
    snprintf(temp_paths[0], sizeof temp_paths[0], "%s", path);
    snprintf(temp_paths[1], sizeof temp_paths[1], "%s-wal", path);
    snprintf(temp_paths[2], sizeof temp_paths[2], "%s-shm", path);
    static const int sigs[] = {SIGINT, SIGTERM, SIGPIPE, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        signal(sigs[i], remove_temp);
    return 0;
}

static void remove_temp_index(void)
{
    for (int i = 0; i < 3; i++) {
        unlink(temp_paths[i]);
        temp_paths[i][0] = '\0';
    }
}

/* scan: inputs above --in-memory-max go through an index, whose memory
 * does not grow with the corpus; so does any scan given --db.  Returns
 * the exit status, or -1 to scan in memory. */
static int scan_indexed(run *r, uint64_t total)
{
    const uint64_t limit = (uint64_t)r->s->in_memory_max << 20;
    if (!r->s->db && total <= limit)
        return -1;
    if (r->s->db)
        return cmd_scan_indexed(r->s, r->o, r->s->db, &r->in, r->status);
    if (!r->s->quiet)
        cli_info("%.1f MB of input is above --in-memory-max %u: scanning "
                 "through a temporary index",
                 (double)total / (1 << 20), r->s->in_memory_max);
    char tmp[4096];
    if (temp_index(r->s->tmpdir, tmp, sizeof tmp))
        return cli_exit_worst(r->status, EXIT_IOERR);
    const int rc = cmd_scan_indexed(r->s, r->o, tmp, &r->in, r->status);
    remove_temp_index();
    return rc;
}

/* The corpus, the inputs of the command line (files, or the *.txt files
 * below the folders of a scan, with what --published and --outlet say of
 * them) and room for the size of each. */
static int start(run *r, int scan, uint64_t **size)
{
    const int rc = wt_corpus_new(&r->c, r->o);
    if (rc) {
        cli_error("%s", wt_strerror(rc));
        return cli_exit_of(rc);
    }
    if ((scan ? collect_dirs(r)
              : walk_files(&r->in, r->s->inputs, r->s->ninputs)) ||
        walk_unique(&r->in, 0, r->s->quiet) || resolve_meta(r) ||
        !(*size = malloc((r->in.n + 1) * sizeof **size))) {
        cli_error("out of memory");
        return EXIT_OSERR;
    }
    return 0;
}

/* CPU time of the whole process in seconds: the report is written on
 * -j N threads, and nothing else runs meanwhile. */
static double process_cpu_seconds(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts))
        return 0;
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The report on stdout in the --format asked for, and the --html page. */
static int print_report(const run *r)
{
    const double t0 = r->o->timings ? process_cpu_seconds() : 0;
    int status = report_count_links(r->c) ? EXIT_REUSE : EXIT_NO_REUSE;
    cli_raise(&status, r->status);
    /* A write error is told once, by cli_finish_stdout(); a writer that
     * fails without one ran out of memory. */
    const report_writer write = strcmp(r->s->command, "clusters")
                                    ? report_writer_for(r->s->format)
                                    : report_clusters;
    /* The report is rendered on the threads the analysis ran on. */
    cli_settings ws = *r->s;
    ws.report_jobs = r->o->threads;
    if (write(r->c, &ws, stdout) && !ferror(stdout)) {
        cli_error("out of memory writing the report");
        cli_raise(&status, EXIT_OSERR);
    }
    if (r->s->html && report_html_file(r->c, r->s, r->s->html))
        cli_raise(&status, EXIT_IOERR);
    fflush(stdout);
    if (r->o->timings)
        wt_timings_add(r->o->timings, WT_STAGE_OUTPUT,
                       process_cpu_seconds() - t0);
    return status;
}

/* Every input read and analyzed in memory, then the report. */
static int in_memory(run *r, const uint64_t *size, uint64_t total)
{
    add_all(r, size, total);
    progress_stage(r->progress, "analyzing");
    const int rc = wt_corpus_analyze(r->c);
    progress_end(r->progress);
    r->progress = NULL;
    if (rc) {
        cli_error("%s", wt_corpus_error(r->c));
        return cli_exit_worst(r->status, cli_exit_of(rc));
    }
    return print_report(r);
}

/* A scan that found no file to read is an error, not "no reuse"; a
 * compare of one file says what it can find. */
static int nothing_to_do(const run *r, int scan)
{
    if (scan && r->in.n == 0) {
        cli_error("no files to scan in %s%s (it reads *.txt, *.html, *.htm "
                  "and *.html.gz; --include GLOB chooses others)",
                  r->s->inputs[0], r->s->ninputs > 1 ? " and the others" : "");
        return EXIT_INPUT;
    }
    if (!scan && r->in.n == 1 && !r->s->quiet)
        cli_warn("one document: only paragraphs repeated inside it can be "
                 "found; give two or more to find reuse between them");
    return 0;
}

static int run_corpus(const cli_settings *s, wt_options *o, int scan)
{
    if (s->ninputs == 0) {
        cli_usage_error("%s needs at least one %s", s->command,
                        scan ? "DIR" : "FILE");
        return cli_usage_hint(s->command);
    }
    run r;
    memset(&r, 0, sizeof r);
    r.s = s;
    r.o = o;
    o->threads = cli_threads(s->jobs, s->verbose);
    cli_log_attach(&r.log, s->quiet, s->verbose, o);
    uint64_t *size = NULL;
    int rc = start(&r, scan, &size);
    if (!rc)
        rc = nothing_to_do(&r, scan);
    if (!rc) {
        const uint64_t total = input_bytes(&r, size);
        rc = scan ? scan_indexed(&r, total) : -1;
        if (rc < 0)
            rc = in_memory(&r, size, total);
    }
    free(size);
    walk_release(&r.in);
    progress_end(r.progress);
    wt_corpus_free(r.c);
    return rc;
}

int cmd_compare(const cli_settings *s, wt_options *o)
{
    return run_corpus(s, o, 0);
}

int cmd_scan(const cli_settings *s, wt_options *o)
{
    return run_corpus(s, o, 1);
}

int cmd_clusters(const cli_settings *s, wt_options *o)
{
    /* The stories need every pair: a scan in memory, whatever its size. */
    cli_settings all = *s;
    all.in_memory_max = UINT32_MAX;
    return run_corpus(&all, o, 1);
}
