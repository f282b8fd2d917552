/*
 * cmd_dedup.c - `wiretrace dedup [--db DB] [--keep WHICH] [--mark]
 * INPUT...`: the input written back without its near-duplicates, or with
 * each marked.
 *
 * A duplicate is a copy, not a story told again: document a duplicates b
 * when at least --taken-min (DEDUP_TAKEN_MIN, half) of a's text words lie
 * in paragraphs whose closest source in b is verbatim or edited
 * (wt_corpus_taken()), or the same with a and b swapped.  Rewrites and
 * translations never make a duplicate.  Duplicates are joined
 * transitively into clusters (clusters.h), each keeping one record.
 *
 * In memory (no --db) every input is one corpus, and each cluster keeps
 * the record --keep chooses.  With --db each record is checked against the
 * index as it arrives and then added to it: memory holds one record and
 * its candidates, never the feed, and the first copy seen is the one kept,
 * since later ones cannot be foreseen.
 */
#include "cmd_dedup.h"
#include "articles.h"
#include "clusters.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One record of the input, as it is written back. */
typedef struct rec {
    char *line; /* a JSON Lines record as read, or NULL for a file */
    size_t len;
    char *name; /* a file's path, or a record's id: what duplicate_of says */
} rec;

typedef struct dedup {
    const cli_settings *s;
    wt_options *o;
    cli_log log;
    wt_corpus *c; /* in memory: every record, document i = rec i */
    wt_index *ix; /* --db: the records seen so far */
    rec *v;       /* in memory: the records, in input order */
    size_t n, cap;
    size_t records; /* records read and analyzed */
    size_t dups;    /* records that duplicate a kept one */
    int status;     /* the worst exit status so far (msg.h) */
} dedup;

/* The share of a's text words that b's copies (verbatim or edited)
 * explain: how much of a is a copy of b. */
static double copied_share(const wt_corpus *c, size_t a, size_t b)
{
    wt_taken t;
    if (wt_corpus_taken(c, a, b, &t) || !t.text_words)
        return 0;
    return (double)(t.by_class[WT_CLASS_VERBATIM] +
                    t.by_class[WT_CLASS_EDITED]) /
           (double)t.text_words;
}

/* cluster_join: one of a and b is mostly a copy of the other. */
static int is_duplicate(const wt_corpus *c, size_t a, size_t b, void *ctx)
{
    const double min = *(const double *)ctx;
    return copied_share(c, a, b) >= min || copied_share(c, b, a) >= min;
}

/* Writes a JSON Lines record back, with --mark its "duplicate_of" (the
 * kept record's id, or null): added before the closing brace so that the
 * rest of the line stays byte for byte; a record that has the field
 * already gets it replaced, written again by jansson. */
static void put_line(const char *line, size_t len, int mark, const char *dup)
{
    json_t *val = dup ? json_string(dup) : json_null();
    char *enc = mark && val ? json_dumps(val, JSON_ENCODE_ANY) : NULL;
    json_t *obj = mark ? json_loadb(line, len, JSON_ALLOW_NUL, NULL) : NULL;
    size_t end = len;
    while (end && line[end - 1] != '}')
        end--;
    if (!mark) {
        fwrite(line, 1, len, stdout);
    } else if (obj && enc && json_object_get(obj, "duplicate_of")) {
        json_object_set(obj, "duplicate_of", val);
        json_dumpf(obj, stdout, JSON_COMPACT | JSON_ENCODE_ANY);
    } else if (enc && end) {
        fwrite(line, 1, end - 1, stdout);
        printf(",\"duplicate_of\":%s", enc);
        fwrite(line + end - 1, 1, len - end + 1, stdout);
    } else {
        cli_error("out of memory marking a record");
        fwrite(line, 1, len, stdout);
    }
    putchar('\n');
    free(enc);
    json_decref(obj);
    json_decref(val);
}

/* One record written back: its line, or its path (with --mark a tab and
 * the path or id of the record it duplicates, empty when kept). */
static void put_record(const rec *r, int mark, const char *dup)
{
    if (r->line)
        put_line(r->line, r->len, mark, dup);
    else if (mark)
        printf("%s\t%s\n", r->name, dup ? dup : "");
    else
        printf("%s\n", r->name);
}

/* ---------------------------------------------------------- in memory */

/* article_fn: the record kept for output and added to the corpus.  A
 * record the library refuses (not text, ...) is named and left out. */
static void add_record(void *ctx, const wt_article *a, const article_src *src)
{
    dedup *d = ctx;
    if (d->n == d->cap) {
        const size_t cap = d->cap ? 2 * d->cap : 64;
        rec *v = realloc(d->v, cap * sizeof *v);
        if (!v)
            goto oom;
        d->v = v;
        d->cap = cap;
    }
    /* A JSON record's text is UTF-8 whatever --encoding says. */
    wt_corpus_set_encoding(d->c, src->line ? NULL : d->o->encoding);
    const int rc = wt_corpus_add_buffer(
        d->c, a->id, src->path ? src->path : a->id, a->text, a->len);
    if (rc) {
        /* the library logged why, naming the record */
        cli_raise(&d->status, cli_exit_of(rc));
        return;
    }
    const size_t doc = wt_corpus_document_count(d->c) - 1;
    if (a->published || a->outlet)
        wt_corpus_set_meta(d->c, doc, a->published, a->outlet);
    rec *r = &d->v[d->n];
    r->len = src->len;
    r->line = src->line ? malloc(src->len + 1) : NULL;
    r->name = strdup(src->line ? a->id : src->path);
    if ((src->line && !r->line) || !r->name) {
        free(r->line);
        free(r->name);
        goto oom;
    }
    if (r->line)
        memcpy(r->line, src->line, src->len);
    d->n++;
    d->records++;
    return;
oom:
    cli_error("%s: out of memory", a->id);
    cli_raise(&d->status, EXIT_OSERR);
}

/* The words of document i's text paragraphs (boilerplate left out). */
static size_t text_words(const wt_corpus *c, size_t i)
{
    const wt_document *doc = wt_corpus_document(c, i);
    size_t n = 0;
    for (size_t p = 0; p < wt_document_paragraph_count(doc); p++) {
        const wt_paragraph *pa = wt_document_paragraph(doc, p);
        n += pa->boiler == WT_BOILER_NONE ? pa->word_count : 0;
    }
    return n;
}

/* The member of cl to keep: by --keep, the origin, else the earliest
 * published, else the longest; ties go to the earlier input. */
static size_t representative(const dedup *d, const cluster *cl)
{
    if (d->s->keep <= KEEP_ORIGIN && cl->origin != SIZE_MAX)
        return cl->origin;
    size_t best = SIZE_MAX;
    int64_t first = 0;
    for (size_t i = 0; d->s->keep != KEEP_LONGEST && i < cl->n; i++) {
        const int64_t t =
            wt_document_published(wt_corpus_document(d->c, cl->members[i]));
        if (t && (!first || t < first)) {
            first = t;
            best = cl->members[i];
        }
    }
    size_t most = 0;
    for (size_t i = 0; best == SIZE_MAX && i < cl->n; i++)
        most = text_words(d->c, cl->members[i]) >
                       text_words(d->c, cl->members[most])
                   ? i
                   : most;
    return best != SIZE_MAX ? best : cl->members[most];
}

/* Analyzes the corpus and writes every record back in input order. */
static int in_memory_finish(dedup *d)
{
    int rc = wt_corpus_analyze(d->c);
    if (rc) {
        cli_error("%s", wt_corpus_error(d->c));
        return cli_exit_worst(d->status, cli_exit_of(rc));
    }
    cluster_set set;
    size_t *keep = malloc((d->n + 1) * sizeof *keep);
    double min = d->s->taken_min;
    if (!keep || clusters_build(d->c, is_duplicate, &min, &set)) {
        free(keep);
        cli_error("out of memory");
        return EXIT_OSERR;
    }
    for (size_t s = 0; s < set.n; s++) {
        const size_t r = representative(d, &set.v[s]);
        for (size_t i = 0; i < set.v[s].n; i++)
            keep[set.v[s].members[i]] = r;
    }
    for (size_t i = 0; i < d->n; i++) {
        const int dup = keep[i] != i;
        d->dups += dup;
        if (!dup || d->s->mark)
            put_record(&d->v[i], d->s->mark, dup ? d->v[keep[i]].name : NULL);
    }
    clusters_release(&set);
    free(keep);
    return 0;
}

/* ---------------------------------------------------------- streaming */

/* 1 when the index holds the record's id with the same text: seen
 * already (a query leaves an article's own id out of its candidates). */
static int seen_before(dedup *d, const wt_article *a)
{
    wt_article held;
    int found = 0;
    return !wt_index_get(d->ix, a->id, &held, &found) && found &&
           held.len == a->len && !memcmp(held.text, a->text, a->len);
}

/* The id of the indexed record the article duplicates (the one it shares
 * the most copied words with), NULL when none; *rc a query failure. */
static const char *stored_original(dedup *d, const wt_article *a, int *rc)
{
    const wt_corpus *q = NULL;
    *rc = wt_index_query(d->ix, a, NULL, &q);
    if (*rc)
        return NULL;
    const char *id = NULL;
    double best = 0;
    for (size_t k = 1; k < wt_corpus_document_count(q); k++) {
        const double s0 = copied_share(q, 0, k), sk = copied_share(q, k, 0);
        const double s = s0 > sk ? s0 : sk;
        if (s >= d->s->taken_min && s > best) {
            best = s;
            id = wt_document_id(wt_corpus_document(q, k));
        }
    }
    return id;
}

/* article_fn with --db: checked against the index, added to it, written
 * back at once. */
static void stream_record(void *ctx, const wt_article *a,
                          const article_src *src)
{
    dedup *d = ctx;
    int rc = 0;
    const char *dup = seen_before(d, a) ? a->id : stored_original(d, a, &rc);
    char *held = dup ? strdup(dup) : NULL; /* the add reuses the query's */
    int added;
    if (!rc && (!dup || held))
        rc = wt_index_add(d->ix, a, &added);
    else if (!rc)
        rc = WT_ENOMEM;
    if (rc) {
        cli_error("%s",
                  rc == WT_ENOMEM ? "out of memory" : wt_index_error(d->ix));
        cli_raise(&d->status, cli_exit_of(rc));
        free(held);
        return;
    }
    const rec r = {(char *)src->line, src->len,
                   (char *)(src->line ? a->id : src->path)};
    d->records++;
    d->dups += held != NULL;
    if (!held || d->s->mark)
        put_record(&r, d->s->mark, held);
    fflush(stdout); /* a feed: each record out as soon as it is decided */
    free(held);
}

static int open_index(dedup *d)
{
    char err[1024] = "";
    wt_index_options io;
    wt_index_options_init(&io);
    if (d->s->batch)
        io.batch = d->s->batch;
    const int rc = wt_index_open(&d->ix, d->s->db, d->o, &io, err, sizeof err);
    if (rc)
        cli_error("%s", err[0] ? err : wt_strerror(rc));
    return rc ? cli_exit_of(rc) : 0;
}

static int check_usage(const cli_settings *s)
{
    if (s->ninputs == 0)
        cli_usage_error("dedup needs at least one INPUT");
    else if (s->db && s->keep != KEEP_DEFAULT)
        cli_usage_error("--keep does not apply with --db: a feed keeps the "
                        "first copy it sees");
    else
        return 0;
    return cli_usage_hint("dedup");
}

int cmd_dedup(const cli_settings *s, wt_options *o)
{
    int rc = check_usage(s);
    if (rc)
        return rc;
    dedup d;
    memset(&d, 0, sizeof d);
    d.s = s;
    d.o = o;
    o->threads = cli_threads(s->jobs, s->verbose);
    /* The index's errors come back as return values and are printed
     * with the record they concern. */
    d.log.errors_returned = s->db != NULL;
    cli_log_attach(&d.log, s->quiet, s->verbose, o);
    rc = s->db ? open_index(&d) : wt_corpus_new(&d.c, o);
    if (rc && !s->db) {
        cli_error("%s", wt_strerror(rc));
        rc = cli_exit_of(rc);
    }
    for (size_t i = 0; !rc && i < s->ninputs; i++)
        articles_read(s->inputs[i], (size_t)s->max_record << 20, s->include,
                      s->ninclude, s->db ? stream_record : add_record, &d,
                      &d.status);
    if (!rc && !s->db)
        rc = in_memory_finish(&d);
    if (d.ix && wt_index_commit(d.ix)) {
        /* the records of the open batch were written out, not stored */
        cli_error("%s", wt_index_error(d.ix));
        cli_raise(&d.status, EXIT_IOERR);
    }
    wt_index_close(d.ix);
    if (!rc && s->verbose)
        cli_info("dedup: %zu record(s), %zu duplicate(s)", d.records, d.dups);
    for (size_t i = 0; i < d.n; i++) {
        free(d.v[i].line);
        free(d.v[i].name);
    }
    free(d.v);
    wt_corpus_free(d.c);
    return rc ? rc
              : cli_exit_worst(d.status, d.dups ? EXIT_REUSE : EXIT_NO_REUSE);
}
