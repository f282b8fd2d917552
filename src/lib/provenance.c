/* provenance.c - see provenance.h. */
#include "provenance.h"
#include "alloc.h"
#include "hmap.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xxhash.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* name without a leading "The " and with every run of white space one
 * space, the ends trimmed of spaces, dots and commas. */
static char *fold_name(const char *name)
{
    while (is_space(*name))
        name++;
    if ((!strncmp(name, "The", 3) || !strncmp(name, "the", 3)) &&
        is_space(name[3]) && name[4] && !is_space(name[4]))
        name += 4;
    char *out = wt_malloc(strlen(name) + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (const char *p = name; *p; p++) {
        if (is_space(*p)) {
            if (o && out[o - 1] != ' ')
                out[o++] = ' ';
        } else {
            out[o++] = *p;
        }
    }
    while (o && (out[o - 1] == ' ' || out[o - 1] == '.' || out[o - 1] == ','))
        o--;
    out[o] = '\0';
    return out;
}

char *wt_outlet_canonical(const wt_agencies *agencies, const char *name)
{
    char *folded = fold_name(name);
    if (!folded)
        return NULL;
    const char *agency = wt_agencies_canonical(agencies, folded);
    if (!agency)
        return folded;
    wt_free(folded);
    return wt_strdup(agency);
}

/* In text order; two outlets credited over the same bytes by name, so
 * that the order does not depend on qsort's. */
static int cmp_credit(const void *x, const void *y)
{
    const wt_credit *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return strcmp(a->outlet, b->outlet);
}

/* Adds a credit of outlet (canonical, copied) over bytes [start, end),
 * unless one of the same outlet overlaps it: the longer of the two is
 * kept. */
static int add_credit(wt_document *d, const char *outlet, size_t start,
                      size_t end, int kind)
{
    for (size_t i = 0; i < d->ncredits; i++) {
        wt_credit *c = &d->credits[i];
        if (c->start >= end || start >= c->end || strcasecmp(c->outlet, outlet))
            continue;
        if (end - start > c->end - c->start) {
            c->start = start;
            c->end = end;
            c->kind = (wt_credit_kind)kind;
        }
        return 0;
    }
    if (wt_grow(&d->credits, &d->creditcap, d->ncredits + 1,
                sizeof *d->credits))
        return WT_ENOMEM;
    char *name = wt_strdup(outlet);
    if (!name)
        return WT_ENOMEM;
    d->credits[d->ncredits++] =
        (wt_credit){name, start, end, (wt_credit_kind)kind, 0};
    return 0;
}

/* Photo credits found in one paragraph: UTF-16 ranges, at most MAX_PHOTO
 * (a paragraph with more is a gallery; the rest are dropped alike). */
enum { MAX_PHOTO = 16 };
typedef struct photo_ranges {
    int32_t s[MAX_PHOTO], e[MAX_PHOTO];
    size_t n;
} photo_ranges;

static int in_photo(const photo_ranges *ph, int32_t s, int32_t e)
{
    for (size_t i = 0; i < ph->n; i++)
        if (s < ph->e[i] && ph->s[i] < e)
            return 1;
    return ph->n == MAX_PHOTO;
}

/* The credit pattern p last matched in d's text from UTF-16 index base,
 * unless it lies in a photo credit.  The name is group 1: one longer than
 * 255 units is no name. */
static int add_match(wt_document *d, const wt_pattern *p, int32_t base,
                     const wt_agencies *agencies, const photo_ranges *ph)
{
    UErrorCode err = U_ZERO_ERROR;
    char name[768];
    int32_t ns, ne, s, e;
    wt_pattern_group(p, 1, &ns, &ne);
    wt_pattern_group(p, 0, &s, &e);
    const int32_t n = ne - ns;
    if (ns < 0 || n <= 0 || n > 255 || in_photo(ph, ns, ne))
        return 0;
    u_strToUTF8(name, sizeof name, NULL, d->text.u + base + ns, n, &err);
    if (U_FAILURE(err))
        return 0;
    /* The range shows the credit, not the space a pattern took around it. */
    const UChar *u = d->text.u + base;
    while (s < e && u_isUWhiteSpace(u[s]))
        s++;
    while (e > s && u_isUWhiteSpace(u[e - 1]))
        e--;
    char *canon = wt_outlet_canonical(agencies, name);
    if (!canon)
        return WT_ENOMEM;
    const int rc = canon[0]
                       ? add_credit(d, canon, wt_text_off(&d->text, base + s),
                                    wt_text_off(&d->text, base + e), p->kind)
                       : 0;
    wt_free(canon);
    return rc;
}

/* The photo credits of the text on the profile's photo patterns;
 * may: which patterns can match (wt_profile_screen). */
static void find_photos(const wt_profile *prof, const UChar *u, int32_t n,
                        const uint64_t *may, photo_ranges *ph)
{
    ph->n = 0;
    for (size_t i = 0; i < prof->ncredit; i++) {
        if (prof->credit[i].kind != WT_CREDIT_PHOTO ||
            !wt_profile_may(may, i) || !wt_pattern_gate(&prof->credit[i], u, n))
            continue;
        for (int32_t at = 0;
             ph->n < MAX_PHOTO && wt_pattern_next(&prof->credit[i], u, n, &at);
             ph->n++)
            wt_pattern_group(&prof->credit[i], 0, &ph->s[ph->n], &ph->e[ph->n]);
    }
}

static int story_para(const wt_document *d, size_t p)
{
    const wt_boiler b = d->paras[p].pub.boiler;
    return b == WT_BOILER_NONE || b == WT_BOILER_CAPTION;
}

/* Does paragraph p end with a closing parenthesis, "(Yonhap)" or
 * "（共同）"? */
static int ends_in_parens(const wt_document *d, size_t p)
{
    int32_t i = wt_text_index_at(&d->text, d->paras[p].pub.end);
    const int32_t s = wt_text_index_at(&d->text, d->paras[p].pub.start);
    while (i > s && u_isUWhiteSpace(d->text.u[i - 1]))
        i--;
    return i > s && (d->text.u[i - 1] == u')' || d->text.u[i - 1] == 0xFF09);
}

/* Is paragraph p a caption to skip?  A photo caption's agency says who
 * took the picture, not who wrote.  The tag "(Yonhap)" ending the story's
 * last paragraph after its text ("... the ministry said. (Yonhap)") is the
 * story's closing credit: a caption stands before or among the text.  A
 * bare agency name there ("... on Friday. Yonhap") stays a caption. */
static int photo_caption(const wt_document *d, size_t p)
{
    if (d->paras[p].pub.boiler != WT_BOILER_CAPTION)
        return 0;
    if (!ends_in_parens(d, p))
        return 1;
    for (size_t q = p + 1; q < d->npara; q++)
        if (story_para(d, q))
            return 1;
    for (size_t q = p; q-- > 0;)
        if (story_para(d, q))
            return d->paras[q].pub.boiler == WT_BOILER_CAPTION;
    return 1;
}

int wt_provenance_scan(wt_document *d, const wt_profile *prof,
                       const wt_agencies *agencies)
{
    int rc = 0;
    photo_ranges ph;
    uint64_t may[WT_PATTERNS_MAX / 64];
    for (size_t p = 0; p < d->npara && !rc; p++) {
        if (photo_caption(d, p))
            continue;
        const int32_t s = wt_text_index_at(&d->text, d->paras[p].pub.start);
        const int32_t e = wt_text_index_at(&d->text, d->paras[p].pub.end);
        /* Only the patterns whose literals are in the text can match. */
        if ((rc = wt_profile_screen(prof, 1, d->text.u + s, e - s, may)))
            break;
        find_photos(prof, d->text.u + s, e - s, may, &ph);
        for (size_t i = 0; i < prof->ncredit && !rc; i++) {
            if (prof->credit[i].kind == WT_CREDIT_PHOTO ||
                !wt_profile_may(may, i) ||
                !wt_pattern_gate(&prof->credit[i], d->text.u + s, e - s))
                continue;
            const wt_pattern *pat = &prof->credit[i];
            for (int32_t at = 0;
                 !rc && wt_pattern_next(pat, d->text.u + s, e - s, &at);)
                rc = add_match(d, pat, s, agencies, &ph);
        }
    }
    if (d->ncredits > 1)
        qsort(d->credits, d->ncredits, sizeof *d->credits, cmp_credit);
    return rc;
}

int wt_provenance_own(wt_document *d, const wt_agencies *agencies)
{
    wt_free(d->outlet_canon);
    d->outlet_canon = NULL;
    if (d->outlet &&
        !(d->outlet_canon = wt_outlet_canonical(agencies, d->outlet)))
        return WT_ENOMEM;
    const char *own = d->outlet_canon;
    for (size_t i = 0; i < d->ncredits; i++)
        d->credits[i].own =
            own && own[0] && !strcasecmp(d->credits[i].outlet, own);
    return 0;
}

int wt_provenance_credits(const wt_document *a, const wt_document *b)
{
    if (!b->outlet_canon || !b->outlet_canon[0])
        return 0;
    for (size_t i = 0; i < a->ncredits; i++)
        if (!a->credits[i].own &&
            !strcasecmp(a->credits[i].outlet, b->outlet_canon))
            return 1;
    return 0;
}

wt_origin wt_provenance_origin(const wt_document *a, const wt_document *b)
{
    if (a->published && b->published && a->published != b->published)
        return a->published > b->published ? WT_ORIGIN_OTHER : WT_ORIGIN_THIS;
    const int a_took = wt_provenance_credits(a, b);
    const int b_took = wt_provenance_credits(b, a);
    if (a_took != b_took)
        return a_took ? WT_ORIGIN_OTHER : WT_ORIGIN_THIS;
    return WT_ORIGIN_UNKNOWN;
}

/* A hash of an outlet name as strcasecmp() compares it: the name folded
 * to lower case a chunk at a time, each chunk seeding the next. */
static uint64_t name_hash(const char *name)
{
    uint64_t h = 0;
    char buf[64];
    size_t n = 0;
    for (const char *p = name;; p++) {
        if (!*p || n == sizeof buf) {
            h = XXH3_64bits_withSeed(buf, n, h);
            n = 0;
        }
        if (!*p)
            return h;
        buf[n++] = (char)tolower((unsigned char)*p);
    }
}

/* How many documents credit each outlet (by name_hash), each counting an
 * outlet once. */
static int count_credited(wt_document *const *docs, size_t n, wt_hmap *m)
{
    int rc = wt_hmap_init(m, n);
    for (size_t d = 0; d < n && !rc; d++)
        for (size_t i = 0; i < docs[d]->ncredits && !rc; i++) {
            const wt_credit *c = &docs[d]->credits[i];
            size_t j = 0;
            while (j < i && strcasecmp(docs[d]->credits[j].outlet, c->outlet))
                j++;
            if (c->own || j < i)
                continue;
            uint64_t *v = wt_hmap_slot(m, name_hash(c->outlet));
            if (v)
                ++*v;
            else
                rc = WT_ENOMEM;
        }
    return rc;
}

typedef struct rank_key {
    int64_t published; /* INT64_MAX when unknown */
    uint64_t credited; /* documents crediting its outlet */
    uint32_t doc;
} rank_key;

static int cmp_rank(const void *x, const void *y)
{
    const rank_key *a = x, *b = y;
    if (a->published != b->published)
        return a->published < b->published ? -1 : 1;
    if (a->credited != b->credited)
        return a->credited > b->credited ? -1 : 1;
    return (a->doc > b->doc) - (a->doc < b->doc);
}

int wt_provenance_rank(wt_document *const *docs, size_t n, uint32_t *rank)
{
    wt_hmap credited = {0};
    rank_key *k = wt_malloc((n + 1) * sizeof *k);
    int rc = k ? count_credited(docs, n, &credited) : WT_ENOMEM;
    for (size_t d = 0; d < n && !rc; d++) {
        const char *own = docs[d]->outlet_canon;
        const uint64_t *v =
            own && own[0] ? wt_hmap_get(&credited, name_hash(own)) : NULL;
        k[d] = (rank_key){docs[d]->published ? docs[d]->published : INT64_MAX,
                          v ? *v : 0, (uint32_t)d};
    }
    if (!rc) {
        qsort(k, n, sizeof *k, cmp_rank);
        for (size_t i = 0; i < n; i++)
            rank[k[i].doc] = (uint32_t)i;
    }
    wt_hmap_release(&credited);
    wt_free(k);
    return rc;
}

int wt_document_credits(const wt_document *a, const wt_document *b)
{
    if (!a || !b)
        return 0;
    return wt_provenance_credits(a, b);
}

int wt_provenance_credits_text(const wt_document *d, char **out)
{
    size_t len = 1;
    *out = NULL;
    if (!d->ncredits)
        return 0;
    for (size_t i = 0; i < d->ncredits; i++)
        len += strlen(d->credits[i].outlet) + 64;
    char *s = wt_malloc(len);
    if (!s)
        return WT_ENOMEM;
    size_t o = 0;
    for (size_t i = 0; i < d->ncredits; i++) {
        const wt_credit *c = &d->credits[i];
        o += (size_t)snprintf(s + o, len - o, "%s\t%zu\t%zu\t%s\n",
                              wt_credit_kind_name(c->kind), c->start, c->end,
                              c->outlet);
    }
    *out = s;
    return 0;
}

static int kind_named(const char *s, size_t n)
{
    for (int k = 0; k < WT_CREDIT_KIND_COUNT; k++) {
        const char *name = wt_credit_kind_name((wt_credit_kind)k);
        if (strlen(name) == n && !memcmp(name, s, n))
            return k;
    }
    return -1;
}

/* One line "kind<TAB>start<TAB>end<TAB>outlet" of len bytes. */
static int read_line(wt_document *d, const char *s, size_t len)
{
    const char *end = s + len, *t1 = memchr(s, '\t', len);
    const int kind = t1 ? kind_named(s, (size_t)(t1 - s)) : -1;
    if (kind < 0)
        return WT_EINVAL;
    char *p = NULL;
    const unsigned long long start = strtoull(t1 + 1, &p, 10);
    if (p == t1 + 1 || p >= end || *p != '\t')
        return WT_EINVAL;
    const char *q = p + 1;
    const unsigned long long stop = strtoull(q, &p, 10);
    if (p == q || p >= end || *p != '\t' || start > stop || stop > d->nbytes ||
        p + 1 >= end)
        return WT_EINVAL;
    char *name = wt_strndup(p + 1, (size_t)(end - p - 1));
    if (!name)
        return WT_ENOMEM;
    const int rc = add_credit(d, name, (size_t)start, (size_t)stop, kind);
    wt_free(name);
    return rc;
}

int wt_provenance_credits_read(wt_document *d, const char *text)
{
    int rc = 0;
    while (text && *text && !rc) {
        const char *e = strchr(text, '\n');
        const size_t len = e ? (size_t)(e - text) : strlen(text);
        if (len)
            rc = read_line(d, text, len);
        text = e ? e + 1 : NULL;
    }
    if (!rc && d->ncredits > 1)
        qsort(d->credits, d->ncredits, sizeof *d->credits, cmp_credit);
    return rc;
}
