/*
 * html_meta.c - page metadata.  Each field is filled from the strongest
 * source that has it: a JSON-LD article object first (schema.org is
 * what news sites write for search engines, and the most precise), then
 * OpenGraph and the other common <meta> names, then <title> and <html
 * lang>.  Each source is kept apart while the page is read and the choice
 * is made at the end, so the order of elements on the page does not
 * matter.
 */
#include "html_meta.h"
#include "alloc.h"
#include "wiretrace.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Candidate values of one field, strongest source first. */
enum { SRC_LD, SRC_META, SRC_DOC, SRC_COUNT };
enum { F_TITLE, F_OUTLET, F_PUBLISHED, F_LANG, F_URL, F_COUNT };

typedef struct reader {
    wt_html_meta *m;
    char *v[F_COUNT][SRC_COUNT];
    char **meta_authors;
    size_t nmeta_authors, metacap;
    int ld_authors; /* authors came from JSON-LD */
} reader;

/* Sets field f from source s to a copy of text with white space folded,
 * unless it is set already or text is empty. */
static int put(reader *r, int f, int s, const char *text)
{
    if (r->v[f][s] || !text)
        return 0;
    while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')
        text++;
    if (!*text)
        return 0;
    char *c = wt_malloc(strlen(text) + 1);
    if (!c)
        return WT_ENOMEM;
    size_t o = 0;
    for (const char *p = text; *p; p++) {
        const int sp = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
        if (!sp)
            c[o++] = *p;
        else if (o && c[o - 1] != ' ')
            c[o++] = ' ';
    }
    while (o && c[o - 1] == ' ')
        o--;
    c[o] = '\0';
    r->v[f][s] = c;
    return 0;
}

/* Appends an author name to *v unless it is there already. */
static int add_author(char ***v, size_t *n, size_t *cap, const char *name)
{
    if (!name || !*name || strlen(name) > 200)
        return 0;
    for (size_t i = 0; i < *n; i++)
        if (!strcasecmp((*v)[i], name))
            return 0;
    if (wt_grow(v, cap, *n + 1, sizeof **v))
        return WT_ENOMEM;
    if (!((*v)[*n] = wt_strdup(name)))
        return WT_ENOMEM;
    (*n)++;
    return 0;
}

/* ---- JSON-LD ---- */

static int is_article_type(const char *t)
{
    static const char *const ends[] = {"Article", "BlogPosting", "Report",
                                       "NewsArticle", "LiveBlogPosting"};
    const char *s = strrchr(t, '/');
    s = s ? s + 1 : t;
    const size_t n = strlen(s);
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        const size_t k = strlen(ends[i]);
        if (n >= k && !strcmp(s + n - k, ends[i]))
            return 1;
    }
    return 0;
}

static int has_article_type(json_t *o)
{
    json_t *t = json_object_get(o, "@type");
    if (json_is_string(t))
        return is_article_type(json_string_value(t));
    size_t i;
    json_t *x;
    json_array_foreach(t, i, x)
    {
        if (json_is_string(x) && is_article_type(json_string_value(x)))
            return 1;
    }
    return 0;
}

/* The first article object in j: j itself, an element of an array, of
 * "@graph" or "mainEntity"; depth bounds hostile nesting. */
static json_t *find_article(json_t *j, int depth)
{
    if (!j || depth > 8)
        return NULL;
    if (json_is_array(j)) {
        size_t i;
        json_t *x, *a;
        json_array_foreach(j, i, x)
        {
            if ((a = find_article(x, depth + 1)))
                return a;
        }
        return NULL;
    }
    if (!json_is_object(j))
        return NULL;
    if (has_article_type(j))
        return j;
    json_t *a = find_article(json_object_get(j, "@graph"), depth + 1);
    return a ? a : find_article(json_object_get(j, "mainEntity"), depth + 1);
}

/* A name given as a string, or an object's "name". */
static const char *name_of(json_t *j)
{
    if (json_is_string(j))
        return json_string_value(j);
    return json_string_value(json_object_get(j, "name"));
}

static int ld_authors(reader *r, json_t *a)
{
    wt_html_meta *m = r->m;
    int rc = 0;
    if (json_is_array(a)) {
        size_t i;
        json_t *x;
        json_array_foreach(a, i, x)
        {
            if (!rc)
                rc = add_author(&m->authors, &m->nauthors, &m->authorcap,
                                name_of(x));
        }
    } else {
        rc = add_author(&m->authors, &m->nauthors, &m->authorcap, name_of(a));
    }
    r->ld_authors |= m->nauthors > 0;
    return rc;
}

/* A URL given as a string or an object's "@id" or "url". */
static const char *url_of(json_t *j)
{
    if (json_is_string(j))
        return json_string_value(j);
    const char *s = json_string_value(json_object_get(j, "@id"));
    return s ? s : json_string_value(json_object_get(j, "url"));
}

static int ld_article(reader *r, json_t *a)
{
    int rc = put(r, F_TITLE, SRC_LD, name_of(json_object_get(a, "headline")));
    if (!rc)
        rc = put(r, F_OUTLET, SRC_LD, name_of(json_object_get(a, "publisher")));
    if (!rc)
        rc = put(r, F_PUBLISHED, SRC_LD,
                 json_string_value(json_object_get(a, "datePublished")));
    if (!rc)
        rc = put(r, F_LANG, SRC_LD, name_of(json_object_get(a, "inLanguage")));
    if (!rc)
        rc = put(r, F_URL, SRC_LD, url_of(json_object_get(a, "url")));
    if (!rc)
        rc = put(r, F_URL, SRC_LD,
                 url_of(json_object_get(a, "mainEntityOfPage")));
    if (!rc && !r->m->nauthors)
        rc = ld_authors(r, json_object_get(a, "author"));
    const char *body = json_string_value(json_object_get(a, "articleBody"));
    if (!rc && body && !r->m->body && !(r->m->body = wt_strdup(body)))
        rc = WT_ENOMEM;
    return rc;
}

/* Reads one <script type="application/ld+json">.  Pages wrap it in
 * comment or CDATA markers now and then; those are skipped. */
static int read_ld(reader *r, xmlNodePtr script)
{
    xmlChar *text = xmlNodeGetContent(script);
    if (!text)
        return 0;
    const char *s = (const char *)text;
    s += strspn(s, " \t\r\n");
    if (!strncmp(s, "<!--", 4))
        s += 4;
    else if (!strncmp(s, "//<![CDATA[", 11))
        s += 11;
    json_error_t e;
    json_t *j = json_loads(s, JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &e);
    int rc = 0;
    if (!j && !r->m->warning[0])
        snprintf(r->m->warning, sizeof r->m->warning,
                 "JSON-LD on line %ld skipped: %s", xmlGetLineNo(script),
                 e.text);
    json_t *a = find_article(j, 0);
    if (a)
        rc = ld_article(r, a);
    json_decref(j);
    xmlFree(text);
    return rc;
}

/* ---- <meta>, <link>, <title>, <html> ---- */

/* Which field a <meta> name or property fills: OpenGraph and Open
 * Graph's article namespace, then names other conventions use. */
static int meta_field(const char *key)
{
    static const struct {
        const char *key;
        int field;
    } keys[] = {
        {"og:title", F_TITLE},
        {"twitter:title", F_TITLE},
        {"og:site_name", F_OUTLET},
        {"application-name", F_OUTLET},
        {"article:published_time", F_PUBLISHED},
        {"og:article:published_time", F_PUBLISHED},
        {"datepublished", F_PUBLISHED},
        {"pubdate", F_PUBLISHED},
        {"publishdate", F_PUBLISHED},
        {"publish-date", F_PUBLISHED},
        {"date", F_PUBLISHED},
        {"dc.date", F_PUBLISHED},
        {"dc.date.issued", F_PUBLISHED},
        {"dcterms.date", F_PUBLISHED},
        {"parsely-pub-date", F_PUBLISHED},
        {"sailthru.date", F_PUBLISHED},
        {"og:locale", F_LANG},
        {"content-language", F_LANG},
        {"og:url", F_URL},
    };
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (!strcmp(key, keys[i].key))
            return keys[i].field;
    return -1;
}

static int is_author_key(const char *key)
{
    return !strcmp(key, "author") || !strcmp(key, "article:author") ||
           !strcmp(key, "parsely-author") || !strcmp(key, "sailthru.author") ||
           !strcmp(key, "dc.creator") || !strcmp(key, "byl");
}

/* The raw (not lower-cased) value of attribute name, owned by libxml2. */
static xmlChar *raw_attr(xmlNodePtr e, const char *name)
{
    return xmlGetProp(e, (const xmlChar *)name);
}

static int read_meta(reader *r, xmlNodePtr e)
{
    char k[64];
    const char *key = wt_html_attr(e, "property", k, sizeof k);
    if (!key)
        key = wt_html_attr(e, "name", k, sizeof k);
    if (!key)
        key = wt_html_attr(e, "itemprop", k, sizeof k);
    if (!key)
        key = wt_html_attr(e, "http-equiv", k, sizeof k);
    xmlChar *v = key ? raw_attr(e, "content") : NULL;
    if (!v)
        return 0;
    const int f = meta_field(key);
    int rc = 0;
    if (f >= 0)
        rc = put(r, f, SRC_META, (const char *)v);
    else if (is_author_key(key) && strncmp((const char *)v, "http", 4))
        rc = add_author(&r->meta_authors, &r->nmeta_authors, &r->metacap,
                        (const char *)v);
    xmlFree(v);
    return rc;
}

static int read_link(reader *r, xmlNodePtr e)
{
    char rel[64];
    if (!wt_html_attr(e, "rel", rel, sizeof rel) || strcmp(rel, "canonical"))
        return 0;
    xmlChar *href = raw_attr(e, "href");
    const int rc = put(r, F_URL, SRC_META, (const char *)href);
    xmlFree(href);
    return rc;
}

static int read_element(reader *r, xmlNodePtr e)
{
    const char *n = (const char *)e->name;
    char buf[64];
    int rc = 0;
    if (!strcasecmp(n, "meta")) {
        rc = read_meta(r, e);
    } else if (!strcasecmp(n, "link")) {
        rc = read_link(r, e);
    } else if (!strcasecmp(n, "script")) {
        const char *t = wt_html_attr(e, "type", buf, sizeof buf);
        if (t && !strcmp(t, "application/ld+json"))
            rc = read_ld(r, e);
    } else if (!strcasecmp(n, "title") && !r->v[F_TITLE][SRC_DOC]) {
        xmlChar *t = xmlNodeGetContent(e);
        rc = put(r, F_TITLE, SRC_DOC, (const char *)t);
        xmlFree(t);
    } else if (!strcasecmp(n, "html")) {
        xmlChar *l = raw_attr(e, "lang");
        rc = put(r, F_LANG, SRC_DOC, (const char *)l);
        xmlFree(l);
    }
    return rc;
}

/* Every element of the tree in document order, without recursion. */
static int read_tree(reader *r, xmlNodePtr root)
{
    int rc = 0;
    for (xmlNodePtr n = root; n && !rc;) {
        if (n->type == XML_ELEMENT_NODE)
            rc = read_element(r, n);
        n = wt_html_next(n, root);
    }
    return rc;
}

/* The strongest value of field f; ownership moves to the caller.  The
 * language is <html lang> first: it is what the page is written in,
 * where inLanguage is sometimes the site's default. */
static char *take(reader *r, int f)
{
    static const int lang_order[SRC_COUNT] = {SRC_DOC, SRC_LD, SRC_META};
    static const int order[SRC_COUNT] = {SRC_LD, SRC_META, SRC_DOC};
    for (int i = 0; i < SRC_COUNT; i++) {
        const int s = f == F_LANG ? lang_order[i] : order[i];
        if (r->v[f][s]) {
            char *v = r->v[f][s];
            r->v[f][s] = NULL;
            return v;
        }
    }
    return NULL;
}

int wt_html_meta_read(const wt_html *h, wt_html_meta *m)
{
    memset(m, 0, sizeof *m);
    reader r = {.m = m};
    int rc = read_tree(&r, xmlDocGetRootElement(h->doc));
    for (size_t i = 0; !rc && !r.ld_authors && i < r.nmeta_authors; i++)
        rc = add_author(&m->authors, &m->nauthors, &m->authorcap,
                        r.meta_authors[i]);
    m->title = take(&r, F_TITLE);
    m->outlet = take(&r, F_OUTLET);
    m->published = take(&r, F_PUBLISHED);
    m->lang = take(&r, F_LANG);
    m->url = take(&r, F_URL);
    for (int f = 0; f < F_COUNT; f++)
        for (int s = 0; s < SRC_COUNT; s++)
            wt_free(r.v[f][s]);
    for (size_t i = 0; i < r.nmeta_authors; i++)
        wt_free(r.meta_authors[i]);
    wt_free(r.meta_authors);
    return rc;
}

void wt_html_meta_release(wt_html_meta *m)
{
    if (!m)
        return;
    wt_free(m->title);
    wt_free(m->outlet);
    wt_free(m->published);
    wt_free(m->lang);
    wt_free(m->url);
    wt_free(m->body);
    for (size_t i = 0; i < m->nauthors; i++)
        wt_free(m->authors[i]);
    wt_free(m->authors);
    memset(m, 0, sizeof *m);
}
