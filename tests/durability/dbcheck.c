/*
 * dbcheck - reads an index file the way a recovery check needs: runs
 * SQLite's integrity check, counts postings that name no document, and
 * prints one line per document with what it holds and how many of the
 * postings its row lists are present.  Used by tests/durability/.
 *
 * Output (tab-separated):
 *   integrity <ok | first message>
 *   orphans <fp rows without a document> <band rows without a document>
 *   doc <id> <paras bytes> <fps bytes> <bands bytes> <fp present>
 *       <band present> <hash hex>
 * Exit 0 when it could read the file, 2 when it could not.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int count(sqlite3 *db, const char *q, long long *n)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, q, -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        *n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : -1;
}

/* How many of the keys listed in blob have their posting row. */
static long long present(sqlite3_stmt *q, const void *blob, int nbytes,
                         long long num, int is_fp)
{
    long long found = 0;
    for (int i = 0; i + 8 <= nbytes; i += 8) {
        uint64_t k;
        memcpy(&k, (const char *)blob + i, 8);
        sqlite3_reset(q);
        sqlite3_bind_int64(q, 1, is_fp ? (int64_t)(k >> 32) : (int64_t)k);
        sqlite3_bind_int64(q, 2, num);
        if (sqlite3_step(q) == SQLITE_ROW)
            found++;
    }
    return found;
}

static int docs(sqlite3 *db)
{
    sqlite3_stmt *d = NULL, *f = NULL, *b = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(db,
                           "SELECT num, id, paras, fps, bands, hash "
                           "FROM docs ORDER BY num",
                           -1, &d, NULL) ||
        sqlite3_prepare_v2(db,
                           "SELECT 1 FROM fp WHERE key = ?1 AND "
                           "num = ?2",
                           -1, &f, NULL) ||
        sqlite3_prepare_v2(db,
                           "SELECT 1 FROM band WHERE key = ?1 AND "
                           "num = ?2",
                           -1, &b, NULL))
        goto out;
    int s;
    while ((s = sqlite3_step(d)) == SQLITE_ROW) {
        const long long num = sqlite3_column_int64(d, 0);
        const int nf = sqlite3_column_bytes(d, 3);
        const int nb = sqlite3_column_bytes(d, 4);
        printf("doc\t%s\t%d\t%d\t%d\t%lld\t%lld\t",
               (const char *)sqlite3_column_text(d, 1),
               sqlite3_column_bytes(d, 2), nf, nb,
               present(f, sqlite3_column_blob(d, 3), nf, num, 1),
               present(b, sqlite3_column_blob(d, 4), nb, num, 0));
        const unsigned char *h = sqlite3_column_blob(d, 5);
        for (int i = 0; i < sqlite3_column_bytes(d, 5); i++)
            printf("%02x", h[i]);
        printf("\n");
    }
    rc = s == SQLITE_DONE ? 0 : -1;
out:
    sqlite3_finalize(d);
    sqlite3_finalize(f);
    sqlite3_finalize(b);
    return rc;
}

int main(int argc, char **argv)
{
    sqlite3 *db = NULL;
    if (argc != 2) {
        fprintf(stderr, "usage: dbcheck INDEX.db\n");
        return 64;
    }
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) !=
        SQLITE_OK) {
        fprintf(stderr, "dbcheck: %s: %s\n", argv[1], sqlite3_errmsg(db));
        sqlite3_close(db);
        return 2;
    }
    sqlite3_busy_timeout(db, 10000);
    sqlite3_stmt *st = NULL;
    int rc = 2;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) ||
        sqlite3_step(st) != SQLITE_ROW)
        goto out;
    printf("integrity\t%s\n", (const char *)sqlite3_column_text(st, 0));
    long long of = 0, ob = 0;
    if (count(db,
              "SELECT count(*) FROM fp WHERE num NOT IN "
              "(SELECT num FROM docs)",
              &of) ||
        count(db,
              "SELECT count(*) FROM band WHERE num NOT IN "
              "(SELECT num FROM docs)",
              &ob))
        goto out;
    printf("orphans\t%lld\t%lld\n", of, ob);
    if (docs(db) == 0)
        rc = 0;
out:
    if (rc)
        fprintf(stderr, "dbcheck: %s: %s\n", argv[1], sqlite3_errmsg(db));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rc;
}
