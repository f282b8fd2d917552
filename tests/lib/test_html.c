/* Tests of html.c: a page's blocks of text and the byte of the page each
 * unit came from. */
#include "helpers.h"
#include "html.h"

/* The page (UTF-8, or charset) parsed; free with wt_html_free(). */
static wt_html *parse_as(const char *page, size_t n, const char *charset)
{
    wt_text src;
    wt_decode_report rep;
    cr_assert_eq(wt_text_decode(&src, page, n, charset, &rep), 0);
    wt_html *h = NULL;
    char err[128];
    cr_assert_eq(wt_html_parse(&h, &src, err, sizeof err), 0, "%s", err);
    wt_text_release(&src);
    return h;
}

static wt_html *parse(const char *page)
{
    return parse_as(page, strlen(page), NULL);
}

/* Block b's text as UTF-8 in buf. */
static const char *block_text(const wt_html *h, size_t b, char *buf, size_t cap)
{
    cr_assert(b < h->nblocks);
    const wt_html_block *k = &h->blocks[b];
    size_t o = 0;
    for (int32_t i = k->start; i < k->end && o + 4 < cap; i++) {
        UBool err = 0;
        U8_APPEND((uint8_t *)buf, o, cap, h->text.u[i], err);
        (void)err;
    }
    buf[o] = '\0';
    return buf;
}

/* The index of the first unit u in h's text, or -1. */
static int32_t unit_of(const wt_html *h, UChar u)
{
    for (int32_t i = 0; i < h->text.len; i++)
        if (h->text.u[i] == u)
            return i;
    return -1;
}

Test(html, plain_text_maps_byte_for_byte)
{
    const char *page = "<html><body><p>Hello world</p></body></html>";
    wt_html *h = parse(page);
    cr_assert_eq(h->nblocks, 1);
    const wt_html_block *k = &h->blocks[0];
    cr_assert_eq(k->end - k->start, 11);
    for (int32_t i = k->start; i < k->end; i++)
        cr_assert_eq((char)h->text.u[i], page[h->text.off[i]]);
    cr_assert_eq(h->text.off[k->start], 15);
    cr_assert_eq(k->raw_end, 26);
    wt_html_free(h);
}

Test(html, reference_maps_to_its_bytes)
{
    const char *page = "<p>a &amp; b</p>";
    wt_html *h = parse(page);
    char buf[64];
    cr_assert_str_eq(block_text(h, 0, buf, sizeof buf), "a & b");
    const int32_t amp = unit_of(h, '&');
    cr_assert_eq(h->text.off[amp], 5);      /* the '&' of "&amp;" */
    cr_assert_eq(h->text.off[amp + 2], 11); /* 'b' */
    wt_html_free(h);
}

Test(html, reference_at_the_start_of_a_run)
{
    /* Regression: the reference lost its bytes to the text after it. */
    const char *page = "<p>abc</p><p>&lt;x y</p><p><b>q</b>&quot;z</p>";
    wt_html *h = parse(page);
    cr_assert_eq(h->nblocks, 3);
    const int32_t lt = unit_of(h, '<');
    cr_assert_eq(h->text.off[lt], 13);
    const int32_t quot = unit_of(h, '"');
    cr_assert_eq(h->text.off[quot], 35);
    wt_html_free(h);
}

Test(html, multibyte_and_numeric_references)
{
    const char *page = "<p>caf\xc3\xa9 &#8217;s</p>";
    wt_html *h = parse(page);
    const int32_t e = unit_of(h, 0xE9);
    cr_assert_eq(h->text.off[e], 6);
    cr_assert_eq(h->text.off[e + 1], 8); /* the space after é */
    const int32_t q = unit_of(h, 0x2019);
    cr_assert_eq(h->text.off[q], 9);
    cr_assert_eq(h->text.off[q + 1], 16);
    wt_html_free(h);
}

Test(html, offsets_into_a_legacy_charset)
{
    const char page[] = "<p>caf\xe9 cr\xe8me</p>";
    wt_html *h = parse_as(page, sizeof page - 1, "windows-1252");
    char buf[64];
    cr_assert_str_eq(block_text(h, 0, buf, sizeof buf),
                     "caf\xc3\xa9 cr\xc3\xa8me");
    cr_assert_eq(h->text.off[unit_of(h, 0xE8)], 10);
    cr_assert_eq(h->blocks[0].raw_end, 13);
    wt_html_free(h);
}

Test(html, blocks_as_a_browser_lays_them_out)
{
    wt_html *h = parse("<div><p>one</p>two<br>three <b>bold</b>"
                       "<ul><li>item</li></ul><h2>head</h2></div>");
    char buf[64];
    cr_assert_eq(h->nblocks, 5);
    cr_assert_str_eq(block_text(h, 0, buf, sizeof buf), "one");
    cr_assert_str_eq(block_text(h, 1, buf, sizeof buf), "two");
    cr_assert_str_eq(block_text(h, 2, buf, sizeof buf), "three bold");
    cr_assert_str_eq(block_text(h, 3, buf, sizeof buf), "item");
    cr_assert(h->blocks[3].flags & WT_HB_LIST);
    cr_assert(h->blocks[4].flags & WT_HB_HEADING);
    wt_html_free(h);
}

Test(html, white_space_folds)
{
    wt_html *h = parse("<p>  a \n\t b&nbsp; c  </p>");
    char buf[64];
    cr_assert_str_eq(block_text(h, 0, buf, sizeof buf), "a b c");
    wt_html_free(h);
}

Test(html, furniture_gives_no_text)
{
    wt_html *h = parse("<body><nav><p>Home News</p></nav>"
                       "<script>var x = '<p>code</p>';</script>"
                       "<style>p { color: red }</style>"
                       "<div hidden><p>hidden</p></div>"
                       "<div style=\"display: none\"><p>none</p></div>"
                       "<div class=\"share-bar\"><p>Share</p></div>"
                       "<p>story</p></body>");
    char buf[64];
    cr_assert_eq(h->nblocks, 1);
    cr_assert_str_eq(block_text(h, 0, buf, sizeof buf), "story");
    wt_html_free(h);
}

Test(html, link_units_counted)
{
    wt_html *h = parse("<p>read <a href=\"/x\">this story</a> now</p>");
    cr_assert_eq(h->blocks[0].link_units, 11); /* and the space before */
    wt_html_free(h);
}

/* Tables nested 1,000 deep: past libxml2's own limit (256), which would
 * stop the parse and lose the text; every level's text is kept. */
Test(html, deep_nesting_keeps_text)
{
    const size_t depth = 1000, cap = depth * 64 + 256;
    char *page = malloc(cap);
    size_t o = (size_t)snprintf(page, cap, "<html><body>");
    for (size_t i = 0; i < depth; i++)
        o += (size_t)snprintf(page + o, cap - o, "<table><tr><td>L%zu ", i);
    o += (size_t)snprintf(page + o, cap - o, "bottom");
    for (size_t i = 0; i < depth; i++)
        o += (size_t)snprintf(page + o, cap - o, "</td></tr></table>");
    snprintf(page + o, cap - o, "<p>after</p></body></html>");
    wt_html *h = parse(page);
    cr_assert_eq(h->stopped_at, 0);
    char *text = malloc((size_t)h->text.len + 1);
    for (int32_t i = 0; i < h->text.len; i++)
        text[i] = (char)h->text.u[i];
    text[h->text.len] = '\0';
    cr_assert_not_null(strstr(text, "L0\n"));
    cr_assert_not_null(strstr(text, "L999"));
    cr_assert_not_null(strstr(text, "bottom"));
    cr_assert_not_null(strstr(text, "after"));
    /* Cells below the cap are still blocks of their own. */
    cr_assert(h->nblocks > depth);
    free(text);
    free(page);
    wt_html_free(h);
}

Test(html, open_elements_bounded)
{
    const size_t n = 6000;
    char *page = malloc(n * 3 + 64);
    size_t o = (size_t)sprintf(page, "<body><p>first</p>");
    for (size_t i = 0; i < n; i++)
        o += (size_t)sprintf(page + o, "<b>");
    sprintf(page + o, "lost");
    wt_html *h = parse(page);
    cr_assert(h->stopped_at > 0 && h->stopped_at < o);
    char buf[64];
    cr_assert_str_eq(block_text(h, 0, buf, sizeof buf), "first");
    free(page);
    wt_html_free(h);
}

Test(html, no_elements_is_an_error)
{
    wt_text src;
    wt_decode_report rep;
    cr_assert_eq(wt_text_decode(&src, "", 0, NULL, &rep), 0);
    wt_html *h = NULL;
    char err[128];
    cr_assert_eq(wt_html_parse(&h, &src, err, sizeof err), WT_EINVAL);
    cr_assert_null(h);
    cr_assert(err[0]);
    wt_text_release(&src);
}

Test(html, names_of_boilerplate)
{
    wt_html *h = parse("<div class=\"share-tools\" id=a><p>x</p></div>"
                       "<div class=\"commentary\"><p>y</p></div>"
                       "<div class=\"article-body\"><p>z</p></div>");
    xmlNodePtr body = xmlDocGetRootElement(h->doc)->children;
    while (body && (!body->name || strcmp((const char *)body->name, "body")))
        body = body->next;
    cr_assert_not_null(body);
    xmlNodePtr share = body->children, comm = share->next, art = comm->next;
    cr_assert_eq(wt_html_boiler_name(share), 1);
    cr_assert_eq(wt_html_boiler_name(comm), 0);
    cr_assert_eq(wt_html_class_weight(art), 1);
    cr_assert_eq(wt_html_class_weight(share), -1);
    wt_html_free(h);
}

/* Regression: white space before the first block of a wrapper made the
 * wrapper the element of the next block, so that comments below an
 * article counted as the article's own text. */
Test(html, block_element_after_white_space)
{
    wt_html *h =
        parse("<div id=w>\n  <div class=c>\n <p>hello</p></div></div>");
    cr_assert_eq(h->nblocks, 1);
    cr_assert_str_eq((const char *)h->blocks[0].elem->name, "p");
    wt_html_free(h);
}
