/*
 * profile.c - language profile loader.
 *
 * Everything a linguist edits lives in lang/<code>/ as text; this file only
 * parses it.  Patterns are PCRE2 regular expressions with Unicode
 * properties, so that they work on any script.
 */
#define PCRE2_CODE_UNIT_WIDTH 16
#include "profile.h"
#include "alloc.h"
#include "alternation.h"
#include "keys.h"
#include "fileio.h"
#include "prefilter.h"
#include "wiretrace.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#define WORD_SEED 0x70726f66ULL
/* Suffixes cut from one word at most (particle on ending on ending). */
#define WT_SUFFIX_ROUNDS 3

uint64_t wt_word_hash(const char *s, size_t n)
{
    return XXH3_64bits_withSeed(s, n, WORD_SEED);
}

static int cmp_number(const void *a, const void *b)
{
    return wt_cmp_u64(&((const wt_number_word *)a)->hash,
                      &((const wt_number_word *)b)->hash);
}

/* Reads lang_dir/code/name; a missing optional file gives an empty buffer. */
static int read_lang_file(const char *dir, const char *code, const char *name,
                          char **buf, size_t *len, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s/%s", dir, code, name);
    int rc = wt_read_file(path, buf, len);
    if (rc == WT_EIO) {
        *buf = NULL;
        *len = 0;
        if (!strcmp(name, "profile.txt")) {
            snprintf(err, errlen, "%s: no language profile", path);
            return WT_ELANG;
        }
        return 0;
    }
    return rc;
}

/* "elision = l' d' qu'": space-separated prefixes. */
static int parse_elisions(wt_profile *p, const char *v, size_t vl)
{
    size_t cap = p->nelisions;
    for (size_t i = 0; i < vl;) {
        while (i < vl && v[i] == ' ')
            i++;
        size_t j = i;
        while (j < vl && v[j] != ' ')
            j++;
        if (j > i) {
            if (wt_grow(&p->elisions, &cap, p->nelisions + 1,
                        sizeof *p->elisions))
                return WT_ENOMEM;
            if (!(p->elisions[p->nelisions] = wt_strndup(v + i, j - i)))
                return WT_ENOMEM;
            p->nelisions++;
        }
        i = j;
    }
    return 0;
}

/* Sets a one-line text key ("script", "decimal", "group"). */
static int set_text_key(wt_profile *p, const char *k, size_t kl, const char *v,
                        size_t vl)
{
    if (kl == 6 && !memcmp(k, "script", 6)) {
        snprintf(p->script, sizeof p->script, "%.*s", (int)vl, v);
    } else if (kl == 7 && !memcmp(k, "decimal", 7)) {
        if (vl != 1 || (*v != '.' && *v != ','))
            return WT_ELANG;
        p->decimal = *v;
    } else if (kl == 5 && !memcmp(k, "group", 5)) {
        /* "group = , space" : the marks, "space" standing for spaces. */
        size_t o = 0;
        for (size_t i = 0; i < vl && o + 1 < sizeof p->group; i++) {
            if (vl - i >= 5 && !memcmp(v + i, "space", 5)) {
                p->group[o++] = ' ';
                i += 4;
            } else if (v[i] != ' ') {
                p->group[o++] = v[i];
            }
        }
        p->group[o] = '\0';
    } else if (kl == 7 && !memcmp(k, "elision", 7)) {
        return parse_elisions(p, v, vl);
    } else if (kl == 9 && !memcmp(k, "split_han", 9)) {
        p->split_han = vl == 3 && !memcmp(v, "yes", 3);
    } else if (kl == 13 && !memcmp(k, "transliterate", 13)) {
        wt_free(p->translit);
        if (!(p->translit = wt_strndup(v, vl)))
            return WT_ENOMEM;
    } else if (kl == 10 && !memcmp(k, "suffix_min", 10)) {
        p->suffix_min = (size_t)strtoul(v, NULL, 10);
    }
    return 0;
}

static int parse_profile(wt_profile *p, const char *buf, size_t n)
{
    size_t pos = 0, lineno = 0, len;
    const char *line;
    p->decimal = '.';
    snprintf(p->group, sizeof p->group, ",");
    p->suffix_min = 2;
    while (wt_next_data_line(buf, n, &pos, &line, &len, &lineno)) {
        const char *eq = memchr(line, '=', len);
        if (!eq)
            continue;
        size_t kl = (size_t)(eq - line);
        while (kl && line[kl - 1] == ' ')
            kl--;
        const char *v = eq + 1;
        size_t vl = len - (size_t)(v - line);
        while (vl && *v == ' ') {
            v++;
            vl--;
        }
        while (vl && v[vl - 1] == ' ')
            vl--;
        char **slot = NULL;
        if (kl == 4 && !memcmp(line, "name", 4))
            slot = &p->name;
        else if (kl == 7 && !memcmp(line, "stemmer", 7))
            slot = &p->stemmer;
        if (!slot) {
            const int rc = set_text_key(p, line, kl, v, vl);
            if (rc)
                return rc;
            continue;
        }
        wt_free(*slot);
        *slot = (vl == 4 && !memcmp(v, "none", 4)) ? NULL : wt_strndup(v, vl);
        if (vl != 4 || memcmp(v, "none", 4))
            if (!*slot)
                return WT_ENOMEM;
    }
    return 0;
}

static int cmp_len_desc(const void *a, const void *b)
{
    const size_t x = strlen(*(char *const *)a), y = strlen(*(char *const *)b);
    return (x < y) - (x > y);
}

static int parse_suffixes(wt_profile *p, const char *buf, size_t n)
{
    size_t pos = 0, lineno = 0, len, cap = 0;
    const char *line;
    while (wt_next_data_line(buf, n, &pos, &line, &len, &lineno)) {
        if (wt_grow(&p->suffixes, &cap, p->nsuffixes + 1, sizeof *p->suffixes))
            return WT_ENOMEM;
        if (!(p->suffixes[p->nsuffixes] = wt_strndup(line, len)))
            return WT_ENOMEM;
        p->nsuffixes++;
    }
    if (p->nsuffixes > 1)
        qsort(p->suffixes, p->nsuffixes, sizeof *p->suffixes, cmp_len_desc);
    return 0;
}

static int cmp_variant(const void *a, const void *b)
{
    return wt_cmp_u64(&((const wt_variant *)a)->hash,
                      &((const wt_variant *)b)->hash);
}

static int parse_variants(wt_profile *p, const char *buf, size_t n,
                          const char *path, char *err, size_t errlen)
{
    size_t pos = 0, lineno = 0, len, cap = 0;
    const char *line;
    while (wt_next_data_line(buf, n, &pos, &line, &len, &lineno)) {
        const char *tab = memchr(line, '\t', len);
        if (!tab || tab == line || tab + 1 == line + len) {
            snprintf(err, errlen, "%s:%zu: expected VARIANT<TAB>CANONICAL",
                     path, lineno);
            return WT_ELANG;
        }
        if (wt_grow(&p->variants, &cap, p->nvariants + 1, sizeof *p->variants))
            return WT_ENOMEM;
        wt_variant *v = &p->variants[p->nvariants];
        v->hash = wt_word_hash(line, (size_t)(tab - line));
        v->len = (size_t)(line + len - tab - 1);
        if (!(v->canon = wt_strndup(tab + 1, v->len)))
            return WT_ENOMEM;
        p->nvariants++;
    }
    if (p->nvariants > 1)
        qsort(p->variants, p->nvariants, sizeof *p->variants, cmp_variant);
    return 0;
}

/* Sets mark on the hash h in p->marks. */
static int mark(wt_profile *p, uint64_t h, uint64_t m)
{
    uint64_t *v = wt_hmap_slot(&p->marks, h);
    if (!v)
        return WT_ENOMEM;
    *v |= m;
    return 0;
}

static int parse_words(wt_profile *p, const char *buf, size_t n)
{
    size_t pos = 0, lineno = 0, len;
    const char *line;
    while (wt_next_data_line(buf, n, &pos, &line, &len, &lineno)) {
        if (mark(p, wt_word_hash(line, len), WT_MARK_STOP))
            return WT_ENOMEM;
        p->nstop++;
    }
    return 0;
}

/* Marks every start of the number word w[0, n) (at code point
 * boundaries, the whole word included): wt_num_parse() reads letters only
 * while some number word starts with them. */
static int mark_number_starts(wt_profile *p, const char *w, size_t n)
{
    int rc = 0;
    for (int32_t i = 0; i < (int32_t)n && !rc;) {
        U8_FWD_1(w, i, (int32_t)n);
        rc = mark(p, wt_word_hash(w, (size_t)i), WT_NUMBER_START);
    }
    return rc;
}

static int parse_numbers(wt_profile *p, const char *buf, size_t n)
{
    size_t pos = 0, lineno = 0, len, cap = 0;
    const char *line;
    while (wt_next_data_line(buf, n, &pos, &line, &len, &lineno)) {
        const char *tab = memchr(line, '\t', len);
        if (!tab)
            continue;
        if (mark_number_starts(p, line, (size_t)(tab - line)))
            return WT_ENOMEM;
        if (wt_grow(&p->numbers, &cap, p->nnumbers + 1, sizeof *p->numbers))
            return WT_ENOMEM;
        wt_number_word *w = &p->numbers[p->nnumbers++];
        w->hash = wt_word_hash(line, (size_t)(tab - line));
        char *end = NULL;
        w->value = strtod(tab + 1, &end);
        w->kind = WT_NUMW_VALUE;
        const char *rest = end, *stop = line + len;
        while (rest < stop && (*rest == '\t' || *rest == ' '))
            rest++;
        if (rest < stop && *rest == 'x')
            w->kind = WT_NUMW_MULTIPLIER;
        else if (rest < stop && *rest == '%')
            w->kind = WT_NUMW_PERCENT;
        else if (rest < stop && *rest == '+')
            w->kind = WT_NUMW_JOINER;
        else if (rest < stop && *rest == 'u')
            w->kind = WT_NUMW_UNIT;
        else if (rest < stop && *rest == 'p')
            w->kind = WT_NUMW_PREFIX;
        /* where wt_num_parse() can end a number word: not on a joiner */
        if (w->kind != WT_NUMW_JOINER && mark(p, w->hash, WT_NUMBER_WHOLE))
            return WT_ENOMEM;
    }
    if (p->nnumbers)
        qsort(p->numbers, p->nnumbers, sizeof *p->numbers, cmp_number);
    return 0;
}

/* p->num_first and num_first2, once the number words are read. */
static void number_firsts(wt_profile *p)
{
    for (int a = 1; a < 128; a++) {
        const char s[2] = {(char)a, 0};
        const int m = wt_profile_number_prefix(p, wt_word_hash(s, 1));
        p->num_first[a] = m != 0;
        for (int b = 1; b < 128; b++) {
            const char t[2] = {(char)a, (char)b};
            if ((m & WT_NUMBER_WHOLE) ||
                wt_profile_number_prefix(p, wt_word_hash(t, 2)))
                p->num_first2[(a * 128 + b) / 8] |= 1 << (b % 8);
        }
    }
}

/* The variants marked in p->marks, so that a word that is none (most)
 * costs one lookup there, not a binary search of p->variants. */
static int mark_variants(wt_profile *p)
{
    for (size_t i = 0; i < p->nvariants; i++)
        if (mark(p, p->variants[i].hash, WT_MARK_VARIANT))
            return WT_ENOMEM;
    return 0;
}

static int marked(const wt_profile *p, uint64_t h, uint64_t mark)
{
    const uint64_t *v = wt_hmap_get(&p->marks, h);
    return v && (*v & mark);
}

/* Replaces every {AGENCY} in the pattern by the agency alternation. */
static char *expand_macros(const char *s, size_t n, const char *agencies)
{
    static const char macro[] = "{AGENCY}";
    const size_t ml = sizeof macro - 1, al = strlen(agencies);
    size_t count = 0;
    for (size_t i = 0; i + ml <= n; i++)
        if (!memcmp(s + i, macro, ml))
            count++;
    char *out = wt_malloc(n + count * (al + 4) + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (i + ml <= n && !memcmp(s + i, macro, ml)) {
            o += (size_t)sprintf(out + o, "(?:%s)", agencies);
            i += ml;
        } else {
            out[o++] = s[i++];
        }
    }
    out[o] = '\0';
    return out;
}

/* pattern (UTF-8) compiled for UTF-16 text, with Unicode properties for
 * \w, \b and \s, and "." stopping at every line terminator, as the
 * patterns of lang/ are written; JIT compiled where the JIT is there. */
static int compile_regex(const char *pattern, uint32_t flags, pcre2_code **re)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t ulen = 0;
    u_strFromUTF8(NULL, 0, &ulen, pattern, -1, &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
        return WT_EICU;
    err = U_ZERO_ERROR;
    UChar *u = wt_malloc(((size_t)ulen + 1) * sizeof *u);
    if (!u)
        return WT_ENOMEM;
    u_strFromUTF8(u, ulen + 1, NULL, pattern, -1, &err);
    pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
    int perr = 0;
    PCRE2_SIZE at;
    if (cc && U_SUCCESS(err) && !pcre2_set_newline(cc, PCRE2_NEWLINE_ANY))
        *re = pcre2_compile((PCRE2_SPTR)u, (PCRE2_SIZE)ulen,
                            PCRE2_UTF | PCRE2_UCP | flags, &perr, &at, cc);
    pcre2_compile_context_free(cc);
    wt_free(u);
    if (!cc || perr == PCRE2_ERROR_HEAPLIMIT || perr == PCRE2_ERROR_NOMEMORY)
        return WT_ENOMEM;
    if (!*re)
        return WT_EICU;
    /* Without the JIT (no memory for it) the interpreter runs. */
    pcre2_jit_compile(*re, PCRE2_JIT_COMPLETE);
    return 0;
}

static int kind_of(const char *name, size_t n, int credits)
{
    if (credits) {
        for (int k = 0; k < WT_CREDIT_KIND_COUNT; k++) {
            const char *kn = wt_credit_kind_name((wt_credit_kind)k);
            if (strlen(kn) == n && !memcmp(kn, name, n))
                return k;
        }
        return n == 5 && !memcmp(name, "photo", 5) ? WT_CREDIT_PHOTO : -1;
    }
    for (int b = WT_BOILER_BYLINE; b <= WT_BOILER_AUTHOR; b++) {
        const char *bn = wt_boiler_name((wt_boiler)b);
        if (strlen(bn) == n && !memcmp(bn, name, n))
            return b;
    }
    return -1;
}

/* The gate of pattern pat, compiled as re is (see wt_pattern). */
static int compile_gate(const char *pat, uint32_t flags, pcre2_code **gate)
{
    char *stripped = NULL;
    int rc = wt_prefilter_strip_lookaround(pat, &stripped);
    if (!rc && stripped) {
        /* A gate that does not compile is no gate. */
        rc = compile_regex(stripped, flags, gate);
        if (rc == WT_EICU) {
            *gate = NULL;
            rc = 0;
        }
    }
    wt_free(stripped);
    return rc;
}

/* Compiles pattern i of a file and its gate, with {AGENCY} expanded to the
 * grouped alternation (alternation.h); the prefilter reads srcs, where it
 * is the flat one, whose literals it knows how to take apart. */
static int compile_pattern(wt_pattern *p, const char *s, size_t n,
                           const char *grouped, uint32_t flags)
{
    char *pat = expand_macros(s, n, grouped);
    if (!pat)
        return WT_ENOMEM;
    int rc = compile_regex(pat, flags, &p->re);
    if (!rc)
        rc = compile_gate(pat, flags, &p->gate);
    wt_free(pat);
    /* Room for the groups of re, which the gate has too (it lost only
     * lookarounds). */
    if (!rc && !(p->md = pcre2_match_data_create_from_pattern(p->re, NULL)))
        rc = WT_ENOMEM;
    return rc;
}

static int read_patterns(wt_pattern **out, size_t *count, char ***srcs,
                         const char *buf, size_t n, int credits,
                         const char *agencies, const char *grouped,
                         const char *path, char *err, size_t errlen)
{
    size_t pos = 0, lineno = 0, len, cap = 0, scap = 0;
    const char *line;
    const uint32_t flags = credits ? 0 : PCRE2_CASELESS;
    while (wt_next_data_line(buf, n, &pos, &line, &len, &lineno)) {
        if (*count == WT_PATTERNS_MAX) {
            snprintf(err, errlen, "%s:%zu: more than %d patterns", path, lineno,
                     WT_PATTERNS_MAX);
            return WT_ELANG;
        }
        const char *tab = memchr(line, '\t', len);
        const int kind =
            tab ? kind_of(line, (size_t)(tab - line), credits) : -1;
        if (kind < 0) {
            snprintf(err, errlen,
                     "%s:%zu: expected KIND<TAB>REGEX, KIND "
                     "one of %s",
                     path, lineno,
                     credits ? "closing, dateline, prose, photo"
                             : "byline, credit, follow, signup, label, "
                               "caption, author");
            return WT_ELANG;
        }
        if (wt_grow(out, &cap, *count + 1, sizeof **out) ||
            wt_grow(srcs, &scap, *count + 1, sizeof **srcs))
            return WT_ENOMEM;
        const char *src = tab + 1;
        const size_t slen = len - (size_t)(tab + 1 - line);
        char *pat = expand_macros(src, slen, agencies);
        if (!pat)
            return WT_ENOMEM;
        wt_pattern *p = &(*out)[*count];
        p->kind = kind;
        p->re = p->gate = NULL;
        p->md = NULL;
        (*srcs)[*count] = pat;
        ++*count;
        const int rc = compile_pattern(p, src, slen, grouped, flags);
        if (rc == WT_EICU)
            snprintf(err, errlen, "%s:%zu: invalid regular expression", path,
                     lineno);
        if (rc)
            return rc;
    }
    return 0;
}
static int parse_patterns(wt_pattern **out, size_t *count, char ***srcs,
                          const char *buf, size_t n, int credits,
                          const char *agencies, const char *path, char *err,
                          size_t errlen)
{
    char *grouped = NULL;
    int rc = wt_alternation_group(agencies, &grouped);
    if (!rc)
        rc = read_patterns(out, count, srcs, buf, n, credits, agencies, grouped,
                           path, err, errlen);
    wt_free(grouped);
    return rc;
}

int wt_profile_load(wt_profile **out, const char *lang_dir, const char *code,
                    const char *agencies, char *err, size_t errlen)
{
    static const char *const files[] = {
        "profile.txt", "stopwords.txt", "numbers.txt", "boilerplate.txt",
        "credits.txt", "suffixes.txt",  "variants.txt"};
    enum { NFILES = sizeof files / sizeof *files };
    char *buf[NFILES] = {0}, **bsrc = NULL, **csrc = NULL;
    size_t len[NFILES] = {0};
    int rc = 0;
    wt_profile *p = wt_calloc(1, sizeof *p);
    if (!p)
        return WT_ENOMEM;
    snprintf(p->code, sizeof p->code, "%s", code);
    for (int i = 0; i < NFILES && !rc; i++)
        rc = read_lang_file(lang_dir, code, files[i], &buf[i], &len[i], err,
                            errlen);
    if (rc)
        goto out;
    char path[4096];
    if ((rc = wt_hmap_init(&p->marks, 1024)) ||
        (rc = parse_profile(p, buf[0], len[0])) ||
        (rc = parse_words(p, buf[1], len[1])) ||
        (rc = parse_numbers(p, buf[2], len[2])) ||
        (rc = parse_suffixes(p, buf[5], len[5])))
        goto out;
    number_firsts(p);
    snprintf(path, sizeof path, "%s/%s/%s", lang_dir, code, files[6]);
    if ((rc = parse_variants(p, buf[6], len[6], path, err, errlen)) ||
        (rc = mark_variants(p)))
        goto out;
    snprintf(path, sizeof path, "%s/%s/%s", lang_dir, code, files[3]);
    rc = parse_patterns(&p->boiler, &p->nboiler, &bsrc, buf[3], len[3], 0,
                        agencies, path, err, errlen);
    if (rc)
        goto out;
    snprintf(path, sizeof path, "%s/%s/%s", lang_dir, code, files[4]);
    rc = parse_patterns(&p->credit, &p->ncredit, &csrc, buf[4], len[4], 1,
                        agencies, path, err, errlen);
    /* The prefilters only skip patterns that cannot match (without one
     * every pattern runs, with the same results).  Building them makes
     * some hundred thousand small allocations (a set of strings per node
     * of each pattern); the build that fails each allocation in turn
     * leaves them out, or its runs would each repeat them all. */
#ifndef WT_ALLOC_FAILPOINTS
    if (!rc)
        rc = wt_prefilter_new(&p->boiler_pf, (const char *const *)bsrc,
                              p->nboiler);
    if (!rc)
        rc = wt_prefilter_new(&p->credit_pf, (const char *const *)csrc,
                              p->ncredit);
#endif
out:
    for (int i = 0; i < NFILES; i++)
        wt_free(buf[i]);
    for (size_t i = 0; i < p->nboiler; i++)
        wt_free(bsrc[i]);
    for (size_t i = 0; i < p->ncredit; i++)
        wt_free(csrc[i]);
    wt_free(bsrc);
    wt_free(csrc);
    if (rc == WT_ELANG && !err[0])
        snprintf(err, errlen, "%s/%s/profile.txt: bad value", lang_dir, code);
    if (rc) {
        wt_profile_free(p);
        return rc;
    }
    *out = p;
    return 0;
}

static void pattern_release(wt_pattern *p)
{
    pcre2_code_free(p->re);
    pcre2_code_free(p->gate);
    pcre2_match_data_free(p->md);
}

void wt_profile_free(wt_profile *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nboiler; i++)
        pattern_release(&p->boiler[i]);
    for (size_t i = 0; i < p->ncredit; i++)
        pattern_release(&p->credit[i]);
    wt_prefilter_free(p->boiler_pf);
    wt_prefilter_free(p->credit_pf);
    wt_free(p->boiler);
    wt_free(p->credit);
    wt_free(p->numbers);
    wt_hmap_release(&p->marks);
    for (size_t i = 0; i < p->nelisions; i++)
        wt_free(p->elisions[i]);
    wt_free(p->elisions);
    for (size_t i = 0; i < p->nsuffixes; i++)
        wt_free(p->suffixes[i]);
    wt_free(p->suffixes);
    for (size_t i = 0; i < p->nvariants; i++)
        wt_free(p->variants[i].canon);
    wt_free(p->variants);
    wt_free(p->translit);
    wt_free(p->name);
    wt_free(p->stemmer);
    wt_free(p);
}

int wt_profile_screen(const wt_profile *p, int credits, const UChar *u,
                      int32_t len, uint64_t *may)
{
    const wt_prefilter *pf = credits ? p->credit_pf : p->boiler_pf;
    if (!pf) {
        memset(may, 0xFF, WT_PATTERNS_MAX / 8);
        return 0;
    }
    return wt_prefilter_run(pf, u, len, may);
}

/* pcre2_match of re on u[0..len) from index from, again by the
 * interpreter when the JIT's stack runs out (it is small, the
 * interpreter's memory is not). */
static int run_regex(const pcre2_code *re, pcre2_match_data *md, const UChar *u,
                     int32_t len, int32_t from)
{
    int rc = pcre2_match(re, (PCRE2_SPTR)u, (PCRE2_SIZE)len, (PCRE2_SIZE)from,
                         0, md, NULL);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
        rc = pcre2_match(re, (PCRE2_SPTR)u, (PCRE2_SIZE)len, (PCRE2_SIZE)from,
                         PCRE2_NO_JIT, md, NULL);
    return rc;
}

int wt_pattern_gate(const wt_pattern *p, const UChar *u, int32_t len)
{
    if (!p->gate)
        return 1;
    /* Only "nothing there" rules the pattern out. */
    return run_regex(p->gate, p->md, u, len, 0) != PCRE2_ERROR_NOMATCH;
}

int wt_pattern_find(const wt_pattern *p, const UChar *u, int32_t len,
                    int32_t from)
{
    /* 0: a match whose groups did not all fit, which cannot happen with
     * match data made from the pattern; counted as a match all the same. */
    return run_regex(p->re, p->md, u, len, from) >= 0;
}

int wt_pattern_next(const wt_pattern *p, const UChar *u, int32_t len,
                    int32_t *at)
{
    if (*at > len || !wt_pattern_find(p, u, len, *at))
        return 0;
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);
    int32_t e = (int32_t)ov[1];
    if (e == (int32_t)ov[0]) { /* empty: on past the next character */
        if (e < len)
            U16_FWD_1(u, e, len);
        else
            e = len + 1;
    }
    *at = e;
    return 1;
}

void wt_pattern_group(const wt_pattern *p, int g, int32_t *s, int32_t *e)
{
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);
    *s = *e = -1;
    if ((uint32_t)g < pcre2_get_ovector_count(p->md) &&
        ov[2 * g] != PCRE2_UNSET) {
        *s = (int32_t)ov[2 * g];
        *e = (int32_t)ov[2 * g + 1];
    }
}

int wt_profile_is_stop(const wt_profile *p, uint64_t h)
{
    return marked(p, h, WT_MARK_STOP);
}

int wt_profile_word(const wt_profile *p, uint64_t h)
{
    const uint64_t *v = wt_hmap_get(&p->marks, h);
    return v ? (int)*v : 0;
}

int wt_profile_number_word(const wt_profile *p, uint64_t h, double *value,
                           int *kind)
{
    if (!p->nnumbers)
        return 0;
    const wt_number_word key = {h, 0, 0};
    const wt_number_word *w =
        bsearch(&key, p->numbers, p->nnumbers, sizeof key, cmp_number);
    if (w) {
        *value = w->value;
        if (kind)
            *kind = w->kind;
    }
    return w != NULL;
}

int wt_profile_number_prefix(const wt_profile *p, uint64_t h)
{
    const uint64_t *v = wt_hmap_get(&p->marks, h);
    return v ? (int)(*v & (WT_NUMBER_START | WT_NUMBER_WHOLE)) : 0;
}

int wt_profile_number_first(const wt_profile *p, const char *w, size_t n)
{
    const unsigned char c = (unsigned char)w[0];
    const unsigned char d = n > 1 ? (unsigned char)w[1] : 0;
    if (c < 128 && d && d < 128)
        return p->num_first2[(c * 128 + d) / 8] >> (d % 8) & 1;
    if (c < 128)
        return p->num_first[c];
    int32_t i = 0;
    U8_FWD_1(w, i, (int32_t)n);
    return wt_profile_number_prefix(p, wt_word_hash(w, (size_t)i)) != 0;
}

const char *wt_profile_variant(const wt_profile *p, uint64_t h, size_t *len)
{
    if (!p->nvariants || !marked(p, h, WT_MARK_VARIANT))
        return NULL;
    const wt_variant key = {h, NULL, 0};
    const wt_variant *v =
        bsearch(&key, p->variants, p->nvariants, sizeof key, cmp_variant);
    if (!v)
        return NULL;
    *len = v->len;
    return v->canon;
}

/* Code points in UTF-8 s[0..n). */
static size_t utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

size_t wt_profile_strip_suffix(const wt_profile *p, const char *w, size_t len)
{
    /* Cutting again until nothing more comes off makes the stem the same
     * whatever was attached: 어린이가 -> 어린이 -> 어린 = 어린이 -> 어린. */
    for (int i = 0; i < WT_SUFFIX_ROUNDS; i++) {
        const size_t cut =
            wt_profile_strip_suffix_min(p, w, len, p->suffix_min);
        if (cut == len)
            break;
        len = cut;
    }
    return len;
}

size_t wt_profile_strip_suffix_min(const wt_profile *p, const char *w,
                                   size_t len, size_t min)
{
    for (size_t i = 0; i < p->nsuffixes; i++) {
        const size_t sl = strlen(p->suffixes[i]);
        if (sl >= len || memcmp(w + len - sl, p->suffixes[i], sl))
            continue;
        if (utf8_chars(w, len - sl) >= min)
            return len - sl;
    }
    return len;
}

size_t wt_profile_elision(const wt_profile *p, const char *w, size_t len)
{
    for (size_t i = 0; i < p->nelisions; i++) {
        const size_t el = strlen(p->elisions[i]);
        if (el < len && !memcmp(w, p->elisions[i], el))
            return el;
    }
    return 0;
}

int wt_profile_is_group(const wt_profile *p, int c)
{
    if (c == ' ' || c == 0xA0 || c == 0x2009 || c == 0x202F)
        return strchr(p->group, ' ') != NULL;
    return c > 0 && c < 0x80 && c != ' ' && strchr(p->group, c) != NULL;
}

typedef struct agency_row {
    char *name;
    size_t canon_row; /* row of the canonical name in the unsorted input */
} agency_row;

static int cmp_row_len(const void *a, const void *b)
{
    const size_t x = strlen(((const agency_row *)a)->name);
    const size_t y = strlen(((const agency_row *)b)->name);
    return (x < y) - (x > y);
}

static int add_agency_row(agency_row **rows, size_t *n, size_t *cap,
                          const char *s, size_t len, size_t canon)
{
    if (wt_grow(rows, cap, *n + 1, sizeof **rows))
        return WT_ENOMEM;
    char *name = wt_strndup(s, len);
    if (!name)
        return WT_ENOMEM;
    (*rows)[*n].name = name;
    (*rows)[*n].canon_row = canon;
    ++*n;
    return 0;
}

static int read_agency_rows(const char *buf, size_t n, agency_row **rows,
                            size_t *count)
{
    size_t pos = 0, lineno = 0, len, cap = 0;
    const char *line;
    while (wt_next_data_line(buf, n, &pos, &line, &len, &lineno)) {
        const size_t canon = *count;
        const char *s = line, *end = line + len;
        while (s < end) {
            const char *tab = memchr(s, '\t', (size_t)(end - s));
            const char *e = tab ? tab : end;
            if (e > s &&
                add_agency_row(rows, count, &cap, s, (size_t)(e - s), canon))
                return WT_ENOMEM;
            s = tab ? tab + 1 : end;
        }
    }
    return 0;
}

static int build_alternation(wt_agencies *a)
{
    size_t total = 8;
    for (size_t i = 0; i < a->count; i++)
        total += strlen(a->names[i]) + 5;
    char *s = wt_malloc(total);
    if (!s)
        return WT_ENOMEM;
    size_t o = 0;
    if (!a->count)
        o += (size_t)sprintf(s, "(?!)");
    for (size_t i = 0; i < a->count; i++)
        o += (size_t)sprintf(s + o, "%s\\Q%s\\E", i ? "|" : "", a->names[i]);
    a->alternation = s;
    return 0;
}

int wt_agencies_load(wt_agencies **out, const char *lang_dir)
{
    char path[4096], *buf = NULL;
    size_t len = 0, count = 0;
    agency_row *rows = NULL;
    int rc = 0;
    wt_agencies *a = wt_calloc(1, sizeof *a);
    if (!a)
        return WT_ENOMEM;
    snprintf(path, sizeof path, "%s/agencies.txt", lang_dir);
    if (wt_read_file(path, &buf, &len) == 0)
        rc = read_agency_rows(buf, len, &rows, &count);
    if (rc)
        goto out;
    /* Sort longest first, then map each canonical row to its new place. */
    for (size_t i = 0; i < count; i++)
        rows[i].canon_row = (size_t)(uintptr_t)rows[rows[i].canon_row].name;
    if (count > 1)
        qsort(rows, count, sizeof *rows, cmp_row_len);
    a->names = wt_calloc(count, sizeof *a->names);
    a->canon = wt_calloc(count, sizeof *a->canon);
    if (!a->names || !a->canon) {
        rc = WT_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < count; i++) {
        a->names[i] = rows[i].name;
        for (size_t j = 0; j < count; j++)
            if ((uintptr_t)rows[j].name == rows[i].canon_row)
                a->canon[i] = j;
    }
    a->count = count;
    count = 0;
    rc = build_alternation(a);
out:
    for (size_t i = 0; i < count; i++)
        wt_free(rows[i].name);
    wt_free(rows);
    wt_free(buf);
    if (rc) {
        wt_agencies_free(a);
        return rc;
    }
    *out = a;
    return 0;
}

void wt_agencies_free(wt_agencies *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->count; i++)
        wt_free(a->names[i]);
    wt_free(a->names);
    wt_free(a->canon);
    wt_free(a->alternation);
    wt_free(a);
}

/* ASCII case-insensitive prefix test ending at a word boundary. */
static int starts_word(const char *s, const char *prefix)
{
    size_t i = 0;
    for (; prefix[i]; i++) {
        char x = s[i], y = prefix[i];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (char)(y - 'A' + 'a');
        if (x != y)
            return 0;
    }
    return s[i] == '\0' || s[i] == ' ' || s[i] == ',' || s[i] == '.';
}

const char *wt_agencies_canonical(const wt_agencies *a, const char *name)
{
    for (size_t i = 0; a && i < a->count; i++)
        if (starts_word(name, a->names[i]))
            return a->names[a->canon[i]];
    return NULL;
}
