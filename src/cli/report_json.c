/* report_json.c - the JSON report, built with jansson. */
#include "report.h"
#include "slice.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

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

static json_t *pairs_json(const wt_corpus *c, int all, size_t shown)
{
    size_t n;
    size_t *ab = report_pairs_sorted(c, &n);
    json_t *a = json_array();
    if (!ab || !a) {
        free(ab);
        json_decref(a);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const size_t x = ab[2 * i], y = ab[2 * i + 1];
        double sa, sb, sim;
        wt_corpus_pair(c, x, y, &sa, &sb, &sim);
        if ((!all && sa == 0 && sb == 0) || x >= shown)
            continue;
        json_array_append_new(a, pair_json(c, x, y, sa, sb, sim));
    }
    free(ab);
    return a;
}

/* Writes v (consumed) as one element of an array two levels down: with
 * indentation, each line shifted as jansson would nest it, so that the
 * document streamed piece by piece reads as if dumped whole. */
static int put_item(json_t *v, FILE *out, size_t flags, int first)
{
    char *text = v ? json_dumps(v, flags | JSON_REAL_PRECISION(4)) : NULL;
    json_decref(v);
    if (!text)
        return -1;
    const int indent = !(flags & JSON_COMPACT);
    fputs(first ? "" : ",", out);
    if (indent)
        fputs("\n  ", out);
    for (const char *p = text; *p; p++) {
        fputc(*p, out);
        if (*p == '\n' && indent)
            fputs("  ", out);
    }
    free(text);
    return 0;
}

/* The pairs with links, one at a time; *any says whether one was. */
static int put_pairs(const wt_corpus *c, int all, size_t shown, FILE *out,
                     size_t flags, int *any)
{
    size_t n;
    size_t *ab = report_pairs_sorted(c, &n);
    if (!ab)
        return -1;
    int rc = 0, first = 1;
    for (size_t i = 0; i < n && !rc; i++) {
        const size_t x = ab[2 * i], y = ab[2 * i + 1];
        double sa, sb, sim;
        wt_corpus_pair(c, x, y, &sa, &sb, NULL);
        if ((!all && sa == 0 && sb == 0) || x >= shown)
            continue;
        wt_corpus_pair(c, x, y, NULL, NULL, &sim);
        rc = put_item(pair_json(c, x, y, sa, sb, sim), out, flags, first);
        first = 0;
    }
    free(ab);
    *any = !first;
    return rc;
}

/* The JSON contract with jansson's dump flags: indented, or on one line.
 * Written one document and one pair at a time: memory holds one
 * document's JSON, never the report's. */
static int write_json(const wt_corpus *c, const cli_settings *s, FILE *out,
                      size_t flags)
{
    size_t n = wt_corpus_document_count(c);
    if (s->shown && s->shown < n)
        n = s->shown;
    const int indent = !(flags & JSON_COMPACT);
    fprintf(out,
            indent ? "{\n \"wiretrace\": \"%s\",\n \"documents\": ["
                   : "{\"wiretrace\":\"%s\",\"documents\":[",
            WT_VERSION);
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++)
        rc = put_item(document_json(c, wt_corpus_document(c, i)), out, flags,
                      i == 0);
    fputs(indent ? (n ? "\n ],\n \"pairs\": [" : "],\n \"pairs\": [")
                 : "],\"pairs\":[",
          out);
    int any = 0;
    if (!rc)
        rc = put_pairs(c, s->all_pairs, n, out, flags, &any);
    fputs(indent ? (any ? "\n ]\n}\n" : "]\n}\n") : "]}\n", out);
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
    json_t *p = pairs_json(c, s->all_pairs, 1);
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
    size_t docs;   /* documents printed */
    json_t *pairs; /* every pair once, in the order first seen */
    json_t *seen;  /* "a\nb" of the pairs kept, as an object's keys */
};

json_merge *json_merge_new(void)
{
    json_merge *m = calloc(1, sizeof *m);
    if (m && (!(m->pairs = json_array()) || !(m->seen = json_object()))) {
        json_decref(m->pairs);
        json_decref(m->seen);
        free(m);
        m = NULL;
    }
    return m;
}

/* Keeps each pair of the JSON array text once, by its two ids. */
static int merge_pairs(json_merge *m, const char *text)
{
    json_t *a = json_loads(text, 0, NULL);
    if (!a)
        return -1;
    size_t i;
    json_t *pair;
    json_array_foreach(a, i, pair)
    {
        const char *x = json_string_value(json_object_get(pair, "a"));
        const char *y = json_string_value(json_object_get(pair, "b"));
        if (!x || !y)
            continue;
        /* The same pair from the other side's query: one key for both. */
        const int swap = strcmp(x, y) > 0;
        char *key = malloc(strlen(x) + strlen(y) + 2);
        if (!key) {
            json_decref(a);
            return -1;
        }
        sprintf(key, "%s\n%s", swap ? y : x, swap ? x : y);
        if (!json_object_get(m->seen, key)) {
            json_object_set_new(m->seen, key, json_true());
            json_array_append(m->pairs, pair);
        }
        free(key);
    }
    json_decref(a);
    return 0;
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
    const int rc =
        json_dumpf(m->pairs, out, JSON_INDENT(1) | JSON_REAL_PRECISION(4));
    fputs("}\n", out);
    json_decref(m->pairs);
    json_decref(m->seen);
    free(m);
    return rc;
}
