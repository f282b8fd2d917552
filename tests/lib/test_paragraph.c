/* Tests of paragraph.c: splitting, hard wraps, header, boilerplate. */
#include "helpers.h"
#include "paragraph.h"

static wt_profile *en(void)
{
    wt_agencies *a = NULL;
    wt_profile *p = NULL;
    char err[256];
    cr_assert_eq(wt_agencies_load(&a, test_lang_dir()), 0);
    cr_assert_eq(wt_profile_load(&p, test_lang_dir(), "en", a->alternation, err,
                                 sizeof err),
                 0, "%s", err);
    wt_agencies_free(a);
    return p;
}

static size_t split(const char *s, wt_para_range **r, wt_text *t, wt_profile *p)
{
    size_t n = 0;
    wt_header h;
    int32_t body;
    *t = test_text(s);
    cr_assert_eq(wt_header_read(t, &h, &body), 0);
    cr_assert_eq(wt_paragraphs_split(t, body, p, r, &n), 0);
    wt_header_release(&h);
    return n;
}

Test(paragraph, blank_lines_and_hard_wraps)
{
    wt_profile *p = en();
    wt_text t;
    wt_para_range *r;
    const char *s = "First paragraph ends here.\n\nThe officials were preparing"
                    "\nfor potential scenarios.\n\nThird one.\n";
    cr_assert_eq(split(s, &r, &t, p), 3);
    cr_assert_eq(r[1].start, 28);
    cr_assert_eq(t.off[r[1].end], strlen(s) - 13);
    wt_free(r);
    wt_text_release(&t);
    wt_profile_free(p);
}

Test(paragraph, single_newlines_separate_sentences)
{
    wt_profile *p = en();
    wt_text t;
    wt_para_range *r;
    const char *s = "A headline without a period\nThe body starts here.\r\n"
                    "Second body paragraph.\r\n";
    cr_assert_eq(split(s, &r, &t, p), 3);
    wt_free(r);
    wt_text_release(&t);
    wt_profile_free(p);
}

Test(paragraph, lowercase_continuation_joins_in_line_mode)
{
    wt_profile *p = en();
    wt_text t;
    wt_para_range *r;
    const char *s = "Experts said North Korea could develop its\nmissile "
                    "capabilities.\nNext paragraph.";
    cr_assert_eq(split(s, &r, &t, p), 2);
    wt_free(r);
    wt_text_release(&t);
    wt_profile_free(p);
}

Test(paragraph, boilerplate_kinds)
{
    wt_profile *p = en();
    wt_text t;
    wt_para_range *r;
    const char *s = "By Anna J. Park\n\nSource: Yonhap News Agency\n\n"
                    "Sign up for eNewsletter\n\nFollow us on:\n\n"
                    "Top 10 Stories\n\nA real sentence about the "
                    "government and its many plans for the year.\n";
    cr_assert_eq(split(s, &r, &t, p), 6);
    cr_assert_eq(r[0].boiler, WT_BOILER_BYLINE);
    cr_assert_eq(r[1].boiler, WT_BOILER_CREDIT);
    cr_assert_eq(r[2].boiler, WT_BOILER_SIGNUP);
    cr_assert_eq(r[3].boiler, WT_BOILER_FOLLOW);
    cr_assert_eq(r[4].boiler, WT_BOILER_LABEL);
    cr_assert_eq(r[5].boiler, WT_BOILER_NONE);
    wt_free(r);
    wt_text_release(&t);
    wt_profile_free(p);
}

Test(paragraph, caption_ending_with_agency)
{
    wt_profile *p = en();
    const char *s = "Kim Tae-hyo speaks during a press briefing at the "
                    "presidential office in Seoul, Tuesday. Yonhap";
    wt_text t = test_text(s);
    cr_assert_eq(wt_paragraph_boiler(t.u, t.len, p), WT_BOILER_CAPTION);
    wt_text_release(&t);
    wt_profile_free(p);
}

Test(paragraph, header_block_is_metadata)
{
    wt_text t = test_text("Outlet: Meridian Press Agency\nDate: "
                          "2026-03-14T08:05:00Z\n\nBody text here.\n");
    wt_header h;
    int32_t body;
    cr_assert_eq(wt_header_read(&t, &h, &body), 0);
    cr_assert_str_eq(h.outlet, "Meridian Press Agency");
    cr_assert_eq(h.published, 1773475500);
    cr_assert_gt(body, 0);
    wt_header_release(&h);
    wt_text_release(&t);
}

Test(paragraph, no_header_when_first_block_has_text)
{
    wt_text t = test_text("Date: today\nand more words\n\nBody.\n");
    wt_header h;
    int32_t body;
    cr_assert_eq(wt_header_read(&t, &h, &body), 0);
    cr_assert_eq(body, 0);
    wt_header_release(&h);
    wt_text_release(&t);
}

Test(paragraph, iso8601_forms)
{
    int64_t v;
    cr_assert_eq(wt_parse_iso8601("2024-10-22", &v), 0);
    cr_assert_eq(v, 1729555200);
    cr_assert_eq(wt_parse_iso8601("2024-10-22T09:00:00+09:00", &v), 0);
    cr_assert_eq(v, 1729555200);
    cr_assert_eq(wt_parse_iso8601("2024-10-22T00:00Z", &v), 0);
    cr_assert_eq(v, 1729555200);
    cr_assert_eq(wt_parse_iso8601("yesterday", &v), WT_EINVAL);
    cr_assert_eq(wt_parse_iso8601("2024-13-01", &v), WT_EINVAL);
}

/* PA wire copy: a paragraph ends in "<" and the next starts with ^Y. */
Test(paragraph, wire_control_mark_starts_a_paragraph)
{
    wt_profile *p = en();
    wt_text t;
    wt_para_range *r;
    const char *s =
        "  ------------------------------------------------------------\n\n"
        "Mr Rushbrooke said The Times had offered to pay his legal costs and"
        " a\nsum of 500 pounds to settle the dispute, but he had rejected"
        " this.<\n\x19Mr Burstein said he felt the offer was a lot of rubbish"
        " as the\narticle had accused him of organising hecklers.<\n";
    cr_assert_eq(split(s, &r, &t, p), 3);
    cr_assert_eq(t.u[r[2].start], 0x19);
    wt_free(r);
    wt_text_release(&t);
    wt_profile_free(p);
}

/* Reuters-style copy: no blank lines, each paragraph's first line
 * indented, wrapped lines flush left (even when they start upper case). */
Test(paragraph, indented_first_lines_mark_paragraphs)
{
    wt_profile *p = en();
    wt_text t;
    wt_para_range *r;
    const char *s =
        "Showers continued throughout the week in the Bahia cocoa zone,\n"
        "Comissaria Smith said in its weekly review.\n"
        "    The dry period means the temporao will be late this year.\n"
        "    Arrivals for the week ended February 22 were 155,221 bags\n"
        "Of 60 kilos, a cumulative total for the season of 5.93 mln.\n";
    cr_assert_eq(split(s, &r, &t, p), 3);
    wt_free(r);
    wt_text_release(&t);
    wt_profile_free(p);
}
