/* Tests of html_meta.c: what a page says about its article. */
#include "helpers.h"
#include "html_meta.h"

/* The metadata of a UTF-8 page; release with wt_html_meta_release(). */
static void meta_of(const char *page, wt_html_meta *m)
{
    wt_text src;
    wt_decode_report rep;
    cr_assert_eq(wt_text_decode(&src, page, strlen(page), NULL, &rep), 0);
    wt_html *h = NULL;
    char err[128];
    cr_assert_eq(wt_html_parse(&h, &src, err, sizeof err), 0, "%s", err);
    cr_assert_eq(wt_html_meta_read(h, m), 0);
    wt_html_free(h);
    wt_text_release(&src);
}

#define LD(json) "<script type=\"application/ld+json\">" json "</script>"

Test(html_meta, json_ld_article)
{
    wt_html_meta m;
    meta_of(
        "<html lang=\"en-GB\"><head>" LD(
            "{\"@context\": \"https://schema.org\", \"@type\": "
            "\"NewsArticle\", \"headline\": \"Harbour  closed\", "
            "\"datePublished\": \"2026-03-14T10:05:00Z\", \"author\": "
            "[{\"@type\": \"Person\", \"name\": \"Elena Marsh\"}, \"Tom "
            "Reed\", {\"name\": \"elena marsh\"}], \"publisher\": "
            "{\"name\": \"Coastal Daily\"}, \"url\": "
            "\"https://example.org/a\", \"articleBody\": \"The body.\"}") "</"
                                                                          "head"
                                                                          "><"
                                                                          "body"
                                                                          "><p>"
                                                                          "x</"
                                                                          "p></"
                                                                          "body"
                                                                          "></"
                                                                          "html"
                                                                          ">",
        &m);
    cr_assert_str_eq(m.title, "Harbour closed");
    cr_assert_str_eq(m.outlet, "Coastal Daily");
    cr_assert_str_eq(m.published, "2026-03-14T10:05:00Z");
    cr_assert_str_eq(m.url, "https://example.org/a");
    cr_assert_str_eq(m.body, "The body.");
    cr_assert_str_eq(m.lang, "en-GB");
    cr_assert_eq(m.nauthors, 2); /* the repeat in other case dropped */
    cr_assert_str_eq(m.authors[0], "Elena Marsh");
    cr_assert_str_eq(m.authors[1], "Tom Reed");
    cr_assert_str_eq(m.warning, "");
    wt_html_meta_release(&m);
}

Test(html_meta, json_ld_in_a_graph)
{
    wt_html_meta m;
    meta_of(
        "<head>" LD(
            "{\"@graph\": [{\"@type\": \"WebSite\", \"name\": "
            "\"Site\"}, {\"@type\": [\"Thing\", "
            "\"ReportageNewsArticle\"], \"headline\": \"Deep\"}]}") "</head>",
        &m);
    cr_assert_str_eq(m.title, "Deep");
    wt_html_meta_release(&m);
}

Test(html_meta, json_ld_wins_over_opengraph_wins_over_title)
{
    wt_html_meta m;
    meta_of(
        "<head><title>Page title | Site</title>"
        "<meta property=\"og:title\" content=\"OG title\">"
        "<meta property=\"og:site_name\" content=\"OG Site\">" LD(
            "{\"@type\": \"Article\", \"headline\": \"LD title\"}") "</head>",
        &m);
    cr_assert_str_eq(m.title, "LD title");
    cr_assert_str_eq(m.outlet, "OG Site");
    wt_html_meta_release(&m);
    meta_of("<head><title>Page title | Site</title>"
            "<meta property=\"og:title\" content=\"OG title\"></head>",
            &m);
    cr_assert_str_eq(m.title, "OG title");
    wt_html_meta_release(&m);
    meta_of("<head><title> Page\n title </title></head>", &m);
    cr_assert_str_eq(m.title, "Page title");
    wt_html_meta_release(&m);
}

Test(html_meta, opengraph_and_meta_names)
{
    wt_html_meta m;
    meta_of("<head><meta property=\"article:published_time\" "
            "content=\"2026-01-02T03:04:05+01:00\">"
            "<meta name=\"author\" content=\"Ann Lee\">"
            "<meta name=\"author\" content=\"https://x.example/ann\">"
            "<meta property=\"og:locale\" content=\"fr_FR\">"
            "<meta property=\"og:url\" content=\"https://x.example/og\">"
            "</head>",
            &m);
    cr_assert_str_eq(m.published, "2026-01-02T03:04:05+01:00");
    cr_assert_eq(m.nauthors, 1); /* a URL is not a name */
    cr_assert_str_eq(m.authors[0], "Ann Lee");
    cr_assert_str_eq(m.lang, "fr_FR");
    cr_assert_str_eq(m.url, "https://x.example/og");
    wt_html_meta_release(&m);
}

Test(html_meta, canonical_link)
{
    wt_html_meta m;
    meta_of("<head><link rel=\"Canonical\" href=\"https://x.example/c\">"
            "<link rel=\"stylesheet\" href=\"s.css\"></head>",
            &m);
    cr_assert_str_eq(m.url, "https://x.example/c");
    wt_html_meta_release(&m);
}

Test(html_meta, html_lang_wins_over_in_language)
{
    wt_html_meta m;
    meta_of("<html lang=\"de\"><head>" LD(
                "{\"@type\": \"NewsArticle\", "
                "\"inLanguage\": \"en\"}") "</head></html>",
            &m);
    cr_assert_str_eq(m.lang, "de");
    wt_html_meta_release(&m);
}

Test(html_meta, broken_json_ld_skipped_and_named)
{
    wt_html_meta m;
    meta_of(
        "<head>" LD(
            "{\"@type\": \"NewsArticle\", \"headline\": ") "<meta "
                                                           "property=\"og:"
                                                           "title\" "
                                                           "content=\"Still "
                                                           "here\"></head>",
        &m);
    cr_assert_str_eq(m.title, "Still here");
    cr_assert_not_null(strstr(m.warning, "JSON-LD"), "%s", m.warning);
    wt_html_meta_release(&m);
}

Test(html_meta, lying_json_ld_types_ignored)
{
    wt_html_meta m;
    meta_of("<head>" LD(
                "{\"@type\": \"NewsArticle\", \"headline\": 7, "
                "\"author\": [null, 3, {\"name\": {}}], "
                "\"publisher\": [], \"articleBody\": false}") "<title>Fallback<"
                                                              "/title></head>",
            &m);
    cr_assert_str_eq(m.title, "Fallback");
    cr_assert_eq(m.nauthors, 0);
    cr_assert_null(m.body);
    cr_assert_null(m.outlet);
    wt_html_meta_release(&m);
}

Test(html_meta, json_ld_in_a_comment)
{
    wt_html_meta m;
    meta_of("<head><script type=\"application/ld+json\"><!-- {\"@type\": "
            "\"BlogPosting\", \"headline\": \"Commented\"} --></script>"
            "</head>",
            &m);
    cr_assert_str_eq(m.title, "Commented");
    wt_html_meta_release(&m);
}

Test(html_meta, nothing_said)
{
    wt_html_meta m;
    meta_of("<p>text only</p>", &m);
    cr_assert_null(m.title);
    cr_assert_null(m.outlet);
    cr_assert_null(m.published);
    cr_assert_null(m.lang);
    cr_assert_null(m.url);
    cr_assert_eq(m.nauthors, 0);
    wt_html_meta_release(&m);
}
