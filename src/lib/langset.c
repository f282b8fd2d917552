/* langset.c - see langset.h. */
#include "langset.h"
#include "alloc.h"
#include "langid.h"
#include "tuning.h"
#include "wiretrace.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

/* The profile for text in a language wiretrace has no profile for. */
#define LANG_GENERIC "und"

struct wt_langset {
    char *dir;
    uint64_t seed;
    wt_agencies *agencies;
    wt_lang_ctx *v;
    size_t n;
    char err[1024];
};

int wt_langset_new(wt_langset **out, const char *lang_dir, uint64_t seed)
{
    wt_langset *ls = wt_calloc(1, sizeof *ls);
    int rc = WT_ENOMEM;
    if (!ls || !(ls->dir = wt_strdup(lang_dir)))
        goto fail;
    ls->seed = seed;
    if ((rc = wt_agencies_load(&ls->agencies, ls->dir)))
        goto fail;
    *out = ls;
    return 0;
fail:
    wt_langset_free(ls);
    return rc;
}

static void ctx_release(wt_lang_ctx *l)
{
    wt_profile_free(l->prof);
    wt_stemmer_free(l->stemmer);
    wt_tokenizer_free(l->tok);
}

void wt_langset_free(wt_langset *ls)
{
    if (!ls)
        return;
    for (size_t i = 0; i < ls->n; i++)
        ctx_release(&ls->v[i]);
    wt_free(ls->v);
    wt_agencies_free(ls->agencies);
    wt_free(ls->dir);
    wt_free(ls);
}

const wt_lang_ctx *wt_langset_at(const wt_langset *ls, size_t i)
{
    assert(i < ls->n);
    return &ls->v[i];
}

const char *wt_langset_dir(const wt_langset *ls) { return ls->dir; }

const wt_agencies *wt_langset_agencies(const wt_langset *ls)
{
    return ls->agencies;
}

const char *wt_langset_error(const wt_langset *ls) { return ls->err; }

/* Profile, stemmer, tokenizer and transliterator of l->code. */
static int ctx_load(wt_langset *ls, wt_lang_ctx *l)
{
    const char *code = l->code;
    int rc = wt_profile_load(&l->prof, ls->dir, code, ls->agencies->alternation,
                             ls->err, sizeof ls->err);
    if (!rc) {
        rc = wt_stemmer_new(&l->stemmer, l->prof->stemmer);
        if (rc == WT_ELANG)
            snprintf(ls->err, sizeof ls->err,
                     "%s/%s/profile.txt: libstemmer has no stemmer \"%s\"",
                     ls->dir, code, l->prof->stemmer);
    }
    if (!rc)
        rc = wt_tokenizer_new(&l->tok, code, ls->seed);
    if (!rc && l->prof->translit &&
        (rc = wt_tokenizer_set_translit(l->tok, l->prof->translit)) == WT_ELANG)
        snprintf(ls->err, sizeof ls->err,
                 "%s/%s/profile.txt: ICU has no transliterator \"%s\"", ls->dir,
                 code, l->prof->translit);
    return rc;
}

int wt_langset_get(wt_langset *ls, const char *code, size_t *out)
{
    /* A code is joined into a path: letters only ("und" included), so
     * that "../x" never names a folder. */
    for (const char *p = code; *p; p++)
        if (!(*p >= 'a' && *p <= 'z') || p - code >= 8) {
            snprintf(ls->err, sizeof ls->err,
                     "\"%s\" is not a language "
                     "code (two or three letters)",
                     code);
            return WT_ELANG;
        }
    for (size_t i = 0; i < ls->n; i++)
        if (!strcmp(ls->v[i].code, code)) {
            *out = i;
            return 0;
        }
    wt_lang_ctx *v = wt_realloc(ls->v, (ls->n + 1) * sizeof *v);
    if (!v)
        return WT_ENOMEM;
    ls->v = v;
    wt_lang_ctx *l = &v[ls->n];
    memset(l, 0, sizeof *l);
    snprintf(l->code, sizeof l->code, "%s", code);
    const int rc = ctx_load(ls, l);
    if (rc) {
        ctx_release(l);
        return rc;
    }
    *out = ls->n++;
    return 0;
}

int wt_lang_tag_code(const char *tag, char *out)
{
    size_t n = 0;
    while (((tag[n] | 0x20) >= 'a' && (tag[n] | 0x20) <= 'z') && n < 8)
        n++;
    if (n < 2 || n > 3)
        return 0;
    for (const char *p = tag + n; *p; p++)
        if (!((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') &&
            !(*p >= '0' && *p <= '9') && *p != '-' && *p != '_')
            return 0;
    if (tag[n] && tag[n] != '-' && tag[n] != '_')
        return 0;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)(tag[i] | 0x20);
    out[n] = '\0';
    return 1;
}

/* Is there a profile for code in the language folder?  Codes from
 * identification are checked here so that a language wiretrace has no
 * profile for falls back to the generic one instead of failing.  Only a
 * code of letters is ever joined into a path. */
static int has_profile(const wt_langset *ls, const char *code)
{
    if (!*code)
        return 0;
    for (const char *p = code; *p; p++)
        if (!(*p >= 'a' && *p <= 'z'))
            return 0;
    for (size_t i = 0; i < ls->n; i++)
        if (!strcmp(ls->v[i].code, code))
            return 1;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s/profile.txt", ls->dir, code);
    FILE *f = fopen(path, "r");
    if (f)
        fclose(f);
    return f != NULL;
}

int wt_langset_has(const wt_langset *ls, const char *code)
{
    return has_profile(ls, code);
}

/* A detected code, or the generic profile when there is none for it. */
static const char *usable(const wt_langset *ls, const char *code)
{
    return has_profile(ls, code) ? code : LANG_GENERIC;
}

/* "EN-us" -> "en" into out (size 16) when there is a profile for it. */
static int header_code(const wt_langset *ls, const char *h, char *out)
{
    return wt_lang_tag_code(h, out) && has_profile(ls, out);
}

/* Does CLD2's answer g for a whole text say that its paragraphs may be in
 * other languages than code?  Yes unless CLD2 knew the language and named
 * none but code among its three. */
static int mixed_answer(const wt_langid *g, const char *code)
{
    if (g->by_script)
        return 1;
    for (int i = 0; i < 3; i++)
        if (strcmp(g->top[i], "un") && strcmp(g->top[i], code))
            return 1;
    return 0;
}

int wt_langset_choose(const wt_langset *ls, const char *forced,
                      const char *header, const UChar *u, int32_t len,
                      wt_lang_choice *out)
{
    char hl[16];
    wt_langid g; /* code may point into it */
    memset(out, 0, sizeof *out);
    out->mixed = 1;
    if (forced) {
        snprintf(out->code, sizeof out->code, "%s", forced);
        return 0;
    }
    const int rc = wt_langid_detect(u, len, &g);
    if (rc)
        return rc;
    const char *code = header && header_code(ls, header, hl) ? hl : NULL;
    if (!code) {
        code = usable(ls, g.code);
        out->percent = g.percent;
        out->reliable = g.reliable;
    }
    snprintf(out->code, sizeof out->code, "%s", code);
    out->mixed = mixed_answer(&g, out->code);
    return 0;
}

int wt_langset_choose_para(wt_langset *ls, size_t doc, int mixed,
                           const UChar *u, int32_t len, size_t *out)
{
    *out = doc;
    const wt_profile *dp = ls->v[doc].prof;
    const UScriptCode want =
        dp->script[0] ? wt_script_from_code(dp->script) : USCRIPT_INVALID_CODE;
    /* The script is cheap to count; CLD2 is asked only where its answer
     * can change the language (the rules below). */
    size_t letters = 0;
    const UScriptCode script = wt_dominant_script(u, len, &letters);
    if (!letters || (wt_script_fits(want, script) &&
                     (!mixed || letters < WT_PARA_LANG_MIN_LETTERS)))
        return 0;
    wt_langid g;
    int rc = wt_langid_detect(u, len, &g);
    if (rc || !g.letters)
        return rc;
    const char *code = NULL;
    if (!wt_script_fits(want, g.script))
        code = usable(ls, g.code);
    else if (g.reliable && g.percent >= WT_PARA_LANG_MIN_PERCENT &&
             g.letters >= WT_PARA_LANG_MIN_LETTERS && has_profile(ls, g.code))
        code = g.code;
    if (!code || !strcmp(code, ls->v[doc].code))
        return 0;
    return wt_langset_get(ls, code, out);
}
