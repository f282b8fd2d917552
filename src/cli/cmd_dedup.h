/* cmd_dedup.h - `wiretrace dedup`: the input without its near-duplicates. */
#ifndef WT_CLI_CMD_DEDUP_H
#define WT_CLI_CMD_DEDUP_H

#include "opt.h"

/* Reads s->inputs (files, folders, JSON Lines) and writes them back to
 * stdout, one record per cluster of copies kept (or every record marked
 * with --mark).  Returns the exit status: 1 when duplicates were found,
 * 0 when none, or the worst failure (msg.h). */
int cmd_dedup(const cli_settings *s, wt_options *o);

#endif
