/* serve_auth.c - bearer tokens read from a file, checked in constant
 * time (see serve_auth.h for the format). */
#define _DEFAULT_SOURCE
#include "serve_auth.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

enum { TOKEN_MIN = 16, TOKEN_MAX = 256 };

typedef struct token {
    serve_access access;
    size_t len;
    char text[TOKEN_MAX];
} token;

struct serve_tokens {
    token *v;
    size_t n;
};

void serve_tokens_free(serve_tokens *t)
{
    if (!t)
        return;
    /* The tokens are secrets: not left behind in freed memory. */
    if (t->v)
        memset(t->v, 0, t->n * sizeof *t->v);
    free(t->v);
    free(t);
}

/* 1 when a and b hold the same bytes, compared in full: the time taken
 * depends on the lengths only. */
static unsigned same(const char *a, size_t alen, const char *b, size_t blen)
{
    unsigned diff = alen != blen;
    for (size_t i = 0; i < blen; i++)
        diff |= (unsigned char)b[i] ^ (unsigned char)(i < alen ? a[i] : 0);
    return diff == 0;
}

/* Parses one line (without its newline) into *tk.  Returns NULL, or why
 * the line is wrong. */
static const char *parse_line(char *line, token *tk)
{
    char *save = NULL;
    const char *kind = strtok_r(line, " \t", &save);
    const char *text = strtok_r(NULL, " \t", &save);
    if (!kind || !text || strtok_r(NULL, " \t", &save))
        return "expected \"ro TOKEN\" or \"rw TOKEN\"";
    if (strcmp(kind, "ro") && strcmp(kind, "rw"))
        return "the access must be ro or rw";
    const size_t len = strlen(text);
    if (len < TOKEN_MIN || len > TOKEN_MAX)
        return "a token has 16 to 256 characters";
    for (size_t i = 0; i < len; i++)
        if (text[i] < 0x21 || text[i] > 0x7e)
            return "a token is printable ASCII without spaces";
    tk->access = kind[1] == 'w' ? ACCESS_RW : ACCESS_RO;
    tk->len = len;
    memcpy(tk->text, text, len);
    return NULL;
}

/* Adds the token of one line to t.  Returns NULL, or why not. */
static const char *add_line(serve_tokens *t, char *line)
{
    token tk = {0};
    const char *why = parse_line(line, &tk);
    for (size_t i = 0; !why && i < t->n; i++)
        if (same(tk.text, tk.len, t->v[i].text, t->v[i].len))
            why = "this token is listed already";
    token *v = why ? NULL : realloc(t->v, (t->n + 1) * sizeof *v);
    if (!why && !v)
        why = "out of memory";
    if (v) {
        t->v = v;
        t->v[t->n++] = tk;
    }
    memset(&tk, 0, sizeof tk);
    return why;
}

serve_tokens *serve_tokens_load(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    const int open_errno = errno;
    serve_tokens *t = calloc(1, sizeof *t);
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    const char *why = !f ? strerror(open_errno) : !t ? "out of memory" : NULL;
    ssize_t n;
    while (!why && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        const char *p = line + strspn(line, " \t");
        if (*p && *p != '#')
            why = add_line(t, line);
        memset(line, 0, cap);
    }
    if (!why && f && ferror(f))
        why = "cannot be read";
    else if (!why && !t->n)
        why = "holds no token";
    free(line);
    if (f)
        fclose(f);
    if (!why)
        return t;
    if (lineno)
        snprintf(err, errlen, "%s:%zu: %s", path, lineno, why);
    else
        snprintf(err, errlen, "%s: %s", path, why);
    serve_tokens_free(t);
    return NULL;
}

serve_access serve_tokens_check(const serve_tokens *t, const char *header)
{
    if (!header || strncasecmp(header, "Bearer ", 7))
        return ACCESS_NONE;
    const char *given = header + 7;
    given += strspn(given, " ");
    size_t len = strlen(given);
    while (len && given[len - 1] == ' ')
        len--;
    /* No early exit: every token is compared whichever matches. */
    unsigned access = ACCESS_NONE;
    for (size_t i = 0; i < t->n; i++)
        access |= (0u - same(given, len, t->v[i].text, t->v[i].len)) &
                  (unsigned)t->v[i].access;
    return (serve_access)access;
}
