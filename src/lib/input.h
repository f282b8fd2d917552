/*
 * input.h - turns a file's bytes into UTF-16 text for ICU, keeping for every
 * UTF-16 unit the byte offset it came from, so that later stages can always
 * point back into the original file.
 */
#ifndef WT_INPUT_H
#define WT_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/utypes.h>

typedef struct wt_text {
    UChar *u;        /* the text; invalid input became U+FFFD */
    int32_t len;     /* UTF-16 units in u */
    uint32_t *off;   /* off[i]: byte offset of u[i]; off[len] = byte length;
                      NULL once compact: read with wt_text_off() */
    uint32_t *marks; /* compact: off of every WT_TEXT_MARK-th unit */
    int utf8;        /* decoded from valid UTF-8: the bytes of each unit
                        are its own UTF-8 encoding */
} wt_text;

/* Units between two offsets kept by a compact text. */
#define WT_TEXT_MARK 32

/* What decoding noticed, for the caller's warnings. */
typedef struct wt_decode_report {
    size_t invalid_count; /* ill-formed sequences replaced by U+FFFD */
    size_t first_invalid; /* byte offset of the first one */
    int had_bom;          /* a byte order mark was dropped */
    char charset[64];     /* the charset used ("UTF-8", "UTF-16LE", ...);
                               a copy: the converter is closed after */
} wt_decode_report;

/*
 * Decodes bytes[0..n).  encoding NULL means UTF-8 (or UTF-32 or UTF-16 when
 * a BOM says so); otherwise any ICU converter name.  A BOM is dropped.  Returns 0,
 * WT_ENOTTEXT (NUL bytes in text that is not UTF-16), WT_EINVAL (unknown
 * encoding, or larger than 2 GiB), WT_EICU or WT_ENOMEM.  On success the
 * caller owns out and releases it with wt_text_release().
 */
int wt_text_decode(wt_text *out, const char *bytes, size_t n,
                   const char *encoding, wt_decode_report *rep);

void wt_text_release(wt_text *t);

/* The UTF-16 index of the first unit whose byte offset is >= byte. */
int32_t wt_text_index_at(const wt_text *t, size_t byte);

/* Keeps of the offset map of text decoded from valid UTF-8 (t->utf8) one
 * offset in WT_TEXT_MARK: the others follow from the units themselves.
 * Four bytes per unit less, for a document kept after the stages that
 * read every offset; other text is left as it is.  Returns 0 or WT_ENOMEM
 * (t unchanged). */
int wt_text_compact(wt_text *t);

uint32_t wt_text_off_marked(const wt_text *t, int32_t i);

/* The byte offset of unit i, 0 <= i <= t->len. */
static inline uint32_t wt_text_off(const wt_text *t, int32_t i)
{
    return t->off ? t->off[i] : wt_text_off_marked(t, i);
}

#endif
