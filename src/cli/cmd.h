/*
 * cmd.h - subcommands that live outside main.c.
 */
#ifndef WT_CLI_CMD_H
#define WT_CLI_CMD_H

#include "opt.h"

/* wiretrace diff A B (settings parsed).  Returns the exit status: 0 no
 * differences after normalization, 1 differences, EXIT_TROUBLE,
 * EXIT_USAGE. */
int cmd_diff(cli_settings *s, wt_options *o);

#endif
