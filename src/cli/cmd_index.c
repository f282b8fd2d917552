/*
 * cmd_index.c - `wiretrace index init|add|query|show|remove|stats|relink`: a
 * persistent archive that new articles are checked against; and a scan
 * through such an index.  Articles are read one at a time (articles.h) and analyzed by
 * -j N worker threads whose results land in input order (pool.h), so
 * memory does not grow with the input and the output does not depend on
 * the number of threads.
 */
#include "cmd_index.h"
#include "articles.h"
#include "jsonl.h"
#include "pool.h"
#include "progress.h"
#include "report.h"
#include "slice.h"

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef enum {
    SUB_ADD,
    SUB_QUERY,
    SUB_REMOVE,
    SUB_STATS,
    SUB_INIT,
    SUB_GET,
    SUB_RELINK,
    SUB_LIST
} sub_id;

static const char *const sub_names[] = {"add",  "query", "remove", "stats",
                                        "init", "get",   "relink", "list"};

/* One article in the pool: an owned copy, then its result. */
typedef struct slot {
    wt_article a;
    char *own[7];     /* the copied strings of a, and path */
    const char *path; /* the file it was read from, or NULL */
    int rc;
    char err[1024];
    wt_index_entry *entry; /* add: the prepared article */
    char *out;             /* query: the rendered report */
    size_t nout;
    char *pairs; /* query in a scan with --json: its pairs */
    char *row;   /* query in a scan with --html: its overview row */
    size_t file; /* a scan: its place in the scan's files, for failed[] */
    int reuse;
} slot;

/* What one worker thread works with, its own so that threads share no
 * state: add prepares articles with a worker context, query reads
 * through a connection. */
typedef struct ixworker {
    wt_index_worker *prep; /* add */
    wt_index *ix;          /* query; the first is the main connection */
} ixworker;

typedef struct ictx {
    cli_settings s;
    wt_options o;
    cli_log log;
    wt_index_options io;
    wt_index_filter f;
    wt_index *ix;
    sub_id sub;
    report_writer write; /* query: the report of each article */
    json_merge *merge;   /* scan --json: one document of all reports */
    int legend_shown;    /* text reports: the legend went before the first */
    json_t *file_ids;    /* id -> path of the files read in this run */
    char **rows;         /* scan --html: the overview's rows, in order */
    size_t nrows;
    int scan;   /* a scan through the index: quieter */
    int status; /* the worst exit status so far (msg.h) */
    int reuse;
    unsigned char *failed;  /* scan: per file, 1 when its add failed */
    const walk_list *files; /* a scan: its files, failed[] indexes them */
    size_t next_file;       /* the first of files not yet queued */
    /* add: the articles put in the open batch, told only once the library
     * says whether their batch was committed (settle()) */
    struct pending {
        char *id;
        size_t file;      /* its place in a scan's files, for failed[] */
        int added;        /* WT_ADDED_* */
        char *error;      /* its own failure, or NULL */
        int write_failed; /* the failure was writing it */
    } * pend;
    size_t npend, cap_pend;
    size_t commits;  /* batches the library reported committed */
    size_t in_index; /* documents in the index after the last
                              commit, read back by the library */
    size_t added, unchanged, replaced, lost; /* settled articles */
    unsigned jobs;
    ixworker *workers;     /* one per job */
    wt_index_cache *cache; /* queries on threads: their connections' one */
    pool *pool;
    progress *prog; /* index add: articles, rate and time left */
} ictx;

/* wt_index_progress: a batch is committed, so every article put so far
 * is stored (finish_slot settles them). */
static void on_commit(void *ctx, size_t batch, size_t total)
{
    ictx *x = ctx;
    x->commits++;
    x->in_index = total;
    /* On a terminal the progress line says it, unless -v. */
    if (!x->s.quiet && (!x->scan || x->s.verbose) &&
        (x->s.verbose || !x->prog || !isatty(STDERR_FILENO)))
        cli_info("index: committed %zu article(s), %zu in the index", batch,
                 total);
}

/* One line of jsonl output for index add.  Ids are valid UTF-8 (files'
 * are escaped, JSON Lines are checked by jansson), so the line is
 * never left out; only a failed allocation can. */
static void add_line(const char *id, const char *status, const char *err)
{
    json_t *o = json_pack("{s:s, s:s}", "id", id, "status", status);
    if (o && err)
        json_object_set_new(o, "error", json_string(err));
    if (!o || json_dumpf(o, stdout, JSON_COMPACT) || fputc('\n', stdout) < 0)
        if (!ferror(stdout))
            cli_error("%s: out of memory for its status line", id);
    json_decref(o);
}

static void prepare_slot(ixworker *w, slot *sl)
{
    sl->rc = wt_index_prepare(w->prep, &sl->a, &sl->entry);
    if (sl->rc)
        snprintf(sl->err, sizeof sl->err, "%s", wt_index_worker_error(w->prep));
}

/* index query --html FILE: one page per queried article, named after
 * FILE with the article id before its extension ("report-<id>.html"), so
 * that workers never share a file.  Letters, digits, '-' and '.' are
 * kept; every other byte of the id is written _XX (hex), '_' itself
 * included, so that two ids never share a page ("a*b", "a?b", "a_b"). */
static int html_for_article(const wt_corpus *c, const cli_settings *s,
                            const char *id, char **row)
{
    const char *html = s->html;
    const char *dot = strrchr(html, '.');
    const char *slash = strrchr(html, '/');
    if (!dot || (slash && dot < slash))
        dot = html + strlen(html);
    const size_t n = strlen(html) + 3 * strlen(id) + 2;
    char *path = malloc(n);
    if (!path)
        return -1;
    int o = snprintf(path, n, "%.*s-", (int)(dot - html), html);
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        if (isalnum(*p) && *p < 0x80)
            path[o++] = (char)*p;
        else if (*p == '-' || (*p == '.' && p != (const unsigned char *)id))
            path[o++] = (char)*p;
        else
            o += snprintf(path + o, n - (size_t)o, "_%02X", *p);
    snprintf(path + o, n - (size_t)o, "%s", dot);
    int rc = report_html_file(c, s, path);
    if (!rc && row) {
        const char *base = strrchr(path, '/');
        if (!(*row = report_html_row(c, base ? base + 1 : path)))
            rc = -1;
    }
    free(path);
    return rc;
}

/* The report of one article is rendered here, in the worker, and only
 * printed when the article lands, in input order. */
static void query_slot(const ictx *x, ixworker *w, slot *sl)
{
    const wt_corpus *c = NULL;
    int stored = 0;
    /* A scan has just added the article: as stored, it may be kept. */
    if (x->scan)
        sl->rc = wt_index_query_stored(w->ix, &sl->a, &x->f, &c, &stored);
    if (!stored && !sl->rc)
        sl->rc = wt_index_query(w->ix, &sl->a, &x->f, &c);
    if (sl->rc) {
        snprintf(sl->err, sizeof sl->err, "%s", wt_index_error(w->ix));
        return;
    }
    if (x->merge) {
        if (report_json_parts(c, &x->s, &sl->out, &sl->pairs))
            sl->rc = WT_ENOMEM;
    } else {
        FILE *mem = open_memstream(&sl->out, &sl->nout);
        if (!mem || x->write(c, &x->s, mem))
            sl->rc = WT_ENOMEM;
        if (mem)
            fclose(mem);
    }
    if (sl->rc)
        snprintf(sl->err, sizeof sl->err, "out of memory for the report");
    sl->reuse = report_count_links_in(c, 1) > 0;
    if (!sl->rc && x->s.html &&
        html_for_article(c, &x->s, sl->a.id, x->scan ? &sl->row : NULL)) {
        sl->rc = WT_EWRITE; /* an output write: exit 74 */
        snprintf(sl->err, sizeof sl->err, "%s: cannot write the HTML report",
                 sl->a.id);
    }
}

/* pool_ops.work */
static void work(void *ctx, unsigned worker, void *item)
{
    const ictx *x = ctx;
    if (x->sub == SUB_ADD)
        prepare_slot(&x->workers[worker], item);
    else
        query_slot(x, &x->workers[worker], item);
}

/* An article that failed: named on stderr at once.  The line of index
 * add --format jsonl follows in input order, when its batch is settled. */
static void report_failure(ictx *x, const slot *sl)
{
    /* A scan names the file by its path, as compare does. */
    const size_t n = strlen(sl->a.id);
    if (x->scan && sl->path && !strncmp(sl->err, sl->a.id, n) &&
        sl->err[n] == ':')
        cli_error("%s%s", sl->path, sl->err + n);
    else
        cli_error("%s", sl->err);
    cli_raise(&x->status, cli_exit_of(sl->rc));
    if (x->failed)
        x->failed[sl->file] = 1;
}

static const char *added_name(int added)
{
    switch (added) {
    case WT_ADDED_NEW: return "added";
    case WT_ADDED_REPLACED: return "replaced";
    }
    return "unchanged";
}

/* Tells what became of one article put in a batch now settled: stored
 * as the library said (why NULL: the batch was committed), or lost with
 * the batch (why). */
static void tell_put(ictx *x, const char *id, size_t file, int added,
                     const char *why)
{
    const int jsonl = x->s.format == FMT_JSONL && !x->scan;
    if (why) {
        x->lost++;
        if (x->failed)
            x->failed[file] = 1;
        if (jsonl)
            add_line(id, "failed", why);
        else if (x->s.verbose)
            cli_info("%s: failed, not stored", id);
        return;
    }
    *(added == WT_ADDED_NEW        ? &x->added
      : added == WT_ADDED_REPLACED ? &x->replaced
                                   : &x->unchanged) += 1;
    if (jsonl)
        add_line(id, added_name(added), NULL);
    else if (x->s.verbose)
        cli_info("%s: %s", id, added_name(added));
}

/* The same for any article of the batch: one that failed on its own
 * (p->error) was named already; its jsonl line follows here, in order. */
static void tell(ictx *x, const struct pending *p, const char *why)
{
    if (!p->error) {
        tell_put(x, p->id, p->file, p->added, why);
        return;
    }
    x->lost += p->write_failed;
    if (x->s.format == FMT_JSONL && !x->scan)
        add_line(p->id, p->write_failed ? "failed" : "error", p->error);
}

/* Every article of the open batch, in input order: committed when why
 * is NULL, else lost with the batch. */
static void settle(ictx *x, const char *why)
{
    for (size_t i = 0; i < x->npend; i++) {
        tell(x, &x->pend[i], why);
        free(x->pend[i].id);
        free(x->pend[i].error);
    }
    if (why && x->npend)
        cli_raise(&x->status, EXIT_IOERR);
    x->npend = 0;
}

/* 1 when the open batch holds a change (not only unchanged articles). */
static int batch_changes(const ictx *x)
{
    for (size_t i = 0; i < x->npend; i++)
        if (!x->pend[i].error && x->pend[i].added != WT_ADDED_NONE)
            return 1;
    return 0;
}

/* Commits the open batch and settles its articles by what the library
 * says: its progress callback for a commit, an error for a lost batch.
 * A commit that reports nothing while the batch held changes means the
 * batch was already lost (a put's own commit failed: lost_why). */
static void commit_and_settle(ictx *x, const char *lost_why)
{
    const size_t before = x->commits;
    const int rc = wt_index_commit(x->ix);
    if (rc) {
        cli_error("%s", wt_index_error(x->ix));
        cli_raise(&x->status, cli_exit_of(rc));
        settle(x, wt_index_error(x->ix));
    } else if (x->commits == before && batch_changes(x)) {
        settle(x, lost_why ? lost_why : "the batch was not committed");
    } else {
        settle(x, NULL);
    }
}

/* Remembers an article of the open batch (error: its own failure, or
 * NULL).  Returns 0, or -1 when out of memory. */
static int remember(ictx *x, const slot *sl, int added, const char *error)
{
    if (x->npend == x->cap_pend) {
        const size_t cap = x->cap_pend ? 2 * x->cap_pend : 64;
        struct pending *p = realloc(x->pend, cap * sizeof *p);
        if (!p)
            return -1;
        x->pend = p;
        x->cap_pend = cap;
    }
    struct pending *p = &x->pend[x->npend];
    *p = (struct pending){strdup(sl->a.id), sl->file, added, NULL,
                          sl->rc == WT_EWRITE};
    if (error)
        p->error = strdup(error);
    if (!p->id || (error && !p->error)) {
        free(p->id);
        free(p->error);
        return -1;
    }
    x->npend++;
    return 0;
}

/* Puts a prepared article in the open batch; it is told when the batch
 * is settled: at once when this put committed it. */
static void put_slot(ictx *x, slot *sl)
{
    const size_t before = x->commits;
    int added = 0;
    if (!sl->rc && (sl->rc = wt_index_put(x->ix, sl->entry, &added))) {
        snprintf(sl->err, sizeof sl->err, "%s", wt_index_error(x->ix));
        report_failure(x, sl); /* this article is not stored */
        if (remember(x, sl, 0, sl->err))
            cli_raise(&x->status, EXIT_OSERR);
        commit_and_settle(x, sl->err); /* the others of its batch */
        return;
    }
    if (sl->rc) {
        report_failure(x, sl); /* could not be read or analyzed */
        if (remember(x, sl, 0, sl->err))
            cli_raise(&x->status, EXIT_OSERR);
        return;
    }
    if (remember(x, sl, added, NULL)) {
        /* No room to remember it: settle the batch now, and tell it. */
        commit_and_settle(x, NULL);
        tell_put(x, sl->a.id, sl->file, added,
                 x->commits == before ? "out of memory" : NULL);
        cli_raise(&x->status, EXIT_OSERR);
        return;
    }
    if (x->commits != before)
        settle(x, NULL);
}

/* Keeps the overview row of a scan --html article, in input order. */
static void keep_row(ictx *x, slot *sl)
{
    if (!sl->row)
        return;
    char **v = realloc(x->rows, (x->nrows + 1) * sizeof *v);
    if (!v) {
        cli_raise(&x->status, EXIT_OSERR);
        return;
    }
    x->rows = v;
    x->rows[x->nrows++] = sl->row;
    sl->row = NULL;
}

/* Stores (add) or prints (query) one processed article. */
static void finish_slot(ictx *x, slot *sl)
{
    if (x->sub == SUB_ADD) {
        put_slot(x, sl);
    } else if (sl->rc) {
        report_failure(x, sl);
    } else {
        if (x->merge && json_merge_add(x->merge, stdout, sl->out, sl->pairs))
            cli_raise(&x->status, EXIT_OSERR);
        else if (!x->merge) {
            if (x->s.legend_once && !x->legend_shown++)
                report_text_legend(stdout);
            fwrite(sl->out, 1, sl->nout, stdout);
        }
        x->reuse |= sl->reuse;
        keep_row(x, sl);
    }
    fflush(stdout);
}

static void slot_release(slot *sl)
{
    for (int i = 0; i < 7; i++)
        free(sl->own[i]);
    wt_index_entry_free(sl->entry);
    free(sl->out);
    free(sl->pairs);
    free(sl->row);
    memset(sl, 0, sizeof *sl);
}

/* pool_ops.land */
static void land(void *ctx, void *item)
{
    const ictx *x = ctx;
    const double t0 = x->o.timings ? wt_thread_cpu_seconds() : 0;
    finish_slot(ctx, item);
    progress_step(x->prog, ((slot *)item)->a.len);
    slot_release(item);
    if (x->o.timings)
        wt_timings_add(x->o.timings,
                       x->sub == SUB_ADD ? WT_STAGE_STORAGE : WT_STAGE_OUTPUT,
                       wt_thread_cpu_seconds() - t0);
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

/* article_fn: queues a copy of a, read from path (may be NULL), in the
 * pool; the reader reuses its buffers for the next article. */
/* The id of the file at path, named id by its base name: that name
 * unless another file of this run has it already (a/x.txt and b/x.txt),
 * then its path, then its path with #2, #3...: two files never become one
 * article.  The same path twice is the same article.  Returns a malloc'd
 * id, or NULL when out of memory. */
static char *unique_file_id(ictx *x, const char *id, const char *path)
{
    /* Paths are kept escaped: a file name need not be UTF-8, a JSON
     * string must. */
    char *esc = utf8_escape(path), *want = esc ? strdup(id) : NULL;
    if (!x->file_ids && !(x->file_ids = json_object()))
        want = NULL;
    for (unsigned n = 1; want; n++) {
        const char *held =
            json_string_value(json_object_get(x->file_ids, want));
        if (!held || !strcmp(held, esc))
            break;
        free(want);
        /* The path first, then the path with #2, #3... */
        const size_t len = strlen(esc) + 16;
        if ((want = malloc(len)) != NULL && n == 1)
            snprintf(want, len, "%s", esc);
        else if (want)
            snprintf(want, len, "%s#%u", esc, n);
    }
    if (want && json_object_set_new(x->file_ids, want, json_string(esc))) {
        free(want);
        want = NULL;
    }
    if (want && strcmp(want, id))
        cli_info("%s: another file of this run is %s already: its id is %s",
                 esc, id, want);
    free(esc);
    return want;
}

/* The place of the file at path in a scan's files.  Files are read in
 * order, so it is found from the last one on; the files passed over were
 * not queued: in the add pass they could not be read, and are marked
 * failed so that the query pass does not read them again. */
static size_t scan_file(ictx *x, const char *path)
{
    const walk_list *l = x->files;
    while (x->next_file < l->n && l->paths[x->next_file] != path) {
        if (x->sub == SUB_ADD)
            x->failed[x->next_file] = 1;
        x->next_file++;
    }
    assert(x->next_file < l->n);
    return x->next_file++;
}

static void queue_article(void *ctx, const wt_article *a,
                          const article_src *src)
{
    ictx *x = ctx;
    const char *path = src->path;
    const size_t file = x->files ? scan_file(x, path) : 0;
    char *id = NULL;
    wt_article named = *a;
    if (path && !x->scan && x->sub == SUB_ADD) {
        if (!(id = unique_file_id(x, a->id, path))) {
            cli_error("%s: out of memory", path);
            cli_raise(&x->status, EXIT_OSERR);
            return;
        }
        named.id = id;
        a = &named;
    }
    slot *sl = pool_slot(x->pool);
    sl->a = *a;
    sl->file = file;
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
        cli_raise(&x->status, EXIT_OSERR);
        if (x->files && x->sub == SUB_ADD)
            x->failed[file] = 1;
        slot_release(sl); /* not pushed: the pool hands it out again */
        free(id);
        return;
    }
    free(id);
    pool_push(x->pool);
}

static int do_remove(ictx *x)
{
    for (size_t i = 0; i < x->s.ninputs; i++) {
        int removed = 0;
        const int rc = wt_index_remove(x->ix, x->s.inputs[i], &removed);
        if (rc) {
            cli_error("%s", wt_index_error(x->ix));
            return cli_exit_worst(x->status, cli_exit_of(rc));
        }
        if (!removed) {
            cli_error("%s: not in the index", x->s.inputs[i]);
            cli_raise(&x->status, EXIT_INPUT);
        } else if (x->s.verbose) {
            cli_info("%s: removed", x->s.inputs[i]);
        }
    }
    return x->status;
}

/* The stored article as a text file with its header block, so that
 * `index get ID > ID.txt` reads back as it was indexed; as one JSON
 * Lines object with --json or --format. */
static void print_article(const wt_article *a, cli_format format)
{
    if (format != FMT_TEXT) {
        json_t *o = jsonl_article(a);
        if (o)
            json_dumpf(o, stdout,
                       format == FMT_JSONL ? JSON_COMPACT : JSON_INDENT(1));
        putchar('\n');
        json_decref(o);
        return;
    }
    const char *keys[] = {"Title", "Outlet", "URL", "Language"};
    const char *vals[] = {a->title, a->outlet, a->url, a->lang};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (vals[i] && *vals[i])
            printf("%s: %s\n", keys[i], vals[i]);
    char when[32] = "";
    struct tm tm;
    const time_t t = (time_t)a->published;
    if (a->published && gmtime_r(&t, &tm) &&
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm))
        printf("Date: %s\n", when);
    printf("\n");
    fwrite(a->text, 1, a->len, stdout);
    if (a->len && a->text[a->len - 1] != '\n')
        putchar('\n');
}

/* index get ID...: each stored article, as it was indexed. */
static int do_get(ictx *x)
{
    for (size_t i = 0; i < x->s.ninputs; i++) {
        wt_article a;
        int found = 0;
        const int rc = wt_index_get(x->ix, x->s.inputs[i], &a, &found);
        if (rc) {
            cli_error("%s", wt_index_error(x->ix));
            return cli_exit_worst(x->status, cli_exit_of(rc));
        }
        if (!found) {
            cli_error("%s: not in the index", x->s.inputs[i]);
            cli_raise(&x->status, EXIT_INPUT);
            continue;
        }
        if (i && x->s.format == FMT_TEXT)
            fputs("\f\n", stdout); /* a form feed between articles */
        print_article(&a, x->s.format);
    }
    return x->status;
}

/* wt_index_list_cb of index list: one line per article (text: id,
 * published, outlet, language, title, tab-separated; JSON Lines: the
 * metadata object without the text). */
static int list_one(void *ctx, const wt_article *a)
{
    const cli_format format = *(const cli_format *)ctx;
    if (format != FMT_TEXT) {
        json_t *o = jsonl_article(a);
        if (o)
            json_dumpf(o, stdout, JSON_COMPACT);
        putchar('\n');
        json_decref(o);
        return o ? 0 : WT_ENOMEM;
    }
    char when[32] = "-";
    struct tm tm;
    const time_t t = (time_t)a->published;
    if (a->published && gmtime_r(&t, &tm))
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    printf("%s\t%s\t%s\t%s\t%s\n", a->id, when, a->outlet ? a->outlet : "-",
           a->lang ? a->lang : "-", a->title ? a->title : "-");
    return 0;
}

/* index list: what is stored, with --outlet, --since, --until, --lang. */
static int do_list(ictx *x)
{
    int64_t until = 0;
    if (x->s.until && wt_parse_time(x->s.until, &until)) {
        cli_usage_error("invalid value \"%s\" for --until: expected ISO "
                        "8601 (2024-10-22T08:05:00Z)",
                        x->s.until);
        return cli_usage_hint("index");
    }
    x->f.lang = x->o.lang;
    const int rc = wt_index_list(x->ix, &x->f, until, list_one, &x->s.format);
    if (rc) {
        cli_error("%s", wt_index_error(x->ix)[0] ? wt_index_error(x->ix)
                                                 : wt_strerror(rc));
        return cli_exit_of(rc);
    }
    return fflush(stdout) ? EXIT_IOERR : 0;
}

static void print_stats_json(const wt_index_stats *st, double per,
                             cli_format format)
{
    json_t *o =
        json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:f}", "documents",
                  (json_int_t)st->documents, "paragraphs",
                  (json_int_t)st->paragraphs, "fingerprints",
                  (json_int_t)st->fingerprints, "bands", (json_int_t)st->bands,
                  "text_bytes", (json_int_t)st->text_bytes, "index_bytes",
                  (json_int_t)st->file_bytes, "index_bytes_per_document", per);
    json_dumpf(o, stdout, format == FMT_JSONL ? JSON_COMPACT : JSON_INDENT(1));
    fputc('\n', stdout);
    json_decref(o);
}

static int do_stats(ictx *x)
{
    wt_index_stats st;
    const int rc = wt_index_stats_get(x->ix, &st);
    if (rc) {
        cli_error("%s", wt_index_error(x->ix));
        return cli_exit_of(rc);
    }
    const double per = st.documents ? (double)st.file_bytes / st.documents : 0;
    if (x->s.format != FMT_TEXT) {
        print_stats_json(&st, per, x->s.format);
        return 0;
    }
    printf("documents     %llu\nparagraphs    %llu\nfingerprints  %llu\n"
           "bands         %llu\ntext bytes    %llu\nindex bytes   %llu "
           "(%.0f per document)\n",
           (unsigned long long)st.documents, (unsigned long long)st.paragraphs,
           (unsigned long long)st.fingerprints, (unsigned long long)st.bands,
           (unsigned long long)st.text_bytes, (unsigned long long)st.file_bytes,
           per);
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
    x->io.uses = !x->s.no_uses;
    return 0;
}

static int parse(ictx *x, int argc, char **argv)
{
    const size_t nsubs = sizeof sub_names / sizeof *sub_names;
    size_t i = 0;
    while (i < nsubs && strcmp(argv[0], sub_names[i]))
        i++;
    if (i == nsubs) {
        cli_usage_error("unknown index command \"%s\": expected init, add, "
                        "query, get, list, remove, stats or relink",
                        argv[0]);
        return cli_usage_hint("index");
    }
    x->sub = (sub_id)i;
    int rc = cli_parse(argc - 1, argv + 1, &x->s, &x->o);
    if (rc || x->s.help || x->s.version)
        return rc;
    if (!x->s.db)
        cli_usage_error("index %s needs --db FILE (or WIRETRACE_DB)", argv[0]);
    else if (x->sub != SUB_INIT && x->s.nshards)
        cli_usage_error("--shard is for index init");
    else if ((x->sub == SUB_INIT || x->sub == SUB_RELINK ||
              x->sub == SUB_LIST) &&
             x->s.ninputs)
        cli_usage_error("index %s takes no input: \"%s\"", argv[0],
                        x->s.inputs[0]);
    else if (x->sub != SUB_STATS && x->sub != SUB_INIT &&
             x->sub != SUB_RELINK && x->sub != SUB_LIST && !x->s.ninputs)
        cli_usage_error("index %s needs at least one input", argv[0]);
    else if (x->s.since && wt_parse_time(x->s.since, &x->f.since))
        cli_usage_error("invalid value \"%s\" for --since: expected ISO "
                        "8601 (2024-10-22T08:05:00Z)",
                        x->s.since);
    else
        return apply_filters(x);
    return cli_usage_hint("index");
}

/* The pool, and the state of each of its threads.  Returns 0 or the
 * WT_E* code of the failure, err saying why. */
static int start_workers(ictx *x, char *err, size_t errlen)
{
    static const pool_ops ops = {work, land};
    /* Each thread holds a chunk of articles and, for a query, a
     * connection with its page cache. */
    x->jobs = cli_threads(x->s.jobs, x->s.verbose);
    x->workers = calloc(x->jobs, sizeof *x->workers);
    x->pool = pool_new(x->jobs, sizeof(slot), &ops, x);
    if (!x->workers || !x->pool) {
        snprintf(err, errlen, "out of memory");
        return WT_ENOMEM;
    }
    for (unsigned w = 0; w < x->jobs; w++) {
        int rc;
        if (x->sub == SUB_ADD)
            rc = wt_index_worker_new(&x->workers[w].prep, x->ix);
        else if (w == 0)
            rc = 0, x->workers[w].ix = x->ix;
        else
            rc = wt_index_open(&x->workers[w].ix, x->s.db, &x->o, &x->io, err,
                               errlen);
        if (rc) {
            if (!err[0])
                snprintf(err, errlen, "%s", wt_strerror(rc));
            return rc;
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
    pool_free(x->pool);
    x->pool = NULL;
}

/* The analyzed stored articles kept: cli_cache_bytes() for the queries
 * (index query, the uses of index add, a scan); the query threads'
 * connections share one cache, as serve's workers do, so that a stored
 * story met on two threads is analyzed once.  Returns 0 or WT_ENOMEM. */
static int share_cache(ictx *x)
{
    const unsigned jobs = cli_threads(x->s.jobs, 0);
    const int shared = (x->sub == SUB_QUERY || x->scan) && jobs > 1;
    x->io.cache_bytes =
        x->s.cache_mb ? cli_cache_bytes(&x->s, shared ? jobs : 1) : 0;
    if (!shared || !x->io.cache_bytes)
        return 0;
    const int rc = wt_index_cache_new(&x->cache, x->io.cache_bytes);
    x->io.cache = x->cache;
    return rc;
}

static int open_index(ictx *x)
{
    char err[1024] = "";
    /* Errors come back as return values too and are printed with the
     * article they belong to (finish_slot). */
    x->log.errors_returned = 1;
    cli_log_attach(&x->log, x->s.quiet, x->s.verbose, &x->o);
    /* The index reads every article with one charset. */
    if (x->s.nencodings && !x->s.quiet)
        cli_warn("--encoding %s=%s: one file's charset is not applied "
                 "through an index; --encoding NAME applies to every input",
                 x->s.encodings[0].file, x->s.encodings[0].value);
    x->io.progress = on_commit;
    x->io.progress_ctx = x;
    /* Only init and add create an index; query and stats never write one. */
    x->io.read_only = x->sub == SUB_QUERY || x->sub == SUB_STATS ||
                      x->sub == SUB_GET || x->sub == SUB_LIST;
    x->write = report_writer_for(x->s.format);
    /* One text report per article: what the columns mean is said once. */
    x->s.legend_once = x->s.format == FMT_TEXT;
    /* Nor does remove: a missing index is "not an index" to all three,
     * never an empty one created in its place.  A database says so
     * itself when it has no index (wt_index_open). */
    struct stat st;
    if (x->sub != SUB_ADD && !x->scan && !wt_index_is_server(x->s.db) &&
        stat(x->s.db, &st) && errno == ENOENT) {
        cli_error("%s: no index here: no such file", x->s.db);
        return EXIT_DATAERR;
    }
    int rc = share_cache(x);
    if (!rc)
        rc = wt_index_open(&x->ix, x->s.db, &x->o, &x->io, err, sizeof err);
    if (rc) {
        cli_error("%s", err[0] ? err : wt_strerror(rc));
        return cli_exit_of(rc);
    }
    return 0;
}

/* Adds or queries (x->sub) the files of l, or the operands when l is
 * NULL.  Returns 0, or the exit status when the pass could not run. */
static int pass(ictx *x, const walk_list *l)
{
    char err[1024] = "";
    x->s.shown = 1; /* a query reports the article, not the candidates */
    x->next_file = 0;
    int rc = start_workers(x, err, sizeof err);
    if (rc) {
        cli_error("%s", err);
        return cli_exit_worst(x->status, cli_exit_of(rc));
    }
    /* index add draws its own progress line (a scan has the scan's). */
    if (x->sub == SUB_ADD && !x->scan)
        x->prog = progress_new(l ? l->n : 0, 0, &x->log);
    /* A scan does not query the files whose add failed. */
    if (l) {
        articles_read_files(l, x->sub == SUB_QUERY ? x->failed : NULL,
                            queue_article, x, &x->status);
        /* The last files, when they could not be read. */
        while (x->sub == SUB_ADD && x->next_file < l->n)
            x->failed[x->next_file++] = 1;
    }
    for (size_t i = 0; !l && i < x->s.ninputs; i++)
        articles_read(x->s.inputs[i], (size_t)x->s.max_record << 20,
                      x->s.include, x->s.ninclude, queue_article, x,
                      &x->status);
    pool_drain(x->pool);
    stop_workers(x);
    progress_end(x->prog);
    x->prog = NULL;
    if (x->sub != SUB_ADD)
        return 0;
    const double t0 = x->o.timings ? wt_thread_cpu_seconds() : 0;
    commit_and_settle(x, NULL);
    if (x->o.timings)
        wt_timings_add(x->o.timings, WT_STAGE_STORAGE,
                       wt_thread_cpu_seconds() - t0);
    fflush(stdout);
    if (x->s.quiet || (x->scan && !x->s.verbose))
        return 0;
    char lost[64] = "", total[64] = "";
    if (x->lost)
        snprintf(lost, sizeof lost, ", %zu failed (not stored)", x->lost);
    if (x->commits)
        snprintf(total, sizeof total, "; %zu in the index", x->in_index);
    cli_info("index: %zu added, %zu unchanged, %zu replaced%s%s", x->added,
             x->unchanged, x->replaced, lost, total);
    return 0;
}

static int exit_status(const ictx *x)
{
    return cli_exit_worst(x->status, x->reuse ? EXIT_REUSE : EXIT_NO_REUSE);
}

/* index init: the index made or brought up to date, then its size. */
static int do_init(ictx *x)
{
    char err[1024] = "";
    cli_log_attach(&x->log, x->s.quiet, x->s.verbose, &x->o);
    const int rc = wt_index_init(x->s.db, (const char *const *)x->s.shards,
                                 x->s.nshards, &x->o, err, sizeof err);
    if (rc) {
        cli_error("%s", err[0] ? err : wt_strerror(rc));
        return cli_exit_of(rc);
    }
    x->sub = SUB_STATS;
    int status = open_index(x);
    wt_index_stats st;
    if (!status && wt_index_stats_get(x->ix, &st)) {
        cli_error("%s", wt_index_error(x->ix));
        status = EXIT_DATAERR;
    }
    if (!status && !x->s.quiet)
        cli_info("index: ready, %llu document(s)",
                 (unsigned long long)st.documents);
    return status;
}

/* index relink: the uses of every stored article recorded again. */
static int do_relink(ictx *x)
{
    const int rc = wt_index_relink(x->ix);
    if (rc) {
        cli_error("%s", wt_index_error(x->ix));
        return cli_exit_of(rc);
    }
    if (!x->s.quiet)
        cli_info("index: uses recorded for %zu article(s)", x->in_index);
    return 0;
}

static int run(ictx *x)
{
    if (x->sub == SUB_INIT)
        return do_init(x);
    int rc = open_index(x);
    if (rc)
        return rc;
    if (x->sub == SUB_REMOVE)
        return do_remove(x);
    if (x->sub == SUB_GET)
        return do_get(x);
    if (x->sub == SUB_LIST)
        return do_list(x);
    if (x->sub == SUB_STATS)
        return do_stats(x);
    if (x->sub == SUB_RELINK)
        return do_relink(x);
    rc = pass(x, NULL);
    return rc ? rc : exit_status(x);
}

/* scan --html FILE through an index: FILE is the page of every article's
 * row, each linking to the article's own page beside it. */
static int write_overview(ictx *x)
{
    FILE *f = fopen(x->s.html, "w");
    int rc = f ? report_html_overview(f, x->rows, x->nrows) : -1;
    if (f && fclose(f))
        rc = -1;
    if (rc)
        cli_error("%s: cannot write the HTML report: %s", x->s.html,
                  strerror(errno));
    for (size_t i = 0; i < x->nrows; i++)
        free(x->rows[i]);
    free(x->rows);
    x->rows = NULL;
    x->nrows = 0;
    return rc;
}

int cmd_scan_indexed(const cli_settings *s, const wt_options *o, const char *db,
                     const walk_list *files, int status)
{
    ictx x;
    memset(&x, 0, sizeof x);
    x.s = *s;
    x.s.db = db;
    x.o = *o;
    x.scan = 1;
    x.status = status;
    wt_index_options_init(&x.io);
    if (s->batch)
        x.io.batch = s->batch;
    /* A temporary index (no --db) is thrown away: its uses would never
     * be read. */
    x.io.uses = s->db && !s->no_uses;
    int rc = EXIT_OSERR;
    x.files = files;
    if (!(x.failed = calloc(files->n + 1, 1)))
        cli_error("out of memory");
    else
        rc = open_index(&x);
    if (!rc) {
        x.sub = SUB_ADD;
        rc = pass(&x, files);
    }
    if (!rc) {
        x.sub = SUB_QUERY;
        /* --json: one document for the whole scan, as in memory. */
        if (s->format == FMT_JSON && !(x.merge = json_merge_new(s->tmpdir))) {
            const int no_memory = errno == ENOMEM;
            cli_error("%s: cannot make a temporary file for the JSON "
                      "report's pairs and rows: %s",
                      s->tmpdir, strerror(errno));
            rc = no_memory ? EXIT_OSERR : EXIT_IOERR;
        }
    }
    if (!rc)
        rc = pass(&x, files);
    const double t0 = x.o.timings ? wt_thread_cpu_seconds() : 0;
    if (x.merge && json_merge_finish(x.merge, stdout))
        cli_raise(&x.status, EXIT_OSERR);
    if (x.o.timings)
        wt_timings_add(x.o.timings, WT_STAGE_OUTPUT,
                       wt_thread_cpu_seconds() - t0);
    if (!rc && s->html && write_overview(&x))
        cli_raise(&x.status, EXIT_IOERR);
    stop_workers(&x);
    wt_index_close(x.ix);
    wt_index_cache_free(x.cache); /* after every connection using it */
    free(x.failed);
    free(x.pend);
    return rc ? rc : exit_status(&x);
}

int cmd_index(int argc, char **argv)
{
    ictx x;
    memset(&x, 0, sizeof x);
    cli_settings_init(&x.s, "index");
    wt_options_init(&x.o);
    x.o.linked_pairs_only = 1; /* as main.c: unless --all-pairs */
    wt_index_options_init(&x.io);
    if (argc < 1) {
        cli_usage_error("index needs a command: init, add, query, remove or "
                        "stats");
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
        cli_version("index", 0);
    else if (!rc) {
        wt_timings *t = NULL;
        if (x.s.profile && !wt_timings_new(&t))
            x.o.timings = t;
        rc = run(&x);
        stop_workers(&x);
        if (t)
            cli_profile_print(t);
        x.o.timings = NULL;
        wt_timings_free(t);
    }
    stop_workers(&x);
    wt_index_close(x.ix);
    wt_index_cache_free(x.cache); /* after every connection using it */
    free(x.pend);
    json_decref(x.file_ids);
    cli_settings_release(&x.s);
    return rc;
}
