/* cmd_diff.h - `wiretrace diff A B`. */
#ifndef WT_CLI_CMD_DIFF_H
#define WT_CLI_CMD_DIFF_H

#include "opt.h"

/* A word diff of the matched paragraphs of the two files of s->inputs,
 * with the settings parsed into s and o (o gets the command's logger).
 * Returns the exit status: 0 no differences after normalization, 1
 * differences, or the status of a failure (msg.h). */
int cmd_diff(const cli_settings *s, wt_options *o);

#endif
