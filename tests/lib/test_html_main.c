/* Tests of html_main.c: which blocks of a page are its article. */
#include "helpers.h"
#include "html_main.h"

typedef struct picked {
    wt_html *h;
    unsigned char keep[256];
    wt_main_how how;
} picked;

/* The article of a UTF-8 page, with body as its JSON-LD articleBody. */
static void pick(const char *page, const char *body, picked *p)
{
    wt_text src;
    wt_decode_report rep;
    cr_assert_eq(wt_text_decode(&src, page, strlen(page), NULL, &rep), 0);
    char err[128];
    cr_assert_eq(wt_html_parse(&p->h, &src, err, sizeof err), 0, "%s", err);
    cr_assert(p->h->nblocks < sizeof p->keep);
    cr_assert_eq(wt_html_main(p->h, body, NULL, p->keep, &p->how), 0);
    wt_text_release(&src);
}

/* Is the block holding word kept?  Fails when no block holds it. */
static int kept(const picked *p, const char *word)
{
    const size_t n = strlen(word);
    for (size_t b = 0; b < p->h->nblocks; b++) {
        const wt_html_block *k = &p->h->blocks[b];
        for (int32_t i = k->start; i + (int32_t)n <= k->end; i++) {
            size_t j = 0;
            while (j < n && p->h->text.u[i + (int32_t)j] == (UChar)word[j])
                j++;
            if (j == n)
                return p->keep[b];
        }
    }
    cr_assert_fail("no block holds \"%s\"", word);
    return 0;
}

#define PARA(w)                                                                \
    "<p>" w " The council voted on Tuesday to close the harbour for "          \
    "repairs, officials said, after a storm damaged the main pier, and two "   \
    "fishing boats sank at their moorings overnight.</p>"

static const char *const page =
    "<html><body><header><a href=/>Home</a> <a href=/n>News</a></header>"
    "<div class=list><ul><li><a href=/1>Other story one</a></li>"
    "<li><a href=/2>Other story two</a></li></ul></div>"
    "<div class=article-body><h1>Harbour closed</h1>" PARA("Alpha")
        PARA("Bravo") PARA("Charlie")
            PARA("Delta") "<p><a href=/a>Read</a> <a href=/b>more</a> <a "
                          "href=/c>stories</a></p>"
                          "</div><footer><p>Copyright 2026 Coastal "
                          "Daily</p></footer></body></html>";

Test(html_main, scored_container)
{
    picked p;
    pick(page, NULL, &p);
    cr_assert_eq(p.how, WT_MAIN_SCORED);
    cr_assert(kept(&p, "Alpha") && kept(&p, "Delta"));
    cr_assert(!kept(&p, "Other story one"));
    cr_assert(!kept(&p, "Harbour closed")); /* the headline is metadata */
    cr_assert(!kept(&p, "stories"));        /* a link list */
    cr_assert(!kept(&p, "Copyright"));
    wt_html_free(p.h);
}

Test(html_main, json_ld_body)
{
    picked p;
    pick(page,
         "Bravo The council voted on Tuesday to close the harbour for "
         "repairs, officials said, after a storm damaged the main pier, and "
         "two fishing boats sank at their moorings overnight. Charlie The "
         "council voted on Tuesday to close the harbour for repairs, "
         "officials said, after a storm damaged the main pier, and two "
         "fishing boats sank at their moorings overnight.",
         &p);
    cr_assert_eq(p.how, WT_MAIN_JSONLD);
    cr_assert(kept(&p, "Bravo") && kept(&p, "Charlie"));
    cr_assert(!kept(&p, "Other story one"));
    wt_html_free(p.h);
}

Test(html_main, json_ld_body_that_is_not_the_page)
{
    picked p;
    pick(page,
         "Something else entirely is written in this body, which no block "
         "of the visible page repeats: a paywalled summary, say, of twenty "
         "words or more about another matter.",
         &p);
    cr_assert_eq(p.how, WT_MAIN_SCORED);
    cr_assert(kept(&p, "Alpha"));
    wt_html_free(p.h);
}

Test(html_main, few_words_kept_whole)
{
    picked p;
    pick("<html><body><p>Harbour closed for rep", NULL, &p);
    cr_assert_eq(p.how, WT_MAIN_ALL);
    cr_assert(kept(&p, "Harbour closed"));
    wt_html_free(p.h);
}

Test(html_main, only_links_is_nothing)
{
    picked p;
    pick("<body><p><a href=/a>Home</a></p><p><a href=/b>News</a></p></body>",
         NULL, &p);
    cr_assert_eq(p.how, WT_MAIN_NONE);
    for (size_t b = 0; b < p.h->nblocks; b++)
        cr_assert_eq(p.keep[b], 0);
    wt_html_free(p.h);
}

Test(html_main, microdata_body_is_never_furniture)
{
    /* Text straight in the element marked as the body, inside a wrapper
     * whose name says boilerplate ("breaking"). */
    picked p;
    pick("<html><body><div class=breaking-news><div class=x "
         "itemprop=\"articleBody\">The council voted on Tuesday to close "
         "the harbour for repairs, officials said, after a storm damaged "
         "the main pier, and two fishing boats sank at their moorings "
         "overnight, leaving the fleet without a berth for the winter and "
         "the town without its catch.</div></div>"
         "<div class=nav><a href=/>Home</a></div></body></html>",
         NULL, &p);
    cr_assert(p.how == WT_MAIN_SCORED || p.how == WT_MAIN_MICRODATA);
    cr_assert(kept(&p, "The council voted"));
    wt_html_free(p.h);
}
