/*
 * cmd_audit.h - `wiretrace audit --db FILE --outlet NAME`: which outlets
 * used NAME's stories, how much, and whether they credited it, from the
 * uses the index records (wt_index_audit).
 */
#ifndef WT_CLI_CMD_AUDIT_H
#define WT_CLI_CMD_AUDIT_H

#include "opt.h"

int cmd_audit(const cli_settings *s, wt_options *o);

#endif
