/*
 * eval_lines.h - shared by the line-aligned evaluation programs: read a
 * file of one segment per line, and build pseudo-articles of PER_DOC
 * consecutive lines (the files mark no article boundaries).
 */
#ifndef WT_EVAL_LINES_H
#define WT_EVAL_LINES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wiretrace.h"

#define PER_DOC 10

/* Up to max lines of path, newline stripped; *n is how many were read. */
static char **read_lines(const char *path, size_t max, size_t *n)
{
    FILE *f = fopen(path, "r");
    char **v = calloc(max, sizeof *v);
    char buf[1 << 16];
    *n = 0;
    while (f && v && *n < max && fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\r\n")] = '\0';
        if (!(v[*n] = strdup(buf)))
            break;
        ++*n;
    }
    if (f)
        fclose(f);
    return v;
}

/* Frees what read_lines() returned. */
static void free_lines(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* Document k of lines: PER_DOC paragraphs separated by blank lines. */
static char *make_doc(char **lines, size_t k)
{
    size_t len = 1;
    for (size_t i = 0; i < PER_DOC; i++)
        len += strlen(lines[k * PER_DOC + i]) + 2;
    char *d = malloc(len), *o = d;
    for (size_t i = 0; d && i < PER_DOC; i++)
        o += sprintf(o, "%s\n\n", lines[k * PER_DOC + i]);
    return d;
}

/* One corpus of docs pseudo-articles from each side: ids "a<k>" (from
 * lines a) then "b<k>" (from lines b), analyzed; NULL on any failure. */
static wt_corpus *paired_corpus(char **a, char **b, size_t docs)
{
    wt_options o;
    wt_options_init(&o);
    wt_corpus *c = NULL;
    if (wt_corpus_new(&c, &o))
        return NULL;
    char id[32];
    for (size_t side = 0; side < 2; side++)
        for (size_t k = 0; k < docs; k++) {
            char *d = make_doc(side ? b : a, k);
            snprintf(id, sizeof id, "%c%zu", side ? 'b' : 'a', k);
            const int rc = !d || wt_corpus_add_buffer(c, id, id, d, strlen(d));
            free(d);
            if (rc) {
                wt_corpus_free(c);
                return NULL;
            }
        }
    if (wt_corpus_analyze(c)) {
        wt_corpus_free(c);
        return NULL;
    }
    return c;
}

#endif
