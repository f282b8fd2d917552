/* articles.c - the articles of the index commands' operands. */
#include "articles.h"
#include "jsonl.h"
#include "msg.h"
#include "slice.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void from_jsonl(FILE *f, const char *name, size_t limit, article_fn fn,
                       void *ctx, int *status)
{
    jsonl_reader *r = jsonl_open(f, name);
    if (!r) {
        cli_error("out of memory");
        cli_raise(status, EXIT_OSERR);
        return;
    }
    if (limit)
        jsonl_set_limit(r, limit);
    wt_article a;
    char err[512];
    int rc;
    while ((rc = jsonl_next(r, &a, err, sizeof err)) != 0) {
        if (rc == -2) {
            cli_error("%s: read error: %s", name, strerror(errno));
            cli_raise(status, EXIT_INPUT);
            break;
        }
        if (rc < 0) {
            cli_error("%s", err); /* a bad line; the next may be good */
            cli_raise(status, rc == -3 ? EXIT_OSERR : EXIT_INPUT);
            continue;
        }
        article_src src = {NULL, NULL, 0};
        src.line = jsonl_line(r, &src.len);
        fn(ctx, &a, &src);
    }
    jsonl_close(r);
}

/* What a file that is not regular is, for a message. */
static const char *kind_of(mode_t m)
{
    if (S_ISDIR(m))
        return "a directory";
    if (S_ISFIFO(m))
        return "a FIFO";
    if (S_ISCHR(m) || S_ISBLK(m))
        return "a device";
    if (S_ISSOCK(m))
        return "a socket";
    return "not a regular file";
}

/* Reads all of the regular file at path, at most ARTICLE_READ_MAX bytes,
 * into a malloc'd buffer.  The size is checked before reading: a FIFO, a
 * device or a file over the limit is refused unread, so no input can
 * make memory grow without bound.  Returns NULL after naming the
 * problem, with *status raised. */
static char *read_bounded(const char *path, size_t *len, int *status)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
    const int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    char *buf = NULL;
    int why = 0;
    if (fd < 0 || fstat(fd, &st)) {
        why = errno;
    } else if (!S_ISREG(st.st_mode)) {
        cli_error("%s: %s, not a regular file: skipped", path,
                  kind_of(st.st_mode));
    } else if ((uint64_t)st.st_size > ARTICLE_READ_MAX) {
        cli_error("%s: too large: over %zu bytes (1 GiB), skipped", path,
                  ARTICLE_READ_MAX);
    } else if (!(buf = malloc((size_t)st.st_size + 1))) {
        cli_error("%s: out of memory", path);
        cli_raise(status, EXIT_OSERR);
    } else {
        /* Read what was stat'ed, and one byte more to see it grew. */
        const size_t want = (size_t)st.st_size + 1;
        size_t n = 0;
        ssize_t k = 1;
        while (n < want && (k = read(fd, buf + n, want - n)) > 0)
            n += (size_t)k;
        if (k < 0) {
            why = errno;
        } else if (n == want) {
            cli_error("%s: changed while read (grew), skipped", path);
        } else {
            *len = n;
            close(fd);
            return buf;
        }
    }
    if (why)
        cli_error("%s: cannot read: %s", path, strerror(why));
    cli_raise(status, EXIT_INPUT);
    free(buf);
    if (fd >= 0)
        close(fd);
    return NULL;
}

static void from_file(const char *path, const wt_article *meta, article_fn fn,
                      void *ctx, int *status)
{
    wt_article a = *meta;
    char *text = read_bounded(path, &a.len, status);
    if (!text)
        return;
    a.text = text;
    const article_src src = {path, NULL, 0};
    fn(ctx, &a, &src);
    free(text);
}

void articles_read_files(const walk_list *l, const unsigned char *skip,
                         article_fn fn, void *ctx, int *status)
{
    for (size_t i = 0; i < l->n; i++) {
        if (skip && skip[i])
            continue;
        wt_article meta = {0};
        meta.id = l->ids[i];
        meta.published = l->published ? l->published[i] : 0;
        meta.outlet = l->outlet ? l->outlet[i] : NULL;
        from_file(l->paths[i], &meta, fn, ctx, status);
    }
}

static void from_dir(char *dir, char *const *include, size_t ninclude,
                     article_fn fn, void *ctx, int *status)
{
    walk_list l = {0};
    l.include = include;
    l.ninclude = ninclude;
    if (walk_txt(&l, dir, status) || walk_unique(&l, 0, 0)) {
        cli_error("%s: out of memory", dir);
        cli_raise(status, EXIT_OSERR);
    }
    articles_read_files(&l, NULL, fn, ctx, status);
    walk_release(&l);
}

/* Standard input that is not JSON Lines: one article, read to its end,
 * at most record_max bytes (it cannot be stat'ed first). */
static void from_stdin_text(size_t record_max, article_fn fn, void *ctx,
                            int *status)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            char *more = cap < record_max ? realloc(buf, 2 * cap) : NULL;
            if (!more) {
                cli_error("standard input: %s",
                          cap < record_max ? "out of memory"
                                           : "longer than --max-record");
                cli_raise(status, cap < record_max ? EXIT_OSERR : EXIT_INPUT);
                free(buf);
                return;
            }
            buf = more;
            cap *= 2;
        }
        const size_t k = fread(buf + n, 1, cap - n, stdin);
        n += k;
        if (k == 0)
            break;
    }
    if (!buf || ferror(stdin)) {
        cli_error("standard input: %s", buf ? "cannot read" : "out of memory");
        cli_raise(status, buf ? EXIT_INPUT : EXIT_OSERR);
        free(buf);
        return;
    }
    const wt_article a = {.id = "stdin", .text = buf, .len = n};
    const article_src src = {"standard input", NULL, 0};
    fn(ctx, &a, &src);
    free(buf);
}

/* "-": JSON Lines when the first byte opens a record, else one article. */
static void from_stdin(size_t record_max, article_fn fn, void *ctx, int *status)
{
    const int c = getc(stdin);
    if (c != EOF)
        ungetc(c, stdin);
    if (c == '{')
        from_jsonl(stdin, "standard input", record_max, fn, ctx, status);
    else
        from_stdin_text(record_max, fn, ctx, status);
}

static int has_suffix(const char *name, const char *suf)
{
    const size_t n = strlen(name), k = strlen(suf);
    return n > k && !strcmp(name + n - k, suf);
}

void articles_read(char *operand, size_t record_max, char *const *include,
                   size_t ninclude, article_fn fn, void *ctx, int *status)
{
    struct stat st;
    if (!strcmp(operand, "-")) {
        from_stdin(record_max, fn, ctx, status);
    } else if (stat(operand, &st) == 0 && S_ISDIR(st.st_mode)) {
        from_dir(operand, include, ninclude, fn, ctx, status);
    } else if (has_suffix(operand, ".jsonl") ||
               has_suffix(operand, ".ndjson")) {
        /* Streamed a record at a time: a regular file or a FIFO, never a
         * device that would not end. */
        FILE *f = NULL;
        const int fd = open(operand, O_RDONLY | O_CLOEXEC);
        if (fd < 0 || fstat(fd, &st)) {
            cli_error("%s: cannot read: %s", operand, strerror(errno));
        } else if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
            cli_error("%s: %s, not a regular file: skipped", operand,
                      kind_of(st.st_mode));
        } else if (!(f = fdopen(fd, "r"))) {
            cli_error("%s: cannot read: %s", operand, strerror(errno));
        }
        if (!f) {
            if (fd >= 0)
                close(fd);
            cli_raise(status, EXIT_INPUT);
            return;
        }
        from_jsonl(f, operand, record_max, fn, ctx, status);
        fclose(f);
    } else {
        const char *slash = strrchr(operand, '/');
        char *id = utf8_escape(slash ? slash + 1 : operand);
        if (!id) {
            cli_error("%s: out of memory", operand);
            cli_raise(status, EXIT_OSERR);
            return;
        }
        const wt_article meta = {.id = id};
        from_file(operand, &meta, fn, ctx, status);
        free(id);
    }
}
