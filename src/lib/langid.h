/*
 * langid.h - which language a stretch of text is in: CLD2 (Compact Language
 * Detector 2, through the one C++ file langid_cld2.cc) with a confidence,
 * and, where CLD2 has no answer (short or unknown text), a guess from the
 * dominant Unicode script (ICU uscript).  Never defaults to English.
 */
#ifndef WT_LANGID_H
#define WT_LANGID_H

#include <stddef.h>
#include <unicode/uscript.h>
#include <unicode/utypes.h>

typedef struct wt_langid {
    char code[16];      /* ISO 639-1 code ("ko"), or "und" */
    int percent;        /* share of the text CLD2 gave that language */
    int reliable;       /* CLD2 called its guess reliable */
    int by_script;      /* the code comes from the script alone */
    UScriptCode script; /* dominant script of the letters */
    size_t letters;     /* letters counted */
    char top[3][16];    /* CLD2's three languages of the text, largest
                           share first ("un" for none; "zh-Hant" as "zh") */
} wt_langid;

/*
 * Dominant script of the letters of u[0..len): Hiragana/Katakana next to
 * Han count as Japanese (USCRIPT_JAPANESE), Hangul as USCRIPT_KOREAN when
 * it leads.  Sets *letters to the number of letters seen.
 */
UScriptCode wt_dominant_script(const UChar *u, int32_t len, size_t *letters);

/* Do a language whose profile names script want and text in script got
 * belong together (Han inside Japanese or Korean text does; anything
 * with the generic Zyyy)? */
int wt_script_fits(UScriptCode want, UScriptCode got);

/* ISO 15924 code ("Latn", "Hang", "Jpan") to a script; USCRIPT_INVALID_CODE
 * when unknown. */
UScriptCode wt_script_from_code(const char *iso15924);

/*
 * Identifies the language of u[0..len).  Returns 0, WT_ENOMEM or WT_EICU.
 */
int wt_langid_detect(const UChar *u, int32_t len, wt_langid *out);

#endif
