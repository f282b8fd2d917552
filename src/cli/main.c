/*
 * main.c - the wiretrace command: picks the subcommand and hands it the
 * parsed command line.  Like every file of the CLI it uses only the
 * public header of libwiretrace.
 */
#include "cmd_audit.h"
#include "cmd_compare.h"
#include "cmd_dedup.h"
#include "cmd_diff.h"
#include "cmd_extract.h"
#include "cmd_index.h"
#include "cmd_serve.h"
#include "heap.h"
#include "opt.h"

#include <string.h>

/* The subcommands whose options follow their name (index has its own
 * subcommands first). */
static const struct command {
    const char *name;
    int (*run)(const cli_settings *s, wt_options *o);
    int in_memory; /* holds a whole corpus: its heap set up for it */
} commands[] = {
    {"compare", cmd_compare, 1},   {"scan", cmd_scan, 1},
    {"clusters", cmd_clusters, 1}, {"diff", cmd_diff, 0},
    {"extract", cmd_extract, 0},   {"serve", cmd_serve, 0},
    {"dedup", cmd_dedup, 1},       {"audit", cmd_audit, 0},
};

static int run_command(const struct command *cmd, int argc, char **argv)
{
    cli_settings s;
    wt_options o;
    cli_settings_init(&s, cmd->name);
    wt_options_init(&o);
    /* Reports list the pairs with reuse, unless --all-pairs. */
    o.linked_pairs_only = 1;
    int rc = cli_parse(argc, argv, &s, &o);
    if (!rc && s.help)
        cli_help(cmd->name);
    else if (!rc && s.version)
        cli_version(cmd->name, 0);
    else if (!rc) {
        wt_timings *t = NULL;
        if (s.profile && !wt_timings_new(&t))
            o.timings = t;
        rc = cmd->run(&s, &o);
        if (t)
            cli_profile_print(t);
        wt_timings_free(t);
    }
    cli_settings_release(&s);
    return rc;
}

static int is_any(const char *arg, const char *a, const char *b)
{
    return !strcmp(arg, a) || !strcmp(arg, b);
}

static int dispatch(int argc, char **argv)
{
    if (argc < 2) {
        cli_help(NULL);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (is_any(name, "--help", "-h") || !strcmp(name, "help")) {
        cli_help(argc > 2 ? argv[2] : NULL);
        return 0;
    }
    if (!strcmp(name, "--version")) {
        cli_version(NULL, argc > 2 && is_any(argv[2], "--verbose", "-v"));
        return 0;
    }
    if (!strcmp(name, "index"))
        return cmd_index(argc - 2, argv + 2);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(name, commands[i].name)) {
            if (commands[i].in_memory)
                cli_batch_heap(argv);
            const int rc = run_command(&commands[i], argc - 2, argv + 2);
            /* diff exits as diff(1) does: 0 same, 1 different, 2 trouble
             * of any kind. */
            return !strcmp(name, "diff") && rc > 1 ? 2 : rc;
        }
    cli_usage_error("unknown command \"%s\": expected compare, scan, clusters, "
                    "dedup, diff, extract, index, serve or audit",
                    name);
    return cli_usage_hint(NULL);
}

/* Whatever the command, what it printed must have reached stdout. */
int main(int argc, char **argv)
{
    return cli_finish_stdout(dispatch(argc, argv));
}
