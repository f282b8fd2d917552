/* report_json.c - the JSON report, written as jansson would dump it
 * (jsonw.h); merging the reports of many queries reads them with
 * jansson. */
#define _POSIX_C_SOURCE 200809L /* mkstemp, fdopen */
#include "jsonw.h"
#include "parts.h"
#include "report.h"
#include "summary.h"
#include "slice.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>

static void spans_w(jsonw *w, const wt_source *src)
{
    jsonw_array(w);
    for (size_t i = 0; i < src->span_count; i++) {
        const wt_span *sp = &src->spans[i];
        jsonw_array(w);
        jsonw_int(w, (long long)sp->start);
        jsonw_int(w, (long long)sp->end);
        jsonw_int(w, (long long)sp->source_start);
        jsonw_int(w, (long long)sp->source_end);
        jsonw_array_end(w);
    }
    jsonw_array_end(w);
}

static void source_w(jsonw *w, const wt_corpus *c, const wt_source *src)
{
    const wt_document *od = wt_corpus_document(c, src->document);
    jsonw_object(w);
    jsonw_kstr(w, "document", wt_document_id(od));
    jsonw_kint(w, "paragraph", (long long)src->paragraph);
    jsonw_kstr(w, "class", wt_class_name(src->cls));
    jsonw_kreal(w, "score", src->score);
    jsonw_kreal(w, "coverage", src->coverage);
    jsonw_kreal(w, "fact_overlap", src->fact_overlap);
    jsonw_kstr(w, "origin", wt_origin_name(src->origin));
    jsonw_key(w, "spans");
    spans_w(w, src);
    const char *lang = wt_document_paragraph_lang(od, src->paragraph);
    if (lang) {
        jsonw_kstr(w, "lang", lang);
    }
    jsonw_object_end(w);
}

static void paragraph_w(jsonw *w, const wt_corpus *c, const wt_document *d,
                        const wt_paragraph *p, size_t index)
{
    jsonw_object(w);
    jsonw_kint(w, "index", (long long)index);
    jsonw_kint(w, "start", (long long)p->start);
    jsonw_kint(w, "end", (long long)p->end);
    jsonw_kbool(w, "boilerplate", p->boiler != WT_BOILER_NONE);
    jsonw_kint(w, "words", (long long)p->word_count);
    jsonw_key(w, "sources");
    jsonw_array(w);
    for (size_t i = 0; i < p->source_count; i++)
        source_w(w, c, &p->sources[i]);
    jsonw_array_end(w);
    if (p->boiler != WT_BOILER_NONE) {
        jsonw_kstr(w, "boilerplate_kind", wt_boiler_name(p->boiler));
    }
    if (wt_document_paragraph_lang(d, index)) {
        jsonw_kstr(w, "lang", wt_document_paragraph_lang(d, index));
    }
    jsonw_object_end(w);
}

/* The credits of d's text: the outlet each names, where, and how. */
static void credits_w(jsonw *w, const wt_document *d)
{
    jsonw_array(w);
    for (size_t i = 0; i < wt_document_credit_count(d); i++) {
        const wt_credit *cr = wt_document_credit(d, i);
        jsonw_object(w);
        jsonw_kstr(w, "outlet", cr->outlet);
        jsonw_kint(w, "start", (long long)cr->start);
        jsonw_kint(w, "end", (long long)cr->end);
        jsonw_kstr(w, "kind", wt_credit_kind_name(cr->kind));
        jsonw_kbool(w, "own", cr->own);
        jsonw_object_end(w);
    }
    jsonw_array_end(w);
}

static void document_w(jsonw *w, const wt_corpus *c, const wt_document *d)
{
    jsonw_object(w);
    jsonw_kstr(w, "id", wt_document_id(d));
    jsonw_kstr(w, "path", wt_document_path(d));
    jsonw_kstr(w, "lang", wt_document_lang(d));
    jsonw_key(w, "paragraphs");
    jsonw_array(w);
    for (size_t i = 0; i < wt_document_paragraph_count(d); i++)
        paragraph_w(w, c, d, wt_document_paragraph(d, i), i);
    jsonw_array_end(w);
    if (wt_document_outlet(d)) {
        jsonw_kstr(w, "outlet", wt_document_outlet(d));
    }
    if (wt_document_published(d)) {
        jsonw_kint(w, "published", (long long)wt_document_published(d));
    }
    jsonw_key(w, "credits");
    credits_w(w, d);
    jsonw_object_end(w);
}

/* The id of document i, or null for none (SIZE_MAX). */
static void id_or_null(jsonw *w, const wt_corpus *c, size_t i)
{
    if (i == SIZE_MAX)
        jsonw_null(w);
    else
        jsonw_str(w, wt_document_id(wt_corpus_document(c, i)));
}

/* One pair: the shares each took, the origin as the library tells it (the
 * origin's id, or null) and whether either credits the other. */
static void pair_w(jsonw *w, const wt_corpus *c, size_t x, size_t y, double sa,
                   double sb, double sim)
{
    const wt_origin o = wt_corpus_pair_origin(c, x, y);
    jsonw_object(w);
    jsonw_key(w, "a");
    id_or_null(w, c, x);
    jsonw_key(w, "b");
    id_or_null(w, c, y);
    jsonw_kreal(w, "a_from_b", sa);
    jsonw_kreal(w, "b_from_a", sb);
    jsonw_kreal(w, "similarity", sim);
    jsonw_key(w, "origin");
    id_or_null(w, c,
               o == WT_ORIGIN_THIS    ? x
               : o == WT_ORIGIN_OTHER ? y
                                      : SIZE_MAX);
    jsonw_key(w, "via");
    id_or_null(w, c, wt_corpus_pair_via(c, x, y, NULL, NULL));
    jsonw_kbool(w, "a_credits_b", wt_corpus_pair_credits(c, x, y));
    jsonw_kbool(w, "b_credits_a", wt_corpus_pair_credits(c, y, x));
    jsonw_object_end(w);
}

/* The outlets the taker t credits, each once (not its own). */
static void taker_credits_w(jsonw *w, const wt_document *t)
{
    jsonw_array(w);
    for (size_t i = 0; i < wt_document_credit_count(t); i++) {
        const wt_credit *cr = wt_document_credit(t, i);
        size_t j = 0;
        while (j < i &&
               strcasecmp(wt_document_credit(t, j)->outlet, cr->outlet))
            j++;
        if (!cr->own && j == i)
            jsonw_str(w, cr->outlet);
    }
    jsonw_array_end(w);
}

/* One summary row: who took what from whom (summary.h). */
static void summary_w(jsonw *w, const wt_corpus *c, const summary_row *r)
{
    const wt_document *t = wt_corpus_document(c, r->taker);
    const wt_document *s = wt_corpus_document(c, r->source);
    jsonw_object(w);
    jsonw_kstr(w, "taker", wt_document_id(t));
    jsonw_kstr(w, "taker_outlet", wt_document_outlet(t)); /* null for none */
    jsonw_kstr(w, "source", wt_document_id(s));
    jsonw_kstr(w, "source_outlet", wt_document_outlet(s));
    jsonw_kint(w, "words", (long long)r->taken.words);
    jsonw_kint(w, "paragraphs", (long long)r->taken.paragraphs);
    jsonw_kreal(w, "share", summary_share(r));
    jsonw_key(w, "classes");
    jsonw_object(w);
    for (int k = 0; k < WT_CLASS_COUNT; k++)
        if (k != WT_CLASS_DUPLICATE)
            jsonw_kint(w, wt_class_name((wt_class)k),
                       (long long)r->taken.by_class[k]);
    jsonw_object_end(w);
    jsonw_kbool(w, "credited", r->credited);
    jsonw_key(w, "taker_credits");
    taker_credits_w(w, t);
    jsonw_key(w, "origin");
    id_or_null(w, c, r->origin_known ? r->source : SIZE_MAX);
    jsonw_key(w, "via");
    id_or_null(w, c, r->via);
    jsonw_object_end(w);
}

/* A writer for one element of an array two levels down in a report
 * written with jansson's flags: its separator written, its lines
 * indented as jansson would nest them, so that the document streamed
 * piece by piece reads as if dumped whole. */
static void item_begin(jsonw *w, size_t flags, int first)
{
    const int indent = !(flags & JSON_COMPACT);
    jsonw_init(w, indent, indent ? 2 : 0);
    if (!first)
        jsonw_raw(w, ",", 1);
    if (indent)
        jsonw_raw(w, "\n  ", 3);
}

/* The element to out in one write: once threads exist, each call on a
 * stream takes its lock. */
static int item_end(jsonw *w, FILE *out)
{
    int rc = w->failed ? -1 : 0;
    if (!rc && w->len)
        rc = fwrite(w->buf, 1, w->len, out) == w->len ? 0 : -1;
    jsonw_release(w);
    return rc;
}

/* The text of w as a string (w's buffer, now the caller's), or NULL. */
static char *item_text(jsonw *w)
{
    jsonw_raw(w, "", 1);
    if (w->failed) {
        jsonw_release(w);
        return NULL;
    }
    char *t = w->buf;
    w->buf = NULL;
    return t;
}

/* What the parts of a JSON report read. */
typedef struct json_job {
    const wt_corpus *c;
    size_t flags;            /* jansson's dump flags */
    const summary_row *rows; /* the summary */
    size_t nrows;
    const size_t *ab; /* the listed pairs */
    size_t npairs;
} json_job;

/* The summary rows of part i of the "summary" array (parts_write). */
static int put_summary_part(void *ctx, size_t part, FILE *out)
{
    const json_job *j = ctx;
    size_t end = (part + 1) * REPORT_ROWS_PER_PART;
    if (end > j->nrows)
        end = j->nrows;
    for (size_t i = part * REPORT_ROWS_PER_PART; i < end; i++) {
        jsonw w;
        item_begin(&w, j->flags, i == 0);
        summary_w(&w, j->c, &j->rows[i]);
        if (item_end(&w, out))
            return -1;
    }
    return 0;
}

/* The summary, as one array of its rows dumped whole would read, but
 * written row by row on -j N threads. */
static int put_summary(const cli_settings *s, json_job *j, size_t shown,
                       FILE *out)
{
    summary_row *rows = summary_rows(j->c, shown, s->report_jobs, &j->nrows);
    if (!rows)
        return -1;
    j->rows = rows;
    fputc('[', out);
    const size_t parts =
        (j->nrows + REPORT_ROWS_PER_PART - 1) / REPORT_ROWS_PER_PART;
    const int rc = parts_write(s->report_jobs, parts, put_summary_part, j, out);
    fputs(j->nrows && !(j->flags & JSON_COMPACT) ? "\n ]" : "]", out);
    free(rows);
    j->rows = NULL;
    return rc;
}

/* Document i of the "documents" array (parts_write). */
static int put_document(void *ctx, size_t i, FILE *out)
{
    const json_job *j = ctx;
    jsonw w;
    item_begin(&w, j->flags, i == 0);
    document_w(&w, j->c, wt_corpus_document(j->c, i));
    return item_end(&w, out);
}

/* The listed pairs of part i of the "pairs" array (parts_write). */
static int put_pair_part(void *ctx, size_t part, FILE *out)
{
    const json_job *j = ctx;
    size_t end = (part + 1) * REPORT_ROWS_PER_PART;
    if (end > j->npairs)
        end = j->npairs;
    for (size_t i = part * REPORT_ROWS_PER_PART; i < end; i++) {
        const size_t x = j->ab[2 * i], y = j->ab[2 * i + 1];
        double sa, sb, sim;
        /* The resemblance costs a signature pass: listed pairs only. */
        if (wt_corpus_pair(j->c, x, y, &sa, &sb, &sim))
            return -1;
        jsonw w;
        item_begin(&w, j->flags, i == 0);
        pair_w(&w, j->c, x, y, sa, sb, sim);
        if (item_end(&w, out))
            return -1;
    }
    return 0;
}

/* The pairs with links (all scored pairs with --all-pairs); *any says
 * whether there was one. */
static int put_pairs(const cli_settings *s, json_job *j, size_t shown,
                     FILE *out, int *any)
{
    size_t *ab = report_pairs_listed(j->c, s->all_pairs, shown, s->report_jobs,
                                     &j->npairs, NULL);
    if (!ab)
        return -1;
    j->ab = ab;
    const size_t parts =
        (j->npairs + REPORT_ROWS_PER_PART - 1) / REPORT_ROWS_PER_PART;
    const int rc = parts_write(s->report_jobs, parts, put_pair_part, j, out);
    free(ab);
    j->ab = NULL;
    *any = j->npairs > 0;
    return rc;
}

/* The stored articles an index query found as sources of the shown
 * documents: what each is (id, outlet, title, URL, time, language). */
static int put_sources(const wt_corpus *c, size_t shown, FILE *out,
                       size_t flags)
{
    const int indent = !(flags & JSON_COMPACT);
    fputs(indent ? ",\n \"sources\": [" : ",\"sources\":[", out);
    int rc = 0, first = 1;
    for (size_t j = shown; j < wt_corpus_document_count(c) && !rc; j++) {
        if (!summary_is_source(c, shown, j))
            continue;
        const wt_document *d = wt_corpus_document(c, j);
        jsonw w;
        item_begin(&w, flags, first);
        jsonw_object(&w);
        jsonw_kstr(&w, "id", wt_document_id(d));
        /* null for none, the outlet as the next three */
        jsonw_kstr(&w, "outlet", wt_document_outlet(d));
        jsonw_kstr(&w, "title", wt_document_title(d));
        jsonw_kstr(&w, "url", wt_document_url(d));
        jsonw_kstr(&w, "lang", wt_document_lang(d));
        jsonw_key(&w, "published");
        if (wt_document_published(d))
            jsonw_int(&w, (long long)wt_document_published(d));
        else
            jsonw_null(&w);
        jsonw_object_end(&w);
        rc = item_end(&w, out);
        first = 0;
    }
    fputs(indent && !first ? "\n ]" : "]", out);
    return rc;
}

/* The JSON contract with jansson's dump flags: indented, or on one line.
 * Written one document and one block of pairs at a time: memory holds the
 * JSON of the parts in flight (one with one thread), never the report's. */
static int write_json(const wt_corpus *c, const cli_settings *s, FILE *out,
                      size_t flags)
{
    size_t n = wt_corpus_document_count(c);
    if (s->shown && s->shown < n)
        n = s->shown;
    const int indent = !(flags & JSON_COMPACT);
    fprintf(out,
            indent ? "{\n \"wiretrace\": \"%s\",\n \"summary\": "
                   : "{\"wiretrace\":\"%s\",\"summary\":",
            WT_VERSION);
    json_job j = {c, flags, NULL, 0, NULL, 0};
    if (put_summary(s, &j, n, out))
        return -1;
    fputs(indent ? ",\n \"documents\": [" : ",\"documents\":[", out);
    /* Each document is rendered on its own, on -j N threads. */
    int rc = parts_write(s->report_jobs, n, put_document, &j, out);
    fputs(indent ? (n ? "\n ],\n \"pairs\": [" : "],\n \"pairs\": [")
                 : "],\"pairs\":[",
          out);
    int any = 0;
    if (!rc)
        rc = put_pairs(s, &j, n, out, &any);
    fputs(indent ? (any ? "\n ]" : "]") : "]", out);
    if (!rc && n < wt_corpus_document_count(c))
        rc = put_sources(c, n, out, flags);
    fputs(indent ? "\n}\n" : "}\n", out);
    return rc;
}

int report_json(const wt_corpus *c, const cli_settings *s, FILE *out)
{
    return write_json(c, s, out, JSON_INDENT(1));
}

int report_jsonl(const wt_corpus *c, const cli_settings *s, FILE *out)
{
    return write_json(c, s, out, JSON_COMPACT);
}

/* The listed pairs of the first shown documents, as an array. */
static int pairs_w(jsonw *w, const wt_corpus *c, int all, size_t shown)
{
    size_t n;
    size_t *ab = report_pairs_listed(c, all, shown, 1, &n, NULL);
    if (!ab)
        return -1;
    jsonw_array(w);
    for (size_t i = 0; i < n; i++) {
        const size_t x = ab[2 * i], y = ab[2 * i + 1];
        double sa, sb, sim;
        /* The resemblance costs a signature pass: listed pairs only. */
        if (wt_corpus_pair(c, x, y, &sa, &sb, &sim)) {
            free(ab);
            return -1;
        }
        pair_w(w, c, x, y, sa, sb, sim);
    }
    jsonw_array_end(w);
    free(ab);
    return 0;
}

/* The summary rows of the first shown documents' pairs, largest first. */
static int summary_w_all(jsonw *w, const wt_corpus *c, size_t shown)
{
    size_t n;
    summary_row *rows = summary_rows(c, shown, 1, &n);
    if (!rows)
        return -1;
    jsonw_array(w);
    for (size_t i = 0; i < n; i++)
        summary_w(w, c, &rows[i]);
    jsonw_array_end(w);
    free(rows);
    return 0;
}

int report_json_parts(const wt_corpus *c, const cli_settings *s, char **doc,
                      char **pairs)
{
    *doc = *pairs = NULL;
    jsonw w;
    int rc = 0;
    if (wt_corpus_document_count(c)) {
        jsonw_init(&w, 1, 0);
        document_w(&w, c, wt_corpus_document(c, 0));
        rc = (*doc = item_text(&w)) ? 0 : -1;
    }
    jsonw_init(&w, 0, 0);
    jsonw_object(&w);
    jsonw_key(&w, "pairs");
    if (!rc)
        rc = pairs_w(&w, c, s->all_pairs, 1);
    jsonw_key(&w, "summary");
    if (!rc)
        rc = summary_w_all(&w, c, 1);
    jsonw_object_end(&w);
    if (!rc)
        rc = (*pairs = item_text(&w)) ? 0 : -1;
    jsonw_release(&w);
    if (rc) {
        free(*doc);
        free(*pairs);
        *doc = *pairs = NULL;
    }
    return rc;
}

/* Elements of an array as json_dumpf() prints it with JSON_INDENT(1),
 * kept as text in a temporary file: a large scan's pairs and summary rows
 * would outgrow memory as trees of jansson values. */
typedef struct spill {
    FILE *f;
    size_t n;   /* elements written */
    off_t size; /* bytes written: where the next element starts (ftello()
                   asked the kernel each time) */
} spill;

/* A summary row spilled: what it is sorted by, and where its text is
 * (the file grows in the order first seen, so at orders ties too). */
typedef struct row {
    json_int_t words;
    off_t at;
    size_t len;
} row;

/* The documents are printed as they come; every pair and summary row is
 * kept once (each side's query reports it), the first seen, known by its
 * key (merge_key) in seen or seen_rows.  The pairs print in the order
 * first seen, each after its comma; the rows largest first, by v. */
struct json_merge {
    size_t docs; /* documents printed */
    spill pairs;
    spill rows;
    row *v; /* the rows spilled, in the order first seen until sorted */
    size_t cap;
    json_t *seen;
    json_t *seen_rows;
};

/* A new file in dir, already unlinked: gone with its last close, or
 * with the process. */
static FILE *spill_file(const char *dir)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/wiretrace-merge-XXXXXX", dir) >=
        (int)sizeof path)
        return NULL;
    const int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    unlink(path);
    FILE *f = fdopen(fd, "w+");
    if (!f)
        close(fd);
    return f;
}

static void merge_free(json_merge *m)
{
    if (m->pairs.f)
        fclose(m->pairs.f);
    if (m->rows.f)
        fclose(m->rows.f);
    json_decref(m->seen);
    json_decref(m->seen_rows);
    free(m->v);
    free(m);
}

json_merge *json_merge_new(const char *dir)
{
    json_merge *m = calloc(1, sizeof *m);
    if (m &&
        (!(m->pairs.f = spill_file(dir)) || !(m->rows.f = spill_file(dir)) ||
         !(m->seen = json_object()) || !(m->seen_rows = json_object()))) {
        merge_free(m);
        m = NULL;
    }
    return m;
}

/* The key of item, a pair or summary row, by the ids in its fields fx
 * and fy, either order: the same pair from the other side's query has
 * one key.  NULL when a field is missing; malloc'd. */
static char *merge_key(json_t *item, const char *fx, const char *fy)
{
    const char *x = json_string_value(json_object_get(item, fx));
    const char *y = json_string_value(json_object_get(item, fy));
    if (!x || !y)
        return NULL;
    const int swap = strcmp(x, y) > 0;
    char *key = malloc(strlen(x) + strlen(y) + 2);
    if (key)
        sprintf(key, "%s\n%s", swap ? y : x, swap ? x : y);
    return key;
}

/* Whether key is new to seen (then noted); -1 when out of memory. */
static int first_seen(json_t *seen, const char *key)
{
    if (json_object_get(seen, key))
        return 0;
    return json_object_set_new(seen, key, json_true()) ? -1 : 1;
}

/* Calls keep(m, item) for each element of array a whose key
 * (merge_key) is new to seen; stops at its first failure. */
static int each_first(json_t *a, const char *fx, const char *fy, json_t *seen,
                      int (*keep)(json_merge *m, json_t *item), json_merge *m)
{
    size_t i;
    json_t *item;
    json_array_foreach(a, i, item)
    {
        char *key = merge_key(item, fx, fy);
        const int first = key ? first_seen(seen, key) : 0;
        free(key);
        if (first < 0 || (first && keep(m, item)))
            return -1;
    }
    return 0;
}

/* Writes item to s as an element of the array prints it, after a comma
 * unless it is the first or comma is 0: a newline, then its lines one
 * level deeper (a newline inside a string is escaped, so every newline of
 * the text is the layout's).  *at and *len (may be NULL) get where. */
static int spill_put(spill *s, json_t *item, int comma, off_t *at, size_t *len)
{
    char *text = json_dumps(item, JSON_INDENT(1) | JSON_REAL_PRECISION(4));
    if (!text)
        return -1;
    const char *head = comma && s->n ? ",\n " : "\n ";
    size_t n = strlen(head);
    fputs(head, s->f);
    for (const char *c = text; *c; c++) {
        putc(*c, s->f);
        n++;
        if (*c == '\n') {
            putc(' ', s->f);
            n++;
        }
    }
    free(text);
    s->n++;
    if (at)
        *at = s->size;
    if (len)
        *len = n;
    s->size += (off_t)n;
    return ferror(s->f) ? -1 : 0;
}

static int spill_pair(json_merge *m, json_t *item)
{
    return spill_put(&m->pairs, item, 1, NULL, NULL);
}

/* A summary row on disk, its place and size in memory: the rows are
 * sorted at the end. */
static int spill_row(json_merge *m, json_t *item)
{
    if (m->rows.n == m->cap) {
        const size_t cap = m->cap ? 2 * m->cap : 256;
        row *v = realloc(m->v, cap * sizeof *v);
        if (!v)
            return -1;
        m->v = v;
        m->cap = cap;
    }
    row *r = &m->v[m->rows.n];
    r->words = json_integer_value(json_object_get(item, "words"));
    return spill_put(&m->rows, item, 0, &r->at, &r->len);
}

/* Keeps each pair and summary row of one query's report once. */
static int merge_pairs(json_merge *m, const char *text)
{
    json_t *o = json_loads(text, 0, NULL);
    int rc = o ? 0 : -1;
    if (!rc)
        rc = each_first(json_object_get(o, "pairs"), "a", "b", m->seen,
                        spill_pair, m);
    if (!rc)
        rc = each_first(json_object_get(o, "summary"), "taker", "source",
                        m->seen_rows, spill_row, m);
    json_decref(o);
    return rc;
}

/* Largest first; rows of as many words in the order first seen. */
static int cmp_rows(const void *x, const void *y)
{
    const row *a = x, *b = y;
    if (a->words != b->words)
        return (a->words < b->words) - (a->words > b->words);
    return (a->at > b->at) - (a->at < b->at);
}

/* The start of the document, before the first document or the end. */
static void merge_open(FILE *out)
{
    fprintf(out, "{\"wiretrace\": \"%s\",\n\"documents\": [", WT_VERSION);
}

int json_merge_add(json_merge *m, FILE *out, const char *doc, const char *pairs)
{
    if (doc) {
        if (!m->docs)
            merge_open(out);
        fprintf(out, "%s\n%s", m->docs ? "," : "", doc);
        m->docs++;
    }
    return pairs ? merge_pairs(m, pairs) : 0;
}

/* The pairs' array, as json_dumpf() prints it, from the spilled
 * elements. */
static int copy_pairs(json_merge *m, FILE *out)
{
    if (!m->pairs.n) {
        fputs("[]", out);
        return 0;
    }
    fputc('[', out);
    char buf[1 << 16];
    size_t n;
    rewind(m->pairs.f);
    while ((n = fread(buf, 1, sizeof buf, m->pairs.f)))
        fwrite(buf, 1, n, out);
    fputs("\n]", out);
    return ferror(m->pairs.f) ? -1 : 0;
}

/* The summary's array, largest row first, read back from the spill. */
static int copy_rows(json_merge *m, FILE *out)
{
    if (!m->rows.n) {
        fputs("[]", out);
        return 0;
    }
    if (fflush(m->rows.f))
        return -1;
    qsort(m->v, m->rows.n, sizeof *m->v, cmp_rows);
    size_t most = 0;
    for (size_t i = 0; i < m->rows.n; i++)
        most = m->v[i].len > most ? m->v[i].len : most;
    char *buf = malloc(most + 1);
    int rc = buf ? 0 : -1;
    fputc('[', out);
    for (size_t i = 0; !rc && i < m->rows.n; i++) {
        const row *r = &m->v[i];
        if (pread(fileno(m->rows.f), buf, r->len, r->at) != (ssize_t)r->len)
            rc = -1;
        else if (i)
            fputc(',', out);
        if (!rc)
            fwrite(buf, 1, r->len, out);
    }
    fputs("\n]", out);
    free(buf);
    return rc;
}

int json_merge_finish(json_merge *m, FILE *out)
{
    if (!m->docs)
        merge_open(out);
    fputs("],\n\"pairs\": ", out);
    int rc = copy_pairs(m, out);
    /* Known only once every article was checked: after the pairs. */
    fputs(",\n\"summary\": ", out);
    if (copy_rows(m, out))
        rc = -1;
    fputs("}\n", out);
    merge_free(m);
    return rc;
}
