/* cmd_extract.h - `wiretrace extract [--json] FILE...`: what wiretrace
 * takes from each input. */
#ifndef WT_CLI_CMD_EXTRACT_H
#define WT_CLI_CMD_EXTRACT_H

#include "opt.h"

/* Prints, for each file of s->inputs, its metadata (title, outlet,
 * published, authors, language, URL) and its paragraphs with their text
 * as analyzed and their byte ranges in the file.  Returns the exit
 * status: 0, or 2 when an input could not be read or held no text. */
int cmd_extract(const cli_settings *s, wt_options *o);

#endif
