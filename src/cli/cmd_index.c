/*
 * cmd_index.c - `wiretrace index`: a persistent archive that new articles
 * are checked against.  Articles stream in one at a time (JSON Lines, a
 * folder of *.txt files, or files), so memory does not grow with the input.
 */
#define _DEFAULT_SOURCE
#include "cmd_index.h"
#include "jsonl.h"
#include "opt.h"
#include "report.h"
#include "walk.h"

#include <assert.h>
#include <pthread.h>
#include <jansson.h>
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef enum { SUB_ADD, SUB_QUERY, SUB_REMOVE, SUB_STATS } sub_id;

/* One article of a chunk: an owned copy, then its result. */
typedef struct slot {
    wt_article a;
    char *own[7];           /* the copied strings of a, and path */
    const char *path;       /* the file it was read from, or NULL */
    int rc;
    char err[1024];
    wt_index_entry *entry;  /* add: the prepared article */
    char *out;              /* query: the rendered report */
    size_t nout;
    int reuse;
} slot;

typedef struct ictx ictx;

/* A chunk of articles and the threads working on it. */
typedef struct chunk {
    slot *v;
    size_t n;
    pthread_t *t;
    unsigned started; /* threads running on it; 0 = none */
} chunk;

/* One thread's share of a chunk: slots w, w + jobs, w + 2 jobs, ... */
typedef struct worker {
    ictx *x;
    unsigned no;
    chunk *on;             /* the chunk it works on */
    wt_index_worker *prep; /* add */
    wt_index *ix;          /* query: each thread its own connection */
} worker;

struct ictx {
    cli_settings s;
    wt_options o;
    cli_log log;
    wt_index_options io;
    wt_index_filter f;
    wt_index *ix;
    sub_id sub;
    report_writer write;   /* query: the report of each article */
    int scan;              /* a scan through the index: quieter */
    int trouble, reuse;
    unsigned char *failed; /* scan: per file, 1 when its add failed */
    size_t landed;         /* slots finished in this pass */
    size_t added, unchanged;
    unsigned jobs;
    worker *workers;
    /* Two chunks: one filled and finished by the main thread while the
     * workers analyze the other, so reading, writing and printing overlap
     * the analysis. */
    chunk chunks[2];
    chunk *fill, *flying;
    size_t chunkcap;
};

static void progress(void *ctx, size_t batch, size_t total)
{
    const ictx *x = ctx;
    if (!x->s.quiet && (!x->scan || x->s.verbose))
        cli_info("index: committed %zu article(s), %zu in the index", batch,
                 total);
}

/* One line of jsonl output for index add. */
static void add_line(const char *id, const char *status, const char *err)
{
    json_t *o = json_pack("{s:s, s:s}", "id", id, "status", status);
    if (o && err)
        json_object_set_new(o, "error", json_string(err));
    if (o)
        json_dumpf(o, stdout, JSON_COMPACT);
    fputc('\n', stdout);
    json_decref(o);
}

static void prepare_slot(worker *w, slot *sl)
{
    sl->rc = wt_index_prepare(w->prep, &sl->a, &sl->entry);
    if (sl->rc)
        snprintf(sl->err, sizeof sl->err, "%s",
                 wt_index_worker_error(w->prep));
}

/* index query --html FILE: one page per queried article, named after
 * FILE with the article id before its extension ("report-<id>.html"), so
 * that workers never share a file. */
static int html_for_article(const wt_corpus *c, const cli_settings *s,
                            const char *id)
{
    const char *html = s->html;
    const char *dot = strrchr(html, '.');
    const char *slash = strrchr(html, '/');
    if (!dot || (slash && dot < slash))
        dot = html + strlen(html);
    const size_t n = strlen(html) + strlen(id) + 2;
    char *path = malloc(n);
    if (!path)
        return -1;
    int o = snprintf(path, n, "%.*s-", (int)(dot - html), html);
    for (const char *p = id; *p; p++) /* ids may hold '/' or spaces */
        path[o++] = (isalnum((unsigned char)*p) || *p == '-' || *p == '_' ||
                     *p == '.') ? *p : '_';
    snprintf(path + o, n - (size_t)o, "%s", dot);
    const int rc = report_html_file(c, s, path);
    free(path);
    return rc;
}

static void query_slot(worker *w, slot *sl)
{
    const ictx *x = w->x;
    const wt_corpus *c = NULL;
    sl->rc = wt_index_query(w->ix, &sl->a, &x->f, &c);
    if (sl->rc) {
        snprintf(sl->err, sizeof sl->err, "%s", wt_index_error(w->ix));
        return;
    }
    FILE *mem = open_memstream(&sl->out, &sl->nout);
    if (!mem || x->write(c, &x->s, mem)) {
        sl->rc = -1;
        snprintf(sl->err, sizeof sl->err, "cannot write the report");
    }
    if (mem)
        fclose(mem);
    sl->reuse = report_count_links_in(c, 1) > 0;
    if (!sl->rc && x->s.html && html_for_article(c, &x->s, sl->a.id)) {
        sl->rc = -1;
        snprintf(sl->err, sizeof sl->err,
                 "%s: cannot write the HTML report", sl->a.id);
    }
}

static void *work(void *arg)
{
    worker *w = arg;
    ictx *x = w->x;
    for (size_t i = w->no; i < w->on->n; i += x->jobs) {
        if (x->sub == SUB_ADD)
            prepare_slot(w, &w->on->v[i]);
        else
            query_slot(w, &w->on->v[i]);
    }
    return NULL;
}

/* Stores or prints one finished slot, in input order. */
static void finish_slot(ictx *x, slot *sl)
{
    int added = 0;
    if (!sl->rc && x->sub == SUB_ADD &&
        (sl->rc = wt_index_put(x->ix, sl->entry, &added)))
        snprintf(sl->err, sizeof sl->err, "%s", wt_index_error(x->ix));
    if (x->failed && sl->rc)
        x->failed[x->landed] = 1;
    x->landed++;
    if (sl->rc) {
        /* A scan names the file by its path, as compare does. */
        const size_t n = strlen(sl->a.id);
        if (x->scan && sl->path && !strncmp(sl->err, sl->a.id, n) &&
            sl->err[n] == ':')
            cli_error("%s%s", sl->path, sl->err + n);
        else
            cli_error("%s", sl->err);
        x->trouble = 1;
        if (x->s.format == FMT_JSONL && !x->scan)
            add_line(sl->a.id, "error", sl->err);
    } else if (x->sub == SUB_ADD) {
        *(added ? &x->added : &x->unchanged) += 1;
        if (x->s.format == FMT_JSONL && !x->scan)
            add_line(sl->a.id, added ? "added" : "unchanged", NULL);
        else if (x->s.verbose)
            cli_info("%s: %s", sl->a.id, added ? "added" : "unchanged");
    } else {
        fwrite(sl->out, 1, sl->nout, stdout);
        x->reuse |= sl->reuse;
    }
    fflush(stdout);
}

static void slot_release(slot *sl)
{
    for (int i = 0; i < 7; i++)
        free(sl->own[i]);
    wt_index_entry_free(sl->entry);
    free(sl->out);
    memset(sl, 0, sizeof *sl);
}

/* Starts the workers on c; those that cannot start are run here. */
static void launch(ictx *x, chunk *c)
{
    c->started = 0;
    for (unsigned w = 0; w < x->jobs; w++)
        x->workers[w].on = c;
    if (x->jobs > 1)
        for (; c->started < x->jobs; c->started++)
            if (pthread_create(&c->t[c->started], NULL, work,
                               &x->workers[c->started]))
                break;
    for (unsigned w = c->started; w < x->jobs; w++)
        work(&x->workers[w]);
}

static void join(chunk *c)
{
    for (unsigned w = 0; w < c->started; w++)
        pthread_join(c->t[w], NULL);
    c->started = 0;
}

/* Stores or prints c's slots in order; its workers are done. */
static void land(ictx *x, chunk *c)
{
    assert(!c->started);
    for (size_t i = 0; i < c->n; i++) {
        finish_slot(x, &c->v[i]);
        slot_release(&c->v[i]);
    }
    c->n = 0;
}

/* The filled chunk goes to the workers; the one they were on is landed
 * meanwhile.  Order is kept: chunks land in the order they were filled. */
static void flush_chunk(ictx *x)
{
    chunk *prev = x->flying;
    if (prev)
        join(prev); /* the worker contexts are free again */
    x->flying = x->fill;
    launch(x, x->flying);
    if (prev)
        land(x, prev);
    x->fill = prev ? prev : &x->chunks[x->flying == x->chunks ? 1 : 0];
}

/* Lands everything still in flight, at the end of the input. */
static void drain(ictx *x)
{
    if (x->fill->n)
        flush_chunk(x);
    if (x->flying) {
        join(x->flying);
        land(x, x->flying);
    }
    x->flying = NULL;
}

static int copy_str(slot *sl, int i, const char *src, const char **dst)
{
    *dst = NULL;
    if (!src)
        return 0;
    if (!(sl->own[i] = strdup(src)))
        return -1;
    *dst = sl->own[i];
    return 0;
}

/* Queues a copy of a, read from path (may be NULL); a full chunk is
 * processed at once. */
static void each(ictx *x, const wt_article *a, const char *path)
{
    slot *sl = &x->fill->v[x->fill->n];
    memset(sl, 0, sizeof *sl);
    sl->a = *a;
    char *text = malloc(a->len + 1);
    if (text) {
        memcpy(text, a->text ? a->text : "", a->len);
        text[a->len] = '\0';
    }
    sl->own[6] = text;
    sl->a.text = text;
    if (!text || copy_str(sl, 0, a->id, &sl->a.id) ||
        copy_str(sl, 1, a->outlet, &sl->a.outlet) ||
        copy_str(sl, 2, a->url, &sl->a.url) ||
        copy_str(sl, 3, a->lang, &sl->a.lang) ||
        copy_str(sl, 4, a->title, &sl->a.title) ||
        copy_str(sl, 5, path, &sl->path)) {
        cli_error("%s: out of memory", a->id);
        x->trouble = 1;
        slot_release(sl);
        return;
    }
    if (++x->fill->n == x->chunkcap)
        flush_chunk(x);
}

static void from_jsonl(ictx *x, FILE *f, const char *name)
{
    jsonl_reader *r = jsonl_open(f, name);
    if (!r) {
        cli_error("out of memory");
        x->trouble = 1;
        return;
    }
    wt_article a;
    char err[512];
    int rc;
    while ((rc = jsonl_next(r, &a, err, sizeof err)) != 0) {
        if (rc == -2) {
            cli_error("%s: read error", name);
            x->trouble = 1;
            break;
        }
        if (rc < 0) {
            cli_error("%s", err);
            x->trouble = 1;
            continue;
        }
        each(x, &a, NULL);
    }
    jsonl_close(r);
}

/* Reads all of path into a malloc'd buffer. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *nb = realloc(buf, cap *= 2);
        if (!nb)
            free(buf);
        buf = nb;
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

static void from_file(ictx *x, const char *path, const char *id,
                      int64_t published, const char *outlet)
{
    size_t len = 0;
    char *text = slurp(path, &len);
    if (!text) {
        cli_error("%s: cannot read", path);
        x->trouble = 1;
        return;
    }
    wt_article a = {0};
    a.id = id;
    a.published = published;
    a.outlet = outlet;
    a.text = text;
    a.len = len;
    each(x, &a, path);
    free(text);
}

static int has_suffix(const char *name, const char *suf)
{
    const size_t n = strlen(name), k = strlen(suf);
    return n > k && !strcmp(name + n - k, suf);
}

/* The files of l in order; their texts are read one at a time.  A scan
 * does not query the files whose add failed. */
static void from_files(ictx *x, const walk_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (x->sub != SUB_QUERY || !x->failed || !x->failed[i])
            from_file(x, l->paths[i], l->ids[i],
                  l->published ? l->published[i] : 0,
                  l->outlet ? l->outlet[i] : NULL);
}

static void from_dir(ictx *x, char *dir)
{
    walk_list l = {0};
    if (walk_txt(&l, dir, &x->trouble)) {
        cli_error("%s: out of memory", dir);
        x->trouble = 1;
    }
    from_files(x, &l);
    walk_release(&l);
}

static void from_input(ictx *x, char *in)
{
    struct stat st;
    if (!strcmp(in, "-")) {
        from_jsonl(x, stdin, "standard input");
    } else if (stat(in, &st) == 0 && S_ISDIR(st.st_mode)) {
        from_dir(x, in);
    } else if (has_suffix(in, ".jsonl") || has_suffix(in, ".ndjson")) {
        FILE *f = fopen(in, "r");
        if (!f) {
            cli_error("%s: cannot read", in);
            x->trouble = 1;
            return;
        }
        from_jsonl(x, f, in);
        fclose(f);
    } else {
        const char *slash = strrchr(in, '/');
        from_file(x, in, slash ? slash + 1 : in, 0, NULL);
    }
}

static int do_remove(ictx *x)
{
    for (size_t i = 0; i < x->s.ninputs; i++) {
        int removed = 0;
        if (wt_index_remove(x->ix, x->s.inputs[i], &removed)) {
            cli_error("%s", wt_index_error(x->ix));
            return EXIT_TROUBLE;
        }
        if (!removed) {
            cli_error("%s: not in the index", x->s.inputs[i]);
            x->trouble = 1;
        } else if (x->s.verbose) {
            cli_info("%s: removed", x->s.inputs[i]);
        }
    }
    return x->trouble ? EXIT_TROUBLE : 0;
}

static int do_stats(ictx *x)
{
    wt_index_stats st;
    if (wt_index_stats_get(x->ix, &st)) {
        cli_error("%s", wt_index_error(x->ix));
        return EXIT_TROUBLE;
    }
    const double per = st.documents ? (double)st.file_bytes / st.documents
                                    : 0;
    if (x->s.format != FMT_TEXT) {
        json_t *o = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:f}",
                              "documents", (json_int_t)st.documents,
                              "paragraphs", (json_int_t)st.paragraphs,
                              "fingerprints", (json_int_t)st.fingerprints,
                              "bands", (json_int_t)st.bands, "text_bytes",
                              (json_int_t)st.text_bytes, "index_bytes",
                              (json_int_t)st.file_bytes,
                              "index_bytes_per_document", per);
        json_dumpf(o, stdout, x->s.format == FMT_JSONL ? JSON_COMPACT
                                                       : JSON_INDENT(1));
        fputc('\n', stdout);
        json_decref(o);
        return 0;
    }
    printf("documents     %llu\nparagraphs    %llu\nfingerprints  %llu\n"
           "bands         %llu\ntext bytes    %llu\nindex bytes   %llu "
           "(%.0f per document)\n", (unsigned long long)st.documents,
           (unsigned long long)st.paragraphs,
           (unsigned long long)st.fingerprints,
           (unsigned long long)st.bands, (unsigned long long)st.text_bytes,
           (unsigned long long)st.file_bytes, per);
    return 0;
}

/* Settings that follow from the parsed command line. */
static int apply_filters(ictx *x)
{
    x->f.outlet = x->s.filter_outlet;
    if (x->sub == SUB_QUERY) {
        /* For a query --lang picks the sources; the articles' own
         * language comes from their "lang" field. */
        x->f.lang = x->o.lang;
        x->o.lang = NULL;
    }
    if (x->s.batch)
        x->io.batch = x->s.batch;
    return 0;
}

static int parse(ictx *x, int argc, char **argv)
{
    static const char *const subs[] = {"add", "query", "remove", "stats"};
    size_t i = 0;
    while (i < 4 && strcmp(argv[0], subs[i]))
        i++;
    if (i == 4) {
        cli_usage_error("unknown index command \"%s\": expected add, query, "
                        "remove or stats", argv[0]);
        return cli_usage_hint("index");
    }
    x->sub = (sub_id)i;
    int rc = cli_parse(argc - 1, argv + 1, &x->s, &x->o);
    if (rc || x->s.help || x->s.version)
        return rc;
    if (!x->s.db)
        cli_usage_error("index %s needs --db FILE", argv[0]);
    else if (x->sub != SUB_STATS && !x->s.ninputs)
        cli_usage_error("index %s needs at least one input", argv[0]);
    else if (x->s.since && wt_parse_time(x->s.since, &x->f.since))
        cli_usage_error("invalid value \"%s\" for --since: expected ISO "
                        "8601 (2024-10-22T08:05:00Z)", x->s.since);
    else
        return apply_filters(x);
    return cli_usage_hint("index");
}


/* Per-thread analysis contexts; a chunk holds CHUNK_PER_JOB articles a
 * thread, enough to keep threads busy, small enough to keep memory flat. */
#define CHUNK_PER_JOB 32

static int start_workers(ictx *x, char *err, size_t errlen)
{
    x->jobs = x->s.jobs ? x->s.jobs : 1;
    x->chunkcap = x->jobs == 1 ? 1 : (size_t)x->jobs * CHUNK_PER_JOB;
    x->workers = calloc(x->jobs, sizeof *x->workers);
    for (int i = 0; i < 2; i++) {
        x->chunks[i].v = calloc(x->chunkcap, sizeof *x->chunks[i].v);
        x->chunks[i].t = calloc(x->jobs, sizeof *x->chunks[i].t);
    }
    x->fill = &x->chunks[0];
    if (!x->workers || !x->chunks[0].v || !x->chunks[1].v ||
        !x->chunks[0].t || !x->chunks[1].t) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (unsigned w = 0; w < x->jobs; w++) {
        x->workers[w].x = x;
        x->workers[w].no = w;
        int rc;
        if (x->sub == SUB_ADD)
            rc = wt_index_worker_new(&x->workers[w].prep, x->ix);
        else if (w == 0)
            rc = 0, x->workers[w].ix = x->ix;
        else
            rc = wt_index_open(&x->workers[w].ix, x->s.db, &x->o, &x->io,
                               err, errlen);
        if (rc) {
            if (!err[0])
                snprintf(err, errlen, "%s", wt_strerror(rc));
            return -1;
        }
    }
    return 0;
}

static void stop_workers(ictx *x)
{
    for (unsigned w = 0; x->workers && w < x->jobs; w++) {
        wt_index_worker_free(x->workers[w].prep);
        if (w > 0)
            wt_index_close(x->workers[w].ix);
    }
    free(x->workers);
    x->workers = NULL;
    for (int i = 0; i < 2; i++) {
        free(x->chunks[i].v);
        free(x->chunks[i].t);
    }
    memset(x->chunks, 0, sizeof x->chunks);
    x->fill = x->flying = NULL;
}

static int open_index(ictx *x)
{
    char err[1024] = "";
    /* Errors come back as return values too and are printed with the
     * article they belong to (finish_slot). */
    x->log.errors_returned = 1;
    cli_log_attach(&x->log, x->s.quiet, x->s.verbose, &x->o);
    x->io.progress = progress;
    x->io.progress_ctx = x;
    x->write = report_writer_for(x->s.format);
    int rc = wt_index_open(&x->ix, x->s.db, &x->o, &x->io, err, sizeof err);
    if (rc) {
        cli_error("%s", err[0] ? err : wt_strerror(rc));
        return EXIT_TROUBLE;
    }
    return 0;
}

/* Adds or queries (x->sub) the files of l, or the inputs when l is
 * NULL.  Returns 0 or EXIT_TROUBLE when the pass could not run. */
static int pass(ictx *x, const walk_list *l)
{
    char err[1024] = "";
    x->s.shown = 1; /* a query reports the article, not the candidates */
    x->landed = 0;
    if (start_workers(x, err, sizeof err)) {
        cli_error("%s", err);
        return EXIT_TROUBLE;
    }
    if (l)
        from_files(x, l);
    for (size_t i = 0; !l && i < x->s.ninputs; i++)
        from_input(x, x->s.inputs[i]);
    if (x->fill)
        drain(x);
    stop_workers(x);
    if (x->sub != SUB_ADD)
        return 0;
    if (wt_index_commit(x->ix)) {
        cli_error("%s", wt_index_error(x->ix));
        return EXIT_TROUBLE;
    }
    if (!x->s.quiet && (!x->scan || x->s.verbose))
        cli_info("index: %zu added, %zu unchanged", x->added, x->unchanged);
    return 0;
}

static int exit_status(const ictx *x)
{
    if (x->trouble)
        return EXIT_TROUBLE;
    return x->reuse ? EXIT_REUSE : EXIT_NO_REUSE;
}

static int run(ictx *x)
{
    int rc = open_index(x);
    if (rc)
        return rc;
    if (x->sub == SUB_REMOVE)
        return do_remove(x);
    if (x->sub == SUB_STATS)
        return do_stats(x);
    rc = pass(x, NULL);
    return rc ? rc : exit_status(x);
}

/* The temporary index of a scan, removed if a signal ends the run (a
 * closed pipe, Ctrl-C).  Process-wide by nature, like the signal. */
static char temp_paths[3][4200];

static void remove_temp(int sig)
{
    for (int i = 0; i < 3; i++)
        if (temp_paths[i][0])
            unlink(temp_paths[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* A new empty file for a temporary index in $TMPDIR; SQLite takes an
 * empty file as a new database. */
static int temp_db(char *path, size_t len)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, len, "%s/wiretrace-scan-XXXXXX.db",
             dir && *dir ? dir : "/tmp");
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

static void remove_db(void)
{
    for (int i = 0; i < 3; i++) {
        unlink(temp_paths[i]);
        temp_paths[i][0] = '\0';
    }
}

int cmd_scan_indexed(const cli_settings *s, const wt_options *o,
                     const walk_list *files, int trouble)
{
    ictx x;
    memset(&x, 0, sizeof x);
    x.s = *s;
    x.o = *o;
    x.scan = 1;
    x.trouble = trouble;
    wt_index_options_init(&x.io);
    if (s->batch)
        x.io.batch = s->batch;
    char tmp[4096];
    if (!s->db && temp_db(tmp, sizeof tmp))
        return EXIT_TROUBLE;
    if (!s->db)
        x.s.db = tmp;
    int rc = (x.failed = calloc(files->n + 1, 1)) ? open_index(&x)
                                                  : EXIT_TROUBLE;
    if (!rc) {
        x.sub = SUB_ADD;
        rc = pass(&x, files);
    }
    if (!rc) {
        x.sub = SUB_QUERY;
        rc = pass(&x, files);
    }
    stop_workers(&x);
    wt_index_close(x.ix);
    if (!s->db)
        remove_db();
    free(x.failed);
    return rc ? rc : exit_status(&x);
}

int cmd_index(int argc, char **argv)
{
    ictx x;
    memset(&x, 0, sizeof x);
    wt_options_init(&x.o);
    wt_index_options_init(&x.io);
    x.s.command = "index";
    if (argc < 1) {
        cli_usage_error("index needs a command: add, query, remove or stats");
        return cli_usage_hint("index");
    }
    if (!strcmp(argv[0], "--help") || !strcmp(argv[0], "-h")) {
        cli_help("index");
        return 0;
    }
    int rc = parse(&x, argc, argv);
    if (!rc && x.s.help)
        cli_help("index");
    else if (!rc && x.s.version)
        printf("wiretrace %s\n", WT_VERSION);
    else if (!rc)
        rc = run(&x);
    stop_workers(&x);
    wt_index_close(x.ix);
    cli_settings_release(&x.s);
    return rc;
}
