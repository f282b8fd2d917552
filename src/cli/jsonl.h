/*
 * jsonl.h - articles from JSON Lines, one object a line:
 * {"id", "outlet", "url", "published", "lang", "title", "text"}.
 * Parsed with jansson; a bad line is reported and skipped.
 */
#ifndef WT_CLI_JSONL_H
#define WT_CLI_JSONL_H

#include "wiretrace.h"

#include <jansson.h>
#include <stdio.h>

typedef struct jsonl_reader jsonl_reader;

/* The default limit of one record (one line), in bytes: 64 MiB. */
#define JSONL_RECORD_MAX ((size_t)64 << 20)

/* Reads from f (not closed by the reader); name is used in messages.
 * Records are read one at a time, each up to JSONL_RECORD_MAX bytes. */
jsonl_reader *jsonl_open(FILE *f, const char *name);
void jsonl_close(jsonl_reader *r);

/* Sets the most bytes one record may hold; a longer line is skipped. */
void jsonl_set_limit(jsonl_reader *r, size_t bytes);

/* The next article: 1 with *a set (its strings live until the next call),
 * 0 at the end, -1 for a bad line (err says which and why, naming a line
 * over the limit; call again for the next one), -2 when reading fails,
 * -3 when a line was skipped for want of memory (err says which; call
 * again for the next one). */
int jsonl_next(jsonl_reader *r, wt_article *a, char *err, size_t errlen);

/* The record of the article jsonl_next() returned last, as read: its
 * line without the newline and the spaces around it, *len bytes, not
 * NUL-terminated, valid until the next call.  NULL (*len 0) when no
 * record is held. */
const char *jsonl_line(const jsonl_reader *r, size_t *len);

/* One article from the JSON object in data[0, len) (a request body):
 * the fields and checks of a line, and the object may span lines.
 * Returns 1 with *a set, its strings held by *hold until
 * json_decref(*hold); or -1 with err saying why (invalid JSON, no "text"
 * string, ...) and *hold NULL. */
struct json_t;
int jsonl_parse(const char *data, size_t len, wt_article *a,
                struct json_t **hold, char *err, size_t errlen);

/* The article as a JSON Lines object, the fields jsonl_next() reads
 * (published as ISO 8601, UTC; no "text" when a->text is NULL); bytes
 * that are not UTF-8 become U+FFFD.
 * NULL when out of memory; json_decref() it. */
json_t *jsonl_article(const wt_article *a);

#endif
