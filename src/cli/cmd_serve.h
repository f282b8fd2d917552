/* cmd_serve.h - `wiretrace serve`: the index over HTTP (serve_http.h). */
#ifndef WT_CLI_CMD_SERVE_H
#define WT_CLI_CMD_SERVE_H

#include "opt.h"

/* Serves the index s->db on s->listen until SIGTERM or SIGINT, then
 * answers the requests in flight, commits and closes.  Returns the exit
 * status: 0 after such a stop. */
int cmd_serve(const cli_settings *s, wt_options *o);

#endif
