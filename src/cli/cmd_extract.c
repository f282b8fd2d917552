/*
 * cmd_extract.c - `wiretrace extract`: the input stage made visible.  For
 * a web page that is the article found in it; for a text file its header
 * and paragraphs.  Each paragraph is printed with its text as analyzed
 * and the byte ranges it lies in, so that the file sliced at each range
 * shows the text.
 */
#include "cmd_extract.h"
#include "walk.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ISO 8601 in UTC, or "" for 0. */
static void format_time(int64_t t, char *buf, size_t cap)
{
    buf[0] = '\0';
    if (!t)
        return;
    const time_t tt = (time_t)t;
    struct tm tm;
    if (gmtime_r(&tt, &tm))
        strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The ranges of paragraph p as a JSON array of [start, end] pairs. */
static json_t *ranges_json(const wt_document *d, const wt_paragraph *p)
{
    const size_t n = wt_document_ranges(d, p->start, p->end, NULL, 0);
    size_t *r = malloc((2 * n + 2) * sizeof *r);
    json_t *a = json_array();
    if (r && a) {
        wt_document_ranges(d, p->start, p->end, r, n);
        for (size_t i = 0; i < n; i++)
            json_array_append_new(a, json_pack("[II]", (json_int_t)r[2 * i],
                                               (json_int_t)r[2 * i + 1]));
    }
    free(r);
    return a;
}

static json_t *paragraph_json(const wt_document *d, size_t i)
{
    const wt_paragraph *p = wt_document_paragraph(d, i);
    char *text = NULL;
    if (wt_document_text(d, p->start, p->end, &text))
        return NULL;
    json_t *o =
        json_pack("{s:s, s:I, s:I, s:o, s:s, s:s}", "text", text, "start",
                  (json_int_t)p->start, "end", (json_int_t)p->end, "ranges",
                  ranges_json(d, p), "boilerplate", wt_boiler_name(p->boiler),
                  "lang", wt_document_paragraph_lang(d, i));
    free(text);
    return o;
}

/* A string, or JSON null for NULL. */
static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *document_json(const wt_document *d)
{
    char when[32];
    format_time(wt_document_published(d), when, sizeof when);
    json_t *authors = json_array(), *paras = json_array();
    for (size_t i = 0; i < wt_document_author_count(d); i++)
        json_array_append_new(authors, json_string(wt_document_author(d, i)));
    for (size_t i = 0; i < wt_document_paragraph_count(d); i++)
        json_array_append_new(paras, paragraph_json(d, i));
    return json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:s, s:o, s:o}", "id",
                     wt_document_id(d), "path", wt_document_path(d), "format",
                     wt_document_is_html(d) ? "html" : "text", "title",
                     str_or_null(wt_document_title(d)), "outlet",
                     str_or_null(wt_document_outlet(d)), "published",
                     when[0] ? json_string(when) : json_null(), "authors",
                     authors, "lang", wt_document_lang(d), "url",
                     str_or_null(wt_document_url(d)), "paragraphs", paras);
}

static void print_field(const char *name, const char *value)
{
    if (value && *value)
        printf("%s: %s\n", name, value);
}

static void print_text(const wt_document *d)
{
    char when[32];
    format_time(wt_document_published(d), when, sizeof when);
    printf("== %s (%s)\n", wt_document_id(d),
           wt_document_is_html(d) ? "html" : "text");
    print_field("title", wt_document_title(d));
    print_field("outlet", wt_document_outlet(d));
    print_field("published", when);
    for (size_t i = 0; i < wt_document_author_count(d); i++)
        print_field("author", wt_document_author(d, i));
    print_field("lang", wt_document_lang(d));
    print_field("url", wt_document_url(d));
    for (size_t i = 0; i < wt_document_paragraph_count(d); i++) {
        const wt_paragraph *p = wt_document_paragraph(d, i);
        char *text = NULL;
        if (wt_document_text(d, p->start, p->end, &text))
            continue;
        printf("\n[%zu] bytes %zu-%zu%s%s%s\n", i + 1, p->start, p->end,
               p->boiler ? " (" : "",
               p->boiler ? wt_boiler_name(p->boiler) : "",
               p->boiler ? ")" : "");
        printf("%s\n", text);
        free(text);
    }
    printf("\n");
}

/* Adds each input, with its --encoding FILE=NAME if given; the library
 * names what fails.  Returns the status. */
static int read_inputs(wt_corpus *c, const walk_list *in, const cli_settings *s,
                       const char *encoding)
{
    int status = 0;
    for (size_t i = 0; i < in->n; i++) {
        const size_t before = wt_corpus_document_count(c);
        wt_corpus_set_encoding(
            c, cli_file_encoding(s, in->paths[i], in->ids[i], encoding));
        const int rc = wt_corpus_add_file(c, in->paths[i], in->ids[i]);
        if (rc) {
            cli_raise(&status, cli_exit_of(rc));
            continue;
        }
        if (!wt_document_paragraph_count(wt_corpus_document(c, before)))
            cli_raise(&status, EXIT_INPUT); /* warned: no text */
    }
    return status;
}

int cmd_extract(const cli_settings *s, wt_options *o)
{
    if (!s->ninputs) {
        cli_usage_error("no input files");
        return cli_usage_hint("extract");
    }
    cli_log log = {0};
    cli_log_attach(&log, s->quiet, s->verbose, o);
    walk_list in = {0};
    wt_corpus *c = NULL;
    int status = 0;
    int rc = walk_files(&in, s->inputs, s->ninputs) ? WT_ENOMEM
                                                    : wt_corpus_new(&c, o);
    if (rc) {
        cli_error("%s", wt_strerror(rc));
        status = cli_exit_of(rc);
        goto out;
    }
    status = read_inputs(c, &in, s, o->encoding);
    json_t *docs = s->format != FMT_TEXT ? json_array() : NULL;
    for (size_t i = 0; i < wt_corpus_document_count(c); i++) {
        const wt_document *d = wt_corpus_document(c, i);
        if (docs)
            json_array_append_new(docs, document_json(d));
        else
            print_text(d);
    }
    if (docs) {
        json_t *root = json_pack("{s:o}", "documents", docs);
        json_dumpf(root, stdout,
                   s->format == FMT_JSONL ? JSON_COMPACT : JSON_INDENT(2));
        putchar('\n');
        json_decref(root);
    }
out:
    wt_corpus_free(c);
    walk_release(&in);
    return status;
}
