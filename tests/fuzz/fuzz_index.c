/*
 * fuzz_index.c - the archive index: the input is split at the first record
 * separator byte (0x1E, else in the middle); the first part is added to
 * an index under the id "a" (next to the demo wire story), the second is
 * queried against it, twice.  Checks that add and query succeed or fail
 * with an error code, that every paragraph, source and span of the result
 * lies inside its document, that both queries give the same report, and
 * that removing "a" leaves the index as it was.  One index file serves the
 * whole run (in the temporary folder, removed at exit).
 */
#include "fuzz_common.h"
#include "wiretrace.h"

#include <unistd.h>

static wt_index *ix;
static char db_path[4096];

static void drop(void)
{
    wt_index_close(ix);
    ix = NULL;
    const char *sfx[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        char p[4200];
        snprintf(p, sizeof p, "%s%s", db_path, sfx[i]);
        unlink(p);
    }
}

/* Opens the index once and stores the demo wire story in it. */
static void setup(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(db_path, sizeof db_path, "%s/wt_fuzz_index_%d.db",
             tmp ? tmp : "/tmp", (int)getpid());
    drop();
    char err[256];
    FUZZ_CHECK(wt_index_open(&ix, db_path, NULL, NULL, err, sizeof err) == 0);
    atexit(drop);
    const char *root = getenv("WT_SOURCE_ROOT");
    char path[4096];
    snprintf(path, sizeof path, "%s/corpora/demo/wire.txt", root ? root : ".");
    FILE *f = fopen(path, "rb");
    static char text[1 << 16];
    const size_t n = f ? fread(text, 1, sizeof text, f) : 0;
    if (f)
        fclose(f);
    wt_article a = {0};
    a.id = "wire";
    a.text = text;
    a.len = n;
    FUZZ_CHECK(wt_index_add(ix, &a, NULL) == 0);
    FUZZ_CHECK(wt_index_commit(ix) == 0);
}

static void rec_result(fuzz_rec *r, const wt_corpus *c)
{
    const size_t nd = wt_corpus_document_count(c);
    FUZZ_CHECK(nd >= 1);
    const wt_document *d = wt_corpus_document(c, 0);
    size_t nb = 0;
    wt_document_bytes(d, &nb);
    for (size_t i = 0; i < wt_document_paragraph_count(d); i++) {
        const wt_paragraph *p = wt_document_paragraph(d, i);
        FUZZ_CHECK(p->start < p->end && p->end <= nb);
        rec_u64(r, p->start);
        rec_u64(r, p->end);
        for (size_t s = 0; s < p->source_count; s++) {
            const wt_source *src = &p->sources[s];
            /* Only a repeat inside the article names the article. */
            FUZZ_CHECK(src->document < nd);
            FUZZ_CHECK(src->document > 0 || src->cls == WT_CLASS_DUPLICATE);
            const wt_document *o = wt_corpus_document(c, src->document);
            FUZZ_CHECK(src->paragraph < wt_document_paragraph_count(o));
            size_t onb = 0;
            wt_document_bytes(o, &onb);
            rec_str(r, wt_document_id(o));
            rec_u64(r, src->paragraph);
            rec_u64(r, src->cls);
            rec_double(r, src->score);
            for (size_t k = 0; k < src->span_count; k++) {
                const wt_span *sp = &src->spans[k];
                FUZZ_CHECK(sp->start < sp->end && sp->end <= nb);
                FUZZ_CHECK(sp->source_start < sp->source_end &&
                           sp->source_end <= onb);
                rec_u64(r, sp->start);
                rec_u64(r, sp->source_start);
            }
        }
    }
}

static void query(const uint8_t *data, size_t size, fuzz_rec *r)
{
    wt_article q = {0};
    q.id = "q";
    q.text = (const char *)data;
    q.len = size;
    const wt_corpus *c = NULL;
    const int rc = wt_index_query(ix, &q, NULL, &c);
    rec_u64(r, (uint64_t)rc);
    FUZZ_CHECK(rc <= 0);
    if (!rc)
        rec_result(r, c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ix)
        setup();
    const uint8_t *sep = memchr(data, 0x1E, size);
    const size_t cut = sep ? (size_t)(sep - data) : size / 2;
    const size_t rest = sep ? cut + 1 : cut;
    wt_index_stats before, after;
    FUZZ_CHECK(wt_index_stats_get(ix, &before) == 0);
    wt_article a = {0};
    a.id = "a";
    a.text = (const char *)data;
    a.len = cut;
    const int added = wt_index_add(ix, &a, NULL);
    FUZZ_CHECK(added <= 0);
    FUZZ_CHECK(wt_index_commit(ix) == 0);
    fuzz_rec r1 = {0}, r2 = {0};
    query(data + rest, size - rest, &r1);
    query(data + rest, size - rest, &r2);
    rec_check_same(&r1, &r2);
    int removed = 0;
    FUZZ_CHECK(wt_index_remove(ix, "a", &removed) == 0);
    FUZZ_CHECK(removed == (added == 0));
    FUZZ_CHECK(wt_index_stats_get(ix, &after) == 0);
    FUZZ_CHECK(after.documents == before.documents &&
               after.paragraphs == before.paragraphs &&
               after.fingerprints == before.fingerprints &&
               after.bands == before.bands);
    return 0;
}
