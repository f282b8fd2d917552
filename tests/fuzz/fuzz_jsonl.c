/*
 * fuzz_jsonl.c - the JSON Lines reader of the CLI (src/cli/jsonl.c): every
 * line of the input is read as an article or reported as bad.  Checks that
 * an article has an id and text of the length it says, that each bad line
 * gets a message, and that a second run reads the same articles.
 */
#define _POSIX_C_SOURCE 200809L
#include "fuzz_common.h"
#include "jsonl.h"

static void one_run(const uint8_t *data, size_t size, fuzz_rec *r)
{
    FILE *f = fmemopen((void *)data, size, "r");
    if (!f) /* fmemopen refuses size 0 in older C libraries */
        return;
    jsonl_reader *rd = jsonl_open(f, "fuzz.jsonl");
    FUZZ_CHECK(rd != NULL);
    for (;;) {
        wt_article a;
        char err[512] = "";
        const int rc = jsonl_next(rd, &a, err, sizeof err);
        rec_u64(r, (uint64_t)rc);
        if (rc == 0 || rc == -2)
            break;
        if (rc < 0) {
            FUZZ_CHECK(err[0] != '\0');
            rec_str(r, err);
            continue;
        }
        FUZZ_CHECK(a.id != NULL && a.text != NULL);
        rec_str(r, a.id);
        rec_str(r, a.outlet);
        rec_str(r, a.lang);
        rec_u64(r, (uint64_t)a.published);
        rec_bytes(r, a.text, a.len);
    }
    jsonl_close(rd);
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    run_twice(one_run, data, size);
    return 0;
}
