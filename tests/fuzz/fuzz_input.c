/*
 * fuzz_input.c - input decoding, the header block and paragraph
 * segmentation.  The first byte picks the charset: below 0x80 mostly the
 * default (UTF-8, or UTF-16/32 by BOM) or one of a few common ones; from
 * 0x80 on, with the second byte, any of ICU's converters, so that every
 * converter (stateful ISO-2022-*, ISCII, EBCDIC, ...) meets hostile
 * bytes; the rest is the file.  Checks the offset map
 * (monotonic, inside the file), the paragraph ranges (ordered, inside the
 * body) and that a second run gives the same result.
 */
#include "fuzz_common.h"
#include "input.h"
#include "paragraph.h"
#include "profile.h"
#include "alloc.h"
#include "wiretrace.h"

#include <unicode/ucnv.h>

static wt_profile *prof;

static const char *const charsets[8] = {
    NULL, NULL, NULL, NULL, NULL, "windows-1252", "UTF-16LE", "Shift_JIS",
};

static void load_profile(void)
{
    wt_agencies *a = NULL;
    char err[512];
    FUZZ_CHECK(wt_agencies_load(&a, wt_default_lang_dir()) == 0);
    FUZZ_CHECK(wt_profile_load(&prof, wt_default_lang_dir(), "en",
                               a->alternation, err, sizeof err) == 0);
    wt_agencies_free(a);
}

/* The charset named by the first byte (or two) of data; *skip is how many
 * bytes that took. */
static const char *charset_of(const uint8_t *data, size_t size, size_t *skip)
{
    *skip = 1;
    if (data[0] < 0x80 || size < 2)
        return charsets[data[0] % 8];
    *skip = 2;
    const int32_t n = ucnv_countAvailable();
    const int32_t i = (int32_t)(((data[0] & 0x7f) << 8 | data[1]) % n);
    return ucnv_getAvailableName(i);
}

static void one_run(const uint8_t *data, size_t size, fuzz_rec *r)
{
    size_t skip;
    const char *enc = charset_of(data, size, &skip);
    const char *bytes = (const char *)data + skip;
    const size_t n = size - skip;
    wt_text t;
    wt_decode_report rep;
    int rc = wt_text_decode(&t, bytes, n, enc, &rep);
    rec_u64(r, (uint64_t)rc);
    if (rc)
        return;
    rec_u64(r, rep.invalid_count);
    rec_u64(r, rep.first_invalid);
    rec_str(r, rep.charset);
    FUZZ_CHECK(t.len >= 0 && t.off[t.len] == n);
    for (int32_t i = 0; i < t.len; i++) {
        FUZZ_CHECK(t.off[i] < n);
        FUZZ_CHECK(i == 0 || t.off[i] >= t.off[i - 1]);
    }
    rec_bytes(r, t.u, (size_t)t.len * sizeof *t.u);

    wt_header h = {0};
    int32_t body = -1;
    FUZZ_CHECK(wt_header_read(&t, &h, &body) == 0);
    FUZZ_CHECK(body >= 0 && body <= t.len);
    rec_str(r, h.outlet);
    rec_str(r, h.title);
    rec_str(r, h.lang);
    rec_u64(r, (uint64_t)h.published);
    wt_header_release(&h);

    wt_para_range *p = NULL;
    size_t np = 0;
    FUZZ_CHECK(wt_paragraphs_split(&t, body, prof, &p, &np) == 0);
    int32_t last = body;
    for (size_t i = 0; i < np; i++) {
        FUZZ_CHECK(p[i].start >= last && p[i].start < p[i].end);
        FUZZ_CHECK(p[i].end <= t.len);
        last = p[i].end;
        rec_u64(r, (uint64_t)p[i].start << 32 | (uint32_t)p[i].end);
        rec_u64(r, (uint64_t)p[i].boiler);
    }
    wt_free(p);
    wt_text_release(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    if (!prof)
        load_profile();
    run_twice(one_run, data, size);
    return 0;
}
