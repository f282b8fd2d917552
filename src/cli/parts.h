/*
 * parts.h - a report written in parts (a document, a block of rows), each
 * rendered on one of -j N threads into memory and written in order, so
 * that the bytes are those one thread writes.
 */
#ifndef WT_CLI_PARTS_H
#define WT_CLI_PARTS_H

#include <stddef.h>
#include <stdio.h>

/* Renders part i of a report to f; returns 0 or -1.  It may run in a
 * worker thread, beside other parts: it only reads what it is given. */
typedef int (*parts_render)(void *ctx, size_t i, FILE *f);

/* Writes parts 0 to n - 1 of a report to out, in order.  With jobs above
 * 1 they are rendered on that many threads, each into memory, and written
 * as they land; with one, straight to out.  Stops after the first part
 * that fails.  Returns 0, or -1 when a part failed or memory ran out. */
int parts_write(unsigned jobs, size_t n, parts_render render, void *ctx,
                FILE *out);

#endif
