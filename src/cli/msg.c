/* msg.c - the messages of the command on stderr (see msg.h). */
#include "msg.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

/* One message, one line.  The stream is locked for the whole line, so
 * worker threads never interleave inside one. */
static void put_line(const char *kind, const char *fmt, va_list ap)
{
    flockfile(stderr);
    fprintf(stderr, "wiretrace: %s", kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    funlockfile(stderr);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    put_line("", fmt, ap);
    va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    put_line("warning: ", fmt, ap);
    va_end(ap);
}

void cli_info(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    put_line("", fmt, ap);
    va_end(ap);
}

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    put_line("", fmt, ap);
    va_end(ap);
    return EXIT_USAGE;
}

int cli_usage_hint(const char *command)
{
    fprintf(stderr, "Try 'wiretrace %s%s--help' for more information.\n",
            command ? command : "", command ? " " : "");
    return EXIT_USAGE;
}

void cli_log_attach(cli_log *l, int quiet, int verbose, wt_options *o)
{
    l->quiet = quiet;
    l->verbose = verbose;
    o->logger = cli_logger;
    o->logger_ctx = l;
}

void cli_logger(void *ctx, wt_log_level level, const char *msg)
{
    cli_log *l = ctx;
    if ((level == WT_LOG_ERROR && l->errors_returned) ||
        (level == WT_LOG_WARN && l->quiet) ||
        (level < WT_LOG_WARN && !l->verbose))
        return;
    cli_status_clear(l);
    if (level == WT_LOG_ERROR)
        cli_error("%s", msg);
    else if (level == WT_LOG_WARN)
        cli_warn("%s", msg);
    else
        cli_info("%s", msg);
}

void cli_status(cli_log *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("\r\033[Kwiretrace: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fflush(stderr);
    l->status_shown = 1;
}

void cli_status_clear(cli_log *l)
{
    if (l->status_shown) {
        fputs("\r\033[K", stderr);
        l->status_shown = 0;
    }
}

/* Severity rank of an exit status: higher wins. */
static int severity(int status)
{
    switch (status) {
    case EXIT_NO_REUSE: return 0;
    case EXIT_REUSE: return 1;
    case EXIT_INPUT: return 2;
    case EXIT_DATAERR: return 3;
    case EXIT_IOERR: return 4;
    case EXIT_UNAVAILABLE: return 5;
    case EXIT_OSERR: return 6;
    case EXIT_USAGE: return 7;
    }
    return 2; /* not a status of ours: treat as trouble with an input */
}

int cli_exit_worst(int a, int b) { return severity(b) > severity(a) ? b : a; }

int cli_exit_of(int code)
{
    switch (code) {
    case WT_OK: return EXIT_NO_REUSE;
    case WT_ENOMEM: return EXIT_OSERR;
    case WT_EUNAVAIL: return EXIT_UNAVAILABLE;
    case WT_EWRITE: return EXIT_IOERR;
    case WT_ECORRUPT: return EXIT_DATAERR;
    }
    return EXIT_INPUT;
}

void cli_raise(int *status, int code)
{
    *status = cli_exit_worst(*status, code);
}

int cli_finish_stdout(int status)
{
    errno = 0;
    int bad = fflush(stdout) != 0;
    int err = errno;
    bad |= ferror(stdout) != 0;
    if (fclose(stdout) != 0 && !bad) {
        bad = 1;
        err = errno;
    }
    if (!bad)
        return status;
    cli_error("write error: %s",
              err ? strerror(err) : "standard output could not be written");
    return cli_exit_worst(status, EXIT_IOERR);
}

/* CPU seconds (user + system) of the whole process so far. */
static double process_cpu(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru))
        return 0;
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

void cli_profile_print(const wt_timings *t)
{
    const double total = process_cpu();
    double sum = 0;
    for (int i = 0; i < WT_STAGE_COUNT; i++)
        sum += wt_timings_get(t, (wt_stage)i);
    const double all = total > sum ? total : sum;
    flockfile(stderr);
    fprintf(stderr, "wiretrace: profile: %.2f s of CPU time\n", all);
    for (int i = 0; i < WT_STAGE_COUNT; i++) {
        const double s = wt_timings_get(t, (wt_stage)i);
        fprintf(stderr, "  %-12s %9.3f s %5.1f %%\n",
                wt_stage_name((wt_stage)i), s, all > 0 ? 100 * s / all : 0);
    }
    fprintf(stderr, "  %-12s %9.3f s %5.1f %%\n", "other", all - sum,
            all > 0 ? 100 * (all - sum) / all : 0);
    fprintf(stderr,
            "  paragraph pairs across documents: %" PRIu64 " scored, %" PRIu64
            " past the evidence floor, %" PRIu64 " linked\n",
            wt_timings_tally(t, WT_TALLY_CANDIDATES),
            wt_timings_tally(t, WT_TALLY_PAST_FLOOR),
            wt_timings_tally(t, WT_TALLY_LINKED));
    funlockfile(stderr);
}
