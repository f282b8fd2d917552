/*
 * patterns.c - the boilerplate and credit patterns of one language profile
 * run by ICU's regex engine (what wiretrace uses) and by PCRE2 with its JIT
 * compiler, over the same paragraphs, side by side.
 *
 *   wt_patterns LANG_DIR CODE ARTICLES.jsonl [MAX_ARTICLES]
 *
 * Paragraphs are the lines of each article's "text" (hard wraps joined
 * where the next line does not start a new paragraph), with runs of white
 * space folded to one space as the library folds a line before its
 * boilerplate patterns.  Each pattern runs over every paragraph (the raw
 * cost of the engine), then only over the paragraphs whose literals
 * wt_prefilter finds (the cost in wiretrace).  Both engines run on the same
 * UTF-16 text, ICU through uregex_find, PCRE2 through its 16-bit library,
 * so a match's place is the same number in both; every pattern and
 * paragraph where the two disagree (one finds a match the other does not,
 * or the first match differs) is counted and the first few are printed.
 * Prints a Markdown table on stdout.
 */
#define PCRE2_CODE_UNIT_WIDTH 16
#include "alloc.h"
#include "alternation.h"
#include "prefilter.h"
#include "profile.h"

#include <jansson.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>

typedef struct para {
    UChar *u;
    int32_t n;
} para;

typedef struct pat {
    char *flat;    /* {AGENCY} as the flat alternation: the prefilter's */
    char *grouped; /* {AGENCY} grouped by first character: what runs */
    int caseless;
    URegularExpression *icu;
    pcre2_code *pc;
    pcre2_match_data *md;
} pat;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Wall time for one pattern's run: cheaper to read than CPU time. */
static double wall(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static char *expand(const char *s, const char *alt)
{
    static const char macro[] = "{AGENCY}";
    size_t cap = strlen(s) + 1, n = 0;
    for (const char *p = s; (p = strstr(p, macro)); p++)
        cap += strlen(alt) + 4;
    char *out = malloc(cap);
    for (const char *p = s; out && *p;) {
        if (!strncmp(p, macro, sizeof macro - 1)) {
            n += (size_t)sprintf(out + n, "(?:%s)", alt);
            p += sizeof macro - 1;
        } else {
            out[n++] = *p++;
        }
    }
    if (out)
        out[n] = '\0';
    return out;
}

static UChar *to_u16(const char *s, size_t len, int32_t *n)
{
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8(NULL, 0, n, s, (int32_t)len, &err);
    UChar *u = malloc(((size_t)*n + 1) * sizeof *u);
    err = U_ZERO_ERROR;
    if (u)
        u_strFromUTF8(u, *n + 1, NULL, s, (int32_t)len, &err);
    return u && U_SUCCESS(err) ? u : NULL;
}

static int compile(pat *p)
{
    int32_t n;
    UChar *u = to_u16(p->grouped, strlen(p->grouped), &n);
    UErrorCode err = U_ZERO_ERROR;
    UParseError pe;
    p->icu = u ? uregex_open(u, n, p->caseless ? UREGEX_CASE_INSENSITIVE : 0,
                             &pe, &err)
               : NULL;
    /* ICU's "." stops at every line terminator, PCRE2's at the newline
     * convention's: ANY makes them the same. */
    pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
    pcre2_set_newline(cc, PCRE2_NEWLINE_ANY);
    int e;
    PCRE2_SIZE off;
    p->pc = u ? pcre2_compile((PCRE2_SPTR)u, (PCRE2_SIZE)n,
                              PCRE2_UTF | PCRE2_UCP |
                                  (p->caseless ? PCRE2_CASELESS : 0),
                              &e, &off, cc)
              : NULL;
    pcre2_compile_context_free(cc);
    free(u);
    if (!p->icu || !p->pc)
        return -1;
    pcre2_jit_compile(p->pc, PCRE2_JIT_COMPLETE);
    p->md = pcre2_match_data_create_from_pattern(p->pc, NULL);
    return p->md ? 0 : -1;
}

/* First match of each engine in t: [s, e), or s = -1. */
static void icu_first(pat *p, const para *t, int32_t *s, int32_t *e)
{
    UErrorCode err = U_ZERO_ERROR;
    uregex_setText(p->icu, t->u, t->n, &err);
    *s = *e = -1;
    if (U_SUCCESS(err) && uregex_find(p->icu, 0, &err) && U_SUCCESS(err)) {
        *s = uregex_start(p->icu, 0, &err);
        *e = uregex_end(p->icu, 0, &err);
    }
}

static void pcre_first(pat *p, const para *t, int32_t *s, int32_t *e)
{
    const int rc = pcre2_match(p->pc, (PCRE2_SPTR)t->u, (PCRE2_SIZE)t->n, 0,
                               PCRE2_NO_UTF_CHECK, p->md, NULL);
    *s = *e = -1;
    if (rc > 0) {
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);
        *s = (int32_t)ov[0];
        *e = (int32_t)ov[1];
    }
}

/* Appends the paragraphs of one article text to *v. */
static void split(const char *text, para **v, size_t *n, size_t *cap)
{
    const size_t len = strlen(text);
    char *buf = malloc(len + 1);
    size_t b = 0;
    for (size_t i = 0; i <= len && buf; i++) {
        const int nl = i == len || text[i] == '\n';
        /* a blank line or an indented line starts a paragraph */
        const int brk =
            i == len || (nl && (text[i + 1] == '\n' || text[i + 1] == ' ' ||
                                text[i + 1] == '\t'));
        if (!brk) {
            const int sp =
                nl || text[i] == ' ' || text[i] == '\t' || text[i] == '\r';
            if (!sp || (b && buf[b - 1] != ' '))
                buf[b++] = sp ? ' ' : text[i];
            continue;
        }
        while (b && buf[b - 1] == ' ')
            b--;
        if (b) {
            if (*n == *cap) {
                *cap = *cap ? 2 * *cap : 1024;
                *v = realloc(*v, *cap * sizeof **v);
            }
            (*v)[*n].u = to_u16(buf, b, &(*v)[*n].n);
            *n += (*v)[*n].u != NULL;
        }
        b = 0;
    }
    free(buf);
}

static size_t load_file(const char *path, const char *agencies_flat,
                        const char *agencies_grouped, int caseless, pat *v,
                        size_t n)
{
    FILE *f = fopen(path, "r");
    char line[65536];
    while (f && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab)
            continue;
        pat *p = &v[n];
        memset(p, 0, sizeof *p);
        p->flat = expand(tab + 1, agencies_flat);
        p->grouped = expand(tab + 1, agencies_grouped);
        p->caseless = caseless;
        if (compile(p)) {
            fprintf(stderr, "%s: a pattern did not compile: %s\n", path,
                    tab + 1);
            continue;
        }
        n++;
    }
    if (f)
        fclose(f);
    return n;
}

/* Runs every pattern over the paragraphs (those the prefilter lets
 * through when pf is set); adds the CPU seconds of each engine. */
static void run(pat *v, size_t np, const para *t, size_t nt,
                const wt_prefilter *pf, double *icu_s, double *pcre_s,
                size_t *runs, size_t *hits, size_t *each, double *each_s)
{
    uint64_t may[WT_PREFILTER_MAX / 64];
    *icu_s = *pcre_s = 0;
    *runs = *hits = 0;
    for (size_t i = 0; i < nt; i++) {
        if (pf)
            wt_prefilter_run(pf, t[i].u, t[i].n, may);
        int32_t s, e;
        double t0 = now();
        for (size_t k = 0; k < np; k++)
            if (!pf || (may[k / 64] >> (k % 64) & 1))
                icu_first(&v[k], &t[i], &s, &e), *hits += s >= 0, ++*runs,
                    ++each[k];
        double t1 = now();
        for (size_t k = 0; k < np; k++)
            if (!pf || (may[k / 64] >> (k % 64) & 1)) {
                const double a = pf ? wall() : 0;
                pcre_first(&v[k], &t[i], &s, &e);
                if (pf)
                    each_s[k] += wall() - a;
            }
        double t2 = now();
        *icu_s += t1 - t0;
        *pcre_s += t2 - t1;
    }
}

/* Patterns and paragraphs where the engines' first matches differ. */
static size_t disagreements(pat *v, size_t np, const para *t, size_t nt)
{
    size_t bad = 0;
    for (size_t k = 0; k < np; k++)
        for (size_t i = 0; i < nt; i++) {
            int32_t s1, e1, s2, e2;
            icu_first(&v[k], &t[i], &s1, &e1);
            pcre_first(&v[k], &t[i], &s2, &e2);
            if (s1 == s2 && e1 == e2)
                continue;
            if (bad++ < 5) {
                char out[512];
                UErrorCode err = U_ZERO_ERROR;
                u_strToUTF8(out, sizeof out, NULL, t[i].u,
                            t[i].n < 200 ? t[i].n : 200, &err);
                out[sizeof out - 1] = '\0';
                fprintf(stderr,
                        "differs: pattern %zu: ICU [%d, %d), PCRE2 [%d, "
                        "%d) in \"%s\"\n",
                        k, s1, e1, s2, e2, out);
            }
        }
    return bad;
}

/* CPU seconds of the prefilter over every paragraph, ten times. */
static double screen_time(const wt_prefilter *pf, const para *t, size_t nt)
{
    uint64_t may[WT_PREFILTER_MAX / 64];
    const double t0 = now();
    for (int r = 0; r < 10; r++)
        for (size_t i = 0; i < nt; i++)
            wt_prefilter_run(pf, t[i].u, t[i].n, may);
    return now() - t0;
}

static void table_row(const char *what, size_t np, size_t nt, size_t runs,
                      size_t hits, double icu_s, double pcre_s)
{
    printf("| %s | %zu | %zu | %zu | %zu | %.3f | %.3f | %.1f |\n", what, np,
           nt, runs, hits, icu_s, pcre_s, pcre_s > 0 ? icu_s / pcre_s : 0);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr,
                "usage: wt_patterns LANG_DIR CODE ARTICLES.jsonl [MAX]\n");
        return 2;
    }
    const size_t max = argc > 4 ? (size_t)atol(argv[4]) : (size_t)-1;
    wt_agencies *ag = NULL;
    char *grouped = NULL;
    if (wt_agencies_load(&ag, argv[1]) ||
        wt_alternation_group(ag->alternation, &grouped)) {
        fprintf(stderr, "%s: agencies.txt could not be read\n", argv[1]);
        return 1;
    }
    /* the articles' paragraphs */
    para *t = NULL;
    size_t nt = 0, tcap = 0, docs = 0;
    FILE *in = fopen(argv[3], "r");
    char *line = NULL;
    size_t lcap = 0;
    while (in && docs < max && getline(&line, &lcap, in) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        const char *text = json_string_value(json_object_get(o, "text"));
        if (text)
            split(text, &t, &nt, &tcap), docs++;
        json_decref(o);
    }
    free(line);
    if (!in || !nt) {
        fprintf(stderr, "%s: no articles read\n", argv[3]);
        return 1;
    }
    fclose(in);
    printf("Patterns of lang/%s over %zu paragraphs of %zu articles (%s), "
           "CPU seconds.\n\n",
           argv[2], nt, docs, argv[3]);
    printf("| patterns | count | paragraphs | runs | matches | ICU regex s | "
           "PCRE2 JIT s | ICU / PCRE2 |\n|---|---|---|---|---|---|---|---|\n");
    const char *files[2] = {"boilerplate.txt", "credits.txt"};
    for (int f = 0; f < 2; f++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s/%s", argv[1], argv[2], files[f]);
        pat v[WT_PREFILTER_MAX];
        /* boilerplate is matched without case, as the library does */
        const size_t np =
            load_file(path, ag->alternation, grouped, f == 0, v, 0);
        const char *flat[WT_PREFILTER_MAX];
        for (size_t k = 0; k < np; k++)
            flat[k] = v[k].flat;
        wt_prefilter *pf = NULL;
        if (!np || wt_prefilter_new(&pf, flat, np))
            continue;
        double a, b;
        size_t runs, hits, each[WT_PREFILTER_MAX] = {0};
        double each_s[WT_PREFILTER_MAX] = {0};
        char what[128];
        run(v, np, t, nt, NULL, &a, &b, &runs, &hits, each, each_s);
        snprintf(what, sizeof what, "%s, every paragraph", files[f]);
        table_row(what, np, nt, runs, hits, a, b);
        memset(each, 0, sizeof each);
        memset(each_s, 0, sizeof each_s);
        run(v, np, t, nt, pf, &a, &b, &runs, &hits, each, each_s);
        snprintf(what, sizeof what, "%s, behind the prefilter", files[f]);
        table_row(what, np, nt, runs, hits, a, b);
        fprintf(stderr, "%s: the prefilter alone, 10 times: %.3f s\n", files[f],
                screen_time(pf, t, nt));
        for (size_t k = 0; k < np; k++)
            fprintf(stderr,
                    "%s: pattern %zu ran on %zu paragraphs, PCRE2 %.3f s\n",
                    files[f], k, each[k], each_s[k]);
        const size_t bad = disagreements(v, np, t, nt);
        fprintf(stderr,
                "%s: %zu pattern-paragraph pairs where the engines "
                "differ\n",
                path, bad);
        printf("| %s: first matches that differ | %zu | | | | | | |\n",
               files[f], bad);
        wt_prefilter_free(pf);
        for (size_t k = 0; k < np; k++) {
            uregex_close(v[k].icu);
            pcre2_match_data_free(v[k].md);
            pcre2_code_free(v[k].pc);
            free(v[k].flat);
            free(v[k].grouped);
        }
    }
    for (size_t i = 0; i < nt; i++)
        free(t[i].u);
    free(t);
    wt_free(grouped);
    wt_agencies_free(ag);
    return 0;
}
