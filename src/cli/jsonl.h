/*
 * jsonl.h - articles from JSON Lines, one object a line:
 * {"id", "outlet", "url", "published", "lang", "title", "text"}.
 * Parsed with jansson; a bad line is reported and skipped.
 */
#ifndef WT_CLI_JSONL_H
#define WT_CLI_JSONL_H

#include "wiretrace.h"

#include <stdio.h>

typedef struct jsonl_reader jsonl_reader;

/* Reads from f (not closed by the reader); name is used in messages. */
jsonl_reader *jsonl_open(FILE *f, const char *name);
void jsonl_close(jsonl_reader *r);

/* The next article: 1 with *a set (its strings live until the next call),
 * 0 at the end, -1 for a bad line (err says which and why; call again for
 * the next one), -2 when reading fails. */
int jsonl_next(jsonl_reader *r, wt_article *a, char *err, size_t errlen);

#endif
