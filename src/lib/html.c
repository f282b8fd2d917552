/*
 * html.c - libxml2's HTML parser with byte offsets.
 *
 * libxml2 gives nodes line numbers, not byte offsets.  The parser is run
 * with its SAX2 tree builder and one handler wrapped: each characters()
 * call is recorded as a segment (the text node it went to, where in that
 * node, and the input position libxml2 had reached, which is the end of the
 * raw text just read).  A segment whose raw bytes equal its text maps byte
 * for byte; a character reference ("&amp;", "&#8217;") maps whole to the
 * bytes of the reference.  The page is given to libxml2 as UTF-8 made from
 * the decoded text, with a map from each of those bytes to the byte of the
 * page as saved, so every charset ends at offsets into the original file.
 *
 * Elements nested deeper than WT_HTML_DEPTH_MAX are not made (the
 * parser runs with HTML_PARSE_HUGE, so libxml2's own limit of 256, which
 * stops the parse and loses the rest of the page, never applies): their
 * text goes to the element at the cap, a block element among them ending
 * a block with an empty <br>, text in scripts and the like dropped.
 *
 * The tree is walked without recursion (deep nesting cannot overflow the
 * stack); block elements and <br> end a block of text, as a browser lays
 * them out.
 */
#include "html.h"
#include "alloc.h"
#include "tuning.h"
#include "wiretrace.h"

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/* One characters() call: len bytes at k of node's text came from the raw
 * UTF-8 [raw, raw_end); exact when those bytes are the text itself. */
typedef struct segment {
    xmlNodePtr node;
    size_t k, len, raw, raw_end;
    int exact;
} segment;

typedef struct parse_state {
    const char *src8; /* the page as UTF-8 */
    size_t n8;
    segment *segs;
    size_t nsegs, segcap;
    int failed; /* out of memory while recording */
    charactersSAXFunc chars;
    startElementSAXFunc start;
    endElementSAXFunc end;
    size_t flat;     /* open elements below the depth cap, not made */
    size_t muted;    /* of them, the first whose text is never read, + 1 */
    int stopped;     /* at WT_HTML_OPEN_MAX open elements */
    size_t stop_pos; /* there */
} parse_state;

static int is_block_name(const char *name);
static int never_text_name(const char *name);

/* The page as UTF-8 with map[i], the original byte of UTF-8 byte i. */
static int to_utf8(const wt_text *t, char **out, uint32_t **map, size_t *n)
{
    const size_t cap = (size_t)t->len * 3 + 1;
    char *s = wt_malloc(cap);
    uint32_t *m = wt_malloc(cap * sizeof *m);
    if (!s || !m) {
        wt_free(s);
        wt_free(m);
        return WT_ENOMEM;
    }
    size_t o = 0;
    for (int32_t i = 0; i < t->len;) {
        const uint32_t at = t->off[i];
        UChar32 c;
        U16_NEXT(t->u, i, t->len, c);
        if (U_IS_SURROGATE(c))
            c = 0xFFFD;
        const size_t from = o;
        UBool err = 0;
        U8_APPEND((uint8_t *)s, o, cap, c, err);
        (void)err;
        for (size_t j = from; j < o; j++)
            m[j] = at;
    }
    s[o] = '\0';
    m[o] = t->off[t->len];
    *out = s;
    *map = m;
    *n = o;
    return 0;
}

/* Where libxml2's reading has got to in the UTF-8 page. */
static size_t input_pos(const xmlParserCtxtPtr ctxt)
{
    const xmlParserInputPtr in = ctxt->input;
    return (size_t)in->consumed + (size_t)(in->cur - in->base);
}

/* The raw bytes [*raw, end) of text ch[0..len) that ends at end; the
 * text before it was read up to prev. */
static int locate(const parse_state *st, const xmlChar *ch, size_t len,
                  size_t end, size_t prev, size_t *raw)
{
    if (end > st->n8)
        end = st->n8;
    /* libxml2 hands over a full buffer of text before it steps past the
     * last character: the text may end up to 4 bytes after end.  A
     * reference, read up to its ';', is not looked for further on, where
     * the same character may stand as itself ("&lt;x</p>"). */
    const int ref = end > 0 && st->src8[end - 1] == ';';
    for (size_t d = 0; d <= (ref ? 0 : 4) && end + d <= st->n8; d++)
        if (len <= end + d && !memcmp(st->src8 + end + d - len, ch, len)) {
            *raw = end + d - len;
            return 1;
        }
    /* A reference: back to its '&'.  Other text that differs from its
     * bytes (line ends libxml2 normalized) starts after the markup
     * before it, and is aligned when walked. */
    size_t b = end;
    while (b > 0 && end - b < 64 && st->src8[b - 1] != '&' &&
           st->src8[b - 1] != '>')
        b--;
    if (b > 0 && st->src8[b - 1] == '&') {
        *raw = b - 1 < prev ? prev : b - 1;
        return 0;
    }
    b = len < end ? end - len : 0;
    while (b > prev && st->src8[b - 1] != '>')
        b--;
    *raw = b < prev ? prev : b;
    return 0;
}

static void on_chars(void *ctx, const xmlChar *ch, int len)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    if (st->muted)
        return;
    st->chars(ctx, ch, len);
    xmlNodePtr node = ctxt->node ? ctxt->node->last : NULL;
    if (st->failed || !node || node->type != XML_TEXT_NODE || len <= 0)
        return;
    if (wt_grow(&st->segs, &st->segcap, st->nsegs + 1, sizeof *st->segs)) {
        st->failed = 1;
        return;
    }
    const segment *last = st->nsegs ? &st->segs[st->nsegs - 1] : NULL;
    const size_t prev = last ? last->raw_end : 0;
    segment *s = &st->segs[st->nsegs++];
    s->node = node;
    s->k = last && last->node == node ? last->k + last->len : 0;
    s->len = (size_t)len;
    s->raw_end = input_pos(ctxt);
    if (s->raw_end > st->n8)
        s->raw_end = st->n8;
    s->exact = locate(st, ch, s->len, s->raw_end, prev, &s->raw);
    if (s->exact)
        s->raw_end = s->raw + s->len;
    if (!last || last->node != node)
        node->_private = (void *)(uintptr_t)st->nsegs;
}

static void silent(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }

/* Below the depth cap a block element is an empty <br> in the element at
 * the cap, where its text goes. */
static void flat_break(void *ctx, parse_state *st, const xmlChar *name)
{
    if (!st->muted && is_block_name((const char *)name)) {
        st->start(ctx, (const xmlChar *)"br", NULL);
        st->end(ctx, (const xmlChar *)"br");
    }
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    if (ctxt->nameNr > WT_HTML_OPEN_MAX && !st->stopped) {
        st->stopped = 1;
        st->stop_pos = input_pos(ctxt) < st->n8 ? input_pos(ctxt) : st->n8;
        xmlStopParser(ctxt);
    }
    if (!st->flat && ctxt->nodeNr < WT_HTML_DEPTH_MAX) {
        st->start(ctx, name, atts);
        return;
    }
    /* libxml2 ends elements in the reverse order it starts them, so the
     * elements not made are always the innermost open ones. */
    st->flat++;
    flat_break(ctx, st, name);
    if (!st->muted && never_text_name((const char *)name))
        st->muted = st->flat;
}

static void on_end(void *ctx, const xmlChar *name)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    if (!st->flat) {
        st->end(ctx, name);
        return;
    }
    if (st->muted == st->flat)
        st->muted = 0;
    st->flat--;
    flat_break(ctx, st, name);
}

static int run_parser(wt_html *h, parse_state *st, char *err, size_t errlen)
{
    if (!st->n8) {
        snprintf(err, errlen, "empty page");
        return WT_EINVAL;
    }
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(st->src8, (int)st->n8);
    if (!ctxt)
        return WT_ENOMEM;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                 HTML_PARSE_IGNORE_ENC);
    /* HTML_PARSE_HUGE, which libxml2 2.9 names only as XML_PARSE_HUGE and
     * reads from the context: the depth cap is ours (on_start). */
    ctxt->options |= XML_PARSE_HUGE;
    /* The bytes are UTF-8 whatever the page declared: it was decoded
     * first, with its offsets. */
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    ctxt->_private = st;
    st->chars = ctxt->sax->characters;
    st->start = ctxt->sax->startElement;
    st->end = ctxt->sax->endElement;
    ctxt->sax->characters = on_chars;
    ctxt->sax->ignorableWhitespace = on_chars;
    ctxt->sax->startElement = on_start;
    ctxt->sax->endElement = on_end;
    /* libxml2 reports some errors (encoding ones) through its generic
     * handler, which prints; the library never prints.  The handler is
     * per thread, and put back after. */
    xmlGenericErrorFunc printer = xmlGenericError;
    void *printer_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, silent);
    htmlParseDocument(ctxt);
    xmlSetGenericErrorFunc(printer_ctx, printer);
    h->doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    htmlFreeParserCtxt(ctxt);
    if (st->failed)
        return WT_ENOMEM;

    if (!h->doc || !xmlDocGetRootElement(h->doc)) {
        snprintf(err, errlen, "no HTML elements");
        return WT_EINVAL;
    }
    return 0;
}

/* ---- the walk: blocks of visible text ---- */

typedef struct walk {
    wt_html *h;
    const parse_state *st;
    const uint32_t *map;
    size_t ucap, offcap;
    int32_t block_start; /* first unit of the open block */
    int32_t links;       /* units inside links in the open block */
    int in_link;
    int space;              /* a folded space is owed before the next unit */
    uint32_t space_off;     /* the byte it stands for */
    uint32_t raw_end;       /* byte after the last unit written */
    xmlNodePtr text_parent; /* where the block's first text was */
} walk;

static int is_name_of(const char *name, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcasecmp(name, names[i]))
            return 1;
    return 0;
}

static int is_block_name(const char *name)
{
    static const char *const names[] = {
        "address", "article", "aside",    "blockquote", "body",
        "caption", "center",  "dd",       "details",    "div",
        "dl",      "dt",      "fieldset", "figcaption", "figure",
        "footer",  "form",    "h1",       "h2",         "h3",
        "h4",      "h5",      "h6",       "header",     "hgroup",
        "hr",      "html",    "li",       "main",       "menu",
        "nav",     "ol",      "p",        "pre",        "section",
        "summary", "table",   "tbody",    "td",         "tfoot",
        "th",      "thead",   "tr",       "ul",         "title",
        "dialog",  "legend",  "noscript",
    };
    return is_name_of(name, names, sizeof names / sizeof *names);
}

static int is_block(xmlNodePtr e)
{
    return is_block_name((const char *)e->name);
}

xmlNodePtr wt_html_next(xmlNodePtr n, xmlNodePtr root)
{
    if (n->children && n->type == XML_ELEMENT_NODE)
        return n->children;
    while (n && n != root && !n->next)
        n = n->parent;
    return !n || n == root ? NULL : n->next;
}

const char *wt_html_attr(xmlNodePtr e, const char *name, char *buf, size_t cap)
{
    xmlAttrPtr a = xmlHasProp(e, (const xmlChar *)name);
    if (!a || !cap)
        return NULL;
    size_t o = 0;
    for (xmlNodePtr c = a->children; c; c = c->next)
        for (const xmlChar *p = c->content; p && *p && o + 1 < cap; p++)
            buf[o++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    buf[o] = '\0';
    return buf;
}

static int hidden(xmlNodePtr e)
{
    char v[256];
    if (xmlHasProp(e, (const xmlChar *)"hidden"))
        return 1;
    const char *a = wt_html_attr(e, "aria-hidden", v, sizeof v);
    if (a && !strcmp(a, "true"))
        return 1;
    if (!wt_html_attr(e, "style", v, sizeof v))
        return 0;
    size_t o = 0;
    for (size_t i = 0; v[i]; i++)
        if (v[i] != ' ')
            v[o++] = v[i];
    v[o] = '\0';
    return strstr(v, "display:none") || strstr(v, "visibility:hidden");
}

/* Roles of page furniture (WAI-ARIA landmarks that are not the main
 * text). */
static int furniture_role(xmlNodePtr e)
{
    static const char *const roles[] = {
        "navigation",  "banner",  "contentinfo", "complementary",
        "search",      "menu",    "menubar",     "dialog",
        "alertdialog", "toolbar", "form"};
    char v[64];
    if (!wt_html_attr(e, "role", v, sizeof v))
        return 0;
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
        if (!strcmp(v, roles[i]))
            return 1;
    return 0;
}

/* Is e marked as the article's body (schema.org microdata)? */
static int marks_body(xmlNodePtr e)
{
    char v[64];
    const char *p = wt_html_attr(e, "itemprop", v, sizeof v);
    return p && !strcmp(p, "articlebody");
}

/* Does e wrap the article: an <article>, the element marked as its body
 * or several paragraphs below it, or is it that element itself?
 * Names and forms that say furniture are not believed then: a form
 * wrapping the page (ASP.NET), a wrapper named "page-ad-margins". */
static int wraps_article(xmlNodePtr e)
{
    int paras = 0;
    if (marks_body(e))
        return 1;
    for (xmlNodePtr n = e->children; n; n = wt_html_next(n, e)) {
        if (n->type == XML_ELEMENT_NODE &&
            (!strcasecmp((const char *)n->name, "article") ||
             (!strcasecmp((const char *)n->name, "p") && ++paras >= 3) ||
             marks_body(n)))
            return 1;
    }
    return 0;
}

static int furniture_form(xmlNodePtr e)
{
    return !strcasecmp((const char *)e->name, "form") && !wraps_article(e);
}

/* Elements whose content is never article text, by name. */
static int never_text_name(const char *name)
{
    static const char *const names[] = {
        "script", "style",  "noscript", "template", "iframe", "svg",
        "math",   "canvas", "object",   "embed",    "video",  "audio",
        "head",   "select", "textarea", "button",   "input",  "option",
        "nav",    "map",    "datalist", "label",    "dialog", "menu",
    };
    return is_name_of(name, names, sizeof names / sizeof *names);
}

/* Elements whose content is never article text. */
static int never_text(xmlNodePtr e)
{
    return never_text_name((const char *)e->name) || hidden(e) ||
           furniture_form(e) ||
           ((furniture_role(e) || wt_html_boiler_name(e)) && !wraps_article(e));
}

static int put_unit(walk *w, UChar u, uint32_t off)
{
    wt_text *t = &w->h->text;
    const size_t need = (size_t)t->len + 2; /* and the closing entry */
    if (wt_grow(&t->u, &w->ucap, need, sizeof *t->u) ||
        wt_grow(&t->off, &w->offcap, need, sizeof *t->off))
        return WT_ENOMEM;
    t->u[t->len] = u;
    t->off[t->len++] = off;
    return 0;
}

/* Appends code point c, read from the page's bytes [off, end).  White
 * space folds to one space, written only before the next character, so a
 * block neither starts nor ends with one. */
static int put_char(walk *w, UChar32 c, uint32_t off, uint32_t end)
{
    wt_text *t = &w->h->text;
    if (u_isUWhiteSpace(c) || c == 0xFEFF) {
        if (!w->space && t->len > w->block_start) {
            w->space = 1;
            w->space_off = off;
        }
        return 0;
    }
    if (c == 0x00AD || c == 0x200B) /* soft hyphen, zero width space */
        return 0;
    int rc = 0;
    if (w->space) {
        rc = put_unit(w, ' ', w->space_off);
        w->links += w->in_link > 0;
        w->space = 0;
    }
    const int32_t before = t->len;
    if (!rc && U_IS_BMP(c))
        rc = put_unit(w, (UChar)c, off);
    else if (!rc)
        rc = put_unit(w, U16_LEAD(c), off) || put_unit(w, U16_TRAIL(c), off)
                 ? WT_ENOMEM
                 : 0;
    if (w->in_link)
        w->links += t->len - before;
    w->raw_end = end;
    return rc;
}

/* The raw bytes of one character of a segment: exact segments map byte
 * for byte, a reference maps whole, other text is aligned from *p on. */
static void raw_of(const walk *w, const segment *g, const xmlChar *s, size_t at,
                   size_t n, size_t *p, size_t *raw, size_t *end)
{
    const char *src = w->st->src8;
    if (g->exact) {
        *raw = g->raw + (at - g->k);
        *end = *raw + n;
    } else if (src[g->raw] == '&') {
        *raw = g->raw;
        *end = g->raw_end;
    } else {
        for (; *p + n <= g->raw_end && memcmp(src + *p, s + at, n); (*p)++) {
            /* A character reference libxml2 decoded inside the text. */
            const size_t left = g->raw_end - *p < 12 ? g->raw_end - *p : 12;
            const char *semi = memchr(src + *p, ';', left);
            if (src[*p] == '&' && s[at] != '&' && semi) {
                *raw = *p;
                *p = *end = (size_t)(semi + 1 - src);
                return;
            }
        }
        if (*p + n > g->raw_end)
            *p = g->raw_end - (g->raw_end > g->raw);
        *raw = *p;
        *end = *p + n <= g->raw_end ? *p + n : g->raw_end;
        *p = *end;
    }
}

static int put_text(walk *w, xmlNodePtr n)
{
    size_t si = (size_t)(uintptr_t)n->_private;
    if (!si || !n->content)
        return 0;
    if (w->h->text.len == w->block_start && !w->text_parent)
        w->text_parent = n->parent;
    const xmlChar *s = n->content;
    const size_t len = strlen((const char *)s);
    const parse_state *st = w->st;
    int rc = 0;
    for (si--; si < st->nsegs && st->segs[si].node == n && !rc; si++) {
        const segment *g = &st->segs[si];
        const int32_t e = (int32_t)(g->k + g->len < len ? g->k + g->len : len);
        size_t p = g->raw;
        for (int32_t j = (int32_t)g->k; j < e && !rc;) {
            const int32_t at = j;
            UChar32 c;
            U8_NEXT(s, j, e, c);
            size_t raw, end;
            raw_of(w, g, s, (size_t)at, (size_t)(j - at), &p, &raw, &end);
            rc = put_char(w, c < 0 ? 0xFFFD : c, w->map[raw], w->map[end]);
        }
    }
    return rc;
}

static int has_name(xmlNodePtr e, const char *name)
{
    return e && e->type == XML_ELEMENT_NODE &&
           !strcasecmp((const char *)e->name, name);
}

static unsigned block_flags(xmlNodePtr e)
{
    const char *n = (const char *)e->name;
    unsigned f = 0;
    if ((n[0] == 'h' || n[0] == 'H') && n[1] >= '1' && n[1] <= '6' && !n[2])
        f |= WT_HB_HEADING;
    f |= has_name(e, "p") ? WT_HB_PARA : 0;
    f |= has_name(e, "td") || has_name(e, "th") ? WT_HB_CELL : 0;
    for (int up = 0; e && up < 3; up++, e = e->parent) {
        if (has_name(e, "li") || has_name(e, "dd") || has_name(e, "dt"))
            f |= WT_HB_LIST;
        if (has_name(e, "figcaption") || has_name(e, "caption") ||
            has_name(e, "figure"))
            f |= WT_HB_CAPTION;
        if (has_name(e, "blockquote"))
            f |= WT_HB_QUOTE;
    }
    return f;
}

/* Closes the open block, if it holds text, with a blank line whose
 * offsets are the byte after its last character. */
static int end_block(walk *w)
{
    wt_html *h = w->h;
    w->space = 0;
    if (h->text.len == w->block_start) {
        /* White space alone made no block: the next text names its own
         * element. */
        w->text_parent = NULL;
        w->links = 0;
        return 0;
    }
    if (wt_grow(&h->blocks, &h->blockcap, h->nblocks + 1, sizeof *h->blocks))
        return WT_ENOMEM;
    xmlNodePtr e = w->text_parent;
    while (e && e->parent && e->parent->type == XML_ELEMENT_NODE &&
           !is_block(e))
        e = e->parent;
    h->blocks[h->nblocks++] =
        (wt_html_block){w->block_start, h->text.len, w->links,
                        w->raw_end,     e,           e ? block_flags(e) : 0};
    int rc = put_unit(w, '\n', w->raw_end);
    if (!rc)
        rc = put_unit(w, '\n', w->raw_end);
    w->block_start = h->text.len;
    w->links = 0;
    w->text_parent = NULL;
    return rc;
}

/* Starts element e; *descend says whether its children are read. */
static int enter(walk *w, xmlNodePtr e, int *descend)
{
    int rc = 0;
    *descend = 0;
    if (is_block(e) || has_name(e, "br"))
        rc = end_block(w);
    if (rc || has_name(e, "br") || never_text(e))
        return rc;
    if (has_name(e, "a") && xmlHasProp(e, (const xmlChar *)"href"))
        w->in_link++;
    *descend = 1;
    return 0;
}

static int leave(walk *w, xmlNodePtr e)
{
    if (has_name(e, "a") && xmlHasProp(e, (const xmlChar *)"href"))
        w->in_link--;
    return is_block(e) ? end_block(w) : 0;
}

static int walk_tree(walk *w, xmlNodePtr root)
{
    xmlNodePtr n = root;
    int rc = 0;
    while (n && !rc) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE)
            rc = enter(w, n, &descend);
        else if (n->type == XML_TEXT_NODE)
            rc = put_text(w, n);
        if (!rc && descend && n->children) {
            n = n->children;
            continue;
        }
        if (!rc && descend)
            rc = leave(w, n);
        while (!rc && n != root && !n->next) {
            n = n->parent;
            rc = leave(w, n);
        }
        n = n == root ? NULL : n->next;
    }
    return rc ? rc : end_block(w);
}

static int finish_text(wt_html *h, walk *w, const wt_text *src)
{
    int rc = put_unit(w, 0, 0); /* room for the closing entry */
    if (rc)
        return rc;
    h->text.len--;
    h->text.u[h->text.len] = 0;
    h->text.off[h->text.len] = src->off[src->len];
    return 0;
}

int wt_html_parse(wt_html **out, const wt_text *src, char *err, size_t errlen)
{
    *out = NULL;
    if (errlen)
        err[0] = '\0';
    parse_state st = {0};
    uint32_t *map = NULL;
    char *src8 = NULL;
    wt_html *h = wt_calloc(1, sizeof *h);
    int rc = h ? to_utf8(src, &src8, &map, &st.n8) : WT_ENOMEM;
    if (rc)
        goto out;
    st.src8 = src8;
    if (st.n8 > INT32_MAX / 2) {
        rc = WT_EINVAL;
        snprintf(err, errlen, "too large for the HTML parser");
        goto out;
    }
    rc = run_parser(h, &st, err, errlen);
    if (st.stopped)
        h->stopped_at = map[st.stop_pos];
    walk w = {.h = h, .st = &st, .map = map};
    if (!rc)
        rc = walk_tree(&w, xmlDocGetRootElement(h->doc));
    if (!rc)
        rc = finish_text(h, &w, src);
out:
    wt_free(st.segs);
    wt_free(map);
    wt_free(src8);
    if (rc)
        wt_html_free(h);
    else
        *out = h;
    return rc;
}

void wt_html_free(wt_html *h)
{
    if (!h)
        return;
    if (h->doc)
        xmlFreeDoc(h->doc);
    wt_text_release(&h->text);
    wt_free(h->blocks);
    wt_free(h);
}

#define COUNT(a) (sizeof a / sizeof *a)

/* Is t[0, n) one of whole[] or does it start with one of prefix[]? */
static int token_in(const char *t, size_t n, const char *const *whole,
                    size_t nwhole, const char *const *prefix, size_t nprefix)
{
    for (size_t i = 0; i < nwhole; i++)
        if (strlen(whole[i]) == n && !strncmp(t, whole[i], n))
            return 1;
    for (size_t i = 0; i < nprefix; i++) {
        const size_t k = strlen(prefix[i]);
        if (k <= n && !strncmp(t, prefix[i], k))
            return 1;
    }
    return 0;
}

/* Does one class or id token name boilerplate?  Parts split at '-' and
 * '_' are compared whole or by prefix, so "share-bar" and "sharebar"
 * match and "commentary" does not. */
static int boiler_token(const char *t, size_t n)
{
    static const char *const whole[] = {
        "ad",      "ads",        "adv",      "nav",      "navbar",
        "menu",    "comment",    "comments", "tags",     "masthead",
        "toolbar", "pagination", "pager",    "trending", "mostread",
        "popular", "breaking",   "rail",     "signin",   "login",
        "print",   "skip",       "hidden",   "sr",       "visually"};
    static const char *const prefix[] = {
        "share",      "social",    "cookie",  "consent", "gdpr",
        "newsletter", "outbrain",  "taboola", "sidebar", "breadcrumb",
        "related",    "recommend", "subscri", "promo",   "sponsor",
        "advert",     "disqus",    "popup",   "footer",  "widget",
        "navigation", "paywall",   "modal",   "banner",  "signup",
        "readmore",   "moreon",    "morefrom"};
    return token_in(t, n, whole, COUNT(whole), prefix, COUNT(prefix));
}

/* The names of what is never article text even when it holds paragraphs
 * (comments, related stories, share bars, advertising, captions and
 * galleries): mostly a subset of
 * boiler_token's, without those that also name wrappers of the text
 * ("paywall", "hidden", "pagination", "footer", "widget"). */
static int furniture_token(const char *t, size_t n)
{
    static const char *const whole[] = {"ad",       "ads",      "comment",
                                        "comments", "trending", "mostread",
                                        "popular",  "tags"};
    static const char *const prefix[] = {
        "share",       "newsletter", "outbrain", "taboola",      "related",
        "recommend",   "promo",      "sponsor",  "advert",       "disqus",
        "readmore",    "moreon",     "morefrom", "breadcrumb",   "signup",
        "commentlist", "sidebar",    "caption",  "imagecaption", "photocaption",
        "mediacaption"};
    return token_in(t, n, whole, COUNT(whole), prefix, COUNT(prefix));
}

/* Calls is_token on every part of the class and id of e. */
static int names_match(xmlNodePtr e, const char *attr,
                       int (*is_token)(const char *, size_t))
{
    char v[512];
    const char *s = wt_html_attr(e, attr, v, sizeof v);
    while (s && *s) {
        const size_t n = strcspn(s, " \t\n-_");
        if (n && is_token(s, n))
            return 1;
        s += n;
        s += *s != '\0';
    }
    return 0;
}

static int names_boiler(xmlNodePtr e, const char *attr)
{
    return names_match(e, attr, boiler_token);
}

int wt_html_furniture_name(xmlNodePtr e)
{
    /* A <figure> is not believed: libxml2's parser, which knows HTML 4,
     * lets one that is not closed hold the paragraphs after it. */
    if (has_name(e, "body") || has_name(e, "html") || has_name(e, "article") ||
        has_name(e, "main") || has_name(e, "figure"))
        return 0;
    return names_match(e, "class", furniture_token) ||
           names_match(e, "id", furniture_token);
}

int wt_html_boiler_name(xmlNodePtr e)
{
    if (has_name(e, "body") || has_name(e, "html") || has_name(e, "article") ||
        has_name(e, "main"))
        return 0;
    /* A name that also says article text, and nothing readability counts
     * against it ("article-content-breaking-news"), is the article's. */
    return (names_boiler(e, "class") || names_boiler(e, "id")) &&
           wt_html_class_weight(e) <= 0;
}

int wt_html_class_weight(xmlNodePtr e)
{
    static const char *const good[] = {"article", "body", "content", "entry",
                                       "hentry",  "main", "page",    "post",
                                       "text",    "blog", "story",   "prose"};
    static const char *const bad[] = {
        "banner",     "combx",    "comment",  "com-",  "contact",  "foot",
        "footer",     "footnote", "masthead", "media", "meta",     "outbrain",
        "promo",      "related",  "scroll",   "share", "shoutbox", "sidebar",
        "skyscraper", "sponsor",  "shopping", "tags",  "tool",     "widget",
        "byline",     "author",   "caption",  "credit"};
    char c[512], i[256];
    const char *cl = wt_html_attr(e, "class", c, sizeof c);
    const char *id = wt_html_attr(e, "id", i, sizeof i);
    int w = 0;
    for (int k = 0; k < 2; k++) {
        const char *s = k ? id : cl;
        if (!s)
            continue;
        for (size_t j = 0; j < sizeof bad / sizeof *bad; j++)
            if (strstr(s, bad[j])) {
                w--;
                break;
            }
        for (size_t j = 0; j < sizeof good / sizeof *good; j++)
            if (strstr(s, good[j])) {
                w++;
                break;
            }
    }
    return w;
}
