/*
 * fuzz_tokenize.c - normalization and tokenization in every language
 * profile found in the language folder.  The input is decoded as UTF-8 and
 * tokenized whole as one paragraph with each profile's word breaker,
 * stopwords, number words and stemmer; the words are also folded directly.
 * Checks token byte ranges (non-empty, ordered, inside the file) and that a
 * second run gives the same tokens.
 */
#define _DEFAULT_SOURCE
#include "fuzz_common.h"
#include "alloc.h"
#include "input.h"
#include "normalize.h"
#include "profile.h"
#include "stem.h"
#include "tokenize.h"
#include "wiretrace.h"

#include <dirent.h>
#include <sys/stat.h>

typedef struct lang {
    wt_profile *prof;
    wt_stemmer *stem;
    wt_tokenizer *tok;
} lang;

static lang langs[64];
static size_t nlangs;
static wt_normalizer *norm;

static void load_langs(void)
{
    const char *dir = wt_default_lang_dir();
    wt_agencies *a = NULL;
    char err[512], path[4096];
    FUZZ_CHECK(wt_agencies_load(&a, dir) == 0);
    DIR *d = opendir(dir);
    FUZZ_CHECK(d != NULL);
    struct dirent *e;
    while ((e = readdir(d)) && nlangs < 64) {
        struct stat st;
        snprintf(path, sizeof path, "%s/%s/profile.txt", dir, e->d_name);
        if (e->d_name[0] == '.' || stat(path, &st))
            continue;
        lang *l = &langs[nlangs++];
        FUZZ_CHECK(wt_profile_load(&l->prof, dir, e->d_name, a->alternation,
                                   err, sizeof err) == 0);
        FUZZ_CHECK(wt_stemmer_new(&l->stem, l->prof->stemmer) == 0);
        FUZZ_CHECK(wt_tokenizer_new(&l->tok, e->d_name, 0x5eed) == 0);
    }
    closedir(d);
    wt_agencies_free(a);
    FUZZ_CHECK(nlangs > 0);
    FUZZ_CHECK(wt_normalizer_new(&norm) == 0);
}

static void one_run(const uint8_t *data, size_t size, fuzz_rec *r)
{
    wt_text t;
    wt_decode_report rep;
    if (wt_text_decode(&t, (const char *)data, size, NULL, &rep))
        return;
    for (size_t li = 0; li < nlangs; li++) {
        wt_token_vec v = {0};
        lang *l = &langs[li];
        int rc = wt_tokenize(l->tok, &t, 0, t.len, 0, l->prof, l->stem, &v);
        FUZZ_CHECK(rc == 0);
        uint32_t last = 0;
        for (size_t i = 0; i < v.n; i++) {
            const wt_token *k = &v.v[i];
            FUZZ_CHECK(k->start < k->end && k->end <= size);
            FUZZ_CHECK(k->start >= last);
            last = k->end;
            rec_u64(r, (uint64_t)k->start << 32 | k->end);
            rec_u64(r, k->flags);
            rec_u64(r, k->norm);
            rec_u64(r, k->stem);
        }
        wt_free(v.v);
    }
    /* The folding itself, on the whole text as one word. */
    for (int num = 0; num < 2; num++) {
        size_t len = 0;
        int rc = 0;
        const char *f = wt_normalize_word(norm, t.u, t.len, num, &len, &rc);
        rec_u64(r, (uint64_t)rc);
        if (f)
            rec_bytes(r, f, len);
    }
    wt_text_release(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!nlangs)
        load_langs();
    run_twice(one_run, data, size);
    return 0;
}
