/*
 * articles.h - the articles an index command reads, one at a time, so
 * that memory does not grow with the input.  An operand is a JSON Lines
 * file (*.jsonl, *.ndjson, or - for standard input; see jsonl.h), a
 * folder (its text files and web pages, or those --include names; see
 * walk.h) or a file.
 */
#ifndef WT_CLI_ARTICLES_H
#define WT_CLI_ARTICLES_H

#include "walk.h"
#include "wiretrace.h"

/* Where an article was read from. */
typedef struct article_src {
    const char *path; /* the file (or "standard input" for text read
                         there); NULL for a JSON Lines record */
    const char *line; /* a JSON Lines record: its line as read, without
                         newline and surrounding spaces, len bytes, not
                         NUL-terminated; NULL for a file */
    size_t len;
} article_src;

/* Receives each article, in input order.  a, src and their strings live
 * until the call returns. */
typedef void (*article_fn)(void *ctx, const wt_article *a,
                           const article_src *src);

/* The most bytes a text file may hold: 1 GiB less one byte, the
 * library's limit.  A larger file is refused unread. */
#define ARTICLE_READ_MAX (((size_t)1 << 30) - 1)

/* Reads the articles of one operand.  What cannot be read (a file, a
 * line of JSON Lines) is named on stderr and raises *status (msg.h) by
 * its cause; the rest is read.  Only regular files are read (and FIFOs
 * and standard input as JSON Lines), each size checked first;
 * record_max bounds one JSON Lines record (0: JSONL_RECORD_MAX).  A
 * folder gives the files whose names match one of include[0, ninclude)
 * (--include), or with none the files walk.h lists by default. */
void articles_read(char *operand, size_t record_max, char *const *include,
                   size_t ninclude, article_fn fn, void *ctx, int *status);

/* Reads the files of l in order, with their ids and the --published and
 * --outlet values l holds, leaving out file i when skip[i] is set (skip
 * may be NULL).  Errors as articles_read(). */
void articles_read_files(const walk_list *l, const unsigned char *skip,
                         article_fn fn, void *ctx, int *status);

#endif
