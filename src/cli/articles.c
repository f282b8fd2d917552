/* articles.c - the articles of the index commands' operands. */
#include "articles.h"
#include "jsonl.h"
#include "msg.h"
#include "slice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void from_jsonl(FILE *f, const char *name, article_fn fn, void *ctx,
                       int *status)
{
    jsonl_reader *r = jsonl_open(f, name);
    if (!r) {
        cli_error("out of memory");
        cli_raise(status, EXIT_OSERR);
        return;
    }
    wt_article a;
    char err[512];
    int rc;
    while ((rc = jsonl_next(r, &a, err, sizeof err)) != 0) {
        if (rc == -2) {
            cli_error("%s: read error", name);
            cli_raise(status, EXIT_INPUT);
            break;
        }
        if (rc < 0) {
            cli_error("%s", err); /* a bad line; the next may be good */
            cli_raise(status, EXIT_INPUT);
            continue;
        }
        fn(ctx, &a, NULL);
    }
    jsonl_close(r);
}

/* Reads all of path into a malloc'd buffer. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *nb = realloc(buf, cap *= 2);
        if (!nb)
            free(buf);
        buf = nb;
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

static void from_file(const char *path, const wt_article *meta,
                      article_fn fn, void *ctx, int *status)
{
    wt_article a = *meta;
    char *text = slurp(path, &a.len);
    if (!text) {
        cli_error("%s: cannot read", path);
        cli_raise(status, EXIT_INPUT);
        return;
    }
    a.text = text;
    fn(ctx, &a, path);
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

static void from_dir(char *dir, article_fn fn, void *ctx, int *status)
{
    walk_list l = {0};
    if (walk_txt(&l, dir, status)) {
        cli_error("%s: out of memory", dir);
        cli_raise(status, EXIT_OSERR);
    }
    articles_read_files(&l, NULL, fn, ctx, status);
    walk_release(&l);
}

static int has_suffix(const char *name, const char *suf)
{
    const size_t n = strlen(name), k = strlen(suf);
    return n > k && !strcmp(name + n - k, suf);
}

void articles_read(char *operand, article_fn fn, void *ctx, int *status)
{
    struct stat st;
    if (!strcmp(operand, "-")) {
        from_jsonl(stdin, "standard input", fn, ctx, status);
    } else if (stat(operand, &st) == 0 && S_ISDIR(st.st_mode)) {
        from_dir(operand, fn, ctx, status);
    } else if (has_suffix(operand, ".jsonl") ||
               has_suffix(operand, ".ndjson")) {
        FILE *f = fopen(operand, "r");
        if (!f) {
            cli_error("%s: cannot read", operand);
            cli_raise(status, EXIT_INPUT);
            return;
        }
        from_jsonl(f, operand, fn, ctx, status);
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
