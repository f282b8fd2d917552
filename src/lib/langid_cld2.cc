// langid_cld2.cc - the only C++ in wiretrace: a C entry point to CLD2,
// whose API is C++.  Everything else about language identification is in
// langid.c.
#include <cstdio>
#include <cstring>

#include <cld2/public/compact_lang_det.h>

#include "langid_cld2.h"

extern "C" void wt_cld2_detect(const char *utf8, int len, char *code,
                               size_t codelen, int *percent, int *reliable,
                               int *text_bytes, char (*top)[16])
{
    CLD2::Language l3[3];
    int p3[3] = {0, 0, 0};
    int tb = 0;
    bool rel = false;
    CLD2::Language l =
        CLD2::DetectLanguageSummary(utf8, len, true, l3, p3, &tb, &rel);
    // CLD2 answers ENGLISH with 0% when it has nothing to go on.
    if (l == CLD2::UNKNOWN_LANGUAGE || l3[0] == CLD2::UNKNOWN_LANGUAGE ||
        p3[0] == 0)
        std::snprintf(code, codelen, "un");
    else
        std::snprintf(code, codelen, "%s", CLD2::LanguageCode(l));
    for (int i = 0; top && i < 3; i++)
        std::snprintf(
            top[i], sizeof top[i], "%s",
            l3[i] == CLD2::UNKNOWN_LANGUAGE ? "un" : CLD2::LanguageCode(l3[i]));
    *percent = p3[0];
    *reliable = rel ? 1 : 0;
    *text_bytes = tb;
}
