/* fileio.c - see fileio.h. */
#include "fileio.h"
#include "alloc.h"
#include "wiretrace.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int wt_read_file(const char *path, char **out, size_t *len)
{
    const int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    int rc = 0;
    if (!f)
        return WT_EIO;
    struct stat st;
    if (!fstat(fileno(f), &st) && S_ISREG(st.st_mode) &&
        (uint64_t)st.st_size > WT_READ_MAX) {
        rc = WT_EINVAL; /* refused unread; the caller says "too large" */
        goto out;
    }
    for (;;) {
        if ((rc = wt_grow(&buf, &cap, n + 65536 + 1, 1)))
            goto out;
        size_t want = cap - n - 1;
        if (want > WT_READ_MAX + 1 - n)
            want = WT_READ_MAX + 1 - n;
        const size_t got = fread(buf + n, 1, want, f);
        n += got;
        if (got == 0 || n > WT_READ_MAX)
            break;
    }
    if (ferror(f)) {
        const int e = errno ? errno : EIO;
        rc = WT_EIO;
        errno = e;
        goto out;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    buf = NULL;
out:
    wt_free(buf);
    if (!is_stdin) {
        const int e = errno;
        fclose(f);
        errno = e;
    }
    return rc;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int wt_next_data_line(const char *buf, size_t n, size_t *pos, const char **line,
                      size_t *len, size_t *lineno)
{
    while (*pos < n) {
        const char *s = buf + *pos;
        const char *nl = memchr(s, '\n', n - *pos);
        size_t l = nl ? (size_t)(nl - s) : n - *pos;
        *pos += l + (nl ? 1 : 0);
        ++*lineno;
        while (l && is_space(*s)) {
            s++;
            l--;
        }
        while (l && is_space(s[l - 1]))
            l--;
        if (l == 0 || s[0] == '#')
            continue;
        *line = s;
        *len = l;
        return 1;
    }
    return 0;
}
