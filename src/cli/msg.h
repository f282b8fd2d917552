/*
 * msg.h - everything the command writes to stderr, and its exit status.
 * A message reads "wiretrace: <message>", one line; the library's own
 * diagnostics reach stderr through one logger, cli_logger(), in every
 * command.  stdout carries reports only.
 */
#ifndef WT_CLI_MSG_H
#define WT_CLI_MSG_H

#include "wiretrace.h"

/* Exit status by cause: grep's and diff's 0/1/2, and sysexits(3) codes
 * for the rest.  When several causes occur in one run the status is the
 * most severe, in this order: 64 > 71 > 69 > 74 > 65 > 2 > 1 > 0
 * (cli_exit_worst). */
enum {
    EXIT_NO_REUSE = 0,     /* no reuse between documents */
    EXIT_REUSE = 1,        /* reuse found */
    EXIT_INPUT = 2,        /* an input could not be read, is not text, or is
                          over a per-input limit; it was named on stderr
                          and skipped, the other inputs were processed */
    EXIT_USAGE = 64,       /* the command line is wrong (EX_USAGE) */
    EXIT_DATAERR = 65,     /* the index is missing, not a wiretrace index, or
                          damaged (EX_DATAERR) */
    EXIT_UNAVAILABLE = 69, /* serve: the address cannot be listened on;
                          or the index database, or one of its shards,
                          cannot be reached (EX_UNAVAILABLE) */
    EXIT_OSERR = 71,       /* out of memory (EX_OSERR) */
    EXIT_IOERR = 74        /* writing the output or the index failed: what
                          was not written is named (EX_IOERR) */
};

/* The more severe of two exit statuses, in the order above. */
int cli_exit_worst(int a, int b);

/* The exit status for a failure the library returned as code (WT_E*):
 * WT_ENOMEM 71, WT_EUNAVAIL 69, WT_EWRITE 74, WT_ECORRUPT 65, any other
 * 2. */
int cli_exit_of(int code);

/* *status = cli_exit_worst(*status, code). */
void cli_raise(int *status, int code);

/* Flushes and closes standard output; a write error (a full disk, a
 * closed pipe) prints "wiretrace: write error: <reason>" and makes the
 * status EXIT_IOERR.  Every command ends here.  Returns the status. */
int cli_finish_stdout(int status);

/* Lets the compiler check every format against its arguments. */
#if defined(__GNUC__)
#define CLI_PRINTF(fmt, first) __attribute__((format(printf, fmt, first)))
#else
#define CLI_PRINTF(fmt, first)
#endif

/* "wiretrace: <message>": something failed. */
void cli_error(const char *fmt, ...) CLI_PRINTF(1, 2);

/* "wiretrace: warning: <message>".  The caller honours --quiet. */
void cli_warn(const char *fmt, ...) CLI_PRINTF(1, 2);

/* "wiretrace: <message>": a note (--verbose, a change of plan).  The
 * caller honours --quiet and --verbose. */
void cli_info(const char *fmt, ...) CLI_PRINTF(1, 2);

/* A wrong command line: "wiretrace: <message>".  Returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) CLI_PRINTF(1, 2);

/* The line that may follow a usage error: "Try 'wiretrace COMMAND
 * --help' for more information." (no COMMAND when command is NULL).
 * Returns EXIT_USAGE. */
int cli_usage_hint(const char *command);

/* What a run lets through to stderr, and whether a status line is on the
 * terminal (a message clears it first, so the two never share a line). */
typedef struct cli_log {
    int quiet;           /* --quiet: no warnings, no notes, no status */
    int verbose;         /* --verbose: notes and the library's info */
    int errors_returned; /* the library's errors also come back as return
                            values and are printed with what they belong
                            to, so the logger drops them */
    int status_shown;    /* a status line is drawn */
} cli_log;

/* Sets *l from --quiet and --verbose, and makes cli_logger with l the
 * logger of o. */
void cli_log_attach(cli_log *l, int quiet, int verbose, wt_options *o);

/* The wt_logger of every command; ctx is a cli_log.  Safe to call from
 * worker threads as long as no status line is drawn meanwhile. */
void cli_logger(void *ctx, wt_log_level level, const char *msg);

/* Draws "wiretrace: <status>" over the current status line, without a
 * newline: the progress line of a terminal. */
void cli_status(cli_log *l, const char *fmt, ...) CLI_PRINTF(2, 3);

/* Erases the status line when one is drawn. */
void cli_status_clear(cli_log *l);

/* --profile: where the CPU time went, a line per stage of t with its
 * seconds and share of the process's CPU time, and what the stages do not
 * cover ("other": reading files and JSON, index lookups, start-up). */
void cli_profile_print(const wt_timings *t);

#endif
