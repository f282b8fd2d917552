/*
 * cmd_serve.c - `wiretrace serve`: the index over HTTP for newsroom
 * systems, on libmicrohttpd's thread pool, each thread answering with
 * its own index connection (serve_pool.h).  The requests themselves are
 * serve_http.c's.
 *
 * Stopping: SIGTERM and SIGINT are blocked in every thread and taken by
 * sigwait() in the main one, so no handler and no global flag are
 * needed.  On the first, the daemon stops accepting (MHD_quiesce_daemon),
 * the requests in flight get up to --timeout seconds to be answered, then
 * the daemon stops and every connection commits and closes.  A second
 * signal stops at once.
 */
#define _DEFAULT_SOURCE
#include "cmd_serve.h"
#include "serve_auth.h"
#include "serve_http.h"
#include "serve_metrics.h"
#include "serve_pool.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* Bytes libmicrohttpd gives each connection for its request line and
 * headers (and its read and write buffers): a request whose headers do
 * not fit is refused (431). */
#define HEADER_MEMORY (64 * 1024)

typedef struct listen_addr {
    struct sockaddr_storage ss;
    char host[INET6_ADDRSTRLEN];
    unsigned port;
} listen_addr;

/* What libmicrohttpd's own messages are filtered by. */
typedef struct mhd_log_ctx {
    int verbose;
    atomic_int started; /* after start-up, only --verbose shows them */
} mhd_log_ctx;

/* libmicrohttpd's messages (MHD_OPTION_EXTERNAL_LOGGER): why it cannot
 * listen, at start-up; a client's broken connection later, with -v. */
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    const mhd_log_ctx *l = cls;
    if (atomic_load(&l->started) && !l->verbose)
        return;
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    msg[strcspn(msg, "\r\n")] = '\0';
    cli_error("serve: %s", msg);
}

/* Splits [ADDR:]PORT or [IPv6]:PORT into host and port text. */
static int split_listen(const char *arg, char *host, size_t hlen,
                        const char **port)
{
    const char *colon = strrchr(arg, ':');
    if (arg[0] == '[') {
        const char *end = strchr(arg, ']');
        if (!end || end[1] != ':' || (size_t)(end - arg - 1) >= hlen)
            return -1;
        snprintf(host, hlen, "%.*s", (int)(end - arg - 1), arg + 1);
        *port = end + 2;
    } else if (colon) {
        if (strchr(arg, ':') != colon || (size_t)(colon - arg) >= hlen)
            return -1; /* an IPv6 address goes in brackets */
        snprintf(host, hlen, "%.*s", (int)(colon - arg), arg);
        *port = colon + 1;
    } else {
        snprintf(host, hlen, "127.0.0.1");
        *port = arg;
    }
    if (!strcmp(host, "localhost"))
        snprintf(host, hlen, "127.0.0.1");
    return host[0] && **port ? 0 : -1;
}

/* The numeric address host (dotted quad or IPv6, nothing looked up) and
 * port into la->ss.  Returns 0 or -1. */
static int fill_addr(listen_addr *la, const char *host, unsigned port)
{
    struct sockaddr_in *a4 = (struct sockaddr_in *)&la->ss;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&la->ss;
    memset(&la->ss, 0, sizeof la->ss);
    if (inet_pton(AF_INET, host, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)port);
    } else if (inet_pton(AF_INET6, host, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)port);
    } else {
        return -1;
    }
    inet_ntop(la->ss.ss_family,
              la->ss.ss_family == AF_INET ? (const void *)&a4->sin_addr
                                          : (const void *)&a6->sin6_addr,
              la->host, sizeof la->host);
    la->port = port;
    return 0;
}

/* --listen into *la.  Returns 0, or EXIT_USAGE after saying what was
 * expected. */
static int parse_listen(const char *arg, listen_addr *la)
{
    char host[256];
    const char *port = NULL;
    char *end = NULL;
    int ok = !split_listen(arg, host, sizeof host, &port);
    unsigned long p = 0;
    if (ok) {
        p = strtoul(port, &end, 10);
        ok = *end == '\0' && port[0] >= '0' && port[0] <= '9' && p <= 65535 &&
             !fill_addr(la, host, (unsigned)p);
    }
    if (!ok)
        return cli_usage_error("invalid value \"%s\" for --listen: expected "
                               "PORT, ADDR:PORT or [IPv6]:PORT with a "
                               "numeric address (127.0.0.1:8080)",
                               arg);
    return 0;
}

/* 1 for 127.0.0.0/8, ::1 and ::ffff:127.0.0.0/104. */
static int is_loopback(const struct sockaddr_storage *ss)
{
    if (ss->ss_family == AF_INET) {
        const struct sockaddr_in *a = (const struct sockaddr_in *)ss;
        return (ntohl(a->sin_addr.s_addr) >> 24) == 127;
    }
    const struct in6_addr *a = &((const struct sockaddr_in6 *)ss)->sin6_addr;
    return IN6_IS_ADDR_LOOPBACK(a) ||
           (IN6_IS_ADDR_V4MAPPED(a) && a->s6_addr[12] == 127);
}

/* The settings that follow from the command line, checked.  Returns 0 or
 * the exit status. */
static int check_settings(const cli_settings *s, const wt_options *o,
                          listen_addr *la)
{
    if (!s->db)
        return cli_usage_error("serve needs --db FILE (or WIRETRACE_DB)");
    if (s->ninputs)
        return cli_usage_error("serve takes no operands: \"%s\"", s->inputs[0]);
    if (o->lang)
        return cli_usage_error("serve: --lang does not apply; an article "
                               "gives its own \"lang\", and a query takes "
                               "?lang=CODE to filter its sources");
    if (parse_listen(s->listen ? s->listen : "127.0.0.1:8080", la))
        return EXIT_USAGE;
    if (!s->token_file && !s->insecure && !is_loopback(&la->ss))
        return cli_usage_error(
            "serve: refusing to listen on %s without --token-file: anyone "
            "reaching it could add and delete articles; give --token-file "
            "FILE, or --insecure to listen without tokens anyway",
            la->host);
    return 0;
}

/* The port the daemon is bound to (the one picked for port 0). */
static unsigned bound_port(struct MHD_Daemon *d, unsigned asked)
{
    const union MHD_DaemonInfo *i =
        MHD_get_daemon_info(d, MHD_DAEMON_INFO_LISTEN_FD);
    struct sockaddr_storage ss;
    socklen_t n = sizeof ss;
    if (!i || getsockname(i->listen_fd, (struct sockaddr *)&ss, &n))
        return asked;
    return ntohs(ss.ss_family == AF_INET6
                     ? ((struct sockaddr_in6 *)&ss)->sin6_port
                     : ((struct sockaddr_in *)&ss)->sin_port);
}

/* One thread reads and writes every connection (epoll where there is);
 * the requests' work is the queue's (serve_http.c). */
static struct MHD_Daemon *start(serve_conf *cf, const cli_settings *s,
                                const listen_addr *la, mhd_log_ctx *log)
{
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC |
                     MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
    if (la->ss.ss_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    /* The logger first: it applies to the options after it. */
    return MHD_start_daemon(
        flags, (uint16_t)la->port, NULL, NULL, serve_http_request, cf,
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, log, MHD_OPTION_SOCK_ADDR,
        (const struct sockaddr *)&la->ss, MHD_OPTION_CONNECTION_LIMIT,
        s->max_conns ? s->max_conns : 256u, MHD_OPTION_CONNECTION_TIMEOUT,
        s->timeout ? s->timeout : 30u, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)HEADER_MEMORY, MHD_OPTION_NOTIFY_COMPLETED,
        serve_http_completed, cf, MHD_OPTION_END);
}

/* After the first signal: no new connections, and the requests in
 * flight answered, for up to grace seconds or until another signal. */
static void drain(struct MHD_Daemon *d, const serve_conf *cf,
                  const sigset_t *stop, unsigned grace, int quiet)
{
    const MHD_socket fd = MHD_quiesce_daemon(d);
    struct timespec t0, now;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    const struct timespec tick = {0, 50 * 1000000L};
    long flying;
    while ((flying = serve_metrics_in_flight(cf->metrics)) > 0) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - t0.tv_sec >= (time_t)grace) {
            if (!quiet)
                cli_warn("serve: %ld request(s) still unanswered after %u "
                         "s: stopping",
                         flying, grace);
            break;
        }
        if (sigtimedwait(stop, NULL, &tick) > 0)
            break; /* a second signal: stop now */
    }
    /* The requests still waiting are told the service is stopping, and
     * every parked connection woken up: libmicrohttpd refuses to stop
     * with one still suspended. */
    serve_queue_stop(cf->queue);
    MHD_stop_daemon(d);
    /* Closed only once stopped: the daemon's thread may still use it. */
    if (fd != MHD_INVALID_SOCKET)
        close(fd);
}

/* Runs the daemon until a signal.  Returns the exit status. */
static int run(serve_conf *cf, const cli_settings *s, const listen_addr *la,
               unsigned threads)
{
    sigset_t stop, old;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    sigset_t block = stop;
    /* A client gone mid-answer is an error return, not a signal. */
    sigaddset(&block, SIGPIPE);
    /* Before the daemon's threads exist, so that they inherit it. */
    pthread_sigmask(SIG_BLOCK, &block, &old);
    if (!(cf->queue = serve_queue_new(threads, serve_http_job, cf))) {
        cli_error("serve: cannot start %u worker thread(s)", threads);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        return EXIT_OSERR;
    }
    mhd_log_ctx log = {s->verbose, 0};
    struct MHD_Daemon *d = start(cf, s, la, &log);
    if (!d) {
        cli_error("serve: cannot listen on %s port %u", la->host, la->port);
        serve_queue_free(cf->queue);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        return EXIT_UNAVAILABLE;
    }
    atomic_store(&log.started, 1);
    const int v6 = la->ss.ss_family == AF_INET6;
    if (!s->quiet)
        cli_info("serve: listening on http://%s%s%s:%u/ with %u thread(s)",
                 v6 ? "[" : "", la->host, v6 ? "]" : "",
                 bound_port(d, la->port), threads);
    int sig = 0;
    while (sigwait(&stop, &sig))
        ;
    if (!s->quiet)
        cli_info("serve: %s: answering the requests in flight, then "
                 "stopping",
                 sig == SIGTERM ? "SIGTERM" : "SIGINT");
    drain(d, cf, &stop, s->timeout ? s->timeout : 30u, s->quiet);
    serve_queue_free(cf->queue);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return 0;
}

/* The workers: --threads, or one per core online.  A worker more than
 * the cores paid on a database server while each worker analyzed its
 * queries' stored articles itself (p99 54-70 ms with 3 workers against
 * 61-82 with 2, 9 pairs); with the workers' one cache it no longer does
 * (100k articles, 2 cores, 32 clients, 2 rounds each: one query repeated,
 * p99 39.7-41.0 ms with 2 against 46.4-50.4 with 3; 200 queries that
 * differ, 57-70 against 65-77, 770 req/s against 713). */
static unsigned thread_count(const cli_settings *s)
{
    if (s->threads)
        return s->threads;
    const long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > 0 ? (unsigned)(cores < 255 ? cores : 255) : 1;
}

int cmd_serve(const cli_settings *s, wt_options *o)
{
    listen_addr la;
    int rc = check_settings(s, o, &la);
    if (rc)
        return rc == EXIT_USAGE ? cli_usage_hint("serve") : rc;
    serve_conf cf;
    memset(&cf, 0, sizeof cf);
    cf.report = *s;
    cf.report.format = FMT_JSON; /* what index query --json writes */
    cf.report.shown = 1;         /* the article, not its sources */
    cf.max_body = (size_t)(s->max_body ? s->max_body : 8u) << 20;
    cf.access_log = s->access_log;
    char err[1024] = "";
    serve_tokens *tokens = NULL;
    if (s->token_file &&
        !(tokens = serve_tokens_load(s->token_file, err, sizeof err))) {
        cli_error("--token-file %s", err);
        return EXIT_USAGE;
    }
    cf.tokens = tokens;
    cli_log log;
    memset(&log, 0, sizeof log);
    log.errors_returned = 1; /* each is in its request's answer */
    cli_log_attach(&log, s->quiet, s->verbose, o);
    const unsigned threads = thread_count(s);
    if (!(cf.metrics = serve_metrics_new())) {
        cli_error("out of memory");
        rc = EXIT_OSERR;
    } else if ((rc = serve_pool_open(&cf.pool, threads, s->db, o,
                                     cli_cache_bytes(s, threads), err,
                                     sizeof err))) {
        cli_error("%s", err);
        rc = cli_exit_of(rc);
    } else {
        rc = run(&cf, s, &la, threads);
    }
    serve_pool_close(cf.pool);
    serve_metrics_free(cf.metrics);
    serve_tokens_free(tokens);
    return rc;
}
