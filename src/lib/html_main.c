/*
 * html_main.c - the article among a page's blocks.
 *
 * Two ways, the first that works:
 * 1. JSON-LD articleBody: the blocks most of whose 4-word shingles are in
 *    the body, when together they hold most of the body (a body that does
 *    not match the visible text, as on a paywalled page, is not used).
 * 2. Readability's scoring (Mozilla's Readability.js, after Arc90): every
 *    block of running text scores for its ancestors (commas, length),
 *    containers weigh by tag and class/id hints and lose their link
 *    share; the best container and its high-scoring siblings are the
 *    article.  Inside, a jusText-style classifier (Pomikalek 2011: link
 *    density, length, stopword share) drops navigation runs, and good
 *    blocks beside the container are taken in.
 * The headline (h1) is metadata, not a paragraph.
 */
#include "html_main.h"
#include "alloc.h"
#include "hmap.h"
#include "keys.h"
#include "tuning.h"
#include "wiretrace.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/* ---- words ---- */

/* Hashes of the case-folded words (letter and digit runs) of u[0, len). */
static int words_of(const UChar *u, int32_t len, uint64_t **out, size_t *n)
{
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    uint64_t h = 0;
    int in = 0;
    for (int32_t i = 0; i <= len;) {
        UChar32 c = 0;
        if (i < len)
            U16_NEXT(u, i, len, c);
        else
            i++;
        if (c && u_isalnum(c)) {
            h = (in ? h : 1469598103934665603ULL) ^ (uint64_t)u_foldCase(c, 0);
            h *= 1099511628211ULL;
            in = 1;
            continue;
        }
        if (!in)
            continue;
        in = 0;
        if (wt_grow(out, &cap, *n + 1, sizeof **out))
            return WT_ENOMEM;
        (*out)[(*n)++] = h;
    }
    return 0;
}

/* 4-word shingles of w[0, n) into w itself (n - 3 of them). */
static size_t shingle4(uint64_t *w, size_t n)
{
    if (n < 4)
        return 0;
    for (size_t i = 0; i + 3 < n; i++)
        w[i] = ((w[i] * 31 + w[i + 1]) * 31 + w[i + 2]) * 31 + w[i + 3];
    return n - 3;
}

static int block_shingles(const wt_html *h, size_t b, uint64_t **s, size_t *n)
{
    const wt_html_block *k = &h->blocks[b];
    const int rc = words_of(h->text.u + k->start, k->end - k->start, s, n);
    *n = rc ? 0 : shingle4(*s, *n);
    return rc;
}

/* ---- 1. JSON-LD ---- */

/* The body's sorted shingles, from UTF-8. */
static int body_shingles(const char *body, uint64_t **s, size_t *n)
{
    *s = NULL;
    *n = 0;
    const size_t len = strlen(body);
    if (len > INT32_MAX / 2)
        return 0;
    UChar *u = wt_malloc((len + 1) * sizeof *u);
    if (!u)
        return WT_ENOMEM;
    int32_t ul = 0;
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8WithSub(u, (int32_t)len + 1, &ul, body, (int32_t)len, 0xFFFD,
                         NULL, &err);
    int rc = U_FAILURE(err) ? 0 : words_of(u, ul, s, n);
    wt_free(u);
    if (!rc) {
        *n = shingle4(*s, *n);
        *n = wt_sort_unique_u64(*s, *n);
    }
    return rc;
}

static int in_set(const uint64_t *v, size_t n, uint64_t k)
{
    const size_t i = wt_lower_bound_u64(v, n, sizeof *v, k);
    return i < n && v[i] == k;
}

/* keep = the blocks of the body; *cover = the share of the body's
 * shingles they hold. */
static int ld_blocks(const wt_html *h, const uint64_t *body, size_t nbody,
                     unsigned char *keep, double *cover)
{
    uint64_t *seen = NULL;
    size_t nseen = 0, seencap = 0;
    int rc = 0;
    for (size_t b = 0; b < h->nblocks && !rc; b++) {
        uint64_t *s = NULL;
        size_t n = 0, hit = 0;
        rc = block_shingles(h, b, &s, &n);
        for (size_t i = 0; i < n; i++)
            hit += in_set(body, nbody, s[i]);
        keep[b] = n && hit >= WT_HTML_LD_BLOCK_SHARE * (double)n;
        for (size_t i = 0; keep[b] && i < n && !rc; i++)
            if (!(rc = wt_grow(&seen, &seencap, nseen + 1, sizeof *seen)))
                seen[nseen++] = s[i];
        wt_free(s);
    }
    nseen = wt_sort_unique_u64(seen, nseen);
    size_t held = 0;
    for (size_t i = 0; i < nseen; i++)
        held += in_set(body, nbody, seen[i]);
    *cover = nbody ? (double)held / (double)nbody : 0;
    wt_free(seen);
    return rc;
}

/* ---- 2. scoring ---- */

typedef struct cand {
    xmlNodePtr e;
    double score;         /* readability content score */
    double below;         /* the best score of a container below it */
    int32_t units, links; /* text below it, and of that in links */
    int scored, kept;
} cand;

typedef struct scorer {
    const wt_html *h;
    wt_hmap map; /* node -> index + 1 in v */
    cand *v;
    size_t n, cap;
} scorer;

/* The index of e's entry, made on first use; -1 when out of memory. */
static long cand_of(scorer *s, xmlNodePtr e)
{
    uint64_t *slot = wt_hmap_slot(&s->map, (uint64_t)(uintptr_t)e);
    if (!slot)
        return -1;
    if (!*slot) {
        if (wt_grow(&s->v, &s->cap, s->n + 1, sizeof *s->v))
            return -1;
        s->v[s->n] = (cand){.e = e};
        *slot = ++s->n;
    }
    return (long)*slot - 1;
}

static long cand_find(const scorer *s, xmlNodePtr e)
{
    const uint64_t *slot = wt_hmap_get(&s->map, (uint64_t)(uintptr_t)e);
    return slot ? (long)*slot - 1 : -1;
}

static int named(xmlNodePtr e, const char *n)
{
    return e && !strcasecmp((const char *)e->name, n);
}

/* Readability's initial score of a container by its tag and names. */
static double tag_base(xmlNodePtr e)
{
    static const char *const minus3[] = {"address", "ol", "ul", "dl",
                                         "dd",      "dt", "li", "form"};
    static const char *const minus5[] = {"h1", "h2", "h3", "h4",
                                         "h5", "h6", "th"};
    double b = 0;
    if (named(e, "div") || named(e, "article"))
        b = 5;
    else if (named(e, "pre") || named(e, "td") || named(e, "blockquote"))
        b = 3;
    for (size_t i = 0; i < sizeof minus3 / sizeof *minus3; i++)
        b -= 3 * named(e, minus3[i]);
    for (size_t i = 0; i < sizeof minus5 / sizeof *minus5; i++)
        b -= 5 * named(e, minus5[i]);
    return b + 25.0 * wt_html_class_weight(e);
}

static int is_element(xmlNodePtr e) { return e && e->type == XML_ELEMENT_NODE; }

/* Text and link units of every block added to its nearest ancestors. */
static int add_totals(scorer *s)
{
    for (size_t b = 0; b < s->h->nblocks; b++) {
        const wt_html_block *k = &s->h->blocks[b];
        xmlNodePtr e = k->elem;
        for (int up = 0; is_element(e) && up < 16; up++, e = e->parent) {
            const long i = cand_of(s, e);
            if (i < 0)
                return WT_ENOMEM;
            s->v[i].units += k->end - k->start;
            s->v[i].links += k->link_units;
        }
    }
    return 0;
}

static double block_points(const wt_html *h, const wt_html_block *k)
{
    int commas = 0;
    for (int32_t i = k->start; i < k->end; i++)
        commas += h->text.u[i] == ',' || h->text.u[i] == 0xFF0C ||
                  h->text.u[i] == 0x3001;
    const double len = (k->end - k->start) / 100.0;
    return 1.0 + commas + (len < 3 ? len : 3);
}

/* Each block of running text scores for five ancestors: the parent in
 * full, the grandparent half, the others a third of their level. */
static int add_scores(scorer *s)
{
    for (size_t b = 0; b < s->h->nblocks; b++) {
        const wt_html_block *k = &s->h->blocks[b];
        if (k->end - k->start < WT_HTML_SCORE_MIN_UNITS ||
            (k->flags & WT_HB_HEADING) || !k->elem)
            continue;
        const double pts = block_points(s->h, k);
        xmlNodePtr e = k->elem->parent;
        for (int lvl = 0; is_element(e) && lvl < 5; lvl++, e = e->parent) {
            const long i = cand_of(s, e);
            if (i < 0)
                return WT_ENOMEM;
            cand *c = &s->v[i];
            if (!c->scored)
                c->score = tag_base(e);
            c->scored = 1;
            c->score += pts / (lvl == 0 ? 1 : lvl == 1 ? 2 : lvl * 3);
        }
    }
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].scored && s->v[i].units)
            s->v[i].score *= 1.0 - (double)s->v[i].links / s->v[i].units;
    return 0;
}

static long best_cand(const scorer *s)
{
    long best = -1;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].scored && (best < 0 || s->v[i].score > s->v[best].score))
            best = (long)i;
    return best;
}

/* Readability's walk up from the best container: a parent that scores
 * more takes its place; one far below ends the walk. */
static long climb(const scorer *s, long top)
{
    double last = s->v[top].score;
    const double floor = last / 3;
    for (xmlNodePtr p = s->v[top].e->parent; is_element(p) && !named(p, "body");
         p = p->parent) {
        const long i = cand_find(s, p);
        if (i < 0 || !s->v[i].scored)
            continue;
        if (s->v[i].score < floor)
            break;
        if (s->v[i].score > last)
            return i;
        last = s->v[i].score;
    }
    return top;
}

static int same_class(xmlNodePtr a, xmlNodePtr b)
{
    char x[256], y[256];
    const char *ca = wt_html_attr(a, "class", x, sizeof x);
    const char *cb = wt_html_attr(b, "class", y, sizeof y);
    return ca && cb && *ca && !strcmp(ca, cb);
}

/* Sets each sibling of t to the best score of a container below it. */
static void best_below(scorer *s, xmlNodePtr t)
{
    for (size_t i = 0; i < s->n; i++) {
        if (!s->v[i].scored)
            continue;
        xmlNodePtr x = s->v[i].e;
        for (int up = 0; is_element(x) && x->parent != t->parent && up < 64;
             up++)
            x = x->parent;
        if (!is_element(x) || x->parent != t->parent || x == t ||
            x == s->v[i].e)
            continue;
        const long j = cand_find(s, x);
        if (j >= 0 && s->v[i].score > s->v[j].below)
            s->v[j].below = s->v[i].score;
    }
}

/* Marks the best container and the siblings that belong with it. */
static int keep_siblings(scorer *s, long top)
{
    xmlNodePtr t = s->v[top].e;
    const double topscore = s->v[top].score;
    const double bar = topscore * WT_HTML_SIBLING_SHARE > 10
                           ? topscore * WT_HTML_SIBLING_SHARE
                           : 10;
    s->v[top].kept = 1;
    /* Siblings are looked for beside the wrappers that hold little but
     * the container: the parts of a story may be wrapped apart. */
    xmlNodePtr w = t;
    while (is_element(w->parent) && !named(w->parent, "body")) {
        const long p = cand_find(s, w->parent);
        if (p < 0 || s->v[p].units > WT_HTML_WRAPPER_SHARE * s->v[top].units)
            break;
        w = w->parent;
    }
    if (!is_element(w->parent))
        return 0;
    best_below(s, w);
    for (xmlNodePtr e = w->parent->children; e; e = e->next) {
        const long i = is_element(e) && e != w ? cand_find(s, e) : -1;
        if (i < 0)
            continue;
        cand *c = &s->v[i];
        const double bonus = same_class(e, t) ? topscore * 0.2 : 0;
        const double ld = c->units ? (double)c->links / c->units : 1;
        int keep = c->scored && c->score + bonus >= bar;
        /* A part of the article in a sibling, wrapped deeper (sections of
         * one story in containers of their own). */
        keep |= c->below >= WT_HTML_PART_SHARE * topscore &&
                ld <= WT_HTML_LINK_MAX && !wt_html_furniture_name(e);
        if (named(e, "p"))
            keep |= (c->units > 80 && ld < 0.25) ||
                    (c->units > 0 && c->units <= 80 && c->links == 0);
        c->kept = keep;
    }
    return 0;
}

/* Is a block below a kept element? */
static int under_kept(const scorer *s, xmlNodePtr e)
{
    for (int up = 0; is_element(e) && up < 4096; up++, e = e->parent) {
        const long i = cand_find(s, e);
        if (i >= 0 && s->v[i].kept)
            return 1;
    }
    return 0;
}

/* Is a block inside furniture nested in the kept container: below a
 * kept element, an element named as comments, related stories, share
 * bars or advertising (wt_html_furniture_name), which the walk keeps when
 * it holds paragraphs? */
static int in_nested_furniture(const scorer *s, xmlNodePtr e)
{
    int furniture = 0;
    for (int up = 0; is_element(e) && up < 4096; up++, e = e->parent) {
        const long i = cand_find(s, e);
        if (i >= 0 && s->v[i].kept)
            return furniture;
        furniture |= wt_html_furniture_name(e);
    }
    return 0;
}

/* ---- the jusText-style classifier ---- */

enum { JT_BAD, JT_SHORT, JT_NEAR, JT_GOOD };

/* The share of the words of block k that are stopwords of prof. */
static double stop_share(const wt_html *h, const wt_html_block *k,
                         const wt_profile *prof)
{
    UChar w[64];
    char u8[256];
    int32_t n = 0, words = 0, stops = 0;
    for (int32_t i = k->start; i <= k->end; i++) {
        const UChar c = i < k->end ? h->text.u[i] : ' ';
        if (u_isalnum(c) || c == '\'' || c == 0x2019) {
            if (n < 64)
                w[n++] = c;
            continue;
        }
        if (!n)
            continue;
        UChar f[128];
        UErrorCode err = U_ZERO_ERROR;
        const int32_t fl =
            u_strFoldCase(f, 128, w, n, U_FOLD_CASE_DEFAULT, &err);
        int32_t ul = 0;
        u_strToUTF8(u8, sizeof u8, &ul, f, fl, &err);
        words++;
        stops += U_SUCCESS(err) &&
                 wt_profile_is_stop(prof, wt_word_hash(u8, (size_t)ul));
        n = 0;
    }
    return words ? (double)stops / words : 0;
}

static int classify(const wt_html *h, const wt_html_block *k,
                    const wt_profile *prof)
{
    const int32_t len = k->end - k->start;
    if (len && (double)k->link_units / len > 0.2)
        return JT_BAD;
    if (len < 70)
        return JT_SHORT;
    if (!prof)
        return JT_NEAR;
    const double stop = stop_share(h, k, prof);
    if (stop >= WT_HTML_STOP_GOOD + 0.02 && len > 200)
        return JT_GOOD;
    return stop >= WT_HTML_STOP_GOOD ? JT_NEAR : JT_BAD;
}

/* Is e inside an element named as furniture (comments, related)? */
static int in_furniture(xmlNodePtr e)
{
    for (int up = 0; is_element(e) && up < 4096; up++, e = e->parent)
        if (wt_html_furniture_name(e))
            return 1;
    return 0;
}

/* Drops link lists from the kept blocks and takes in the good blocks
 * next to them (an article split over sibling containers). */
static void trim(const wt_html *h, const wt_profile *prof, unsigned char *keep)
{
    for (size_t b = 0; b < h->nblocks; b++) {
        const wt_html_block *k = &h->blocks[b];
        const int32_t len = k->end - k->start;
        /* A long block may lead with a linked headline (a list of
         * summaries) and still be text. */
        const double most = len >= WT_HTML_LONG_UNITS ? WT_HTML_LONG_LINK_MAX
                                                      : WT_HTML_LINK_MAX;
        if (keep[b] && (double)k->link_units > most * len)
            keep[b] = 0;
    }
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < h->nblocks; i++) {
            const size_t b = pass ? h->nblocks - 1 - i : i;
            const int next_to =
                (b > 0 && keep[b - 1]) || (b + 1 < h->nblocks && keep[b + 1]);
            if (!keep[b] && next_to &&
                classify(h, &h->blocks[b], prof) == JT_GOOD &&
                !in_furniture(h->blocks[b].elem))
                keep[b] = 1;
        }
}

static int score_pick(const wt_html *h, const wt_profile *prof,
                      unsigned char *keep)
{
    scorer s = {.h = h};
    int rc = wt_hmap_init(&s.map, h->nblocks * 4 + 16);
    if (!rc)
        rc = add_totals(&s);
    if (!rc)
        rc = add_scores(&s);
    long top = rc ? -1 : best_cand(&s);
    if (top >= 0) {
        top = climb(&s, top);
        rc = keep_siblings(&s, top);
        for (size_t b = 0; b < h->nblocks && !rc; b++)
            keep[b] = under_kept(&s, h->blocks[b].elem) &&
                      !in_nested_furniture(&s, h->blocks[b].elem);
        trim(h, prof, keep);
    }
    wt_hmap_release(&s.map);
    wt_free(s.v);
    return rc;
}

static int node_depth(xmlNodePtr e)
{
    int d = 0;
    for (; e && d < 1 << 20; e = e->parent)
        d++;
    return d;
}

/* The nearest element holding both a and b. */
static xmlNodePtr common_ancestor(xmlNodePtr a, xmlNodePtr b)
{
    int da = node_depth(a), db = node_depth(b);
    for (; da > db; da--)
        a = a->parent;
    for (; db > da; db--)
        b = b->parent;
    while (a != b)
        a = a->parent, b = b->parent;
    return a;
}

/* Is e below top, with nothing named as furniture between them? */
static int plainly_under(xmlNodePtr e, xmlNodePtr top)
{
    for (int up = 0; is_element(e) && up < 4096; up++, e = e->parent) {
        if (e == top)
            return 1;
        if (wt_html_furniture_name(e))
            return 0;
    }
    return 0;
}

/* The words (letter and digit runs) of block k. */
static size_t word_count(const wt_html *h, const wt_html_block *k)
{
    size_t n = 0;
    int in = 0;
    for (int32_t i = k->start; i < k->end; i++) {
        const int w = u_isalnum(h->text.u[i]) != 0;
        n += w && !in;
        in = w;
    }
    return n;
}

/* The body locates the article; a body that is a summary of it (the
 * first paragraphs, a teaser) leaves out the rest.  So the blocks of the
 * element that holds all the body's blocks are taken too, but for link
 * lists, furniture, captions and labels (a date, "Share"). */
static void ld_widen(const wt_html *h, unsigned char *keep)
{
    xmlNodePtr top = NULL;
    size_t n = 0;
    for (size_t b = 0; b < h->nblocks; b++)
        if (keep[b] && h->blocks[b].elem) {
            top = top ? common_ancestor(top, h->blocks[b].elem)
                      : h->blocks[b].elem;
            n++;
        }
    if (!top || n < 2 || !is_element(top) || named(top, "body") ||
        named(top, "html"))
        return;
    for (size_t b = 0; b < h->nblocks; b++) {
        const wt_html_block *k = &h->blocks[b];
        if (!keep[b] && k->elem && !(k->flags & WT_HB_CAPTION) &&
            (double)k->link_units <= WT_HTML_LINK_MAX * (k->end - k->start) &&
            word_count(h, k) >= WT_HTML_WIDEN_MIN_WORDS &&
            plainly_under(k->elem, top))
            keep[b] = 1;
    }
}

static int json_ld_pick(const wt_html *h, const char *body, unsigned char *keep,
                        int *used)
{
    uint64_t *sh = NULL;
    size_t n = 0;
    double cover = 0;
    *used = 0;
    int rc = body_shingles(body, &sh, &n);
    /* A body of a few words is a summary, not the article. */
    if (!rc && n >= 20)
        rc = ld_blocks(h, sh, n, keep, &cover);
    *used = !rc && cover >= WT_HTML_LD_COVER_MIN;
    if (*used)
        ld_widen(h, keep);
    wt_free(sh);
    return rc;
}

/* The headline (h1) is metadata: drops it from keep; returns the blocks
 * left. */
static size_t drop_headline(const wt_html *h, unsigned char *keep)
{
    size_t kept = 0;
    for (size_t b = 0; b < h->nblocks; b++) {
        if (keep[b] && named(h->blocks[b].elem, "h1"))
            keep[b] = 0;
        kept += keep[b];
    }
    return kept;
}

/* No container stood out: the page is kept whole but for link lists, so
 * that a page cut off after a few words still gives them. */
static void keep_all(const wt_html *h, unsigned char *keep)
{
    for (size_t b = 0; b < h->nblocks; b++) {
        const wt_html_block *k = &h->blocks[b];
        keep[b] =
            (double)k->link_units <= WT_HTML_LINK_MAX * (k->end - k->start);
    }
}

/* One hash of block k's words, 0 for a block without words; *nwords gets
 * how many. */
static int block_key(const wt_html *h, size_t b, uint64_t *key, size_t *nwords)
{
    uint64_t *w = NULL;
    const wt_html_block *k = &h->blocks[b];
    const int rc =
        words_of(h->text.u + k->start, k->end - k->start, &w, nwords);
    *key = 0;
    for (size_t i = 0; !rc && i < *nwords; i++)
        *key = (*key ^ w[i]) * 1099511628211ULL + 1;
    wt_free(w);
    return rc;
}

/* Is e part of a table (a block of a cell may hold its row)? */
static int in_cell(xmlNodePtr e)
{
    for (int up = 0; is_element(e) && up < 8; up++, e = e->parent)
        if (named(e, "td") || named(e, "th") || named(e, "tr"))
            return 1;
    return 0;
}

/* Repeats are not the article's text: a kept block with the words of an
 * earlier kept one (a slideshow's captions), and a label of a few words
 * found twice or more on the page ("Advertisement", "Photo: AP"). */
static int drop_repeats(const wt_html *h, unsigned char *keep)
{
    uint64_t *keys = wt_calloc(h->nblocks + 1, sizeof *keys);
    uint64_t *sorted = wt_malloc((h->nblocks + 1) * sizeof *sorted);
    size_t *words = wt_calloc(h->nblocks + 1, sizeof *words);
    int rc = keys && sorted && words ? 0 : WT_ENOMEM;
    for (size_t b = 0; b < h->nblocks && !rc; b++)
        rc = block_key(h, b, &keys[b], &words[b]);
    wt_hmap seen = {0};
    if (!rc)
        rc = wt_hmap_init(&seen, h->nblocks * 2 + 16);
    if (!rc)
        memcpy(sorted, keys, h->nblocks * sizeof *sorted);
    const size_t n = rc ? 0 : h->nblocks;
    if (n)
        wt_sort_u64(sorted, n);
    for (size_t b = 0; b < n && !rc; b++) {
        if (!keep[b] || !keys[b] || in_cell(h->blocks[b].elem))
            continue; /* cells of a table repeat as a matter of course */
        const size_t at =
            wt_lower_bound_u64(sorted, n, sizeof *sorted, keys[b]);
        const int twice = at + 1 < n && sorted[at + 1] == keys[b];
        if (twice && words[b] <= WT_HTML_LABEL_MAX_WORDS &&
            !(h->blocks[b].flags & WT_HB_LIST)) {
            keep[b] = 0;
            continue;
        }
        uint64_t *slot = wt_hmap_slot(&seen, keys[b]);
        if (!slot)
            rc = WT_ENOMEM;
        else if (*slot)
            keep[b] = 0;
        else
            *slot = 1;
    }
    wt_hmap_release(&seen);
    wt_free(keys);
    wt_free(sorted);
    wt_free(words);
    return rc;
}

/* The first element marked itemprop="articleBody" (schema.org
 * microdata), or NULL. */
static xmlNodePtr microdata_body(const wt_html *h)
{
    xmlNodePtr root = xmlDocGetRootElement(h->doc);
    char v[64];
    for (xmlNodePtr n = root; n;) {
        if (n->type == XML_ELEMENT_NODE) {
            const char *p = wt_html_attr(n, "itemprop", v, sizeof v);
            if (p && !strcmp(p, "articlebody"))
                return n;
        }
        n = wt_html_next(n, root);
    }
    return NULL;
}

/* When scoring found nothing: the element the page marks as the
 * article's body, when it holds running text: its blocks but for link
 * lists, furniture and captions. */
static int microdata_pick(const wt_html *h, unsigned char *keep)
{
    xmlNodePtr top = microdata_body(h);
    int32_t units = 0;
    for (size_t b = 0; top && b < h->nblocks; b++) {
        const wt_html_block *k = &h->blocks[b];
        const int32_t len = k->end - k->start;
        keep[b] = k->elem && !(k->flags & WT_HB_CAPTION) &&
                  (double)k->link_units <= WT_HTML_LINK_MAX * len &&
                  plainly_under(k->elem, top);
        units += keep[b] ? len - k->link_units : 0;
    }
    if (units < WT_HTML_MICRODATA_MIN_UNITS)
        memset(keep, 0, h->nblocks);
    return units >= WT_HTML_MICRODATA_MIN_UNITS;
}

int wt_html_main(const wt_html *h, const char *body, const wt_profile *prof,
                 unsigned char *keep, wt_main_how *how)
{
    int rc = 0, used = 0;
    *how = WT_MAIN_NONE;
    memset(keep, 0, h->nblocks);
    if (body)
        rc = json_ld_pick(h, body, keep, &used);
    if (!rc && used) {
        *how = WT_MAIN_JSONLD;
    } else if (!rc) {
        memset(keep, 0, h->nblocks);
        rc = score_pick(h, prof, keep);
        *how = WT_MAIN_SCORED;
    }
    if (!rc)
        rc = drop_repeats(h, keep);
    size_t kept = drop_headline(h, keep);
    if (!rc && !kept && microdata_pick(h, keep)) {
        kept = drop_headline(h, keep);
        *how = WT_MAIN_MICRODATA;
    }
    if (!rc && !kept) {
        keep_all(h, keep);
        kept = drop_headline(h, keep);
        *how = kept ? WT_MAIN_ALL : WT_MAIN_NONE;
    }
    return rc;
}
