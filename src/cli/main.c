/*
 * main.c - the wiretrace command: subcommands, inputs, exit codes.
 * Uses only the public header of libwiretrace.
 */
#define _DEFAULT_SOURCE
#include "cmd.h"
#include "cmd_index.h"
#include "opt.h"
#include "progress.h"
#include "report.h"

#include <fts.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct run {
    cli_settings s;
    wt_options o;
    wt_corpus *c;
    char **ids;      /* document id of each input, owned */
    char **paths;    /* input paths, owned */
    size_t n, cap;
    int trouble;
} run;

static void log_stderr(void *ctx, wt_log_level level, const char *msg)
{
    const cli_settings *s = ctx;
    if (level == WT_LOG_WARN && s->quiet)
        return;
    if (level < WT_LOG_WARN && !s->verbose)
        return;
    progress_clear(s->progress);
    fprintf(stderr, "wiretrace: %s%s\n", level == WT_LOG_WARN ? "warning: " : "",
            msg);
}

static int push_input(run *r, const char *path, const char *id)
{
    if (r->n == r->cap) {
        const size_t cap = r->cap ? r->cap * 2 : 16;
        char **p = realloc(r->paths, cap * sizeof *p);
        if (p)
            r->paths = p;
        char **i = realloc(r->ids, cap * sizeof *i);
        if (i)
            r->ids = i;
        if (!p || !i)
            return -1;
        r->cap = cap;
    }
    r->paths[r->n] = strdup(path);
    r->ids[r->n] = strdup(id);
    if (!r->paths[r->n] || !r->ids[r->n]) {
        free(r->paths[r->n]);
        free(r->ids[r->n]);
        return -1;
    }
    r->n++;
    return 0;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* compare: ids are base names, or the paths when two base names clash. */
static int collect_files(run *r)
{
    for (size_t i = 0; i < r->s.ninputs; i++) {
        const char *p = r->s.inputs[i];
        int clash = 0;
        for (size_t j = 0; j < r->s.ninputs; j++)
            clash |= j != i && !strcmp(base_name(p), base_name(r->s.inputs[j]));
        if (push_input(r, p, clash ? p : base_name(p)))
            return -1;
    }
    return 0;
}

static int has_txt_suffix(const char *name)
{
    const size_t n = strlen(name);
    return n > 4 && !strcmp(name + n - 4, ".txt");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the *.txt files below dir, sorted, ids relative to dir.  Symbolic
 * links are followed; a dangling one or a loop is named and skipped. */
static int walk_dir(run *r, char *dir)
{
    char *roots[] = {dir, NULL};
    FTS *fts = fts_open(roots, FTS_LOGICAL | FTS_NOCHDIR, NULL);
    if (!fts) {
        fprintf(stderr, "wiretrace: %s: cannot open\n", dir);
        r->trouble = 1;
        return 0;
    }
    const size_t first = r->n;
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    FTSENT *e;
    int rc = 0;
    while (!rc && (e = fts_read(fts))) {
        if (e->fts_info == FTS_DNR || e->fts_info == FTS_ERR ||
            e->fts_info == FTS_NS) {
            fprintf(stderr, "wiretrace: %s: %s\n", e->fts_path,
                    strerror(e->fts_errno));
            r->trouble = 1;
        } else if (e->fts_info == FTS_DC) {
            fprintf(stderr, "wiretrace: %s: directory loop (symbolic "
                    "link), skipped\n", e->fts_path);
            r->trouble = 1;
        } else if (e->fts_info == FTS_SLNONE && has_txt_suffix(e->fts_name)) {
            fprintf(stderr, "wiretrace: %s: dangling symbolic link, "
                    "skipped\n", e->fts_path);
            r->trouble = 1;
        } else if (e->fts_info == FTS_F && has_txt_suffix(e->fts_name)) {
            const char *id = e->fts_path;
            if (!strncmp(id, dir, dl) && id[dl] == '/')
                id += dl + 1;
            rc = push_input(r, e->fts_path, id);
        }
    }
    fts_close(fts);
    /* Sort this folder's files by id so that runs do not depend on the
     * order the file system lists them in. */
    for (size_t i = first; i < r->n; i++) {
        char *joined = malloc(strlen(r->ids[i]) + strlen(r->paths[i]) + 2);
        if (!joined)
            return -1;
        sprintf(joined, "%s%c%s", r->ids[i], '\0', r->paths[i]);
        free(r->ids[i]);
        free(r->paths[i]);
        r->ids[i] = joined;
        r->paths[i] = NULL;
    }
    if (r->n - first > 1)
        qsort(r->ids + first, r->n - first, sizeof *r->ids, cmp_str);
    for (size_t i = first; i < r->n; i++) {
        const char *p = r->ids[i] + strlen(r->ids[i]) + 1;
        if (!(r->paths[i] = strdup(p)))
            return -1;
    }
    return rc;
}

static int collect_dirs(run *r)
{
    for (size_t i = 0; i < r->s.ninputs; i++)
        if (walk_dir(r, r->s.inputs[i]))
            return -1;
    return 0;
}

/* Applies --published and --outlet to the documents they name. */
static void apply_meta(run *r, const size_t *doc_of)
{
    for (size_t m = 0; m < r->s.npublished + r->s.noutlets; m++) {
        const int is_time = m < r->s.npublished;
        const cli_meta *cm = is_time ? &r->s.published[m]
                                     : &r->s.outlets[m - r->s.npublished];
        int64_t t = 0;
        if (is_time && wt_parse_time(cm->value, &t)) {
            fprintf(stderr, "wiretrace: invalid time \"%s\" for %s: "
                    "expected ISO 8601 (2024-10-22T08:05:00Z)\n",
                    cm->value, cm->file);
            r->trouble = 1;
            continue;
        }
        size_t i = 0;
        while (i < r->n && strcmp(r->paths[i], cm->file) &&
               strcmp(r->ids[i], cm->file))
            i++;
        if (i == r->n || doc_of[i] == (size_t)-1) {
            fprintf(stderr, "wiretrace: %s: given with --%s but not an "
                    "input\n", cm->file, is_time ? "published" : "outlet");
            r->trouble = 1;
            continue;
        }
        wt_corpus_set_meta(r->c, doc_of[i], t, is_time ? NULL : cm->value);
    }
}

static int add_all(run *r)
{
    size_t *doc_of = malloc((r->n + 1) * sizeof *doc_of);
    uint64_t *size = malloc((r->n + 1) * sizeof *size), total = 0;
    if (!doc_of || !size) {
        free(doc_of);
        free(size);
        return -1;
    }
    for (size_t i = 0; i < r->n; i++) {
        struct stat st;
        size[i] = stat(r->paths[i], &st) == 0 ? (uint64_t)st.st_size : 0;
        total += size[i];
    }
    r->s.progress = progress_new(r->n, total, r->s.quiet, r->s.verbose);
    for (size_t i = 0; i < r->n; i++) {
        doc_of[i] = (size_t)-1;
        if (r->s.verbose) {
            progress_clear(r->s.progress);
            fprintf(stderr, "wiretrace: reading %s\n", r->paths[i]);
        }
        if (wt_corpus_add_file(r->c, r->paths[i], r->ids[i]) == 0)
            doc_of[i] = wt_corpus_document_count(r->c) - 1;
        else
            r->trouble = 1; /* the library logged why, naming the file */
        progress_step(r->s.progress, size[i]);
    }
    apply_meta(r, doc_of);
    free(doc_of);
    free(size);
    return 0;
}

static int execute(run *r)
{
    const int scan = !strcmp(r->s.command, "scan");
    if (r->s.ninputs == 0) {
        fprintf(stderr, "wiretrace: %s needs at least one %s\nTry "
                "'wiretrace %s --help' for more information.\n",
                r->s.command, scan ? "DIR" : "FILE", r->s.command);
        return EXIT_USAGE;
    }
    r->o.logger = log_stderr;
    r->o.logger_ctx = &r->s;
    int rc = wt_corpus_new(&r->c, &r->o);
    if (rc) {
        fprintf(stderr, "wiretrace: %s\n", wt_strerror(rc));
        return EXIT_TROUBLE;
    }
    if ((scan ? collect_dirs(r) : collect_files(r)) || add_all(r)) {
        fprintf(stderr, "wiretrace: out of memory\n");
        return EXIT_TROUBLE;
    }
    progress_stage(r->s.progress, "analyzing");
    rc = wt_corpus_analyze(r->c);
    progress_end(r->s.progress);
    r->s.progress = NULL;
    if (rc) {
        fprintf(stderr, "wiretrace: %s\n", wt_corpus_error(r->c));
        return EXIT_TROUBLE;
    }
    const report_writer w = r->s.format == FMT_JSON ? report_json
                                                    : report_text;
    if (w(r->c, &r->s, stdout) || fflush(stdout)) {
        fprintf(stderr, "wiretrace: cannot write the report\n");
        return EXIT_TROUBLE;
    }
    if (r->s.html && report_html_file(r->c, &r->s, r->s.html))
        return EXIT_TROUBLE;
    if (r->trouble)
        return EXIT_TROUBLE;
    return report_count_links(r->c) ? EXIT_REUSE : EXIT_NO_REUSE;
}

static void run_release(run *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->ids[i]);
        free(r->paths[i]);
    }
    free(r->ids);
    free(r->paths);
    progress_end(r->s.progress);
    wt_corpus_free(r->c);
    cli_settings_release(&r->s);
}

/* Each lexicon's dictionaries and entries, and the missing ones. */
static void print_lexicons(const char *dir)
{
    static const char *codes[] = {"de", "es", "fr", "it", "ja", "pt", "ru"};
    printf("lexicons: %s\n", dir);
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
        char path[4096], line[512];
        snprintf(path, sizeof path, "%s/%s-en.txt", dir, codes[i]);
        FILE *f = fopen(path, "r");
        size_t entries = 0;
        printf("  %s-en:", codes[i]);
        if (!f) {
            printf(" not built\n");
            continue;
        }
        while (fgets(line, sizeof line, f)) {
            if (!strncmp(line, "# source\t", 9) ||
                !strncmp(line, "# missing\t", 10)) {
                line[strcspn(line, "\n")] = '\0';
                printf(" %s%s", line[2] == 'm' ? "missing " : "",
                       strchr(line, '\t') + 1);
            } else if (line[0] != '#') {
                entries++;
            }
        }
        fclose(f);
        printf(" (%zu entries)\n", entries);
    }
}

int main(int argc, char **argv)
{
    run r;
    memset(&r, 0, sizeof r);
    wt_options_init(&r.o);
    if (argc < 2) {
        cli_help(NULL);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    int rc;
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        cli_help(argc > 2 ? argv[2] : NULL);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf("wiretrace %s\nlanguage profiles: %s\n", WT_VERSION,
               wt_default_lang_dir());
        if (argc > 2 && (!strcmp(argv[2], "--verbose") ||
                         !strcmp(argv[2], "-v")))
            print_lexicons(wt_default_lexicon_dir());
        return 0;
    }
    if (!strcmp(cmd, "index"))
        return cmd_index(argc - 2, argv + 2);
    if (strcmp(cmd, "compare") && strcmp(cmd, "scan") && strcmp(cmd, "diff")) {
        fprintf(stderr, "wiretrace: unknown command \"%s\": expected "
                "compare, scan, diff or index\nTry 'wiretrace --help' for more "
                "information.\n", cmd);
        return EXIT_USAGE;
    }
    r.s.command = cmd;
    rc = cli_parse(argc - 2, argv + 2, &r.s, &r.o);
    if (!rc && r.s.help)
        cli_help(cmd);
    else if (!rc && r.s.version)
        printf("wiretrace %s\n", WT_VERSION);
    else if (!rc && !strcmp(cmd, "diff"))
        rc = cmd_diff(&r.s, &r.o);
    else if (!rc)
        rc = execute(&r);
    run_release(&r);
    return rc;
}
