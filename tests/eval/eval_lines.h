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

#endif
