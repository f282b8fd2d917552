/*
 * langid_cld2.h - the C entry point to CLD2, whose API is C++
 * (langid_cld2.cc, the one C++ file).  Internal to langid.c: the shared
 * library does not export it.
 */
#ifndef WT_LANGID_CLD2_H
#define WT_LANGID_CLD2_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The language of valid UTF-8 text.  Writes "un" into code when CLD2 does
 * not know; *percent is CLD2's share for it, *reliable its own verdict,
 * *text_bytes the bytes it looked at.  When top is not NULL, writes CLD2's
 * three languages of the text, largest share first, into top[0], top[1]
 * and top[2] (each codelen bytes; "un" for none). */
void wt_cld2_detect(const char *utf8, int len, char *code, size_t codelen,
                    int *percent, int *reliable, int *text_bytes,
                    char (*top)[16]);

#ifdef __cplusplus
}
#endif

#endif
