/* cmd_compare.h - `wiretrace compare FILE...` and `wiretrace scan DIR...`. */
#ifndef WT_CLI_CMD_COMPARE_H
#define WT_CLI_CMD_COMPARE_H

#include "opt.h"

/* compare: the files of s->inputs, with the settings parsed into s and o
 * (o gets the command's logger).  Returns the exit status. */
int cmd_compare(const cli_settings *s, wt_options *o);

/* scan: the *.txt files below the folders of s->inputs, in memory up to
 * --in-memory-max, through an index above it or with --db.  Returns the
 * exit status. */
int cmd_scan(const cli_settings *s, wt_options *o);

/* wiretrace clusters DIR|FILE...: the stories the documents carry, each
 * with its origin and how each member relates to it (clusters.h). */
int cmd_clusters(const cli_settings *s, wt_options *o);

#endif
