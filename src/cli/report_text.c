/* report_text.c - the report an editor reads. */
#include "parts.h"
#include "pool.h"
#include "report.h"
#include "summary.h"
#include "slice.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LEAD_CHARS 46 /* first words of a paragraph */
#define SPAN_CHARS 90 /* preview of a shared span */
/* Up to this many documents, the text report lists every paragraph. */
#define TEXT_DETAILS_MAX 10

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += (*s & 0xC0) != 0x80;
    return n;
}

/* Prints s cut to width code points (with "…"), padded to width. */
static void print_cut(FILE *out, const char *s, size_t width)
{
    const size_t n = utf8_chars(s);
    if (n <= width) {
        fprintf(out, "%s%*s", s, (int)(width - n), "");
        return;
    }
    fprintf(out, "%.*s…", (int)utf8_prefix(s, width - 1), s);
}

/* Prints s, keeping its head and tail when it is longer than width. */
static void print_middle(FILE *out, const char *s, size_t width)
{
    const size_t n = utf8_chars(s);
    if (n <= width) {
        fputs(s, out);
        return;
    }
    const size_t head = width * 2 / 3, tail = width - head - 3;
    const size_t hb = utf8_prefix(s, head);
    const size_t tb = utf8_prefix(s, n - tail);
    fprintf(out, "%.*s … %s", (int)hb, s, s + tb);
}

static const char *origin_text(const wt_corpus *c, const wt_source *src)
{
    switch (src->origin) {
    case WT_ORIGIN_OTHER:
        return src->cls == WT_CLASS_DUPLICATE
                   ? "earlier copy"
                   : wt_document_id(wt_corpus_document(c, src->document));
    case WT_ORIGIN_THIS: return "this document";
    default: return "unknown";
    }
}

static void print_source(FILE *out, const wt_corpus *c, const wt_document *d,
                         const wt_source *src, int first)
{
    const wt_document *od = wt_corpus_document(c, src->document);
    if (!first)
        fprintf(out, "%*s", 6 + LEAD_CHARS + 2, "");
    fprintf(out, "%-9s %.2f  from %s ¶%zu  (origin: %s)\n",
            wt_class_name(src->cls), src->score, wt_document_id(od),
            src->paragraph, origin_text(c, src));
    if (!src->span_count)
        return;
    const wt_span *sp = &src->spans[0];
    char *text = NULL;
    if (safe_text(d, sp->start, sp->end, &text) == 0) {
        fprintf(out, "%*s\"", 8, "");
        print_middle(out, text, SPAN_CHARS);
        fprintf(out, "\"  [%zu-%zu ↔ %zu-%zu]\n", sp->start, sp->end,
                sp->source_start, sp->source_end);
    }
    free(text);
}

static void print_paragraph(FILE *out, const wt_corpus *c, const wt_document *d,
                            size_t i)
{
    const wt_paragraph *p = wt_document_paragraph(d, i);
    char *lead = NULL;
    if (safe_text(d, p->start, p->end, &lead))
        return;
    fprintf(out, "  %3zu  ", i);
    /* A paragraph read in another language than its document's. */
    const char *pl = wt_document_paragraph_lang(d, i);
    if (pl && strcmp(pl, wt_document_lang(d)))
        fprintf(out, "(%s) ", pl);
    print_cut(out, lead, LEAD_CHARS);
    free(lead);
    fputs("  ", out);
    if (!p->source_count) {
        if (p->boiler != WT_BOILER_NONE)
            fprintf(out, "[%s]\n", wt_boiler_name(p->boiler));
        else
            fputs("-\n", out);
        return;
    }
    for (size_t s = 0; s < p->source_count; s++)
        print_source(out, c, d, &p->sources[s], s == 0);
}

/* "credits Yonhap (closing, bytes 1200-1227)": what the document's text
 * says it took from whom; its own bylines are left out. */
static void print_credits(FILE *out, const wt_document *d)
{
    char *list = credit_list(d, 1);
    if (list && *list)
        fprintf(out, "    credits %s\n", list);
    free(list);
}

/* What the metadata says of d, one line: outlet, time, title, URL. */
static void print_meta(FILE *out, const wt_document *d)
{
    const int64_t t = wt_document_published(d);
    char when[32] = "";
    struct tm tm;
    const time_t tt = (time_t)t;
    if (t && gmtime_r(&tt, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
    const char *parts[] = {wt_document_outlet(d), when[0] ? when : NULL,
                           wt_document_lang(d), wt_document_title(d),
                           wt_document_url(d)};
    int any = 0;
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        if (!parts[i] || !parts[i][0])
            continue;
        char *safe = utf8_escape(parts[i]);
        fprintf(out, "%s%s", any ? " · " : "    ", safe ? safe : "?");
        free(safe);
        any = 1;
    }
    if (any)
        fputc('\n', out);
}

/* Documents beyond the first shown that the shown ones link to (the
 * stored articles an index query found): what each is. */
static void print_sources(FILE *out, const wt_corpus *c, size_t shown)
{
    const size_t n = wt_corpus_document_count(c);
    int header = 0;
    for (size_t j = shown; j < n; j++) {
        if (!summary_is_source(c, shown, j))
            continue;
        if (!header++)
            fputs("\nSources\n", out);
        const wt_document *d = wt_corpus_document(c, j);
        fprintf(out, "  %s\n", wt_document_id(d));
        print_meta(out, d);
    }
}

static void print_document(FILE *out, const wt_corpus *c, const wt_document *d)
{
    const size_t n = wt_document_paragraph_count(d);
    size_t text;
    const size_t with = linked_paragraphs(d, &text);
    fprintf(out,
            "\n%s  (%s, %zu paragraphs, %zu of %zu text paragraphs "
            "with a source",
            wt_document_id(d), wt_document_lang(d), n, with, text);
    if (wt_document_outlet(d))
        fprintf(out, "; outlet %s", wt_document_outlet(d));
    fputs(")\n", out);
    if (wt_document_published(d) || wt_document_title(d) || wt_document_url(d))
        print_meta(out, d);
    print_credits(out, d);
    for (size_t i = 0; i < n; i++)
        print_paragraph(out, c, d, i);
}

size_t report_count_links(const wt_corpus *c)
{
    return report_count_links_in(c, wt_corpus_document_count(c));
}

size_t report_count_links_in(const wt_corpus *c, size_t ndocs)
{
    size_t links = 0;
    for (size_t i = 0; i < ndocs; i++) {
        const wt_document *d = wt_corpus_document(c, i);
        for (size_t p = 0; p < wt_document_paragraph_count(d); p++) {
            const wt_paragraph *pa = wt_document_paragraph(d, p);
            for (size_t s = 0; s < pa->source_count; s++)
                links += pa->sources[s].cls != WT_CLASS_DUPLICATE;
        }
    }
    return links;
}

/* Which side names the other's outlet among its credits: "A->B" (A
 * credits B), "B->A", "both" or "-". */
static const char *pair_credits(const wt_corpus *c, size_t a, size_t b)
{
    const int ab = wt_corpus_pair_credits(c, a, b);
    const int ba = wt_corpus_pair_credits(c, b, a);
    return ab && ba ? "both" : ab ? "A->B" : ba ? "B->A" : "-";
}

/* The id of the pair's origin as the library tells it, or "unknown". */
static const char *pair_origin_id(const wt_corpus *c, size_t a, size_t b)
{
    switch (wt_corpus_pair_origin(c, a, b)) {
    case WT_ORIGIN_OTHER: return wt_document_id(wt_corpus_document(c, b));
    case WT_ORIGIN_THIS: return wt_document_id(wt_corpus_document(c, a));
    case WT_ORIGIN_UNKNOWN: break;
    }
    return "unknown";
}

static int cmp_pair(const void *x, const void *y)
{
    const size_t *a = x, *b = y;
    if (a[0] != b[0])
        return a[0] < b[0] ? -1 : 1;
    return (a[1] > b[1]) - (a[1] < b[1]);
}

/* Only the pairs that had a candidate can share anything: walking them,
 * not every pair of documents, keeps a scan of many files linear. */
size_t *report_pairs_sorted(const wt_corpus *c, size_t *n)
{
    const size_t np = wt_corpus_pair_count(c);
    size_t *ab = malloc((np + 1) * 2 * sizeof *ab);
    *n = 0;
    if (!ab)
        return NULL;
    for (size_t i = 0; i < np; i++)
        wt_corpus_pair_at(c, i, &ab[2 * i], &ab[2 * i + 1]);
    if (np > 1)
        qsort(ab, np, 2 * sizeof *ab, cmp_pair);
    *n = np;
    return ab;
}

/* What report_pairs_listed() asks of each range of pairs. */
typedef struct listed_job {
    const wt_corpus *c;
    int all;
    size_t shown;
    atomic_size_t only_via; /* added to by every range */
} listed_job;

/* The pairs [from, to) of the library's order that a report lists, as
 * (a, b) at out (pool_filter). */
static size_t listed_of(void *ctx, size_t from, size_t to, void *out)
{
    listed_job *j = ctx;
    size_t *ab = out;
    size_t k = 0, via = 0;
    for (size_t i = from; i < to; i++) {
        size_t a, b;
        double sa, sb;
        wt_corpus_pair_at(j->c, i, &a, &b); /* a < b */
        if (a >= j->shown)
            continue;
        wt_corpus_pair(j->c, a, b, &sa, &sb, NULL);
        if (j->all || sa != 0 || sb != 0) {
            ab[2 * k] = a;
            ab[2 * k++ + 1] = b;
        } else {
            via += wt_corpus_pair_via(j->c, a, b, NULL, NULL) != SIZE_MAX;
        }
    }
    atomic_fetch_add_explicit(&j->only_via, via, memory_order_relaxed);
    return k;
}

/* The pair filter goes first: a scan notes many more pairs than it links,
 * and what is left out need not be sorted. */
size_t *report_pairs_listed(const wt_corpus *c, int all, size_t shown,
                            unsigned jobs, size_t *n, size_t *only_via)
{
    const size_t np = wt_corpus_pair_count(c);
    size_t *ab = malloc((np + 1) * 2 * sizeof *ab);
    *n = 0;
    if (!ab)
        return NULL;
    listed_job j = {c, all, shown, 0};
    *n = pool_filter(jobs, np, ab, 2 * sizeof *ab, listed_of, &j);
    if (*n > 1)
        qsort(ab, *n, 2 * sizeof *ab, cmp_pair);
    if (only_via)
        *only_via = atomic_load(&j.only_via);
    return ab;
}

/* The origin column: the origin, and the common source when some of the
 * text the two share came to both from it. */
static void print_origin(FILE *out, const wt_corpus *c, size_t a, size_t b)
{
    const size_t via = wt_corpus_pair_via(c, a, b, NULL, NULL);
    fputs(pair_origin_id(c, a, b), out);
    if (via != SIZE_MAX)
        fprintf(out, ", via %s", wt_document_id(wt_corpus_document(c, via)));
    fputc('\n', out);
}

/* What the parts of a text report read. */
typedef struct text_job {
    const wt_corpus *c;
    const size_t *ab; /* the listed pairs */
    size_t npairs;
    const summary_row *rows; /* the summary */
    size_t nrows;
} text_job;

/* One row per pair of part i (parts_write). */
static int print_pair_rows(void *ctx, size_t part, FILE *out)
{
    const text_job *j = ctx;
    const wt_corpus *c = j->c;
    size_t end = (part + 1) * REPORT_ROWS_PER_PART;
    if (end > j->npairs)
        end = j->npairs;
    for (size_t i = part * REPORT_ROWS_PER_PART; i < end; i++) {
        const size_t a = j->ab[2 * i], b = j->ab[2 * i + 1];
        double sa, sb, sim;
        /* The resemblance costs a signature pass: listed pairs only. */
        if (wt_corpus_pair(c, a, b, &sa, &sb, &sim))
            return -1;
        fputs("  ", out);
        print_cut(out, wt_document_id(wt_corpus_document(c, a)), 28);
        fputs(" ", out);
        print_cut(out, wt_document_id(wt_corpus_document(c, b)), 28);
        fprintf(out, " %5.0f%% %5.0f%% %8.2f  %-8s ", sa * 100, sb * 100, sim,
                pair_credits(c, a, b));
        print_origin(out, c, a, b);
    }
    return 0;
}

static int print_pairs(FILE *out, const wt_corpus *c, const cli_settings *s,
                       size_t shown)
{
    size_t only_via;
    text_job j = {c, NULL, 0, NULL, 0};
    size_t *ab =
        report_pairs_listed(c, 0, shown, s->report_jobs, &j.npairs, &only_via);
    if (!ab)
        return -1;
    j.ab = ab;
    if (j.npairs)
        fprintf(out,
                "\nDocument pairs with reuse (share of each "
                "side's text paragraphs that have a source in the "
                "other)\n  %-28s %-28s %6s %6s %8s  %-8s %s\n",
                "A", "B", "A<-B", "B<-A", "resembl.", "credits", "origin");
    const size_t parts =
        (j.npairs + REPORT_ROWS_PER_PART - 1) / REPORT_ROWS_PER_PART;
    const int rc = parts_write(s->report_jobs, parts, print_pair_rows, &j, out);
    free(ab);
    if (rc)
        return -1;
    if (!j.npairs)
        fputs("\nNo reuse between documents.\n", out);
    if (only_via)
        fprintf(out,
                "%zu pairs of copies share text only through a common "
                "source, to which each is linked; not listed.\n",
                only_via);
    return 0;
}

/* Document i, paragraph by paragraph (parts_write). */
static int print_document_part(void *ctx, size_t i, FILE *out)
{
    const text_job *j = ctx;
    print_document(out, j->c, wt_corpus_document(j->c, i));
    return 0;
}

/* "reprint.txt (Coastal Daily Record)", the outlet when there is one. */
static void print_named(FILE *out, const wt_document *d, size_t width)
{
    char buf[512];
    const char *outlet = wt_document_outlet(d);
    if (outlet)
        snprintf(buf, sizeof buf, "%s (%s)", wt_document_id(d), outlet);
    else
        snprintf(buf, sizeof buf, "%s", wt_document_id(d));
    print_cut(out, buf, width);
}

/* "yes"; or "no, names X" when the taker credits other outlets (or the
 * source's outlet is not known); or "no". */
static void print_credited(FILE *out, const wt_corpus *c, const summary_row *r)
{
    char names[256], buf[300];
    summary_credits(wt_corpus_document(c, r->taker), names, sizeof names);
    if (r->credited)
        snprintf(buf, sizeof buf, "yes");
    else if (names[0])
        snprintf(buf, sizeof buf, "no, names %s", names);
    else
        snprintf(buf, sizeof buf, "no");
    print_cut(out, buf, 16);
    fputc(' ', out);
}

/* The summary: who took from whom, how much, how, credited or not. */
static const char summary_legend[] =
    "Who took what, largest first (words of the taker's text in paragraphs "
    "with a source\nin the other, by class: verbatim, edited, rewrite, "
    "translation)\n";
static const char paragraph_legend[] =
    "Each paragraph: index, first words, then how it was reused: class, "
    "score,\nsource document \302\266paragraph, origin, and the longest "
    "shared span with its bytes.\n";

void report_text_legend(FILE *out)
{
    fprintf(out, "wiretrace %s: one report per article.\n%s%s", WT_VERSION,
            summary_legend, paragraph_legend);
}

/* The summary rows of part i (parts_write). */
static int print_summary_rows(void *ctx, size_t part, FILE *out)
{
    const text_job *j = ctx;
    const wt_corpus *c = j->c;
    size_t end = (part + 1) * REPORT_ROWS_PER_PART;
    if (end > j->nrows)
        end = j->nrows;
    for (size_t i = part * REPORT_ROWS_PER_PART; i < end; i++) {
        const summary_row *r = &j->rows[i];
        fputs("  ", out);
        print_named(out, wt_corpus_document(c, r->taker), 30);
        fputs(" ", out);
        print_named(out, wt_corpus_document(c, r->source), 30);
        fprintf(out, " %6zu %4.0f%% %6zu %6zu %6zu %6zu  ", r->taken.words,
                summary_share(r) * 100, r->taken.by_class[WT_CLASS_VERBATIM],
                r->taken.by_class[WT_CLASS_EDITED],
                r->taken.by_class[WT_CLASS_REWRITE],
                r->taken.by_class[WT_CLASS_TRANSLATION]);
        print_credited(out, c, r);
        fputs(r->origin_known ? wt_document_id(wt_corpus_document(c, r->source))
                              : "unknown",
              out);
        if (r->via != SIZE_MAX)
            fprintf(out, ", via %s",
                    wt_document_id(wt_corpus_document(c, r->via)));
        fputc('\n', out);
    }
    return 0;
}

static int print_summary(FILE *out, const wt_corpus *c, const cli_settings *s,
                         size_t shown, int legend)
{
    text_job j = {c, NULL, 0, NULL, 0};
    summary_row *rows = summary_rows(c, shown, s->report_jobs, &j.nrows);
    if (!rows)
        return -1;
    j.rows = rows;
    if (j.nrows)
        fprintf(out, "\n%s  %-30s %-30s %6s %5s %6s %6s %6s %6s  %-16s %s\n",
                legend ? summary_legend : "", "TAKER", "SOURCE", "WORDS",
                "SHARE", "VERB", "EDIT", "REWR", "TRANS", "CREDITS SOURCE",
                "ORIGIN");
    const size_t parts =
        (j.nrows + REPORT_ROWS_PER_PART - 1) / REPORT_ROWS_PER_PART;
    const int rc =
        parts_write(s->report_jobs, parts, print_summary_rows, &j, out);
    free(rows);
    return rc;
}

int report_text(const wt_corpus *c, const cli_settings *s, FILE *out)
{
    size_t n = wt_corpus_document_count(c);
    if (s->shown && s->shown < n)
        n = s->shown;
    size_t paras = 0;
    for (size_t i = 0; i < n; i++)
        paras += wt_document_paragraph_count(wt_corpus_document(c, i));
    const int legend = !s->legend_once;
    if (legend)
        fprintf(out,
                "wiretrace %s: %zu documents, %zu paragraphs, %zu links "
                "between documents\n",
                WT_VERSION, n, paras, report_count_links_in(c, n));
    else
        fprintf(out,
                "\n=== %s: %zu paragraphs, %zu links to indexed "
                "articles ===\n",
                n ? wt_document_id(wt_corpus_document(c, 0)) : "", paras,
                report_count_links_in(c, n));
    if (print_summary(out, c, s, n, legend))
        return -1;
    print_sources(out, c, n);
    /* A handful of documents reads paragraph by paragraph; a scan of
     * hundreds would bury the answer under thousands of lines. */
    if (n <= TEXT_DETAILS_MAX || s->details) {
        if (legend)
            fprintf(out, "\n%s", paragraph_legend);
        text_job j = {c, NULL, 0, NULL, 0};
        if (parts_write(s->report_jobs, n, print_document_part, &j, out))
            return -1;
    } else {
        fprintf(out,
                "\n%zu documents: each paragraph is listed with --details "
                "(or --json).\n",
                n);
    }
    if (print_pairs(out, c, s, n))
        return -1;
    return ferror(out) ? -1 : 0;
}
