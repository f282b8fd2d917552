/*
 * fuzz_page.c - the web page reader: gzip, charset sniffing, libxml2's
 * HTML parser with its byte map, the metadata (JSON-LD, OpenGraph,
 * canonical link, lang) and the choice of the article's blocks, with the
 * English stopwords.  Checks that every unit of the article points into
 * the page, that each block ends with its blank line, that nothing read
 * holds a NUL, and that a second run gives the same result.
 */
#include "fuzz_common.h"
#include "alloc.h"
#include "page.h"
#include "profile.h"
#include "wiretrace.h"

static wt_profile *prof;

static void load_profile(void)
{
    wt_agencies *a = NULL;
    char err[512];
    FUZZ_CHECK(wt_agencies_load(&a, wt_default_lang_dir()) == 0);
    FUZZ_CHECK(wt_profile_load(&prof, wt_default_lang_dir(), "en",
                               a->alternation, err, sizeof err) == 0);
    wt_agencies_free(a);
}

static const wt_profile *english(void *ctx, const char *lang, const UChar *u,
                                 int32_t len)
{
    (void)ctx, (void)lang, (void)u, (void)len;
    return prof;
}

static void check_text(const wt_text *t, size_t n)
{
    FUZZ_CHECK(t->len >= 0 && t->off[t->len] == n);
    for (int32_t i = 0; i < t->len; i++) {
        FUZZ_CHECK(t->off[i] <= n);
        FUZZ_CHECK(t->u[i] != 0);
    }
    /* Each block is followed by a blank line, and no block is empty. */
    FUZZ_CHECK(t->len == 0 || (t->len >= 3 && t->u[t->len - 1] == '\n' &&
                               t->u[t->len - 2] == '\n'));
    FUZZ_CHECK(t->len == 0 || t->u[0] != '\n');
}

static void rec_meta(fuzz_rec *r, const wt_html_meta *m)
{
    const char *const fields[] = {m->title, m->outlet, m->published,
                                  m->lang,  m->url,    m->body};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        rec_str(r, fields[i]);
    for (size_t i = 0; i < m->nauthors; i++)
        rec_str(r, m->authors[i]);
    rec_str(r, m->warning);
}

static void one_run(const uint8_t *data, size_t size, fuzz_rec *r)
{
    const char *bytes = (const char *)data;
    char *plain = NULL;
    size_t n = size;
    if (wt_page_is_gzip(bytes, size)) {
        int truncated = 0;
        const int rc =
            wt_page_gunzip(bytes, size, 1 << 20, &plain, &n, &truncated);
        rec_u64(r, (uint64_t)rc);
        if (rc)
            return;
        bytes = plain;
    }
    rec_u64(r, (uint64_t)wt_page_is_html(bytes, n));
    wt_page *p = NULL;
    char err[256];
    const int rc =
        wt_page_read(&p, bytes, n, NULL, english, NULL, err, sizeof err);
    FUZZ_CHECK(rc <= 0);
    rec_u64(r, (uint64_t)rc);
    if (rc) {
        FUZZ_CHECK(p == NULL);
        rec_str(r, err);
    } else {
        check_text(&p->text, n);
        rec_bytes(r, p->text.u, (size_t)p->text.len * sizeof *p->text.u);
        rec_bytes(r, p->text.off, (size_t)p->text.len * sizeof *p->text.off);
        rec_meta(r, &p->meta);
        rec_u64(r, (uint64_t)p->how);
    }
    wt_page_free(p);
    wt_free(plain);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!prof)
        load_profile();
    run_twice(one_run, data, size);
    return 0;
}
