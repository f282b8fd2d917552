/*
 * report_html.c - one self-contained HTML page for people.
 *
 * On top a provenance graph drawn here as inline SVG (documents as nodes,
 * arrows from origin to reuser, as thick as the share reused), then a
 * table per document (paragraphs reused, from whom, credited or not), then
 * every document pair with reuse side by side: paragraphs aligned, shared
 * spans highlighted in the colour of their class; pointing at a span lights
 * its counterpart, clicking it scrolls there.
 *
 * Safety: every string that comes from an input (text, ids, outlets) goes
 * through html_put().  A Content-Security-Policy with a fresh nonce lets
 * only the page's own script run, so even a slip in escaping could not run
 * a script or an event handler from an article.  Nothing is loaded from
 * the network: the policy forbids it and the page refers to nothing.
 */
#define _DEFAULT_SOURCE
#include "report.h"
#include "summary.h"
#include "slice.h"

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#define MAX_NODES 40  /* graph: the documents with the most reuse */
#define MAX_PAIRS 200 /* side-by-side sections */

/* Class colours: background of a highlighted span, and a stronger tone for
 * borders, arrows and the legend.  Order of wt_class. */
static const char *const class_bg[] = {"#ffd5d5", "#ffe7b8", "#d7e8ff",
                                       "#dff3d6", "#e8e0f4"};
static const char *const class_fg[] = {"#c0392b", "#d68910", "#2e6fbd",
                                       "#3c8d2f", "#7d5ba6"};
_Static_assert(sizeof class_bg / sizeof *class_bg == WT_CLASS_COUNT &&
                   sizeof class_fg / sizeof *class_fg == WT_CLASS_COUNT,
               "a colour for every class");

static const char *cls_bg(wt_class c)
{
    assert((unsigned)c < WT_CLASS_COUNT);
    return class_bg[c];
}
static const char *cls_fg(wt_class c)
{
    assert((unsigned)c < WT_CLASS_COUNT);
    return class_fg[c];
}

/* Escaped text of d in [s, e). */
static void put_slice(FILE *out, const wt_document *d, size_t s, size_t e)
{
    char *t = text_slice(d, s, e);
    html_put(out, t);
    free(t);
}

static const char *doc_id(const wt_corpus *c, size_t i)
{
    return wt_document_id(wt_corpus_document(c, i));
}

static void put_time(FILE *out, int64_t t)
{
    if (!t) {
        fputs("time unknown", out);
        return;
    }
    const time_t tt = (time_t)t;
    struct tm tm;
    char buf[32];
    if (gmtime_r(&tt, &tm) && strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm))
        fprintf(out, "%s UTC", buf);
}

/* ---- figures per document pair ---------------------------------------- */

typedef struct pair_info {
    size_t a, b; /* document indexes, a < b */
    double share_a, share_b, sim;
    int known;       /* the library knows which side is the origin */
    size_t from, to; /* the origin and the reuser; a and b when unknown */
    wt_class cls;    /* the most frequent class of the links */
    size_t links;
    double shared;                   /* words inside shared spans, a's side */
    size_t by_class[WT_CLASS_COUNT]; /* links per class */
} pair_info;

/* Which side is the origin: a fact of the library, never derived here. */
static void pair_sides(const wt_corpus *c, pair_info *pi)
{
    const wt_origin o = wt_corpus_pair_origin(c, pi->a, pi->b);
    pi->known = o != WT_ORIGIN_UNKNOWN;
    pi->from = o == WT_ORIGIN_OTHER ? pi->b : pi->a;
    pi->to = o == WT_ORIGIN_OTHER ? pi->a : pi->b;
}

/* Links between a and b as a's paragraphs hold them: their count, the
 * words they share and the most frequent class. */
static void pair_links(const wt_corpus *c, pair_info *pi)
{
    const wt_document *d = wt_corpus_document(c, pi->a);
    for (size_t p = 0; p < wt_document_paragraph_count(d); p++) {
        const wt_paragraph *pa = wt_document_paragraph(d, p);
        for (size_t s = 0; s < pa->source_count; s++) {
            const wt_source *src = &pa->sources[s];
            if (src->document != pi->b || src->cls == WT_CLASS_DUPLICATE)
                continue;
            assert((unsigned)src->cls < WT_CLASS_COUNT);
            pi->links++;
            pi->shared += src->coverage * (double)pa->word_count;
            pi->by_class[src->cls]++;
        }
    }
    pi->cls = WT_CLASS_VERBATIM;
    for (unsigned k = 0; k < WT_CLASS_COUNT; k++)
        if (pi->by_class[k] > pi->by_class[pi->cls])
            pi->cls = (wt_class)k;
}

static int cmp_pair_weight(const void *x, const void *y)
{
    const pair_info *a = x, *b = y;
    const double wa = a->share_a + a->share_b, wb = b->share_a + b->share_b;
    if (a->shared != b->shared)
        return a->shared < b->shared ? 1 : -1;
    if (a->links != b->links)
        return a->links < b->links ? 1 : -1;
    if (wa != wb)
        return wa < wb ? 1 : -1;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return (a->b > b->b) - (a->b < b->b);
}

/* Every pair with reuse either way, most reuse first: most words in
 * shared spans (a verbatim copy before many loose rewrites), then most
 * links, then the larger summed share. */
static pair_info *collect_pairs(const wt_corpus *c, size_t *n)
{
    const size_t np = wt_corpus_pair_count(c);
    pair_info *v = malloc((np + 1) * sizeof *v);
    *n = 0;
    for (size_t i = 0; v && i < np; i++) {
        pair_info pi = {0};
        if (wt_corpus_pair_at(c, i, &pi.a, &pi.b))
            continue;
        if (wt_corpus_pair(c, pi.a, pi.b, &pi.share_a, &pi.share_b, &pi.sim)) {
            free(v); /* out of memory for a signature */
            return NULL;
        }
        pair_links(c, &pi);
        pair_sides(c, &pi);
        if (pi.links)
            v[(*n)++] = pi;
    }
    if (v && *n > 1)
        qsort(v, *n, sizeof *v, cmp_pair_weight);
    return v;
}

/* ---- the page around it ----------------------------------------------- */

static const char css[] =
    "body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1400px;"
    "padding:0 1.2em 3em;color:#222;background:#fafafa;"
    "overflow-wrap:anywhere}"
    "h1{margin:.6em 0 .1em}h2{margin:1.6em 0 .4em;font-size:1.25em}"
    ".sub{color:#555;margin:.2em 0 .8em}"
    ".legend span{display:inline-block;padding:0 .5em;margin-right:.6em;"
    "border-radius:3px}"
    "table.docs{border-collapse:collapse;background:#fff;width:100%}"
    "table.docs th,table.docs td{border:1px solid #ddd;padding:.3em .5em;"
    "vertical-align:top;text-align:left;overflow-wrap:anywhere}"
    "table.docs th{background:#f0f0f0}"
    ".ok{color:#3c8d2f}.no{color:#c0392b;font-weight:600}"
    "svg.graph{background:#fff;border:1px solid #ddd;max-width:100%;"
    "height:auto}"
    "svg text{font:12px system-ui,sans-serif}svg text.id{font-weight:600}"
    "section.pair summary{cursor:pointer}"
    "section.pair summary h2{display:inline;font-size:1.15em}"
    "section.pair{background:#fff;border:1px solid #ddd;margin:1.5em 0;"
    "padding:.4em 1em 1em}"
    ".grid{display:grid;grid-template-columns:1fr 1fr;gap:.5em 1.2em}"
    ".colhead{font-weight:600;border-bottom:2px solid #999;padding:.2em 0}"
    ".p{border-left:5px solid transparent;padding:.2em .6em;min-height:1em}"
    ".p.empty{border:0}"
    ".p.own{border-left-color:#ccc}"
    ".p .tag{display:block;font-size:.78em;color:#555;margin-bottom:.1em}"
    ".p .tag b{font-weight:600}"
    ".p .tag a{color:inherit}"
    ".p.boiler{color:#888;font-size:.9em}"
    ".p:target,.p.flash{outline:3px solid #222}"
    "mark{color:inherit;border-radius:2px;padding:0 1px;cursor:pointer}"
    "mark.on{outline:2px solid #222}"
    "ul.toc{columns:2;overflow-wrap:anywhere}"
    ".bar{display:flex;width:10em;height:.8em;background:#e6e6e6;"
    "border-radius:2px;overflow:hidden;margin-top:.35em}"
    ".bar span{display:block;height:100%}"
    "details.gap{grid-column:1/-1;color:#666;font-size:.9em;"
    "border-top:1px dashed #ccc;border-bottom:1px dashed #ccc}"
    "details.gap summary{cursor:pointer;padding:.2em 0}"
    ".chg{text-decoration:underline wavy #c0392b;"
    "text-decoration-skip-ink:none}"
    "@media (max-width:700px){.grid{grid-template-columns:1fr}"
    "ul.toc{columns:1}}";

/* The page's own script: hovering a mark lights every mark of the same
 * shared span in its section; clicking scrolls to the counterpart. */
static const char js[] =
    "document.querySelectorAll('section.pair').forEach(function(sec){"
    "function peers(m){return sec.querySelectorAll('mark[data-k=\"'+"
    "m.dataset.k+'\"]');}"
    "sec.addEventListener('mouseover',function(e){var m=e.target.closest("
    "'mark');if(m)peers(m).forEach(function(x){x.classList.add('on');});});"
    "sec.addEventListener('mouseout',function(e){var m=e.target.closest("
    "'mark');if(m)peers(m).forEach(function(x){x.classList.remove('on');"
    "});});"
    "sec.addEventListener('click',function(e){var m=e.target.closest("
    "'mark');if(!m)return;peers(m).forEach(function(x){if(x.dataset.side"
    "!==m.dataset.side){x.scrollIntoView({block:'center',behavior:'smooth'"
    "});var p=x.closest('.p');p.classList.add('flash');setTimeout("
    "function(){p.classList.remove('flash');},1200);}});});});"
    "function openTarget(){var t=location.hash&&document.getElementById("
    "location.hash.slice(1));for(;t;t=t.parentElement)"
    "if(t.tagName==='DETAILS')t.open=true;}"
    "window.addEventListener('hashchange',openTarget);openTarget();"
    "document.body.setAttribute('data-height',"
    "document.documentElement.scrollHeight);"
    "document.body.setAttribute('data-ready','1');";

static void make_nonce(char out[33])
{
    unsigned char r[16];
    size_t got = 0;
    while (got < sizeof r) {
        const ssize_t n = getrandom(r + got, sizeof r - got, 0);
        if (n < 0 && errno != EINTR)
            break;
        got += n > 0 ? (size_t)n : 0;
    }
    /* getrandom() does not fail on Linux since 3.17; should it, the clock
     * still gives a nonce an article cannot know in advance. */
    for (size_t i = got; i < sizeof r; i++)
        r[i] = (unsigned char)(clock() >> (i % 8) ^ time(NULL) >> i);
    for (size_t i = 0; i < sizeof r; i++)
        sprintf(out + 2 * i, "%02x", r[i]);
}

static void put_head(FILE *out, const char *nonce)
{
    fprintf(out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
            "<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\""
            "default-src 'none'; style-src 'unsafe-inline'; "
            "script-src 'nonce-%s'; img-src data:\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, "
            "initial-scale=1\">\n<title>wiretrace report</title>\n"
            "<style>%s",
            nonce, css);
    for (unsigned k = 0; k < WT_CLASS_COUNT; k++)
        fprintf(out, "mark.%s{background:%s}.p.%s{border-left-color:%s}",
                wt_class_name((wt_class)k), cls_bg((wt_class)k),
                wt_class_name((wt_class)k), cls_fg((wt_class)k));
    fputs("</style>\n</head>\n<body>\n", out);
}

static void put_intro(FILE *out, const wt_corpus *c, size_t npairs)
{
    const size_t n = wt_corpus_document_count(c);
    size_t paras = 0;
    for (size_t i = 0; i < n; i++)
        paras += wt_document_paragraph_count(wt_corpus_document(c, i));
    fprintf(out,
            "<h1>wiretrace report</h1>\n<p class=\"sub\">%zu documents, "
            "%zu paragraphs, %zu links between documents, %zu document "
            "pairs with reuse. wiretrace %s.</p>\n",
            n, paras, report_count_links(c), npairs, WT_VERSION);
    fputs("<p class=\"legend\">Shared text: ", out);
    static const char *const what[] = {"verbatim (same words)",
                                       "edited (long shared stretches, small "
                                       "edits)",
                                       "rewrite (same facts, new wording)",
                                       "translation",
                                       "repeat inside one article"};
    _Static_assert(sizeof what / sizeof *what == WT_CLASS_COUNT,
                   "a legend for every class");
    for (unsigned k = 0; k < WT_CLASS_COUNT; k++)
        fprintf(out,
                "<span style=\"background:%s;border-left:5px solid "
                "%s\">%s</span>",
                cls_bg((wt_class)k), cls_fg((wt_class)k), what[k]);
    fputs(" <span style=\"border-left:5px solid #ccc\">own text (no source "
          "found)</span></p>\n",
          out);
}

/* ---- provenance graph ------------------------------------------------- */

typedef struct node {
    size_t doc;
    double x, y;
} node;

static int cmp_node_time(const void *x, const void *y, const wt_corpus *c)
{
    const node *a = x, *b = y;
    const int64_t ta = wt_document_published(wt_corpus_document(c, a->doc));
    const int64_t tb = wt_document_published(wt_corpus_document(c, b->doc));
    if ((ta != 0) != (tb != 0))
        return ta ? -1 : 1;
    return (ta > tb) - (ta < tb);
}

/* Insertion sort: stable, so that documents without times keep the order
 * they came in (the two ends of a pair side by side); and qsort has no
 * context argument in C11.  The graph holds at most MAX_NODES nodes. */
static void sort_nodes(node *v, size_t n, const wt_corpus *c)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && cmp_node_time(&v[j - 1], &v[j], c) > 0;
             j--) {
            const node t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
}

static const node *find_node(const node *v, size_t n, size_t doc)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].doc == doc)
            return &v[i];
    return NULL;
}

#define NODE_W 190.0
#define NODE_H 62.0

/* Moves (x, y) from the centre of a node box to its border towards
 * (tx, ty). */
static void to_border(double *x, double *y, double tx, double ty)
{
    const double dx = tx - *x, dy = ty - *y;
    const double ax = dx < 0 ? -dx : dx, ay = dy < 0 ? -dy : dy;
    double t = 1;
    if (ax > 0)
        t = (NODE_W / 2 + 6) / ax;
    if (ay > 0 && (NODE_H / 2 + 6) / ay < t)
        t = (NODE_H / 2 + 6) / ay;
    if (t > 1)
        t = 1;
    *x += dx * t;
    *y += dy * t;
}

/* The share of doc's text paragraphs with a source in the other side. */
static double share_of(const pair_info *pi, size_t doc)
{
    return doc == pi->a ? pi->share_a : pi->share_b;
}

static void put_edge(FILE *out, const wt_corpus *c, const pair_info *pi,
                     const node *from, const node *to, size_t idx)
{
    /* Arrows run from origin to reuser; weight = share the reuser took,
     * or the larger share when the origin is unknown. */
    const double share =
        pi->known ? share_of(pi, pi->to)
                  : (pi->share_a > pi->share_b ? pi->share_a : pi->share_b);
    double x1 = from->x, y1 = from->y, x2 = to->x, y2 = to->y;
    to_border(&x1, &y1, to->x, to->y);
    to_border(&x2, &y2, from->x, from->y);
    fprintf(out, "<a href=\"#pair-%zu\"><title>", idx);
    html_put(out, doc_id(c, from->doc));
    fprintf(out, pi->known ? " \342\206\222 " : " \342\200\224 ");
    html_put(out, doc_id(c, to->doc));
    fprintf(out,
            ": %.0f%% of the %s text paragraphs (%s), %s</title>"
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
            "stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
            share * 100, pi->known ? "reuser's" : "larger",
            wt_class_name(pi->cls),
            pi->known ? "origin found"
                      : "which side is the origin is "
                        "unknown",
            x1, y1, x2, y2, cls_fg(pi->cls), 1.5 + 8 * share,
            pi->known ? "" : " stroke-dasharray=\"14 8\"");
    fprintf(out,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
            "fill=\"%s\" stroke=\"#fff\" stroke-width=\"3\" "
            "paint-order=\"stroke\">%.0f%%</text></a>\n",
            (x1 + x2) / 2, (y1 + y2) / 2 - 4, cls_fg(pi->cls), share * 100);
}

/* An arrow head is a polygon at the line's end, turned along it: markers
 * would take the line's width and grow with it. */
static void put_arrow_head(FILE *out, const node *from, const node *to,
                           const char *colour)
{
    double x1 = from->x, y1 = from->y, x2 = to->x, y2 = to->y;
    to_border(&x1, &y1, to->x, to->y);
    to_border(&x2, &y2, from->x, from->y);
    double dx = x2 - x1, dy = y2 - y1;
    const double r = sqrt(dx * dx + dy * dy);
    if (r <= 0)
        return;
    dx /= r;
    dy /= r;
    const double bx = x2 - 14 * dx, by = y2 - 14 * dy;
    fprintf(out,
            "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
            "fill=\"%s\"/>\n",
            x2, y2, bx - 7 * dy, by + 7 * dx, bx + 7 * dy, by - 7 * dx, colour);
}

/* Escaped s, its last n code points after an ellipsis when longer: the
 * end of a path names the file. */
static void put_tail(FILE *out, const char *s, size_t n)
{
    size_t k = 0;
    const char *p = s + strlen(s);
    while (p > s && k < n) {
        do
            p--;
        while (p > s && (*p & 0xC0) == 0x80);
        k++;
    }
    if (p > s)
        fputs("\342\200\246", out);
    html_put(out, p);
}

/* Escaped s, cut to n code points with an ellipsis. */
static void put_cut(FILE *out, const char *s, size_t n)
{
    const size_t i = utf8_prefix(s, n);
    if (!s[i]) {
        html_put(out, s);
        return;
    }
    char *cut = strndup(s, i);
    html_put(out, cut ? cut : "");
    fputs("\342\200\246", out);
    free(cut);
}

static void put_node(FILE *out, const wt_corpus *c, const node *n)
{
    const wt_document *d = wt_corpus_document(c, n->doc);
    const char *outlet = wt_document_outlet(d);
    fprintf(out, "<a href=\"#doc-%zu\"><title>", n->doc);
    html_put(out, wt_document_id(d));
    fprintf(out,
            "</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" "
            "height=\"%.0f\" rx=\"6\" fill=\"#f7f7f7\" stroke=\"#555\"/>"
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
            "class=\"id\">",
            n->x - NODE_W / 2, n->y - NODE_H / 2, NODE_W, NODE_H, n->x,
            n->y - 10);
    /* Long names are cut to fit the box; the title holds the id. */
    put_tail(out, wt_document_id(d), 28);
    fprintf(out,
            "</text><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
            "fill=\"#555\">",
            n->x, n->y + 6);
    put_cut(out, outlet ? outlet : "outlet unknown", 22);
    fputs(" \302\267 ", out);
    html_put(out, wt_document_lang(d));
    fprintf(out,
            "</text><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
            "fill=\"#555\">",
            n->x, n->y + 21);
    put_time(out, wt_document_published(d));
    fputs("</text></a>\n", out);
}

/* The graph's documents, placed, and the size of the picture. */
typedef struct graph {
    node *nodes;
    size_t n;
    double w, h;
} graph;

/* The documents of the graph: pairs come most reuse first, so their
 * documents fill its MAX_NODES places.  Sets *dropped to the number of
 * documents left out.  Returns 0, or -1 when out of memory. */
static int pick_nodes(const wt_corpus *c, const pair_info *pairs, size_t npairs,
                      graph *g, size_t *dropped)
{
    char *left_out = calloc(wt_corpus_document_count(c) + 1, 1);
    if (!left_out)
        return -1;
    for (size_t i = 0; i < npairs; i++) {
        const size_t ends[2] = {pairs[i].a, pairs[i].b};
        for (int e = 0; e < 2; e++) {
            if (find_node(g->nodes, g->n, ends[e]))
                continue;
            if (g->n < MAX_NODES)
                g->nodes[g->n++] = (node){ends[e], 0, 0};
            else if (!left_out[ends[e]]++)
                ++*dropped;
        }
    }
    free(left_out);
    return 0;
}

/* Nodes on an ellipse, clockwise from the top in time order. */
static void place_nodes(const wt_corpus *c, graph *g)
{
    sort_nodes(g->nodes, g->n, c);
    const double nn = (double)g->n;
    const double rx = g->n <= 2 ? 260 : 220 + 32.0 * nn;
    const double ry = g->n <= 2 ? 60 : 140 + 12.0 * nn;
    g->w = 2 * rx + NODE_W + 40;
    g->h = 2 * ry + NODE_H + 40;
    static const double pi = 3.14159265358979323846;
    for (size_t i = 0; i < g->n; i++) {
        double a = -pi / 2 + 2 * pi * (double)i / nn;
        if (g->n == 2)
            a = i ? 0 : pi;
        g->nodes[i].x = g->w / 2 + rx * cos(a);
        g->nodes[i].y = g->h / 2 + ry * sin(a);
    }
}

static void put_svg(FILE *out, const wt_corpus *c, const pair_info *pairs,
                    size_t npairs, const graph *g)
{
    fprintf(out,
            "<p class=\"sub\">Arrows run from the origin to the "
            "document that took from it, as thick as the share of the "
            "reuser's text paragraphs taken; dashed lines join documents "
            "that share text when nothing tells which came first. Nodes "
            "are in time order, clockwise from the top; those without a "
            "time follow, next to the ones they share most with.</p>\n"
            "<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" "
            "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
            "role=\"img\" aria-label=\"provenance graph\">\n",
            g->w, g->h, g->w, g->h);
    for (size_t i = 0; i < npairs && i < MAX_PAIRS; i++) {
        const node *from = find_node(g->nodes, g->n, pairs[i].from);
        const node *to = find_node(g->nodes, g->n, pairs[i].to);
        if (!from || !to)
            continue;
        put_edge(out, c, &pairs[i], from, to, i);
        if (pairs[i].known)
            put_arrow_head(out, from, to, cls_fg(pairs[i].cls));
    }
    for (size_t i = 0; i < g->n; i++)
        put_node(out, c, &g->nodes[i]);
    fputs("</svg>\n", out);
}

static int put_graph(FILE *out, const wt_corpus *c, const pair_info *pairs,
                     size_t npairs)
{
    fputs("<h2 id=\"graph\">Who took from whom</h2>\n", out);
    if (!npairs) {
        fputs("<p>No reuse between documents.</p>\n", out);
        return 0;
    }
    graph g = {malloc(MAX_NODES * sizeof *g.nodes), 0, 0, 0};
    size_t dropped = 0;
    if (!g.nodes || pick_nodes(c, pairs, npairs, &g, &dropped)) {
        free(g.nodes);
        return -1;
    }
    place_nodes(c, &g);
    put_svg(out, c, pairs, npairs, &g);
    if (dropped)
        fprintf(out,
                "<p class=\"sub\">%zu more documents with less reuse "
                "are left out of the graph; the table lists them.</p>\n",
                dropped);
    free(g.nodes);
    return 0;
}

/* ---- the table of documents ------------------------------------------- */

typedef struct peer {
    size_t doc;
    size_t paras; /* paragraphs with a link to doc */
} peer;

static peer *find_peer(peer **v, size_t *n, size_t doc)
{
    for (size_t i = 0; i < *n; i++)
        if ((*v)[i].doc == doc)
            return &(*v)[i];
    peer *nv = realloc(*v, (*n + 1) * sizeof *nv);
    if (!nv)
        return NULL;
    *v = nv;
    nv[*n] = (peer){doc, 0};
    return &nv[(*n)++];
}

/* Each paragraph counts once per peer document, with its best link. */
static int doc_peers(const wt_document *d, size_t self, peer **v, size_t *n,
                     size_t *text, size_t *own)
{
    *text = *own = 0;
    for (size_t p = 0; p < wt_document_paragraph_count(d); p++) {
        const wt_paragraph *pa = wt_document_paragraph(d, p);
        int linked = 0;
        for (size_t s = 0; s < pa->source_count; s++) {
            const wt_source *src = &pa->sources[s];
            if (src->cls == WT_CLASS_DUPLICATE || src->document == self)
                continue;
            linked = 1;
            int seen = 0;
            for (size_t t = 0; t < s; t++)
                seen |= pa->sources[t].document == src->document &&
                        pa->sources[t].cls != WT_CLASS_DUPLICATE;
            if (seen)
                continue;
            peer *pe = find_peer(v, n, src->document);
            if (!pe)
                return -1;
            pe->paras++;
        }
        if (pa->boiler == WT_BOILER_NONE) {
            ++*text;
            *own += !linked;
        }
    }
    return 0;
}

/* The peers of document self whose pair has the given origin, seen from
 * self: WT_ORIGIN_OTHER took from, WT_ORIGIN_UNKNOWN shared with,
 * WT_ORIGIN_THIS taken by.  Who took from whom and whether it was
 * credited are the library's answers. */
static void put_peer_list(FILE *out, const wt_corpus *c, size_t self,
                          const peer *v, size_t n, wt_origin origin)
{
    const wt_document *d = wt_corpus_document(c, self);
    int any = 0;
    for (size_t i = 0; i < n; i++) {
        const peer *pe = &v[i];
        if (wt_corpus_pair_origin(c, self, pe->doc) != origin)
            continue;
        if (any++)
            fputs("<br>", out);
        html_put(out, doc_id(c, pe->doc));
        fprintf(out, ": %zu \302\266", pe->paras);
        if (origin == WT_ORIGIN_OTHER)
            fputs(wt_document_credits(d, wt_corpus_document(c, pe->doc))
                      ? " <span class=\"ok\">credited</span>"
                      : " <span class=\"no\">not credited</span>",
                  out);
    }
    if (!any)
        fputs("\342\200\223", out);
}

/* The outlets the document's text credits, with how: "credits Yonhap
 * (closing)".  Its own bylines are left out. */
static void put_credits(FILE *out, const wt_document *d)
{
    char *list = credit_list(d, 0);
    if (list && *list) {
        fputs("<br>credits ", out);
        html_put(out, list);
    }
    free(list);
}

/* A bar of the taker's text: its words taken, by class, and the rest. */
static void put_class_bar(FILE *out, const summary_row *r)
{
    const double total = r->taken.text_words ? (double)r->taken.text_words : 1;
    fputs("<div class=\"bar\">", out);
    for (unsigned k = 0; k < WT_CLASS_COUNT; k++)
        if (r->taken.by_class[k])
            fprintf(out,
                    "<span style=\"width:%.1f%%;background:%s\" "
                    "title=\"%s: %zu words\"></span>",
                    100.0 * (double)r->taken.by_class[k] / total,
                    cls_fg((wt_class)k), wt_class_name((wt_class)k),
                    r->taken.by_class[k]);
    fputs("</div>", out);
}

/* A document's text words by the best class of each paragraph's sources
 * in any other document, and own (no source): how much of it is whose. */
static void put_doc_bar(FILE *out, const wt_document *d)
{
    size_t words[WT_CLASS_COUNT + 1] = {0}, total = 0;
    for (size_t p = 0; p < wt_document_paragraph_count(d); p++) {
        const wt_paragraph *pa = wt_document_paragraph(d, p);
        if (pa->boiler != WT_BOILER_NONE)
            continue;
        size_t best = WT_CLASS_COUNT; /* own */
        for (size_t s = 0; s < pa->source_count; s++)
            if (pa->sources[s].cls != WT_CLASS_DUPLICATE &&
                (size_t)pa->sources[s].cls < best)
                best = (size_t)pa->sources[s].cls;
        words[best] += pa->word_count;
        total += pa->word_count;
    }
    fputs("<div class=\"bar\">", out);
    for (size_t k = 0; k <= WT_CLASS_COUNT && total; k++)
        if (words[k])
            fprintf(out,
                    "<span style=\"width:%.1f%%;background:%s\" "
                    "title=\"%s: %zu words\"></span>",
                    100.0 * (double)words[k] / (double)total,
                    k < WT_CLASS_COUNT ? cls_fg((wt_class)k) : "#ccc",
                    k < WT_CLASS_COUNT ? wt_class_name((wt_class)k) : "own",
                    words[k]);
    fputs("</div>", out);
}

/* The summary every report opens with (summary.h): who took what from
 * whom, in words, how, credited or not, the origin. */
static int put_summary(FILE *out, const wt_corpus *c)
{
    size_t n;
    summary_row *rows = summary_rows(c, 0, 1, &n);
    if (!rows)
        return -1;
    fputs("<h2 id=\"summary\">Who took what</h2>\n<p class=\"sub\">One row "
          "per document pair with reuse, largest first: the words of the "
          "taker's text in paragraphs with a source in the other, their "
          "share of its text, and how they were taken.</p>\n",
          out);
    if (!n)
        fputs("<p>No reuse between documents.</p>\n", out);
    else
        fputs("<table class=\"docs\">\n<tr><th>Taker</th><th>Source</th>"
              "<th>Words</th><th>Share</th><th>How</th><th>Credits the "
              "source</th><th>Origin</th></tr>\n",
              out);
    for (size_t i = 0; i < n; i++) {
        const summary_row *r = &rows[i];
        char names[256];
        summary_credits(wt_corpus_document(c, r->taker), names, sizeof names);
        fprintf(out, "<tr><td><a href=\"#doc-%zu\">", r->taker);
        html_put(out, doc_id(c, r->taker));
        fprintf(out, "</a></td><td><a href=\"#doc-%zu\">", r->source);
        html_put(out, doc_id(c, r->source));
        fprintf(out, "</a></td><td>%zu</td><td>%.0f%%</td><td>", r->taken.words,
                100 * summary_share(r));
        put_class_bar(out, r);
        fputs(r->credited ? "</td><td>yes" : "</td><td>no", out);
        if (!r->credited && names[0]) {
            fputs(" (names ", out);
            html_put(out, names);
            fputs(")", out);
        }
        fputs("</td><td>", out);
        html_put(out, r->origin_known ? doc_id(c, r->source) : "unknown");
        if (r->via != SIZE_MAX) {
            fputs(", via ", out);
            html_put(out, doc_id(c, r->via));
        }
        fputs("</td></tr>\n", out);
    }
    if (n)
        fputs("</table>\n", out);
    free(rows);
    return 0;
}

static int put_table(FILE *out, const wt_corpus *c)
{
    fputs("<h2 id=\"documents\">Documents</h2>\n<p class=\"sub\">Text "
          "paragraphs leave out bylines, credits, captions and similar "
          "lines. A paragraph counts once per other document it shares "
          "text with. \"Credited\" means the article names the outlet it "
          "took from.</p>\n<table class=\"docs\">\n<tr><th>Document</th>"
          "<th>Text \302\266</th><th>Own \302\266 (no source)</th>"
          "<th>Text by class</th>"
          "<th>Took from</th><th>Shared with (which came first is unknown)"
          "</th><th>Taken by</th></tr>\n",
          out);
    for (size_t i = 0; i < wt_corpus_document_count(c); i++) {
        const wt_document *d = wt_corpus_document(c, i);
        peer *v = NULL;
        size_t n = 0, text, own;
        if (doc_peers(d, i, &v, &n, &text, &own)) {
            free(v);
            return -1;
        }
        fprintf(out, "<tr id=\"doc-%zu\"><td><b>", i);
        html_put(out, wt_document_id(d));
        fputs("</b><br><small>", out);
        html_put(out, wt_document_outlet(d) ? wt_document_outlet(d)
                                            : "outlet unknown");
        fputs(" \302\267 ", out);
        html_put(out, wt_document_lang(d));
        fputs(" \302\267 ", out);
        put_time(out, wt_document_published(d));
        put_credits(out, d);
        fprintf(out, "</small></td><td>%zu</td><td>%zu</td><td>", text, own);
        put_doc_bar(out, d);
        fputs("</td><td>", out);
        put_peer_list(out, c, i, v, n, WT_ORIGIN_OTHER);
        fputs("</td><td>", out);
        put_peer_list(out, c, i, v, n, WT_ORIGIN_UNKNOWN);
        fputs("</td><td>", out);
        put_peer_list(out, c, i, v, n, WT_ORIGIN_THIS);
        fputs("</td></tr>\n", out);
        free(v);
    }
    fputs("</table>\n", out);
    return 0;
}

/* ---- pairs side by side ----------------------------------------------- */

typedef struct hl {
    int side; /* 0 left, 1 right */
    size_t para, start, end;
    wt_class cls;
    size_t k; /* shared by the two halves of one span */
    size_t other_para;
} hl;

typedef struct pair_view {
    const wt_corpus *c;
    size_t idx;    /* section number */
    size_t doc[2]; /* left (origin when known), right */
    hl *h;
    size_t nh, caph, nk;
} pair_view;

static int add_hl(pair_view *pv, hl h)
{
    if (pv->nh == pv->caph) {
        const size_t cap = pv->caph ? pv->caph * 2 : 64;
        hl *v = realloc(pv->h, cap * sizeof *v);
        if (!v)
            return -1;
        pv->h = v;
        pv->caph = cap;
    }
    pv->h[pv->nh++] = h;
    return 0;
}

static int have_span(const pair_view *pv, int side, size_t start,
                     size_t other_start)
{
    for (size_t i = 0; i + 1 < pv->nh; i++)
        if (pv->h[i].side == side && pv->h[i].start == start &&
            pv->h[i].k == pv->h[i + 1].k && pv->h[i + 1].start == other_start)
            return 1;
    return 0;
}

/* The two halves of every shared span between the two documents, from the
 * links of either side. */
static int collect_spans(pair_view *pv)
{
    for (int side = 1; side >= 0; side--) {
        const wt_document *d = wt_corpus_document(pv->c, pv->doc[side]);
        for (size_t p = 0; p < wt_document_paragraph_count(d); p++) {
            const wt_paragraph *pa = wt_document_paragraph(d, p);
            for (size_t s = 0; s < pa->source_count; s++) {
                const wt_source *src = &pa->sources[s];
                if (src->document != pv->doc[!side] ||
                    src->cls == WT_CLASS_DUPLICATE)
                    continue;
                for (size_t k = 0; k < src->span_count; k++) {
                    const wt_span *sp = &src->spans[k];
                    if (have_span(pv, !side, sp->source_start, sp->start))
                        continue;
                    /* Pushed other side first so that have_span() finds
                     * the pair as (h[i], h[i+1]) from either direction. */
                    const hl mine = {side,     p,      sp->start,     sp->end,
                                     src->cls, pv->nk, src->paragraph};
                    const hl theirs = {!side,
                                       src->paragraph,
                                       sp->source_start,
                                       sp->source_end,
                                       src->cls,
                                       pv->nk,
                                       p};
                    if (side ? add_hl(pv, mine) || add_hl(pv, theirs)
                             : add_hl(pv, theirs) || add_hl(pv, mine))
                        return -1;
                    pv->nk++;
                }
            }
        }
    }
    return 0;
}

static int cmp_hl(const void *x, const void *y)
{
    const hl *a = x, *b = y;
    if (a->side != b->side)
        return a->side - b->side;
    if (a->para != b->para)
        return a->para < b->para ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return (a->end < b->end) - (a->end > b->end); /* longer first */
}

/* Bytes [s, e) of d; when changed is set and they hold a word, marked as
 * changed: in a copied paragraph what is outside the shared spans is what
 * was edited. */
static void put_between(FILE *out, const wt_document *d, size_t s, size_t e,
                        int changed)
{
    size_t len = 0;
    const char *t = wt_document_bytes(d, &len);
    int word = 0;
    for (size_t i = s; changed && i < e && i < len && !word; i++)
        word = isalnum((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80;
    if (word)
        fputs("<span class=\"chg\" title=\"not in the other article\">", out);
    put_slice(out, d, s, e);
    if (word)
        fputs("</span>", out);
}

/* The paragraph's text with its highlights; overlaps are cut so that each
 * byte shows once. */
static void put_marked(FILE *out, const pair_view *pv, int side, size_t para,
                       const hl *from, int changed)
{
    const wt_document *d = wt_corpus_document(pv->c, pv->doc[side]);
    const wt_paragraph *pa = wt_document_paragraph(d, para);
    size_t at = pa->start;
    for (const hl *h = from;
         h && h < pv->h + pv->nh && h->side == side && h->para == para; h++) {
        size_t s = h->start < at ? at : h->start;
        const size_t e = h->end > pa->end ? pa->end : h->end;
        if (s >= e)
            continue;
        put_between(out, d, at, s, changed);
        fprintf(out,
                "<mark class=\"%s\" data-k=\"%zu\" data-side=\"%d\" "
                "title=\"%s, shared with \302\266%zu of ",
                wt_class_name(h->cls), h->k, side, wt_class_name(h->cls),
                h->other_para);
        html_put(out, doc_id(pv->c, pv->doc[!side]));
        fputs("\">", out);
        put_slice(out, d, s, e);
        fputs("</mark>", out);
        at = e;
    }
    put_between(out, d, at, pa->end, changed);
}

/* The first highlight of the paragraph, or NULL when the pair has none
 * (translations have no shared spans). */
static const hl *first_hl(const pair_view *pv, int side, size_t para)
{
    if (!pv->nh)
        return NULL;
    size_t lo = 0, hi = pv->nh;
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        const hl *h = &pv->h[mid];
        if (h->side < side || (h->side == side && h->para < para))
            lo = mid + 1;
        else
            hi = mid;
    }
    return &pv->h[lo];
}

/* The best link of paragraph para of side to the other document, or to
 * any other document when none. */
static const wt_source *best_link(const pair_view *pv, int side, size_t para,
                                  int *to_other_doc)
{
    const wt_document *d = wt_corpus_document(pv->c, pv->doc[side]);
    const wt_paragraph *pa = wt_document_paragraph(d, para);
    const wt_source *any = NULL;
    for (size_t s = 0; s < pa->source_count; s++) {
        const wt_source *src = &pa->sources[s];
        if (src->cls == WT_CLASS_DUPLICATE)
            continue;
        if (src->document == pv->doc[!side]) {
            *to_other_doc = 1;
            return src;
        }
        if (!any)
            any = src;
    }
    *to_other_doc = 0;
    return any;
}

static void put_cell(FILE *out, const pair_view *pv, int side, size_t para)
{
    if (para == (size_t)-1) {
        fputs("<div class=\"p empty\"></div>\n", out);
        return;
    }
    const wt_document *d = wt_corpus_document(pv->c, pv->doc[side]);
    const wt_paragraph *pa = wt_document_paragraph(d, para);
    int here = 0;
    const wt_source *src = best_link(pv, side, para, &here);
    const char *cls = here                           ? wt_class_name(src->cls)
                      : pa->boiler != WT_BOILER_NONE ? "boiler"
                      : src                          ? "elsewhere"
                                                     : "own";
    fprintf(out,
            "<div class=\"p %s\" id=\"x%zu-%d-%zu\"><span class=\"tag\">"
            "<b>\302\266%zu</b> ",
            cls, pv->idx, side, para, para);
    if (here) {
        fprintf(out, "%s, %s <a href=\"#x%zu-%d-%zu\">\302\266%zu</a> of ",
                wt_class_name(src->cls),
                src->cls == WT_CLASS_VERBATIM ? "same as" : "shares text with",
                pv->idx, !side, src->paragraph, src->paragraph);
        html_put(out, doc_id(pv->c, pv->doc[!side]));
        fprintf(out, " (score %.2f)", src->score);
    } else if (pa->boiler != WT_BOILER_NONE) {
        fprintf(out, "%s line", wt_boiler_name(pa->boiler));
    } else if (src) {
        fprintf(out, "not in the other article; %s from \302\266%zu of ",
                wt_class_name(src->cls), src->paragraph);
        html_put(out, doc_id(pv->c, src->document));
    } else {
        fputs("own text: no source found", out);
    }
    fputs("</span>", out);
    put_marked(
        out, pv, side, para, first_hl(pv, side, para),
        here && (src->cls == WT_CLASS_VERBATIM || src->cls == WT_CLASS_EDITED));
    fputs("</div>\n", out);
}

typedef struct anchor {
    size_t l, r;
} anchor;

/* Paragraph pairs that can share a row: the links of the right side's
 * paragraphs, thinned to the run increasing on both sides with the most
 * summed score, so that close copies win over loose rewrites (what moved
 * shows in its own row; its tag names its counterpart). */
static anchor *align(const pair_view *pv, size_t *n)
{
    const wt_document *dr = wt_corpus_document(pv->c, pv->doc[1]);
    const size_t nr = wt_document_paragraph_count(dr);
    anchor *v = malloc((nr + 1) * sizeof *v);
    double *score = malloc((nr + 1) * sizeof *score);
    double *sum = malloc((nr + 1) * sizeof *sum);
    size_t *prev = malloc((nr + 1) * sizeof *prev);
    size_t m = 0;
    *n = 0;
    if (!v || !score || !sum || !prev) {
        free(v);
        v = NULL;
        goto out;
    }
    for (size_t j = 0; j < nr; j++) {
        int here = 0;
        const wt_source *s = best_link(pv, 1, j, &here);
        if (here) {
            score[m] = s->score;
            v[m++] = (anchor){s->paragraph, j};
        }
    }
    size_t best = 0;
    for (size_t i = 0; i < m; i++) {
        sum[i] = score[i];
        prev[i] = (size_t)-1;
        for (size_t k = 0; k < i; k++)
            if (v[k].l < v[i].l && sum[k] + score[i] > sum[i]) {
                sum[i] = sum[k] + score[i];
                prev[i] = k;
            }
        if (sum[i] > sum[best])
            best = i;
    }
    /* Mark the chosen run in place (prev points backwards), then keep
     * the marked anchors in order. */
    for (size_t k = m ? best : (size_t)-1; k != (size_t)-1; k = prev[k])
        score[k] = -1;
    for (size_t k = 0; k < m; k++)
        if (score[k] < 0)
            v[(*n)++] = v[k];
out:
    free(score);
    free(sum);
    free(prev);
    return v;
}

/* 1 when paragraph para of side (-1: none) has a link to the other. */
static int shares(const pair_view *pv, int side, size_t para)
{
    int here = 0;
    if (para != (size_t)-1)
        best_link(pv, side, para, &here);
    return here;
}

/* Rows [l0, l1) and [r0, r1) zipped, nothing shared in them: one line
 * that opens on click, so that what the two share sits screens closer. */
static void put_gap(FILE *out, const pair_view *pv, size_t l0, size_t l1,
                    size_t r0, size_t r1)
{
    fprintf(out, "<details class=\"gap\"><summary>%zu paragraph%s of ", l1 - l0,
            l1 - l0 == 1 ? "" : "s");
    html_put(out, doc_id(pv->c, pv->doc[0]));
    fprintf(out, " and %zu of ", r1 - r0);
    html_put(out, doc_id(pv->c, pv->doc[1]));
    fputs(" with no text in common</summary><div class=\"grid\">\n", out);
    while (l0 < l1 || r0 < r1) {
        put_cell(out, pv, 0, l0 < l1 ? l0++ : (size_t)-1);
        put_cell(out, pv, 1, r0 < r1 ? r0++ : (size_t)-1);
    }
    fputs("</div></details>\n", out);
}

/* Rows: unaligned paragraphs of both sides zipped, then an aligned pair;
 * runs of two or more rows sharing nothing collapsed. */
static void put_rows(FILE *out, const pair_view *pv, size_t l0, size_t l1,
                     size_t r0, size_t r1)
{
    while (l0 < l1 || r0 < r1) {
        size_t l = l0, r = r0, rows = 0;
        while ((l < l1 || r < r1) && !shares(pv, 0, l < l1 ? l : (size_t)-1) &&
               !shares(pv, 1, r < r1 ? r : (size_t)-1)) {
            l += l < l1;
            r += r < r1;
            rows++;
        }
        if (rows >= 2) {
            put_gap(out, pv, l0, l, r0, r);
            l0 = l;
            r0 = r;
            continue;
        }
        put_cell(out, pv, 0, l0 < l1 ? l0++ : (size_t)-1);
        put_cell(out, pv, 1, r0 < r1 ? r0++ : (size_t)-1);
    }
}

static void put_side_head(FILE *out, const wt_corpus *c, size_t doc,
                          const char *role)
{
    const wt_document *d = wt_corpus_document(c, doc);
    fputs("<div class=\"colhead\">", out);
    html_put(out, wt_document_id(d));
    fputs(" <small>(", out);
    html_put(out,
             wt_document_outlet(d) ? wt_document_outlet(d) : "outlet unknown");
    fputs(", ", out);
    put_time(out, wt_document_published(d));
    fprintf(out, ")</small> \342\200\224 %s</div>\n", role);
}

/* Text paragraphs of doc that have a link to other. */
static size_t linked_count(const wt_corpus *c, size_t doc, size_t other,
                           size_t *text)
{
    const wt_document *d = wt_corpus_document(c, doc);
    size_t n = 0;
    *text = 0;
    for (size_t p = 0; p < wt_document_paragraph_count(d); p++) {
        const wt_paragraph *pa = wt_document_paragraph(d, p);
        *text += pa->boiler == WT_BOILER_NONE;
        for (size_t s = 0; s < pa->source_count; s++)
            if (pa->sources[s].document == other &&
                pa->sources[s].cls != WT_CLASS_DUPLICATE) {
                n++;
                break;
            }
    }
    return n;
}

/* The section's title, figures and column heads: origin on the left. */
static void put_pair_head(FILE *out, const pair_view *pv, int known)
{
    const wt_corpus *c = pv->c;
    /* Only the pair that took most is open: the page leads with the
     * answer, and every other pair is one click (or link) away. */
    fprintf(out,
            "<section class=\"pair\" id=\"pair-%zu\">\n<details%s>"
            "<summary><h2>",
            pv->idx, pv->idx ? "" : " open");
    html_put(out, doc_id(c, pv->doc[1]));
    fputs(known ? " took from " : " and ", out);
    html_put(out, doc_id(c, pv->doc[0]));
    fputs("</h2></summary>\n<p class=\"sub\">", out);
    for (int side = 1; side >= 0; side--) {
        size_t text;
        const size_t k = linked_count(c, pv->doc[side], pv->doc[!side], &text);
        fprintf(out, "%zu of %zu text paragraphs of ", k, text);
        html_put(out, doc_id(c, pv->doc[side]));
        fputs(" share text with ", out);
        html_put(out, doc_id(c, pv->doc[!side]));
        fputs(side ? "; " : ". ", out);
    }
    fprintf(out,
            "%s Point at a highlighted span to light its counterpart; "
            "click to go there.</p>\n<div class=\"grid\">\n",
            known ? "" : "Nothing tells which came first.");
    put_side_head(out, c, pv->doc[0], known ? "origin" : "one side");
    put_side_head(out, c, pv->doc[1], known ? "took from it" : "other side");
}

static int put_pair(FILE *out, const wt_corpus *c, const pair_info *pi,
                    size_t idx)
{
    pair_view pv = {c, idx, {pi->from, pi->to}, NULL, 0, 0, 0};
    size_t na = 0;
    anchor *an = NULL;
    int rc = -1;
    if (collect_spans(&pv))
        goto out;
    if (pv.nh > 1)
        qsort(pv.h, pv.nh, sizeof *pv.h, cmp_hl);
    if (!(an = align(&pv, &na)))
        goto out;
    put_pair_head(out, &pv, pi->known);
    size_t l = 0, r = 0;
    for (size_t i = 0; i < na; i++) {
        put_rows(out, &pv, l, an[i].l, r, an[i].r);
        put_cell(out, &pv, 0, an[i].l);
        put_cell(out, &pv, 1, an[i].r);
        l = an[i].l + 1;
        r = an[i].r + 1;
    }
    put_rows(out, &pv, l,
             wt_document_paragraph_count(wt_corpus_document(c, pv.doc[0])), r,
             wt_document_paragraph_count(wt_corpus_document(c, pv.doc[1])));
    fputs("</div>\n</details>\n</section>\n", out);
    rc = 0;
out:
    free(an);
    free(pv.h);
    return rc;
}

static void put_toc(FILE *out, const wt_corpus *c, const pair_info *pairs,
                    size_t n)
{
    if (!n)
        return;
    fputs("<h2>Document pairs with reuse</h2>\n<ul class=\"toc\">\n", out);
    for (size_t i = 0; i < n && i < MAX_PAIRS; i++) {
        const pair_info *pi = &pairs[i];
        fprintf(out, "<li><a href=\"#pair-%zu\">", i);
        html_put(out, doc_id(c, pi->to));
        fputs(pi->known ? " took from " : " and ", out);
        html_put(out, doc_id(c, pi->from));
        fputs("</a> \342\200\224", out);
        for (unsigned k = 0, first = 1; k < WT_CLASS_COUNT; k++)
            if (pi->by_class[k]) {
                fprintf(out, "%s %zu %s", first ? "" : ",", pi->by_class[k],
                        wt_class_name((wt_class)k));
                first = 0;
            }
        fprintf(out, " paragraph%s; %.0f words in shared spans</li>\n",
                pi->links == 1 ? "" : "s", pi->shared);
    }
    fputs("</ul>\n", out);
    if (n > MAX_PAIRS)
        fprintf(out,
                "<p class=\"sub\">%zu more pairs with less reuse are "
                "left out; the JSON report lists all.</p>\n",
                n - MAX_PAIRS);
}

int report_html(const wt_corpus *c, const cli_settings *s, FILE *out)
{
    (void)s;
    size_t npairs = 0;
    pair_info *pairs = collect_pairs(c, &npairs);
    char nonce[33];
    int rc = -1;
    if (!pairs)
        return -1;
    make_nonce(nonce);
    put_head(out, nonce);
    put_intro(out, c, npairs);
    if (put_summary(out, c) || put_graph(out, c, pairs, npairs))
        goto out;
    put_toc(out, c, pairs, npairs);
    if (put_table(out, c))
        goto out;
    for (size_t i = 0; i < npairs && i < MAX_PAIRS; i++)
        if (put_pair(out, c, &pairs[i], i))
            goto out;
    fprintf(out, "<script nonce=\"%s\">%s</script>\n</body>\n</html>\n", nonce,
            js);
    rc = ferror(out) ? -1 : 0;
out:
    free(pairs);
    return rc;
}

char *report_html_row(const wt_corpus *c, const char *page)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out)
        return NULL;
    const wt_document *d = wt_corpus_document(c, 0);
    size_t text;
    const size_t with = linked_paragraphs(d, &text);
    fputs("<tr><td><a href=\"", out);
    html_put(out, page);
    fputs("\">", out);
    html_put(out, wt_document_id(d));
    fprintf(out, "</a></td><td>%zu of %zu</td><td>", with, text);
    for (size_t j = 1; j < wt_corpus_document_count(c); j++) {
        double share = 0;
        wt_corpus_pair(c, 0, j, &share, NULL, NULL);
        if (share <= 0)
            continue;
        const wt_origin o = wt_corpus_pair_origin(c, 0, j);
        html_put(out, wt_document_id(wt_corpus_document(c, j)));
        fprintf(out, " (%.0f%%%s%s) ", share * 100,
                o == WT_ORIGIN_OTHER  ? ", the origin"
                : o == WT_ORIGIN_THIS ? ", took from this one"
                                      : "",
                wt_corpus_pair_credits(c, 0, j) ? ", credited" : "");
    }
    fputs("</td></tr>\n", out);
    return memstream_text(out, &buf);
}

int report_html_overview(FILE *out, char *const *rows, size_t n)
{
    char nonce[33];
    make_nonce(nonce);
    put_head(out, nonce);
    fprintf(out,
            "<h1>wiretrace report</h1>\n<p class=\"sub\">%zu articles, "
            "each checked against the others through an index; each one's "
            "page shows its paragraphs and sources side by side.</p>\n"
            "<table>\n<tr><th>article</th><th>text paragraphs with a "
            "source</th><th>sources (share of the article's text "
            "paragraphs, origin, credit)</th></tr>\n",
            n);
    for (size_t i = 0; i < n; i++)
        fputs(rows[i], out);
    fputs("</table>\n</body>\n</html>\n", out);
    return ferror(out) ? -1 : 0;
}
