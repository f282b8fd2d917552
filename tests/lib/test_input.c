/* Tests of input.c: decoding and the byte offset map. */
#include "helpers.h"
#include "input.h"

Test(input, ascii_offsets_are_identity)
{
    wt_text t = test_text("abc");
    cr_assert_eq(t.len, 3);
    for (int i = 0; i <= 3; i++)
        cr_assert_eq(t.off[i], (uint32_t)i);
    wt_text_release(&t);
}

Test(input, bom_is_dropped_offsets_kept)
{
    wt_text t = test_text("\xEF\xBB\xBFHi");
    cr_assert_eq(t.len, 2);
    cr_assert_eq(t.u[0], 'H');
    cr_assert_eq(t.off[0], 3);
    cr_assert_eq(t.off[2], 5);
    wt_text_release(&t);
}

Test(input, multibyte_offsets_point_at_lead_bytes)
{
    wt_text t = test_text("a\xE2\x80\x9C"
                          "b\xF0\x9F\x98\x80"); /* a“b😀 */
    cr_assert_eq(t.len, 5);                     /* a, “, b, surrogate pair */
    cr_assert_eq(t.off[1], 1);
    cr_assert_eq(t.off[2], 4);
    cr_assert_eq(t.off[3], 5);
    cr_assert_eq(t.off[4], 5);
    cr_assert_eq(t.off[5], 9);
    wt_text_release(&t);
}

Test(input, invalid_utf8_becomes_replacement_with_report)
{
    wt_text t;
    wt_decode_report rep;
    const char s[] = "ok\xC3(\xFFz";
    cr_assert_eq(wt_text_decode(&t, s, sizeof s - 1, NULL, &rep), 0);
    cr_assert_eq(rep.invalid_count, 2);
    cr_assert_eq(rep.first_invalid, 2);
    cr_assert_eq(t.u[2], 0xFFFD);
    cr_assert_eq(t.u[3], '(');
    cr_assert_eq(t.off[3], 3);
    cr_assert_eq(t.u[4], 0xFFFD);
    cr_assert_eq(t.off[5], 5);
    wt_text_release(&t);
}

Test(input, nul_bytes_are_not_text)
{
    wt_text t;
    wt_decode_report rep;
    const char s[] = "ab\0cd";
    cr_assert_eq(wt_text_decode(&t, s, 5, NULL, &rep), WT_ENOTTEXT);
}

Test(input, utf16_with_bom_is_converted)
{
    wt_text t;
    wt_decode_report rep;
    const char s[] = "\xFF\xFEH\0i\0";
    cr_assert_eq(wt_text_decode(&t, s, 6, NULL, &rep), 0);
    cr_assert_eq(t.len, 2);
    cr_assert_eq(t.u[0], 'H');
    cr_assert_eq(t.off[0], 2);
    cr_assert_eq(t.off[1], 4);
    cr_assert_eq(t.off[2], 6);
    wt_text_release(&t);
}

Test(input, windows_1252_through_icu)
{
    wt_text t;
    wt_decode_report rep;
    const char s[] = "\xA3"
                     "5 \x93ok\x94";
    cr_assert_eq(wt_text_decode(&t, s, sizeof s - 1, "windows-1252", &rep), 0);
    cr_assert_eq(t.u[0], 0x00A3);
    cr_assert_eq(t.u[3], 0x201C);
    cr_assert_eq(t.off[3], 3);
    wt_text_release(&t);
}

Test(input, unknown_encoding_is_einval)
{
    wt_text t;
    wt_decode_report rep;
    cr_assert_eq(wt_text_decode(&t, "x", 1, "no-such-charset-xyz", &rep),
                 WT_EINVAL);
}

Test(input, index_at_finds_units)
{
    wt_text t = test_text("a\xC3\xA9z"); /* aéz */
    cr_assert_eq(wt_text_index_at(&t, 0), 0);
    cr_assert_eq(wt_text_index_at(&t, 1), 1);
    cr_assert_eq(wt_text_index_at(&t, 3), 2);
    cr_assert_eq(wt_text_index_at(&t, 4), 3);
    wt_text_release(&t);
}

/* A compact text answers every offset and every lookup as the full map
 * did: ASCII, a BOM, two-, three- and four-byte sequences, across many
 * marks; text with replaced bytes or from another charset stays whole. */
Test(input, compact_offsets_equal_the_full_map)
{
    char buf[4096];
    size_t n = 0;
    const char *pieces[] = {
        "ab", "\xC3\xA9",    "\xE2\x80\x9C", "\xF0\x9F\x98\x80",
        " ",  "\xE4\xB8\xAD"};
    memcpy(buf, "\xEF\xBB\xBF", 3);
    n = 3;
    for (unsigned k = 0; n < sizeof buf - 8; k = k * 7 + 3) {
        const char *p = pieces[k % 6];
        memcpy(buf + n, p, strlen(p));
        n += strlen(p);
    }
    wt_text full = {0}, small = {0};
    wt_decode_report rep;
    cr_assert_eq(wt_text_decode(&full, buf, n, NULL, &rep), 0);
    cr_assert_eq(wt_text_decode(&small, buf, n, NULL, &rep), 0);
    cr_assert(small.utf8);
    cr_assert_eq(wt_text_compact(&small), 0);
    cr_assert_null(small.off);
    cr_assert_gt(full.len, 10 * WT_TEXT_MARK);
    for (int32_t i = 0; i <= full.len; i++)
        cr_assert_eq(wt_text_off(&small, i), full.off[i], "unit %d", i);
    for (size_t b = 0; b <= n + 1; b++)
        cr_assert_eq(wt_text_index_at(&small, b), wt_text_index_at(&full, b),
                     "byte %zu", b);
    wt_text_release(&full);
    wt_text_release(&small);

    wt_text bad = test_text("a\xFF"
                            "b");
    cr_assert_not(bad.utf8, "replaced bytes: lengths say nothing");
    cr_assert_eq(wt_text_compact(&bad), 0);
    cr_assert_not_null(bad.off);
    wt_text_release(&bad);
}
