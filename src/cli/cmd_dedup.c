/*
 * cmd_dedup.c - `wiretrace dedup [--db DB] [--keep WHICH] [--mark]
 * INPUT...`: the input written back without its near-duplicates, or with
 * each marked.
 *
 * A duplicate is a copy, not a story told again: document a duplicates b
 * when at least --taken-min (DEDUP_TAKEN_MIN, half) of a's text words lie
 * in paragraphs whose closest source in b is verbatim or edited
 * (wt_corpus_taken()).  Rewrites and translations never make a duplicate.
 *
 * In memory (no --db) every input is one corpus.  Its documents are taken
 * in the order --keep prefers them (origins, then the earliest, then the
 * longest), and each is kept unless it duplicates one kept before it: the
 * greedy way, so that copies never chain (a copy of a copy of a formula is
 * not dropped for the first formula it never copied).  With --db each
 * record is checked against the index as it arrives and then added to it:
 * memory holds one record and its candidates, never the feed, and the
 * first copy seen is the one kept, since later ones cannot be foreseen.
 */
#include "cmd_dedup.h"
#include "articles.h"

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
    /* The record's copy first, so that document i is always record i. */
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
    /* A JSON record's text is UTF-8 whatever --encoding says. */
    wt_corpus_set_encoding(d->c, src->line ? NULL : d->o->encoding);
    const int rc = wt_corpus_add_buffer(
        d->c, a->id, src->path ? src->path : a->id, a->text, a->len);
    if (rc) {
        /* the library logged why, naming the record */
        free(r->line);
        free(r->name);
        cli_raise(&d->status, cli_exit_of(rc));
        return;
    }
    const size_t doc = wt_corpus_document_count(d->c) - 1;
    if (a->published || a->outlet)
        wt_corpus_set_meta(d->c, doc, a->published, a->outlet);
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

/* What orders the documents of a corpus for keeping. */
typedef struct rank {
    size_t doc;
    size_t taken_from; /* copies known to have taken from it (origin) */
    int64_t published; /* 0: unknown, after every known time */
    size_t words;
} rank;

/* Origins first, then the earliest (unknown times last), the longest,
 * the earlier input. */
static int cmp_origin(const void *x, const void *y)
{
    const rank *a = x, *b = y;
    if (a->taken_from != b->taken_from)
        return a->taken_from > b->taken_from ? -1 : 1;
    if (a->published != b->published)
        return !b->published || (a->published && a->published < b->published)
                   ? -1
                   : 1;
    if (a->words != b->words)
        return a->words > b->words ? -1 : 1;
    return (a->doc > b->doc) - (a->doc < b->doc);
}

/* One document mostly copied from another. */
typedef struct copy {
    size_t from, to; /* from copies to */
    double share;    /* of from's words */
} copy;

static int cmp_copy(const void *x, const void *y)
{
    const copy *a = x, *b = y;
    return (a->from > b->from) - (a->from < b->from);
}

/* Every pair of c scored where one side copies the other, sorted by the
 * copying side.  Returns NULL when out of memory. */
static copy *find_copies(const wt_corpus *c, double min, size_t *n)
{
    const size_t np = wt_corpus_pair_count(c);
    copy *v = malloc((2 * np + 1) * sizeof *v);
    *n = 0;
    for (size_t k = 0; v && k < np; k++) {
        size_t a, b;
        if (wt_corpus_pair_at(c, k, &a, &b))
            continue;
        const double sa = copied_share(c, a, b), sb = copied_share(c, b, a);
        if (sa >= min)
            v[(*n)++] = (copy){a, b, sa};
        if (sb >= min)
            v[(*n)++] = (copy){b, a, sb};
    }
    if (v)
        qsort(v, *n, sizeof *v, cmp_copy);
    return v;
}

/* The documents in the order --keep prefers them, into r. */
static void rank_all(const dedup *d, const copy *cp, size_t ncp, rank *r)
{
    const size_t n = wt_corpus_document_count(d->c);
    for (size_t i = 0; i < n; i++) {
        r[i] = (rank){i, 0, 0, text_words(d->c, i)};
        if (d->s->keep != KEEP_LONGEST)
            r[i].published = wt_document_published(wt_corpus_document(d->c, i));
    }
    /* An origin is one its copies are known to have taken from. */
    for (size_t k = 0; d->s->keep <= KEEP_ORIGIN && k < ncp; k++)
        if (wt_corpus_pair_origin(d->c, cp[k].from, cp[k].to) ==
            WT_ORIGIN_OTHER)
            r[cp[k].to].taken_from++;
    qsort(r, n, sizeof *r, cmp_origin);
}

/* keep[i]: i when document i is kept, else the kept document it copies
 * the most of.  Documents are decided in rank order, so a document is
 * only ever dropped for one kept before it. */
static void choose(const rank *r, size_t n, const copy *cp, size_t ncp,
                   size_t *keep)
{
    for (size_t i = 0; i < n; i++)
        keep[i] = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        const size_t doc = r[i].doc;
        /* the copies of doc: a run of cp, found by binary search */
        size_t lo = 0, hi = ncp;
        while (lo < hi) {
            const size_t mid = lo + (hi - lo) / 2;
            if (cp[mid].from < doc)
                lo = mid + 1;
            else
                hi = mid;
        }
        double best = 0;
        keep[doc] = doc;
        for (size_t k = lo; k < ncp && cp[k].from == doc; k++)
            if (keep[cp[k].to] == cp[k].to && cp[k].share > best) {
                best = cp[k].share;
                keep[doc] = cp[k].to;
            }
    }
}

/* Analyzes the corpus and writes every record back in input order. */
static int in_memory_finish(dedup *d)
{
    int rc = wt_corpus_analyze(d->c);
    if (rc) {
        cli_error("%s", wt_corpus_error(d->c));
        return cli_exit_worst(d->status, cli_exit_of(rc));
    }
    size_t ncp = 0;
    copy *cp = find_copies(d->c, d->s->taken_min, &ncp);
    rank *r = malloc((d->n + 1) * sizeof *r);
    size_t *keep = malloc((d->n + 1) * sizeof *keep);
    if (!cp || !r || !keep) {
        cli_error("out of memory");
        rc = EXIT_OSERR;
        goto out;
    }
    rank_all(d, cp, ncp, r);
    choose(r, d->n, cp, ncp, keep);
    for (size_t i = 0; i < d->n; i++) {
        const int dup = keep[i] != i;
        d->dups += dup;
        if (!dup || d->s->mark)
            put_record(&d->v[i], d->s->mark, dup ? d->v[keep[i]].name : NULL);
    }
out:
    free(cp);
    free(r);
    free(keep);
    return rc;
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

/* The id of the indexed record the article duplicates (the one it copies
 * the most words from), NULL when none; *rc a query failure. */
static const char *stored_original(dedup *d, const wt_article *a, int *rc)
{
    const wt_corpus *q = NULL;
    *rc = wt_index_query(d->ix, a, NULL, &q);
    if (*rc)
        return NULL;
    const char *id = NULL;
    double best = 0;
    for (size_t k = 1; k < wt_corpus_document_count(q); k++) {
        const double s = copied_share(q, 0, k);
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
    io.cache_bytes = (size_t)d->s->cache_mb << 20;
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
