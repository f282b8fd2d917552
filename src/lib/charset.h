/*
 * charset.h - the charset of a web page, found the way browsers find it
 * (WHATWG's encoding sniffing, simplified): a byte order mark, then the
 * charset the page declares near its start, then a guess.  Internal.
 */
#ifndef WT_CHARSET_H
#define WT_CHARSET_H

#include <stddef.h>

/*
 * Writes to out (cap bytes) the ICU converter name for bytes[0, n):
 * "" when a UTF-16 or UTF-32 byte order mark is there (the decoder reads
 * it); else the charset of <meta charset>, <meta http-equiv=Content-Type>
 * or the XML declaration in the first 4096 bytes, when ICU knows it
 * (ISO-8859-1 and ASCII are read as windows-1252, as browsers do); else
 * "UTF-8" when the bytes are valid UTF-8; else ICU's charset detector's
 * best guess, windows-1252 when it has none.  *declared is set to 1 when
 * the page named the charset.
 */
void wt_charset_sniff(const char *bytes, size_t n, char *out, size_t cap,
                      int *declared);

#endif
