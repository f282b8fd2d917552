/* fileio.h - whole-file reads and the line reader for language data. */
#ifndef WT_FILEIO_H
#define WT_FILEIO_H

#include <stddef.h>
#include <stdint.h>

/* The largest input read: the offset map holds 32-bit offsets and ICU
 * takes 32-bit lengths. */
#define WT_READ_MAX ((size_t)INT32_MAX / 2)

/* Reads all of path ("-" = standard input) into a new buffer with a NUL
 * after the last byte; stops after WT_READ_MAX + 1 bytes, so that a
 * larger input is refused without being held whole.  Returns 0, WT_EIO
 * (errno is kept), WT_EINVAL (a regular file over WT_READ_MAX, not read)
 * or WT_ENOMEM. */
int wt_read_file(const char *path, char **out, size_t *len);

/* Iterates over the data lines of buf: trims, skips blank lines and lines
 * starting with '#'.  *pos starts at 0.  Returns 1 with [*line, *line+*len)
 * and the 1-based line number, or 0 at the end. */
int wt_next_data_line(const char *buf, size_t n, size_t *pos, const char **line,
                      size_t *len, size_t *lineno);

#endif
