/* cmd_index.h - `wiretrace index add|query|remove|stats`. */
#ifndef WT_CLI_CMD_INDEX_H
#define WT_CLI_CMD_INDEX_H

/* argv[0] is the subcommand.  Returns the exit status. */
int cmd_index(int argc, char **argv);

#endif
