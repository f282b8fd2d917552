/*
 * progress.h - the progress line of long runs (compare, scan, index add):
 * files (articles when their number is not known ahead),
 * megabytes, rate and time left, redrawn on stderr at most ten times a
 * second, only when stderr is a terminal and --quiet is not given.
 * --verbose adds a summary line at the end, terminal or not.
 */
#ifndef WT_CLI_PROGRESS_H
#define WT_CLI_PROGRESS_H

#include "msg.h"

#include <stddef.h>
#include <stdint.h>

typedef struct progress progress;

/* total_files and total_bytes are what the run will read (0 = unknown);
 * the line is drawn through log, which says --quiet and --verbose and
 * must outlive the progress.  Returns NULL when out of memory; every
 * function accepts NULL and then does nothing. */
progress *progress_new(size_t total_files, uint64_t total_bytes, cli_log *log);

/* One more file of the given size has been read. */
void progress_step(progress *p, uint64_t bytes);

/* Replaces the line with a stage name ("analyzing") until the next call. */
void progress_stage(progress *p, const char *what);

/* Clears the line, prints the --verbose summary, frees p. */
void progress_end(progress *p);

#endif
