/*
 * progress.h - the progress line of long runs (scan, index add): files,
 * megabytes, rate and time left, redrawn on stderr at most ten times a
 * second, only when stderr is a terminal and --quiet is not given.
 * --verbose adds a summary line at the end, terminal or not.
 */
#ifndef WT_CLI_PROGRESS_H
#define WT_CLI_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

typedef struct progress progress;

/* total_files and total_bytes are what the run will read (0 = unknown).
 * quiet and verbose come from the command line.  Returns NULL when out of
 * memory; every function accepts NULL and then does nothing. */
progress *progress_new(size_t total_files, uint64_t total_bytes, int quiet,
                       int verbose);

/* One more file of the given size has been read. */
void progress_step(progress *p, uint64_t bytes);

/* Replaces the line with a stage name ("analyzing") until the next call. */
void progress_stage(progress *p, const char *what);

/* Clears the line so that another message can be printed on stderr; the
 * next step draws it again. */
void progress_clear(progress *p);

/* Clears the line, prints the --verbose summary, frees p. */
void progress_end(progress *p);

#endif
