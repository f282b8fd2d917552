/* report_json.c - the JSON report, built with jansson. */
#include "parts.h"
#include "report.h"
#include "summary.h"
#include "slice.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A JSON string of s.  jansson refuses a string that is not valid UTF-8
 * (a document from an older index, a path from the file system), and an
 * object packed with it would vanish with all it holds: such a string is
 * given with its bad bytes as \\xNN instead. */
static json_t *str(const char *s)
{
    json_t *j = json_string(s);
    if (j || !s)
        return j;
    char *e = utf8_escape(s);
    j = e ? json_string(e) : NULL;
    free(e);
    return j;
}

static json_t *spans_json(const wt_source *src)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < src->span_count; i++) {
        const wt_span *sp = &src->spans[i];
        json_array_append_new(a, json_pack("[IIII]", (json_int_t)sp->start,
                                           (json_int_t)sp->end,
                                           (json_int_t)sp->source_start,
                                           (json_int_t)sp->source_end));
    }
    return a;
}

static json_t *source_json(const wt_corpus *c, const wt_source *src)
{
    const wt_document *od = wt_corpus_document(c, src->document);
    json_t *o = json_pack(
        "{s:o, s:I, s:s, s:f, s:f, s:f, s:s, s:o}", "document",
        str(wt_document_id(od)), "paragraph", (json_int_t)src->paragraph,
        "class", wt_class_name(src->cls), "score", src->score, "coverage",
        src->coverage, "fact_overlap", src->fact_overlap, "origin",
        wt_origin_name(src->origin), "spans", spans_json(src));
    const char *lang = wt_document_paragraph_lang(od, src->paragraph);
    if (o && lang)
        json_object_set_new(o, "lang", str(lang));
    return o;
}

static json_t *paragraph_json(const wt_corpus *c, const wt_document *d,
                              const wt_paragraph *p, size_t index)
{
    json_t *sources = json_array();
    for (size_t i = 0; sources && i < p->source_count; i++)
        json_array_append_new(sources, source_json(c, &p->sources[i]));
    json_t *o =
        json_pack("{s:I, s:I, s:I, s:b, s:I, s:o}", "index", (json_int_t)index,
                  "start", (json_int_t)p->start, "end", (json_int_t)p->end,
                  "boilerplate", p->boiler != WT_BOILER_NONE, "words",
                  (json_int_t)p->word_count, "sources", sources);
    if (o && p->boiler != WT_BOILER_NONE)
        json_object_set_new(o, "boilerplate_kind",
                            json_string(wt_boiler_name(p->boiler)));
    if (o && wt_document_paragraph_lang(d, index))
        json_object_set_new(o, "lang",
                            json_string(wt_document_paragraph_lang(d, index)));
    return o;
}

/* The credits of d's text: the outlet each names, where, and how. */
static json_t *credits_json(const wt_document *d)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < wt_document_credit_count(d); i++) {
        const wt_credit *cr = wt_document_credit(d, i);
        json_array_append_new(
            a, json_pack("{s:o, s:I, s:I, s:s, s:b}", "outlet", str(cr->outlet),
                         "start", (json_int_t)cr->start, "end",
                         (json_int_t)cr->end, "kind",
                         wt_credit_kind_name(cr->kind), "own", cr->own));
    }
    return a;
}

static json_t *document_json(const wt_corpus *c, const wt_document *d)
{
    json_t *paras = json_array();
    for (size_t i = 0; paras && i < wt_document_paragraph_count(d); i++)
        json_array_append_new(
            paras, paragraph_json(c, d, wt_document_paragraph(d, i), i));
    json_t *o = json_pack("{s:o, s:o, s:o, s:o}", "id", str(wt_document_id(d)),
                          "path", str(wt_document_path(d)), "lang",
                          str(wt_document_lang(d)), "paragraphs", paras);
    if (o && wt_document_outlet(d))
        json_object_set_new(o, "outlet", str(wt_document_outlet(d)));
    if (o && wt_document_published(d))
        json_object_set_new(o, "published",
                            json_integer(wt_document_published(d)));
    if (o)
        json_object_set_new(o, "credits", credits_json(d));
    return o;
}

/* One pair: the shares each took, the origin as the library tells it (the
 * origin's id, or null) and whether either credits the other. */
static json_t *pair_json(const wt_corpus *c, size_t x, size_t y, double sa,
                         double sb, double sim)
{
    const wt_origin o = wt_corpus_pair_origin(c, x, y);
    const wt_document *da = wt_corpus_document(c, x);
    const wt_document *db = wt_corpus_document(c, y);
    json_t *origin = o == WT_ORIGIN_THIS    ? str(wt_document_id(da))
                     : o == WT_ORIGIN_OTHER ? str(wt_document_id(db))
                                            : json_null();
    const size_t v = wt_corpus_pair_via(c, x, y, NULL, NULL);
    json_t *via = v == SIZE_MAX ? json_null()
                                : str(wt_document_id(wt_corpus_document(c, v)));
    return json_pack("{s:o, s:o, s:f, s:f, s:f, s:o, s:o, s:b, s:b}", "a",
                     str(wt_document_id(da)), "b", str(wt_document_id(db)),
                     "a_from_b", sa, "b_from_a", sb, "similarity", sim,
                     "origin", origin, "via", via, "a_credits_b",
                     wt_corpus_pair_credits(c, x, y), "b_credits_a",
                     wt_corpus_pair_credits(c, y, x));
}

/* A string, or null for none. */
static json_t *opt_str(const char *s) { return s ? str(s) : json_null(); }

/* One summary row: who took what from whom (summary.h). */
static json_t *summary_json(const wt_corpus *c, const summary_row *r)
{
    const wt_document *t = wt_corpus_document(c, r->taker);
    const wt_document *s = wt_corpus_document(c, r->source);
    json_t *classes = json_object();
    for (int k = 0; classes && k < WT_CLASS_COUNT; k++)
        if (k != WT_CLASS_DUPLICATE)
            json_object_set_new(classes, wt_class_name((wt_class)k),
                                json_integer((json_int_t)r->taken.by_class[k]));
    json_t *names = json_array();
    for (size_t i = 0; names && i < wt_document_credit_count(t); i++) {
        const wt_credit *cr = wt_document_credit(t, i);
        size_t j = 0;
        while (j < i &&
               strcasecmp(wt_document_credit(t, j)->outlet, cr->outlet))
            j++;
        if (!cr->own && j == i)
            json_array_append_new(names, str(cr->outlet));
    }
    return json_pack(
        "{s:o, s:o, s:o, s:o, s:I, s:I, s:f, s:o, s:b, s:o, s:o, s:o}", "taker",
        str(wt_document_id(t)), "taker_outlet", opt_str(wt_document_outlet(t)),
        "source", str(wt_document_id(s)), "source_outlet",
        opt_str(wt_document_outlet(s)), "words", (json_int_t)r->taken.words,
        "paragraphs", (json_int_t)r->taken.paragraphs, "share",
        summary_share(r), "classes", classes, "credited", r->credited,
        "taker_credits", names, "origin",
        r->origin_known ? str(wt_document_id(s)) : json_null(), "via",
        r->via == SIZE_MAX
            ? json_null()
            : str(wt_document_id(wt_corpus_document(c, r->via))));
}

/* The summary rows of the first shown documents' pairs, largest first. */
static json_t *summary_array(const wt_corpus *c, size_t shown)
{
    size_t n;
    summary_row *rows = summary_rows(c, shown, 1, &n);
    json_t *a = rows ? json_array() : NULL;
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(a, summary_json(c, &rows[i]));
    free(rows);
    return a;
}

static json_t *pairs_json(const wt_corpus *c, int all, size_t shown)
{
    size_t n;
    size_t *ab = report_pairs_listed(c, all, shown, 1, &n, NULL);
    json_t *a = json_array();
    if (!ab || !a) {
        free(ab);
        json_decref(a);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const size_t x = ab[2 * i], y = ab[2 * i + 1];
        double sa, sb, sim;
        /* The resemblance costs a signature pass: listed pairs only. */
        if (wt_corpus_pair(c, x, y, &sa, &sb, &sim)) {
            free(ab);
            json_decref(a);
            return NULL;
        }
        json_array_append_new(a, pair_json(c, x, y, sa, sb, sim));
    }
    free(ab);
    return a;
}

/* The JSON of one element, dumped into memory with each line shifted by
 * shift spaces, as jansson would nest it. */
typedef struct nested {
    char *text;
    size_t len, cap;
    size_t shift;
} nested;

/* jansson's dump callback: appends n bytes of b to the nested text. */
static int nested_put(const char *b, size_t n, void *data)
{
    nested *x = data;
    const size_t most = x->len + n * (1 + x->shift);
    if (most > x->cap) {
        const size_t cap = most > 2 * x->cap ? most : 2 * x->cap;
        char *t = realloc(x->text, cap);
        if (!t)
            return -1;
        x->text = t;
        x->cap = cap;
    }
    for (size_t i = 0; i < n; i++) {
        x->text[x->len++] = b[i];
        for (size_t k = 0; b[i] == '\n' && k < x->shift; k++)
            x->text[x->len++] = ' ';
    }
    return 0;
}

/* Writes v (consumed) as one element of an array two levels down: with
 * indentation, each line shifted as jansson would nest it, so that the
 * document streamed piece by piece reads as if dumped whole.  The element
 * goes to out in one write: once threads exist, each call on a stream
 * takes its lock, and a call per byte cost more than the dump. */
static int put_item(json_t *v, FILE *out, size_t flags, int first)
{
    const int indent = !(flags & JSON_COMPACT);
    nested x = {NULL, 0, 0, indent ? 2 : 0};
    int rc = v ? 0 : -1;
    if (!rc)
        rc = nested_put(first ? "" : ",", first ? 0 : 1, &x);
    if (!rc && indent)
        rc = nested_put("\n", 1, &x);
    if (!rc)
        rc = json_dump_callback(v, nested_put, &x,
                                flags | JSON_REAL_PRECISION(4));
    json_decref(v);
    if (!rc && x.len)
        rc = fwrite(x.text, 1, x.len, out) == x.len ? 0 : -1;
    free(x.text);
    return rc;
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
    for (size_t i = part * REPORT_ROWS_PER_PART; i < end; i++)
        if (put_item(summary_json(j->c, &j->rows[i]), out, j->flags, i == 0))
            return -1;
    return 0;
}

/* The summary, as summary_array() dumped whole would read, but written
 * row by row on -j N threads. */
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
    return put_item(document_json(j->c, wt_corpus_document(j->c, i)), out,
                    j->flags, i == 0);
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
        if (wt_corpus_pair(j->c, x, y, &sa, &sb, &sim) ||
            put_item(pair_json(j->c, x, y, sa, sb, sim), out, j->flags, i == 0))
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
        json_t *o = json_pack(
            "{s:o, s:o, s:o, s:o, s:o}", "id", str(wt_document_id(d)), "outlet",
            opt_str(wt_document_outlet(d)), "title",
            opt_str(wt_document_title(d)), "url", opt_str(wt_document_url(d)),
            "lang", opt_str(wt_document_lang(d)));
        if (o)
            json_object_set_new(o, "published",
                                wt_document_published(d)
                                    ? json_integer(wt_document_published(d))
                                    : json_null());
        rc = put_item(o, out, flags, first);
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

int report_json_parts(const wt_corpus *c, const cli_settings *s, char **doc,
                      char **pairs)
{
    *doc = *pairs = NULL;
    json_t *d = wt_corpus_document_count(c)
                    ? document_json(c, wt_corpus_document(c, 0))
                    : NULL;
    json_t *p = json_pack("{s:o, s:o}", "pairs", pairs_json(c, s->all_pairs, 1),
                          "summary", summary_array(c, 1));
    if (d)
        *doc = json_dumps(d, JSON_INDENT(1) | JSON_REAL_PRECISION(4));
    if (p)
        *pairs = json_dumps(p, JSON_COMPACT | JSON_REAL_PRECISION(4));
    json_decref(d);
    json_decref(p);
    if ((d && !*doc) || !*pairs) {
        free(*doc);
        free(*pairs);
        *doc = *pairs = NULL;
        return -1;
    }
    return 0;
}

struct json_merge {
    size_t docs;       /* documents printed */
    json_t *pairs;     /* every pair once, in the order first seen */
    json_t *seen;      /* "a\nb" of the pairs kept, as an object's keys */
    json_t *summary;   /* every summary row once, the first seen */
    json_t *seen_rows; /* their keys */
};

json_merge *json_merge_new(void)
{
    json_merge *m = calloc(1, sizeof *m);
    if (m &&
        (!(m->pairs = json_array()) || !(m->seen = json_object()) ||
         !(m->summary = json_array()) || !(m->seen_rows = json_object()))) {
        json_decref(m->pairs);
        json_decref(m->seen);
        json_decref(m->summary);
        json_decref(m->seen_rows);
        free(m);
        m = NULL;
    }
    return m;
}

/* Appends each element of array a to out once, keyed by the ids in its
 * fields fx and fy, either order: the same pair from the other side's
 * query has one key. */
static int merge_once(json_t *a, const char *fx, const char *fy, json_t *out,
                      json_t *seen)
{
    size_t i;
    json_t *item;
    json_array_foreach(a, i, item)
    {
        const char *x = json_string_value(json_object_get(item, fx));
        const char *y = json_string_value(json_object_get(item, fy));
        if (!x || !y)
            continue;
        const int swap = strcmp(x, y) > 0;
        char *key = malloc(strlen(x) + strlen(y) + 2);
        if (!key)
            return -1;
        sprintf(key, "%s\n%s", swap ? y : x, swap ? x : y);
        if (!json_object_get(seen, key)) {
            json_object_set_new(seen, key, json_true());
            json_array_append(out, item);
        }
        free(key);
    }
    return 0;
}

/* Keeps each pair and summary row of one query's report once. */
static int merge_pairs(json_merge *m, const char *text)
{
    json_t *o = json_loads(text, 0, NULL);
    int rc = o ? 0 : -1;
    if (!rc)
        rc = merge_once(json_object_get(o, "pairs"), "a", "b", m->pairs,
                        m->seen);
    if (!rc)
        rc = merge_once(json_object_get(o, "summary"), "taker", "source",
                        m->summary, m->seen_rows);
    json_decref(o);
    return rc;
}

static int cmp_rows(const void *x, const void *y)
{
    const json_int_t a =
        json_integer_value(json_object_get(*(json_t *const *)x, "words"));
    const json_int_t b =
        json_integer_value(json_object_get(*(json_t *const *)y, "words"));
    return (a < b) - (a > b);
}

/* The merged summary, largest first. */
static json_t *sorted_summary(json_t *rows)
{
    const size_t n = json_array_size(rows);
    json_t **v = malloc((n + 1) * sizeof *v);
    json_t *out = v ? json_array() : NULL;
    for (size_t i = 0; out && i < n; i++)
        v[i] = json_array_get(rows, i);
    if (out && n > 1)
        qsort(v, n, sizeof *v, cmp_rows);
    for (size_t i = 0; out && i < n; i++)
        json_array_append(out, v[i]);
    free(v);
    return out;
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

int json_merge_finish(json_merge *m, FILE *out)
{
    if (!m->docs)
        merge_open(out);
    fputs("],\n\"pairs\": ", out);
    int rc = json_dumpf(m->pairs, out, JSON_INDENT(1) | JSON_REAL_PRECISION(4));
    /* Known only once every article was checked: after the pairs. */
    json_t *sum = sorted_summary(m->summary);
    fputs(",\n\"summary\": ", out);
    if (!sum || json_dumpf(sum, out, JSON_INDENT(1) | JSON_REAL_PRECISION(4)))
        rc = -1;
    fputs("}\n", out);
    json_decref(sum);
    json_decref(m->pairs);
    json_decref(m->seen);
    json_decref(m->summary);
    json_decref(m->seen_rows);
    free(m);
    return rc;
}
