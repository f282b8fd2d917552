/*
 * jsonw.h - JSON written as it is produced, byte for byte as jansson's
 * json_dump would write the same values (JSON_COMPACT, or JSON_INDENT(1),
 * with JSON_REAL_PRECISION(4)).
 *
 * The reports are most of what a scan or a query prints: building a tree
 * of jansson values for each document only to dump and free it cost a
 * tenth of a query.  Reading JSON, and the small documents of the other
 * commands, stay with jansson.
 */
#ifndef WT_JSONW_H
#define WT_JSONW_H

#include <stddef.h>

/* Containers open at once, at most. */
#define JSONW_MAX_DEPTH 16

typedef struct jsonw {
    char *buf; /* the text so far (not NUL-terminated), malloc'd */
    size_t len, cap;
    int indent;    /* 1: JSON_INDENT(1); 0: JSON_COMPACT */
    unsigned base; /* depth of the first value, as if nested that deep */
    unsigned open; /* containers open */
    unsigned n[JSONW_MAX_DEPTH]; /* elements so far in each */
    int after_key;               /* a key was written, its value is next */
    int failed;                  /* out of memory, too deep, not finite */
} jsonw;

/* An empty writer; indent 1 or 0 as above.  base: the depth the text
 * will sit at inside a larger document (its lines are indented as
 * jansson would indent them there). */
void jsonw_init(jsonw *w, int indent, unsigned base);

/* Frees the text. */
void jsonw_release(jsonw *w);

/* Raw bytes, written as they are (separators between elements that the
 * caller writes itself). */
void jsonw_raw(jsonw *w, const char *s, size_t n);

void jsonw_object(jsonw *w);
void jsonw_object_end(jsonw *w);
void jsonw_array(jsonw *w);
void jsonw_array_end(jsonw *w);

/* The key of the next member of the open object. */
void jsonw_key(jsonw *w, const char *k);

/* A string: valid UTF-8 as it is; otherwise with its bad bytes and
 * control characters written as \\xNN first (utf8_escape), as jansson
 * refuses it.  NULL is written as null. */
void jsonw_str(jsonw *w, const char *s);
void jsonw_int(jsonw *w, long long v);
/* A number that is not finite fails the writer, as jansson refuses it. */
void jsonw_real(jsonw *w, double v);
void jsonw_bool(jsonw *w, int v);
void jsonw_null(jsonw *w);

/* A member of the open object: its key, then its value as above. */
void jsonw_kstr(jsonw *w, const char *k, const char *v);
void jsonw_kint(jsonw *w, const char *k, long long v);
void jsonw_kreal(jsonw *w, const char *k, double v);
void jsonw_kbool(jsonw *w, const char *k, int v);

#endif
