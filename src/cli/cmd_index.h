/* cmd_index.h - `wiretrace index add|query|remove|stats`. */
#ifndef WT_CLI_CMD_INDEX_H
#define WT_CLI_CMD_INDEX_H

#include "opt.h"
#include "walk.h"

/* argv[0] is the subcommand.  Returns the exit status. */
int cmd_index(int argc, char **argv);

/* scan through the index at db: adds the files, then queries each
 * against all the index holds.  Memory holds one chunk of articles at a
 * time, never the corpus.  status: the exit status so far
 * (an input already failed).  Returns
 * the exit status. */
int cmd_scan_indexed(const cli_settings *s, const wt_options *o, const char *db,
                     const walk_list *files, int status);

#endif
