/*
 * fuzz_html.c - the HTML report of a compare, written from hostile text.
 * The input is split at record separator bytes (0x1E) into up to three
 * documents; the first line of each (up to 60 bytes) is also its id, so
 * that ids reach the page as well as text.  Checks that nothing from an
 * input became markup: every tag is one the writer itself emits, no event
 * handler attribute appears, there is exactly one script (the page's own,
 * with the nonce of the policy); and that a second run writes the same
 * page apart from the nonce.
 */
#define _DEFAULT_SOURCE
#include "fuzz_common.h"
#include "report.h"

#include <ctype.h>
#include <strings.h>

static const char *const tags[] = {
    "a",       "b",       "body",    "br",      "div",   "h1",    "h2",
    "head",    "html",    "li",      "line",    "mark",  "meta",  "p",
    "polygon", "rect",    "script",  "section", "small", "span",  "style",
    "svg",     "table",   "td",      "text",    "th",    "title", "tr",
    "ul",      "time",    "g",       "circle",  "path",  "defs",  "marker",
    "tspan",   "details", "summary",
};

static int known_tag(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        if (strlen(tags[i]) == n && !strncmp(tags[i], s, n))
            return 1;
    return 0;
}

/* The attributes of the tag whose name ends at html[k]: none may be an
 * event handler (on...), and quoted values are skipped whole, so text in
 * a value cannot close the tag.  Returns the index after the '>'. */
static size_t check_attributes(const char *html, size_t n, size_t k)
{
    while (k < n && html[k] != '>') {
        if (isspace((unsigned char)html[k]) || html[k] == '/') {
            k++;
            continue;
        }
        const size_t name = k;
        while (k < n && (isalnum((unsigned char)html[k]) || html[k] == '-' ||
                         html[k] == ':'))
            k++;
        FUZZ_CHECK(k > name); /* an attribute name, nothing else */
        FUZZ_CHECK(!(k - name > 2 && !strncasecmp(html + name, "on", 2)));
        if (k < n && html[k] == '=') {
            FUZZ_CHECK(k + 1 < n && html[k + 1] == '"');
            const char *close = memchr(html + k + 2, '"', n - k - 2);
            FUZZ_CHECK(close != NULL);
            k = (size_t)(close - html) + 1;
        }
    }
    return k;
}

/* Every '<' opens a tag the writer emits (or the doctype), with no event
 * handler attribute; there is one script.  Inside <style> and <script>
 * (the writer's own) the text is not markup. */
static void check_markup(const char *html, size_t n)
{
    size_t scripts = 0;
    for (size_t i = 0; i < n; i++) {
        if (html[i] != '<')
            continue;
        size_t k = i + 1 + (i + 1 < n && html[i + 1] == '/');
        if (!strncmp(html + k, "!DOCTYPE html>", 14))
            continue;
        const size_t from = k;
        while (k < n && isalnum((unsigned char)html[k]))
            k++;
        FUZZ_CHECK(known_tag(html + from, k - from));
        const int opens = html[i + 1] != '/';
        i = check_attributes(html, n, k);
        if (!opens)
            continue;
        const char *raw = NULL;
        if (k - from == 6 && !strncmp(html + from, "script", 6))
            scripts++, raw = "</script>";
        else if (k - from == 5 && !strncmp(html + from, "style", 5))
            raw = "</style>";
        if (raw) {
            const char *end = strstr(html + i, raw);
            FUZZ_CHECK(end != NULL);
            i = (size_t)(end - html) - 1;
        }
    }
    FUZZ_CHECK(scripts == 1);
}

/* The page with the nonce's hex digits blanked. */
static void blank_nonce(char *html, size_t n)
{
    for (char *p = html; (p = strstr(p, "nonce")) != NULL; p += 5) {
        char *q = p + 5;
        while (*q == '-' || *q == '=' || *q == '"' || *q == '\'')
            q++;
        for (; q < html + n && isxdigit((unsigned char)*q); q++)
            *q = '0';
    }
}

static void one_run(const uint8_t *data, size_t size, fuzz_rec *r)
{
    wt_corpus *c = NULL;
    FUZZ_CHECK(wt_corpus_new(&c, NULL) == 0);
    size_t at = 0;
    for (int d = 0; d < 3 && at <= size; d++) {
        const uint8_t *sep = memchr(data + at, 0x1E, size - at);
        const size_t end = sep && d < 2 ? (size_t)(sep - data) : size;
        char id[64];
        size_t k = 0;
        while (at + k < end && k < 60 && data[at + k] != '\n')
            k++;
        snprintf(id, sizeof id, "%d%.*s", d, (int)k, data + at);
        wt_corpus_add_buffer(c, id, id, data + at, end - at);
        at = end + 1;
    }
    FUZZ_CHECK(wt_corpus_analyze(c) == 0);
    char *html = NULL;
    size_t n = 0;
    FILE *mem = open_memstream(&html, &n);
    FUZZ_CHECK(mem != NULL);
    cli_settings s;
    memset(&s, 0, sizeof s);
    FUZZ_CHECK(report_html(c, &s, mem) == 0);
    FUZZ_CHECK(fclose(mem) == 0);
    check_markup(html, n);
    blank_nonce(html, n);
    rec_bytes(r, html, n);
    free(html);
    wt_corpus_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    run_twice(one_run, data, size);
    return 0;
}
