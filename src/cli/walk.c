/* walk.c - the input files of a run (see walk.h). */
#define _DEFAULT_SOURCE
#include "walk.h"
#include "msg.h"
#include "slice.h"

#include <fnmatch.h>
#include <fts.h>
#include <jansson.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int walk_push(walk_list *l, const char *path, const char *id)
{
    if (l->n == l->cap) {
        const size_t cap = l->cap ? l->cap * 2 : 16;
        char **p = realloc(l->paths, cap * sizeof *p);
        if (p)
            l->paths = p;
        char **i = realloc(l->ids, cap * sizeof *i);
        if (i)
            l->ids = i;
        if (!p || !i)
            return -1;
        l->cap = cap;
    }
    l->paths[l->n] = strdup(path);
    l->ids[l->n] = utf8_escape(id); /* names need not be UTF-8; ids are */
    if (!l->paths[l->n] || !l->ids[l->n]) {
        free(l->paths[l->n]);
        free(l->ids[l->n]);
        return -1;
    }
    l->n++;
    return 0;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* How many of v[0..n) hold each string (each base name when base): a
 * hash of them, so that a run of many files costs no pass over all the
 * others per file. */
static json_t *count_strings(char *const *v, size_t n, int base)
{
    json_t *c = json_object();
    for (size_t i = 0; c && i < n; i++) {
        const char *k = base ? base_name(v[i]) : v[i];
        const json_t *at = json_object_get(c, k);
        if (json_object_set_new_nocheck(
                c, k, json_integer(at ? json_integer_value(at) + 1 : 1)))
            json_decref(c), c = NULL;
    }
    return c;
}

int walk_files(walk_list *l, char *const *paths, size_t n)
{
    json_t *count = count_strings(paths, n, 1);
    int rc = count ? 0 : -1;
    for (size_t i = 0; i < n && !rc; i++) {
        const char *p = paths[i];
        const int clash =
            json_integer_value(json_object_get(count, base_name(p))) > 1;
        rc = walk_push(l, p, clash ? p : base_name(p));
    }
    json_decref(count);
    return rc;
}

void walk_release(walk_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->ids[i]);
        free(l->paths[i]);
    }
    free(l->ids);
    free(l->paths);
    free(l->published);
    free((void *)l->outlet);
    memset(l, 0, sizeof *l);
}

static int has_suffix(const char *name, const char *suffix)
{
    const size_t n = strlen(name), k = strlen(suffix);
    return n > k && !strcmp(name + n - k, suffix);
}

/* Is a file of this name an input?  The --include patterns when given,
 * else text files and saved web pages. */
static int wanted(const walk_list *l, const char *name)
{
    for (size_t i = 0; i < l->ninclude; i++)
        if (!fnmatch(l->include[i], name, 0))
            return 1;
    return !l->ninclude &&
           (has_suffix(name, ".txt") || has_suffix(name, ".html") ||
            has_suffix(name, ".htm") || has_suffix(name, ".html.gz"));
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts entries first.. by id, keeping each path with its id: the pair is
 * joined as "id\0path" for the sort. */
static int sort_by_id(walk_list *l, size_t first)
{
    for (size_t i = first; i < l->n; i++) {
        char *joined = malloc(strlen(l->ids[i]) + strlen(l->paths[i]) + 2);
        if (!joined)
            return -1;
        sprintf(joined, "%s%c%s", l->ids[i], '\0', l->paths[i]);
        free(l->ids[i]);
        free(l->paths[i]);
        l->ids[i] = joined;
        l->paths[i] = NULL;
    }
    if (l->n - first > 1)
        qsort(l->ids + first, l->n - first, sizeof *l->ids, cmp_str);
    for (size_t i = first; i < l->n; i++)
        if (!(l->paths[i] = strdup(l->ids[i] + strlen(l->ids[i]) + 1)))
            return -1;
    return 0;
}

/* One entry of the walk: a file to add, or a problem to name. */
static int visit(walk_list *l, FTSENT *e, const char *dir, size_t dl,
                 int *status)
{
    if (e->fts_info == FTS_DNR || e->fts_info == FTS_ERR ||
        e->fts_info == FTS_NS) {
        cli_error("%s: %s", e->fts_path, strerror(e->fts_errno));
        cli_raise(status, EXIT_INPUT);
    } else if (e->fts_info == FTS_DC) {
        cli_error("%s: directory loop (symbolic link), skipped", e->fts_path);
        cli_raise(status, EXIT_INPUT);
    } else if (e->fts_info == FTS_SLNONE && wanted(l, e->fts_name)) {
        cli_error("%s: dangling symbolic link, skipped", e->fts_path);
        cli_raise(status, EXIT_INPUT);
    } else if (e->fts_info == FTS_DEFAULT && wanted(l, e->fts_name)) {
        /* A FIFO or a device named *.txt: never read, but named. */
        cli_error("%s: not a regular file, skipped", e->fts_path);
        cli_raise(status, EXIT_INPUT);
    } else if (e->fts_info == FTS_F && wanted(l, e->fts_name)) {
        const char *id = e->fts_path;
        if (!strncmp(id, dir, dl) && id[dl] == '/')
            id += dl + 1;
        return walk_push(l, e->fts_path, id);
    }
    return 0;
}

int walk_txt(walk_list *l, char *dir, int *status)
{
    char *roots[] = {dir, NULL};
    FTS *fts = fts_open(roots, FTS_LOGICAL | FTS_NOCHDIR, NULL);
    if (!fts) {
        cli_error("%s: cannot open", dir);
        cli_raise(status, EXIT_INPUT);
        return 0;
    }
    const size_t first = l->n;
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    FTSENT *e;
    int rc = 0;
    while (!rc && (e = fts_read(fts)))
        rc = visit(l, e, dir, dl, status);
    fts_close(fts);
    return rc ? rc : sort_by_id(l, first);
}

static int is_link(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

/* Notes that path names the file kept names too. */
static void note_same(const char *path, const char *kept, int quiet)
{
    if (quiet)
        return;
    if (!strcmp(path, kept))
        cli_info("%s: given twice: read once", path);
    else
        cli_info("%s is the same file as %s: read once", path, kept);
}

/* The same file twice (by device and inode) is one input: the file
 * itself rather than a symbolic link to it, else the first given. */
static int drop_same_files(walk_list *l, size_t first, int quiet)
{
    json_t *seen = json_object(); /* "dev:ino" -> the entry kept */
    unsigned char *gone = calloc(l->n + 1, 1);
    int rc = seen && gone ? 0 : -1;
    for (size_t i = first; !rc && i < l->n; i++) {
        struct stat st;
        char key[64];
        if (stat(l->paths[i], &st)) /* named when it is read */
            continue;
        snprintf(key, sizeof key, "%llu:%llu", (unsigned long long)st.st_dev,
                 (unsigned long long)st.st_ino);
        json_t *at = json_object_get(seen, key);
        size_t k = at ? (size_t)json_integer_value(at) : i;
        if (at && is_link(l->paths[k]) && !is_link(l->paths[i])) {
            note_same(l->paths[k], l->paths[i], quiet);
            gone[k] = 1;
            json_integer_set(at, (json_int_t)i);
        } else if (at) {
            note_same(l->paths[i], l->paths[k], quiet);
            gone[i] = 1;
        } else {
            rc = json_object_set_new_nocheck(seen, key,
                                             json_integer((json_int_t)i));
        }
    }
    size_t o = first;
    for (size_t i = first; !rc && i < l->n; i++) {
        if (gone[i]) {
            free(l->ids[i]);
            free(l->paths[i]);
            continue;
        }
        l->ids[o] = l->ids[i];
        l->paths[o++] = l->paths[i];
    }
    if (!rc)
        l->n = o;
    json_decref(seen);
    free(gone);
    return rc ? -1 : 0;
}

/* Gives entry i the id s (copied, escaped). */
static int rename_id(walk_list *l, size_t i, const char *s, int quiet)
{
    char *id = utf8_escape(s);
    if (!id)
        return -1;
    if (!quiet)
        cli_info("%s: another input is named %s: named %s", l->paths[i],
                 l->ids[i], id);
    free(l->ids[i]);
    l->ids[i] = id;
    return 0;
}

int walk_unique(walk_list *l, size_t first, int quiet)
{
    if (drop_same_files(l, first, quiet))
        return -1;
    /* Ids that clash: each named by its path, as walk_files does. */
    json_t *n = count_strings(l->ids + first, l->n - first, 0);
    int rc = n ? 0 : -1;
    for (size_t i = first; !rc && i < l->n; i++)
        if (json_integer_value(json_object_get(n, l->ids[i])) > 1 &&
            strcmp(l->ids[i], l->paths[i]))
            rc = rename_id(l, i, l->paths[i], quiet);
    json_decref(n);
    /* A clash that remains: #2, #3, ... after the first. */
    json_t *used = rc ? NULL : json_object();
    rc = rc || !used;
    for (size_t i = first; !rc && i < l->n; i++) {
        char *id = NULL;
        for (unsigned k = 2; !rc && json_object_get(used, id ? id : l->ids[i]);
             k++) {
            free(id);
            const size_t len = strlen(l->ids[i]) + 16;
            if (!(id = malloc(len)))
                rc = -1;
            else
                snprintf(id, len, "%s#%u", l->ids[i], k);
        }
        if (!rc && id)
            rc = rename_id(l, i, id, quiet);
        free(id);
        if (!rc)
            rc = json_object_set_new_nocheck(used, l->ids[i], json_true());
    }
    json_decref(used);
    return rc ? -1 : 0;
}
