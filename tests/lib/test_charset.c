/* Tests of charset.c: the charset of a web page, as browsers find it. */
#include "charset.h"
#include "helpers.h"

#include <strings.h>

static const char *sniff(const char *page, size_t n, int *declared)
{
    static char out[64];
    wt_charset_sniff(page, n, out, sizeof out, declared);
    return out;
}

#define SNIFF(page, declared) sniff(page, sizeof page - 1, declared)

Test(charset, byte_order_marks)
{
    int d = 1;
    cr_assert_str_eq(SNIFF("\xEF\xBB\xBF<p>x", &d), "UTF-8");
    cr_assert_eq(d, 0);
    /* UTF-16 either way: left to the decoder, which reads the mark. */
    cr_assert_str_eq(SNIFF("\xFF\xFE<\0p\0", &d), "");
    cr_assert_str_eq(SNIFF("\xFE\xFF\0<\0p", &d), "");
}

Test(charset, meta_charset_declared)
{
    int d = 0;
    const char *cs = SNIFF("<html><head><meta charset=\"Shift_JIS\">", &d);
    cr_assert_eq(strcasecmp(cs, "shift_jis"), 0, "%s", cs);
    cr_assert_eq(d, 1);
}

Test(charset, http_equiv_content_type)
{
    int d = 0;
    const char *cs = SNIFF("<meta http-equiv=\"Content-Type\" "
                           "content=\"text/html; charset=koi8-r\">",
                           &d);
    cr_assert_eq(strcasecmp(cs, "koi8-r"), 0, "%s", cs);
    cr_assert_eq(d, 1);
}

Test(charset, latin1_and_ascii_read_as_windows_1252)
{
    int d = 0;
    cr_assert_str_eq(SNIFF("<meta charset=iso-8859-1><p>caf\xe9", &d),
                     "windows-1252");
    cr_assert_str_eq(SNIFF("<meta charset='us-ascii'><p>x", &d),
                     "windows-1252");
    cr_assert_eq(d, 1);
}

Test(charset, utf16_declared_in_bytes_is_utf8)
{
    int d = 0;
    cr_assert_str_eq(SNIFF("<meta charset=utf-16><p>x", &d), "UTF-8");
}

Test(charset, xml_declaration)
{
    int d = 0;
    const char *cs =
        SNIFF("<?xml version=\"1.0\" encoding=\"windows-1251\"?><html>", &d);
    cr_assert_eq(strcasecmp(cs, "windows-1251"), 0, "%s", cs);
    cr_assert_eq(d, 1);
}

Test(charset, charset_in_text_is_not_a_declaration)
{
    int d = 1;
    cr_assert_str_eq(SNIFF("<p>set charset=koi8-r in the header</p>", &d),
                     "UTF-8");
    cr_assert_eq(d, 0);
}

Test(charset, unknown_declaration_falls_back)
{
    int d = 1;
    cr_assert_str_eq(
        SNIFF("<meta charset=\"no-such-charset\"><p>caf\xc3\xa9", &d), "UTF-8");
    cr_assert_eq(d, 0);
}

Test(charset, undeclared_non_utf8_is_detected)
{
    int d = 1;
    const char *cs = SNIFF("<html><body><p>Le caf\xe9 est tr\xe8s "
                           "appr\xe9"
                           "ci\xe9 \xe0 la for\xea"
                           "t, dit-on, "
                           "depuis l'\xe9t\xe9 dernier.</p></body></html>",
                           &d);
    cr_assert(strcmp(cs, "UTF-8") && cs[0], "%s", cs);
    cr_assert_eq(d, 0);
}

Test(charset, empty_page)
{
    int d = 1;
    cr_assert_str_eq(sniff("", 0, &d), "UTF-8");
    cr_assert_eq(d, 0);
}
