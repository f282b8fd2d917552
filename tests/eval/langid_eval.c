/*
 * langid_eval - language identification on texts whose language is known.
 * Reads WMT "wmt-format" XML on standard input (<doc><src lang="ru"><p>
 * <seg>...</seg>...</p></src><ref lang="en">...</ref>...</doc>) and prints
 * one line per text: "doc" or "seg", the language the XML gives, the
 * language wiretrace identifies, and 1 when that came from the script
 * alone.  Machine-translation outputs (<hyp>) are skipped: their language
 * is known too, but they are not human text.  tests/eval/langid_wmt.sh
 * sums the lines up per language.
 *
 *   langid_eval                     WMT XML on standard input
 *   langid_eval --lines LANG        one segment per line; every 10 lines
 *                                   also make one "doc"
 *   langid_eval --csv               SemEval-2022 Task 8 CSV (columns pair_id,
 *                                   lang1, lang2, text1, text2): "doc" lines
 *                                   for the scraped texts; rows the data's
 *                                   authors machine-translated (pair_id with
 *                                   a language suffix) are skipped
 *   langid_eval --mixed A B FA FB   documents of four paragraphs, A B A B,
 *                                   each three lines of FA or FB, read by
 *                                   the corpus API: prints "para" lines
 *                                   with each paragraph's language
 */
#include "langid.h"
#include "wiretrace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>

static char *read_all(FILE *f, size_t *n)
{
    size_t cap = 1 << 20, len = 0;
    char *b = malloc(cap);
    size_t got;
    while (b && (got = fread(b + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        if (len + 1 == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb)
                free(b);
            b = nb;
        }
    }
    if (b)
        b[len] = '\0';
    *n = len;
    return b;
}

/* Appends s[0..n) to out with XML entities decoded. */
static size_t unescape(char *out, size_t o, const char *s, size_t n)
{
    static const char *const ent[][2] = {{"&amp;", "&"},  {"&lt;", "<"},
                                         {"&gt;", ">"},   {"&quot;", "\""},
                                         {"&apos;", "'"}, {"&#39;", "'"}};
    for (size_t i = 0; i < n;) {
        size_t k = 0;
        for (; k < sizeof ent / sizeof *ent; k++) {
            const size_t el = strlen(ent[k][0]);
            if (i + el <= n && !memcmp(s + i, ent[k][0], el)) {
                out[o++] = ent[k][1][0];
                i += el;
                break;
            }
        }
        if (k == sizeof ent / sizeof *ent)
            out[o++] = s[i++];
    }
    return o;
}

static void report(const char *kind, const char *lang, const char *utf8,
                   size_t n)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t ul = 0;
    u_strFromUTF8(NULL, 0, &ul, utf8, (int32_t)n, &err);
    UChar *u = malloc(((size_t)ul + 1) * sizeof *u);
    err = U_ZERO_ERROR;
    wt_langid g;
    if (u) {
        u_strFromUTF8(u, ul + 1, NULL, utf8, (int32_t)n, &err);
        if (U_SUCCESS(err) && wt_langid_detect(u, ul, &g) == 0)
            printf("%s\t%s\t%s\t%d\n", kind, lang, g.code, g.by_script);
    }
    free(u);
}

/* One <src> or <ref> block [s, e): the whole text, then each segment. */
static void block(const char *lang, const char *s, const char *e)
{
    char *doc = malloc((size_t)(e - s) + 1);
    size_t dn = 0;
    if (!doc)
        return;
    for (const char *p = s; (p = strstr(p, "<seg")) && p < e;) {
        const char *a = strchr(p, '>');
        const char *b = a ? strstr(a, "</seg>") : NULL;
        if (!b || b > e)
            break;
        const size_t start = dn;
        dn = unescape(doc, dn, a + 1, (size_t)(b - a - 1));
        report("seg", lang, doc + start, dn - start);
        doc[dn++] = '\n';
        p = b + 6;
    }
    report("doc", lang, doc, dn);
    free(doc);
}

/* --lines LANG: segments, and documents of ten segments. */
static int lines_mode(const char *lang)
{
    size_t n = 0, dn = 0, in_doc = 0;
    char *x = read_all(stdin, &n);
    char *doc = x ? malloc(n + 1) : NULL;
    if (!doc) {
        free(x);
        return 2;
    }
    for (char *p = x, *nl; *p; p = nl + 1) {
        nl = strchr(p, '\n');
        if (!nl)
            nl = p + strlen(p) - 1;
        const size_t len = (size_t)(nl - p) + (*nl != '\n');
        report("seg", lang, p, len);
        memcpy(doc + dn, p, len);
        dn += len;
        doc[dn++] = '\n';
        if (++in_doc == 10) {
            report("doc", lang, doc, dn);
            dn = in_doc = 0;
        }
    }
    free(doc);
    free(x);
    return 0;
}

/* Reads one CSV field at *p (RFC 4180 quoting) into out; returns 1 if a
 * record ends after it, 0 if another field follows, -1 at the end. */
static int csv_field(char **p, char *out, size_t *n)
{
    char *s = *p;
    *n = 0;
    if (!*s)
        return -1;
    if (*s == '"') {
        for (s++; *s; s++) {
            if (*s == '"' && s[1] == '"')
                out[(*n)++] = *s++;
            else if (*s == '"')
                break;
            else
                out[(*n)++] = *s;
        }
        if (*s)
            s++;
    } else {
        while (*s && *s != ',' && *s != '\n' && *s != '\r')
            out[(*n)++] = *s++;
    }
    out[*n] = '\0';
    if (*s == '\r')
        s++;
    const int end = *s != ',';
    if (*s)
        s++;
    *p = s;
    return end;
}

/* Is s "digits_digits", a pair of scraped articles? */
static int scraped_pair(const char *s)
{
    const char *u = strchr(s, '_');
    if (!u || u == s || !u[1])
        return 0;
    for (const char *c = s; *c; c++)
        if (c != u && (*c < '0' || *c > '9'))
            return 0;
    return 1;
}

static int csv_mode(void)
{
    size_t n = 0;
    char *x = read_all(stdin, &n);
    char *f = x ? malloc(n + 1) : NULL;
    enum { NCOL = 16 };
    char *row[NCOL];
    size_t rowlen[NCOL];
    int col_pair = -1, col_l1 = -1, col_l2 = -1, col_t1 = -1, col_t2 = -1;
    if (!f) {
        free(x);
        return 2;
    }
    for (int i = 0; i < NCOL; i++)
        row[i] = NULL;
    char *p = x;
    for (int line = 0;; line++) {
        int c = 0, r = 0;
        size_t len;
        while (c < NCOL && (r = csv_field(&p, f, &len)) >= 0) {
            free(row[c]);
            row[c] = malloc(len + 1);
            if (row[c])
                memcpy(row[c], f, len + 1);
            rowlen[c++] = len;
            if (r == 1)
                break;
        }
        if (r < 0 || !c)
            break;
        for (int i = 0; line == 0 && i < c; i++) {
            const char *h = row[i] ? row[i] : "";
            col_pair = !strcmp(h, "pair_id") ? i : col_pair;
            col_l1 = !strcmp(h, "lang1") ? i : col_l1;
            col_l2 = !strcmp(h, "lang2") ? i : col_l2;
            col_t1 = !strcmp(h, "text1") ? i : col_t1;
            col_t2 = !strcmp(h, "text2") ? i : col_t2;
        }
        if (line == 0 || col_pair < 0 || col_t1 < 0 || col_l1 < 0 ||
            col_t2 < 0 || col_l2 < 0 || c <= col_t2 || !row[col_pair] ||
            !scraped_pair(row[col_pair]))
            continue;
        if (row[col_t1] && row[col_l1])
            report("doc", row[col_l1], row[col_t1], rowlen[col_t1]);
        if (row[col_t2] && row[col_l2])
            report("doc", row[col_l2], row[col_t2], rowlen[col_t2]);
    }
    for (int i = 0; i < NCOL; i++)
        free(row[i]);
    free(f);
    free(x);
    return 0;
}

/* The next line of *p (advanced), or NULL at the end. */
static const char *next_line(char **p, size_t *len)
{
    if (!**p)
        return NULL;
    char *s = *p, *nl = strchr(s, '\n');
    *len = nl ? (size_t)(nl - s) : strlen(s);
    *p = nl ? nl + 1 : s + *len;
    return s;
}

/* --mixed: per-paragraph languages of two-language documents. */
static int mixed_mode(const char *la, const char *lb, const char *fa,
                      const char *fb)
{
    FILE *f[2] = {fopen(fa, "r"), fopen(fb, "r")};
    if (!f[0] || !f[1])
        return 2;
    size_t n[2];
    char *x[2] = {read_all(f[0], &n[0]), read_all(f[1], &n[1])};
    fclose(f[0]);
    fclose(f[1]);
    char *p[2] = {x[0], x[1]};
    const char *code[2] = {la, lb};
    wt_options o;
    wt_options_init(&o);
    wt_corpus *c = NULL;
    if (!x[0] || !x[1] || wt_corpus_new(&c, &o))
        return 2;
    char *doc = malloc(n[0] + n[1] + 16);
    for (int done = 0, id = 0; doc && !done; id++) {
        size_t dn = 0, len;
        for (int para = 0; para < 4 && !done; para++) {
            for (int k = 0; k < 3 && !done; k++) {
                const char *l = next_line(&p[para % 2], &len);
                done = !l;
                if (l) {
                    memcpy(doc + dn, l, len);
                    dn += len;
                    doc[dn++] = ' ';
                }
            }
            doc[dn++] = '\n';
            doc[dn++] = '\n';
        }
        char name[32];
        snprintf(name, sizeof name, "mixed%d", id);
        if (done || wt_corpus_add_buffer(c, name, name, doc, dn))
            continue;
        const wt_document *d =
            wt_corpus_document(c, wt_corpus_document_count(c) - 1);
        for (size_t i = 0; i < wt_document_paragraph_count(d); i++)
            printf("para\t%s\t%s\t0\n", code[i % 2],
                   wt_document_paragraph_lang(d, i));
    }
    free(doc);
    wt_corpus_free(c);
    free(x[0]);
    free(x[1]);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "--lines"))
        return lines_mode(argv[2]);
    if (argc == 2 && !strcmp(argv[1], "--csv"))
        return csv_mode();
    if (argc == 6 && !strcmp(argv[1], "--mixed"))
        return mixed_mode(argv[2], argv[3], argv[4], argv[5]);
    size_t n = 0;
    char *x = read_all(stdin, &n);
    if (!x)
        return 2;
    static const char *const tags[][2] = {{"<src ", "</src>"},
                                          {"<ref ", "</ref>"}};
    for (size_t t = 0; t < 2; t++)
        for (const char *p = x; (p = strstr(p, tags[t][0]));) {
            const char *end = strstr(p, tags[t][1]);
            const char *l = strstr(p, "lang=\"");
            const char *gt = strchr(p, '>');
            if (!end || !gt)
                break;
            char lang[16] = "?";
            if (l && l < gt) {
                const char *q = strchr(l + 6, '"');
                if (q && q - (l + 6) < (long)sizeof lang)
                    snprintf(lang, sizeof lang, "%.*s", (int)(q - l - 6),
                             l + 6);
            }
            block(lang, gt + 1, end);
            p = end;
        }
    free(x);
    return 0;
}
