/*
 * serve_auth.h - the bearer tokens of `wiretrace serve --token-file FILE`.
 *
 * FILE holds one token a line, after the access it grants:
 *
 *     # newsroom CMS (writes), dashboards (reads)
 *     rw 3f9c1e0b7a5d4c2e8f6a1b3c5d7e9f0a
 *     ro 8e2d4f6a0c1b3e5d7f9a2c4e6b8d0f1a
 *
 * "ro" tokens may query and read, "rw" tokens may also add and delete.
 * Blank lines and lines starting with # are skipped.  A token is 16 to
 * 256 printable ASCII characters without spaces; each appears once.
 */
#ifndef WT_CLI_SERVE_AUTH_H
#define WT_CLI_SERVE_AUTH_H

#include <stddef.h>

/* What a request's token allows. */
typedef enum {
    ACCESS_NONE = 0, /* no token, or one not in the file */
    ACCESS_RO = 1,   /* reads */
    ACCESS_RW = 2    /* reads and writes */
} serve_access;

typedef struct serve_tokens serve_tokens;

/* Reads the token file at path.  Returns the tokens, or NULL with err
 * saying why (the file and line). */
serve_tokens *serve_tokens_load(const char *path, char *err, size_t errlen);
void serve_tokens_free(serve_tokens *t);

/* The access an Authorization header value ("Bearer TOKEN"; NULL when
 * the request has none) grants.  Every token is compared in full, in time
 * that does not depend on where the given one differs or which one
 * matches. */
serve_access serve_tokens_check(const serve_tokens *t, const char *header);

#endif
