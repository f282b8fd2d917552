/*
 * wt_eval.c - runs wiretrace over documents streamed on standard input and
 * prints every link and document pair as tab-separated lines, for the
 * evaluation driver (tests/eval/eval.py).  It uses only the public header.
 *
 * Input, repeated:   "D <id> <nbytes>\n" followed by nbytes of text,
 * optionally followed by "M <published> <outlet>\n": the document's
 * metadata (wt_corpus_set_meta()), published an ISO 8601 time and outlet
 * the rest of the line, either "-" for none.
 * Options (before the first document): "O <name> <value>\n" with name one
 * of k, window, perms, verbatim, edited, rewrite, duplicate, evidence,
 * min_span, encoding, lang, overlaps, paragraphs.
 *
 * Output (tab-separated):
 *   L doc para start end src_doc src_para class score coverage fact
 *     lang src_lang
 *   P a b share_a share_b similarity cover_a cover_b origin
 *   R a b overlap_a overlap_b      (with "O overlaps 1")
 *   C doc outlet start end kind own
 *   G doc para start end           (with "O paragraphs 1": every paragraph)
 *   T seconds ndocs   (reading, preparing and analyzing)
 * lang, src_lang: wt_document_paragraph_lang() of the two paragraphs ("-"
 * when it has none); cover_a, cover_b: wt_corpus_pair_coverage(); origin:
 * wt_corpus_pair_origin(a, b) by name ("other" = b is the origin); C: each
 * credit of wt_document_credit(), in text order.
 */
#include "wiretrace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *encoding_value, *lang_value;
static int print_overlaps; /* "O overlaps 1": R lines for every pair */
static int print_paras;    /* "O paragraphs 1": G lines */

static int set_option(wt_options *o, const char *name, const char *val)
{
    const double v = atof(val);
    if (!strcmp(name, "k"))
        o->shingle_k = (unsigned)v;
    else if (!strcmp(name, "window"))
        o->window = (unsigned)v;
    else if (!strcmp(name, "perms"))
        o->minhash_perms = (unsigned)v;
    else if (!strcmp(name, "verbatim"))
        o->verbatim_min = v;
    else if (!strcmp(name, "edited"))
        o->edited_min = v;
    else if (!strcmp(name, "rewrite"))
        o->rewrite_min = v;
    else if (!strcmp(name, "duplicate"))
        o->duplicate_min = v;
    else if (!strcmp(name, "evidence"))
        o->evidence_min = v;
    else if (!strcmp(name, "min_span"))
        o->min_span = (unsigned)v;
    else if (!strcmp(name, "encoding"))
        o->encoding = encoding_value = strdup(val);
    else if (!strcmp(name, "overlaps"))
        print_overlaps = v != 0;
    else if (!strcmp(name, "paragraphs"))
        print_paras = v != 0;
    else if (!strcmp(name, "lang"))
        o->lang = lang_value = strdup(val);
    else
        return -1;
    return 0;
}

/* "M <published> <outlet>": metadata of the document added last. */
static int set_meta(wt_corpus *c, char *line)
{
    char *nl = strchr(line, '\n');
    if (nl)
        *nl = '\0';
    char *when = line + 2, *outlet = strchr(when, ' ');
    int64_t t = 0;
    if (!c || !wt_corpus_document_count(c) || !outlet)
        return -1;
    *outlet++ = '\0';
    if (strcmp(when, "-") && wt_parse_time(when, &t))
        return -1;
    return wt_corpus_set_meta(c, wt_corpus_document_count(c) - 1, t,
                              strcmp(outlet, "-") ? outlet : NULL);
}

static int read_docs(wt_corpus **out, wt_options *o)
{
    char line[4096], id[2048];
    wt_corpus *c = NULL;
    while (fgets(line, sizeof line, stdin)) {
        if (line[0] == 'O') {
            char name[64], val[256];
            if (c || sscanf(line, "O %63s %255s", name, val) != 2 ||
                set_option(o, name, val)) {
                fprintf(stderr, "wt_eval: bad option line: %s", line);
                return 64;
            }
            continue;
        }
        if (line[0] == 'M') {
            if (set_meta(c, line)) {
                fprintf(stderr, "wt_eval: bad metadata line: %s", line);
                return 64;
            }
            continue;
        }
        size_t n = 0;
        if (sscanf(line, "D %2047s %zu", id, &n) != 2) {
            fprintf(stderr, "wt_eval: bad line: %s", line);
            return 64;
        }
        if (!c && wt_corpus_new(&c, o) < 0) {
            fprintf(stderr, "wt_eval: bad options\n");
            return 64;
        }
        *out = c;
        char *buf = malloc(n + 1);
        if (!buf || fread(buf, 1, n, stdin) != n) {
            fprintf(stderr, "wt_eval: short document %s\n", id);
            free(buf);
            return 2;
        }
        const int rc = wt_corpus_add_buffer(c, id, id, buf, n);
        free(buf);
        if (rc < 0) {
            /* Keep indexes aligned with the driver: the document must be
             * there, even empty. */
            fprintf(stderr, "wt_eval: %s\n", wt_corpus_error(c));
            return 2;
        }
    }
    if (!c && wt_corpus_new(&c, o) < 0)
        return 64;
    *out = c;
    return 0;
}

/* The language of paragraph p of document d, "-" when it has none. */
static const char *para_lang(const wt_corpus *c, size_t d, size_t p)
{
    const char *l = wt_document_paragraph_lang(wt_corpus_document(c, d), p);
    return l && *l ? l : "-";
}

static void print_links(const wt_corpus *c)
{
    for (size_t d = 0; d < wt_corpus_document_count(c); d++) {
        const wt_document *doc = wt_corpus_document(c, d);
        for (size_t p = 0; p < wt_document_paragraph_count(doc); p++) {
            const wt_paragraph *pa = wt_document_paragraph(doc, p);
            for (size_t i = 0; i < pa->source_count; i++) {
                const wt_source *s = &pa->sources[i];
                printf("L\t%zu\t%zu\t%zu\t%zu\t%zu\t%zu\t%s\t%.4f\t%.4f"
                       "\t%.4f\t%s\t%s\n",
                       d, p, pa->start, pa->end, s->document, s->paragraph,
                       wt_class_name(s->cls), s->score, s->coverage,
                       s->fact_overlap, para_lang(c, d, p),
                       para_lang(c, s->document, s->paragraph));
            }
        }
    }
}

/* Every credit each document's text gives, own ones included. */
static void print_credits(const wt_corpus *c)
{
    for (size_t d = 0; d < wt_corpus_document_count(c); d++) {
        const wt_document *doc = wt_corpus_document(c, d);
        for (size_t k = 0; k < wt_document_credit_count(doc); k++) {
            const wt_credit *cr = wt_document_credit(doc, k);
            printf("C\t%zu\t%s\t%zu\t%zu\t%s\t%d\n", d, cr->outlet, cr->start,
                   cr->end, wt_credit_kind_name(cr->kind), cr->own);
        }
    }
}

/* Every paragraph's byte range, when asked (to show a link's text). */
static void print_paragraphs(const wt_corpus *c)
{
    for (size_t d = 0; d < wt_corpus_document_count(c) && print_paras; d++) {
        const wt_document *doc = wt_corpus_document(c, d);
        for (size_t p = 0; p < wt_document_paragraph_count(doc); p++) {
            const wt_paragraph *pa = wt_document_paragraph(doc, p);
            printf("G\t%zu\t%zu\t%zu\t%zu\n", d, p, pa->start, pa->end);
        }
    }
}

/* Every pair's overlap, when asked (the pairs with 1% or more). */
static void print_overlap(const wt_corpus *c)
{
    const size_t n = wt_corpus_document_count(c);
    for (size_t a = 0; a < n && print_overlaps; a++)
        for (size_t b = a + 1; b < n; b++) {
            double oa, ob;
            if (!wt_corpus_pair_overlap(c, a, b, &oa, &ob) &&
                (oa >= 0.01 || ob >= 0.01))
                printf("R\t%zu\t%zu\t%.4f\t%.4f\n", a, b, oa, ob);
        }
}

static void print_pairs(const wt_corpus *c)
{
    for (size_t i = 0; i < wt_corpus_pair_count(c); i++) {
        size_t a, b;
        double sa, sb, sim, ca, cb;
        if (wt_corpus_pair_at(c, i, &a, &b) ||
            wt_corpus_pair(c, a, b, &sa, &sb, &sim) ||
            wt_corpus_pair_coverage(c, a, b, &ca, &cb))
            continue;
        printf("P\t%zu\t%zu\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%s\n", a, b, sa, sb,
               sim, ca, cb, wt_origin_name(wt_corpus_pair_origin(c, a, b)));
    }
}

int main(void)
{
    wt_options o;
    wt_options_init(&o);
    wt_corpus *c = NULL;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = read_docs(&c, &o);
    if (rc)
        goto out;
    if (wt_corpus_analyze(c) < 0) {
        fprintf(stderr, "wt_eval: %s\n", wt_corpus_error(c));
        rc = 2;
        goto out;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    print_links(c);
    print_pairs(c);
    print_overlap(c);
    print_credits(c);
    print_paragraphs(c);
    printf("T\t%.3f\t%zu\n",
           (double)(t1.tv_sec - t0.tv_sec) +
               (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
           wt_corpus_document_count(c));
out:
    wt_corpus_free(c);
    free(encoding_value);
    free(lang_value);
    return rc;
}
