/*
 * report.h - output writers.  Each renders an analyzed corpus through the
 * public API only.  Every command that prints a report takes its writer
 * from report_writer_for(), so one --format means the same everywhere.
 */
#ifndef WT_CLI_REPORT_H
#define WT_CLI_REPORT_H

#include "opt.h"

#include <stdio.h>

typedef int (*report_writer)(const wt_corpus *c, const cli_settings *s,
                             FILE *out);

/* The readable report: every paragraph with its sources, then the pairs. */
int report_text(const wt_corpus *c, const cli_settings *s, FILE *out);

/* What the columns of the text report mean, printed once above a run of
 * reports (one per article) that are written with s->legend_once. */
void report_text_legend(FILE *out);

/* The JSON contract documented in README.md, indented.  The text and
 * JSON writers show only the first s->shown documents when it is set, and
 * the pairs that involve them. */
int report_json(const wt_corpus *c, const cli_settings *s, FILE *out);

/* The same JSON on one line: one report, one line of JSON Lines. */
int report_jsonl(const wt_corpus *c, const cli_settings *s, FILE *out);

/* One self-contained HTML page for people: a provenance graph, a summary
 * table per document, and each document pair with reuse side by side with
 * the shared spans highlighted.  No network, no external assets; all text
 * from the inputs is escaped. */
int report_html(const wt_corpus *c, const cli_settings *s, FILE *out);

/* The writer of a --format (or --json): report_text, report_json or
 * report_jsonl.  Never NULL. */
report_writer report_writer_for(cli_format format);

/* A scan through an index with --html FILE writes each article's page
 * beside FILE and FILE itself as one overview page of them all, as a scan
 * in memory writes one page.  report_html_row() is the row of document 0
 * of c, linked to its page (a file name beside FILE); malloc'd, or NULL
 * when out of memory.  report_html_overview() writes the page of rows.
 * Returns 0 or -1. */
char *report_html_row(const wt_corpus *c, const char *page);
int report_html_overview(FILE *out, char *const *rows, size_t n);

/* report_html() into the file at path (--html); prints the reason on
 * failure.  Returns 0 or -1. */
int report_html_file(const wt_corpus *c, const cli_settings *s,
                     const char *path);

/* The document pairs the corpus scored, as index pairs (a, b), a < b, at
 * [2i] and [2i + 1], sorted by a then b so that reports list them in one
 * order; *n is set to their number.  Returns a malloc'd array, or NULL
 * when out of memory. */
size_t *report_pairs_sorted(const wt_corpus *c, size_t *n);

/* The pairs a text or JSON report lists, in the order of
 * report_pairs_sorted(): those whose first document is one of the first
 * shown and that have a link either way (every scored one when all is
 * set), found on jobs threads (0 or 1: the caller's only).  *only_via,
 * when not NULL, is set to the number of pairs left out that share text
 * only through a common source.  Returns a malloc'd array, or NULL when
 * out of memory. */
size_t *report_pairs_listed(const wt_corpus *c, int all, size_t shown,
                            unsigned jobs, size_t *n, size_t *only_via);

/* The pairs or summary rows a part renders: enough that a part's buffer
 * and its turn in the pool cost little beside rendering them. */
#define REPORT_ROWS_PER_PART 16

/* A scan through an index reports file by file (one query each) but
 * prints one JSON document, as a scan in memory does.  report_json_parts()
 * gives the parts of one query's report: document 0 as indented JSON text
 * (*doc, NULL when there is none) and its pairs as a JSON array on one
 * line (*pairs); both malloc'd.  Returns 0 or -1 (out of memory). */
int report_json_parts(const wt_corpus *c, const cli_settings *s, char **doc,
                      char **pairs);

/* Joins the parts, in the order added, into one JSON document on out:
 * the documents as they come, then every pair and summary row once (each
 * side's query reports it), kept meanwhile as text in temporary files in
 * dir (cli_settings.tmpdir).  json_merge_new() returns NULL, errno set, when
 * out of memory or the file cannot be made. */
typedef struct json_merge json_merge;
json_merge *json_merge_new(const char *dir);
int json_merge_add(json_merge *m, FILE *out, const char *doc,
                   const char *pairs);
/* Prints the pairs and the end of the document, and frees m. */
int json_merge_finish(json_merge *m, FILE *out);

/* Number of links between different documents (duplicates excluded). */
size_t report_count_links(const wt_corpus *c);

/* The same over the first ndocs documents only. */
size_t report_count_links_in(const wt_corpus *c, size_t ndocs);

#endif
