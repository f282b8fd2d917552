/*
 * store_sqlite.c - the embedded index: one SQLite file in WAL mode.
 *
 * Postings live in two WITHOUT ROWID tables keyed (key, t, num), t the
 * publication time (unknown last), so a lookup is one B-tree range scan
 * that meets a key's earliest holders first: the few a key too common to
 * be evidence leads to are the wire, not the reprints stored first.
 * Each document row keeps the postings it added (blobs), so removing it
 * deletes exactly those rows without an index on num.  Numbers come from
 * AUTOINCREMENT and are never reused.
 */
#include "store.h"
#include "alloc.h"
#include "wiretrace.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 2: credits are kind, byte range and outlet per line, and a document's
 * own outlet is only its outlet column (version 1 kept "identity" names
 * read from the text).  3: postings keyed (key, t, num); a version 2
 * index is brought to 3 when opened for writing.  4: the uses (uses.h),
 * a table clustered by the source's outlet and the time of the use, so an
 * audit reads one range of it; a version 3 index gets the table empty and
 * the setting "uses" 0 (recorded by index relink).  Other versions are
 * refused. */
#define SCHEMA_VERSION 4
#define T_UNKNOWN INT64_MAX /* t of a document without a time */
#define BUSY_POLLS 60000    /* about a minute of waiting for the lock */
#define BUSY_YIELD_MS 3     /* pause after a commit, for other writers */

/* Uses of unknown time have t = T_UNKNOWN. */
#define USES_TABLE                                                             \
    "CREATE TABLE IF NOT EXISTS uses(source_key TEXT NOT NULL, t INTEGER"      \
    " NOT NULL, source TEXT NOT NULL, taker TEXT NOT NULL, source_outlet"      \
    " TEXT, taker_outlet TEXT, taker_key TEXT NOT NULL, words INTEGER NOT"     \
    " NULL, verbatim INTEGER NOT NULL, edited INTEGER NOT NULL, rewrite"       \
    " INTEGER NOT NULL, translation INTEGER NOT NULL, credited INTEGER NOT"    \
    " NULL, PRIMARY KEY(source_key, t, source, taker)) WITHOUT ROWID;"         \
    "CREATE UNIQUE INDEX IF NOT EXISTS uses_pair ON uses(source, taker);"      \
    "CREATE INDEX IF NOT EXISTS uses_taker ON uses(taker);"

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS settings(key TEXT PRIMARY KEY,"
    " value TEXT NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS docs(num INTEGER PRIMARY KEY AUTOINCREMENT,"
    " id TEXT NOT NULL UNIQUE, outlet TEXT, url TEXT, published INTEGER,"
    " lang TEXT, title TEXT, credits TEXT, plangs TEXT,"
    " hash BLOB NOT NULL, text_len INTEGER NOT NULL,"
    " body BLOB NOT NULL, paras BLOB, fps BLOB, bands BLOB);"
    "CREATE TABLE IF NOT EXISTS fp(key INTEGER NOT NULL, t INTEGER NOT"
    " NULL, num INTEGER NOT NULL, PRIMARY KEY(key, t, num)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS band(key INTEGER NOT NULL, t INTEGER NOT"
    " NULL, num INTEGER NOT NULL, PRIMARY KEY(key, t, num)) WITHOUT "
    "ROWID;" USES_TABLE;

/* Version 2 to 3: the postings again, with each document's time. */
static const char migrate_2_3[] =
    "CREATE TABLE fp3(key INTEGER NOT NULL, t INTEGER NOT NULL,"
    " num INTEGER NOT NULL, PRIMARY KEY(key, t, num)) WITHOUT ROWID;"
    "INSERT INTO fp3 SELECT f.key, coalesce(d.published,"
    " 9223372036854775807), f.num FROM fp f JOIN docs d ON d.num = f.num;"
    "DROP TABLE fp; ALTER TABLE fp3 RENAME TO fp;"
    "CREATE TABLE band3(key INTEGER NOT NULL, t INTEGER NOT NULL,"
    " num INTEGER NOT NULL, PRIMARY KEY(key, t, num)) WITHOUT ROWID;"
    "INSERT INTO band3 SELECT b.key, coalesce(d.published,"
    " 9223372036854775807), b.num FROM band b JOIN docs d ON d.num = b.num;"
    "DROP TABLE band; ALTER TABLE band3 RENAME TO band;"
    "UPDATE settings SET value = '3' WHERE key = 'schema_version';";

/* Version 3 to 4: the uses of the articles stored so far are not known
 * until index relink records them. */
static const char migrate_3_4[] = USES_TABLE
    "INSERT OR REPLACE INTO settings(key, value) SELECT 'uses', CASE WHEN"
    " EXISTS (SELECT 1 FROM docs) THEN '0' ELSE '1' END;"
    "UPDATE settings SET value = '4' WHERE key = 'schema_version';";

enum {
    Q_HAS,
    Q_PUT,
    Q_FIND,
    Q_DEL,
    Q_FP_ADD,
    Q_BAND_ADD,
    Q_FP_DEL,
    Q_BAND_DEL,
    Q_FP_GET,
    Q_BAND_GET,
    Q_LOAD,
    Q_GET,
    Q_SET,
    Q_USE_PUT,
    Q_USE_DEL_SOURCE,
    Q_USE_DEL_TAKER,
    Q_NEXT,
    NQ
};

static const char *const sql[NQ] = {
    "SELECT hash FROM docs WHERE id = ?1",
    "INSERT INTO docs(id, outlet, url, published, lang, title, hash,"
    " text_len, body, paras, fps, bands, credits, plangs)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    "SELECT num, fps, bands, published FROM docs WHERE id = ?1",
    "DELETE FROM docs WHERE num = ?1",
    "INSERT OR IGNORE INTO fp(key, t, num) VALUES(?1, ?3, ?2)",
    "INSERT OR IGNORE INTO band(key, t, num) VALUES(?1, ?3, ?2)",
    "DELETE FROM fp WHERE key = ?1 AND t = ?3 AND num = ?2",
    "DELETE FROM band WHERE key = ?1 AND t = ?3 AND num = ?2",
    "SELECT num, t FROM fp WHERE key = ?1 LIMIT ?2",
    "SELECT num, t FROM band WHERE key = ?1 LIMIT ?2",
    "SELECT id, outlet, url, published, lang, title, hash, text_len, body,"
    " paras, credits, plangs FROM docs WHERE num = ?1",
    "SELECT value FROM settings WHERE key = ?1",
    "INSERT OR REPLACE INTO settings(key, value) VALUES(?1, ?2)",
    "INSERT OR REPLACE INTO uses(source_key, t, source, taker,"
    " source_outlet, taker_outlet, taker_key, words, verbatim, edited,"
    " rewrite, translation, credited) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7,"
    " ?8, ?9, ?10, ?11, ?12, ?13)",
    "DELETE FROM uses WHERE source = ?1",
    "DELETE FROM uses WHERE taker = ?1",
    "SELECT min(num) FROM docs WHERE num > ?1",
};

typedef struct sq_store {
    wt_store base;
    sqlite3 *db;
    sqlite3_stmt *q[NQ];
    char err[512];
    int committed; /* a batch was committed since the last begin */
    int reading;   /* a query's read transaction is open */
    int read_only; /* opened for queries: never written */
} sq_store;

/* The WT_E* code of SQLite's last error on s. */
static int code_of(const sq_store *s)
{
    switch (sqlite3_errcode(s->db)) {
    case SQLITE_NOMEM: return WT_ENOMEM;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT: return WT_ECORRUPT;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN: return WT_EWRITE;
    default: return WT_EIO;
    }
}

static int fail(sq_store *s, const char *what)
{
    snprintf(s->err, sizeof s->err, "%s: %s", what, sqlite3_errmsg(s->db));
    return code_of(s);
}

static sqlite3_stmt *stmt(sq_store *s, int q)
{
    sqlite3_reset(s->q[q]);
    sqlite3_clear_bindings(s->q[q]);
    return s->q[q];
}

static int exec(sq_store *s, const char *text)
{
    return sqlite3_exec(s->db, text, NULL, NULL, NULL) == SQLITE_OK
               ? 0
               : fail(s, text);
}

/* Waiting for another writer's batch: poll every millisecond for up to
 * BUSY_POLLS tries.  SQLite's own timeout handler backs off to 100 ms
 * between tries and so misses the moment between two batches. */
static int busy(void *ctx, int tries)
{
    (void)ctx;
    if (tries >= BUSY_POLLS)
        return 0;
    sqlite3_sleep(1);
    return 1;
}

static void sq_close(wt_store *base)
{
    sq_store *s = (sq_store *)base;
    if (!s)
        return;
    for (int i = 0; i < NQ; i++)
        sqlite3_finalize(s->q[i]);
    if (s->db && !sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(s->db);
    wt_free(s);
}

static int sq_begin(wt_store *base)
{
    sq_store *s = (sq_store *)base;
    /* A statement left on a row (has_content, load) keeps a read snapshot
     * open; once another process has committed, BEGIN IMMEDIATE on that
     * stale snapshot fails at once with "database is locked", without
     * waiting.  Resetting them lets the busy timeout do its work. */
    for (int i = 0; i < NQ; i++)
        sqlite3_reset(s->q[i]);
    /* A writer that begins its next batch right after committing the last
     * takes the lock back before another process waiting for it (polling
     * every millisecond, see busy()) sees it free: two adds would run one
     * after the other, and the second would give up.  A pause of a few
     * milliseconds per batch lets them alternate. */
    if (s->committed)
        sqlite3_sleep(BUSY_YIELD_MS);
    s->committed = 0;
    return exec(s, "BEGIN IMMEDIATE");
}

static void sq_rollback(wt_store *base)
{
    sq_store *s = (sq_store *)base;
    for (int i = 0; i < NQ; i++)
        sqlite3_reset(s->q[i]);
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

static int sq_commit(wt_store *base)
{
    sq_store *s = (sq_store *)base;
    if (sqlite3_get_autocommit(s->db))
        return 0;
    int rc = exec(s, "COMMIT");
    s->committed = !rc;
    /* SQLite keeps the transaction open after some failed commits (busy)
     * and rolls it back after others (disk full): either way nothing of
     * the batch may stay pending, to be committed by a later batch that
     * would then report articles this one said were lost. */
    if (rc) {
        rc = rc == WT_ENOMEM ? rc : WT_EWRITE;
        sq_rollback(base);
    }
    return rc;
}

/* Outside a transaction, a statement left on a row (a setting read at
 * open, a lookup) keeps the snapshot it was stepped in, so that a read
 * on this connection would not see what other connections committed
 * since: an article another one added found missing, stale counts.
 * Resetting them lets the next read start from the latest commit. */
static void read_latest(sq_store *s)
{
    if (!sqlite3_get_autocommit(s->db))
        return;
    for (int i = 0; i < NQ; i++)
        sqlite3_reset(s->q[i]);
}

static int sq_has_content(wt_store *base, const char *id,
                          const uint64_t hash[2])
{
    sq_store *s = (sq_store *)base;
    read_latest(s);
    sqlite3_stmt *st = stmt(s, Q_HAS);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    const int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc != SQLITE_ROW)
        return fail(s, "looking up a document");
    const void *h = sqlite3_column_blob(st, 0);
    const int same = sqlite3_column_bytes(st, 0) == 16 && !memcmp(h, hash, 16);
    sqlite3_reset(st);
    return same;
}

/* Runs statement q on one text key: 1 with *out on its row, 0 when there
 * is none, or the error of doing what. */
static int row_of(sq_store *s, int q, const char *key, const char *what,
                  sqlite3_stmt **out)
{
    sqlite3_stmt *st = stmt(s, q);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    const int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc != SQLITE_ROW)
        return fail(s, what);
    *out = st;
    return 1;
}

static int sq_find(wt_store *base, const char *id, int64_t *num)
{
    sqlite3_stmt *st = NULL;
    const int rc =
        row_of((sq_store *)base, Q_FIND, id, "looking up a document", &st);
    if (rc == 1)
        *num = sqlite3_column_int64(st, 0);
    return rc;
}

static int step_done(sq_store *s, sqlite3_stmt *st, const char *what)
{
    return sqlite3_step(st) == SQLITE_DONE ? 0 : fail(s, what);
}

/* Deletes the postings listed in a blob of u64 keys (fp keys carry the
 * position in the low 32 bits). */
static int del_postings(sq_store *s, int q, const void *blob, int nbytes,
                        int64_t num, int64_t t, int is_fp)
{
    const size_t n = (size_t)nbytes / sizeof(uint64_t);
    for (size_t i = 0; i < n; i++) {
        uint64_t k;
        memcpy(&k, (const char *)blob + i * sizeof k, sizeof k);
        sqlite3_stmt *st = stmt(s, q);
        sqlite3_bind_int64(st, 1, is_fp ? (int64_t)(k >> 32) : (int64_t)k);
        sqlite3_bind_int64(st, 2, num);
        sqlite3_bind_int64(st, 3, t);
        if (step_done(s, st, "removing postings"))
            return WT_EIO;
    }
    return 0;
}

static int sq_remove(wt_store *base, const char *id, int *removed)
{
    sq_store *s = (sq_store *)base;
    sqlite3_stmt *st = stmt(s, Q_FIND);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    *removed = 0;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc != SQLITE_ROW)
        return fail(s, "looking up a document");
    const int64_t num = sqlite3_column_int64(st, 0);
    const int64_t t = sqlite3_column_type(st, 3) == SQLITE_NULL
                          ? T_UNKNOWN
                          : sqlite3_column_int64(st, 3);
    /* Copy the blobs: the statements below reset nothing of st, but keep
     * the data independent of its row anyway. */
    const int nf = sqlite3_column_bytes(st, 1),
              nb = sqlite3_column_bytes(st, 2);
    void *fps = wt_malloc((size_t)nf + 1), *bands = wt_malloc((size_t)nb + 1);
    rc = WT_ENOMEM;
    if (!fps || !bands)
        goto out;
    if (nf)
        memcpy(fps, sqlite3_column_blob(st, 1), (size_t)nf);
    if (nb)
        memcpy(bands, sqlite3_column_blob(st, 2), (size_t)nb);
    sqlite3_reset(st);
    rc = del_postings(s, Q_FP_DEL, fps, nf, num, t, 1);
    if (!rc)
        rc = del_postings(s, Q_BAND_DEL, bands, nb, num, t, 0);
    for (int q = Q_USE_DEL_SOURCE; q <= Q_USE_DEL_TAKER && !rc; q++) {
        st = stmt(s, q);
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        rc = step_done(s, st, "removing uses");
    }
    if (!rc) {
        st = stmt(s, Q_DEL);
        sqlite3_bind_int64(st, 1, num);
        rc = step_done(s, st, "removing a document");
    }
    *removed = !rc;
out:
    wt_free(fps);
    wt_free(bands);
    return rc;
}

static int add_postings(sq_store *s, int q, const uint64_t *k, size_t n,
                        int64_t num, int64_t t, int is_fp)
{
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st = stmt(s, q);
        sqlite3_bind_int64(st, 1,
                           is_fp ? (int64_t)(k[i] >> 32) : (int64_t)k[i]);
        sqlite3_bind_int64(st, 2, num);
        sqlite3_bind_int64(st, 3, t);
        if (step_done(s, st, "adding postings"))
            return WT_EIO;
    }
    return 0;
}

static void bind_opt_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* A document's rows are written inside the caller's batch, which a
 * failed put rolls back whole (index.c: abandon_batch).  No savepoint of
 * its own: SQLite would copy every page the document changes (some 45
 * postings at random keys) to a statement journal first, a file write
 * per page (92 an article, counted at 30k articles): 0.37 to 0.47 of the
 * CPU of `index add --no-uses -j 2` of 100k articles (measured). */
static int sq_put(wt_store *base, wt_store_doc *d, int *replaced)
{
    sq_store *s = (sq_store *)base;
    int rc = sq_remove(base, d->id, replaced);
    if (rc)
        return rc;
    sqlite3_stmt *st = stmt(s, Q_PUT);
    sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
    bind_opt_text(st, 2, d->outlet);
    bind_opt_text(st, 3, d->url);
    if (d->published)
        sqlite3_bind_int64(st, 4, d->published);
    bind_opt_text(st, 5, d->lang);
    bind_opt_text(st, 6, d->title);
    sqlite3_bind_blob(st, 7, d->hash, 16, SQLITE_STATIC);
    sqlite3_bind_int64(st, 8, (int64_t)d->text_len);
    sqlite3_bind_blob(st, 9, d->body, (int)d->nbody, SQLITE_STATIC);
    sqlite3_bind_blob(st, 10, d->paras, (int)(d->nparas * 12), SQLITE_STATIC);
    sqlite3_bind_blob(st, 11, d->fp, (int)(d->nfp * 8), SQLITE_STATIC);
    sqlite3_bind_blob(st, 12, d->bands, (int)(d->nbands * 8), SQLITE_STATIC);
    bind_opt_text(st, 13, d->credits);
    bind_opt_text(st, 14, d->plangs);
    if ((rc = step_done(s, st, "adding a document")))
        return rc;
    d->num = sqlite3_last_insert_rowid(s->db);
    const int64_t t = d->published ? d->published : T_UNKNOWN;
    rc = add_postings(s, Q_FP_ADD, d->fp, d->nfp, d->num, t, 1);
    if (!rc)
        rc = add_postings(s, Q_BAND_ADD, d->bands, d->nbands, d->num, t, 0);
    return rc;
}

/* Adds the documents holding key (at most cap + 1 read, in the order
 * stored: by time, then number) with their times to the hits; of a key
 * held by more than cap, the first hubs. */
static int lookup(sq_store *s, int q, int64_t key, size_t cap, size_t hubs,
                  int is_fp, wt_store_hit **hits, size_t *nhits, size_t *hitcap)
{
    sqlite3_stmt *st = stmt(s, q);
    sqlite3_bind_int64(st, 1, key);
    sqlite3_bind_int64(st, 2, (int64_t)cap + 1);
    const size_t first = *nhits;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (wt_grow(hits, hitcap, *nhits + 1, sizeof **hits))
            return WT_ENOMEM;
        wt_store_hit *h = &(*hits)[(*nhits)++];
        h->num = sqlite3_column_int64(st, 0);
        h->fp_hits = is_fp;
        h->band_hits = !is_fp;
        h->hub_hits = 0;
        h->lead_hits = 0;
        const int64_t t = sqlite3_column_int64(st, 1);
        h->published = t == T_UNKNOWN ? 0 : t;
    }
    if (rc != SQLITE_DONE)
        return fail(s, "looking up postings");
    wt_store_key_end(*hits, first, nhits, cap, hubs);
    return 0;
}

static int sq_candidates(wt_store *base, const uint32_t *fp, size_t nfp,
                         const uint64_t *bands, size_t nbands, size_t cap,
                         size_t hubs, wt_store_hit **hits, size_t *nhits,
                         size_t *hitcap)
{
    sq_store *s = (sq_store *)base;
    int rc = 0;
    for (size_t i = 0; i < nfp && !rc; i++)
        rc = lookup(s, Q_FP_GET, (int64_t)fp[i], cap, hubs, 1, hits, nhits,
                    hitcap);
    for (size_t i = 0; i < nbands && !rc; i++)
        rc = lookup(s, Q_BAND_GET, (int64_t)bands[i], cap, hubs, 0, hits, nhits,
                    hitcap);
    if (!rc)
        wt_store_merge_hits(*hits, nhits);
    return rc;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* Always with the body: SQLite has no prefetch, and the row's later
 * columns are read through its overflow pages anyway. */
static int sq_load(wt_store *base, int64_t num, int body, wt_store_doc *d)
{
    (void)body;
    sq_store *s = (sq_store *)base;
    sqlite3_stmt *st = stmt(s, Q_LOAD);
    sqlite3_bind_int64(st, 1, num);
    const int rc = sqlite3_step(st);
    memset(d, 0, sizeof *d);
    if (rc == SQLITE_DONE) {
        snprintf(s->err, sizeof s->err, "document %lld is not stored",
                 (long long)num);
        return WT_EIO;
    }
    if (rc != SQLITE_ROW)
        return fail(s, "loading a document");
    d->num = num;
    d->id = col_text(st, 0);
    d->outlet = col_text(st, 1);
    d->url = col_text(st, 2);
    d->published = sqlite3_column_int64(st, 3);
    d->lang = col_text(st, 4);
    d->title = col_text(st, 5);
    if (sqlite3_column_bytes(st, 6) == 16)
        memcpy(d->hash, sqlite3_column_blob(st, 6), 16);
    d->text_len = (size_t)sqlite3_column_int64(st, 7);
    d->body = sqlite3_column_blob(st, 8);
    d->nbody = (size_t)sqlite3_column_bytes(st, 8);
    d->paras = sqlite3_column_blob(st, 9);
    d->nparas = (size_t)sqlite3_column_bytes(st, 9) / 12;
    d->credits = col_text(st, 10);
    d->plangs = col_text(st, 11);
    return 0;
}

static int count_rows(sq_store *s, const char *q, uint64_t *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, q, -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        *out = (uint64_t)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : fail(s, q);
}

static int sq_stats(wt_store *base, wt_store_stats *st)
{
    sq_store *s = (sq_store *)base;
    read_latest(s);
    memset(st, 0, sizeof *st);
    int rc = count_rows(s, "SELECT count(*) FROM docs", &st->documents);
    if (!rc)
        rc = count_rows(s,
                        "SELECT coalesce(sum(length(paras)), 0) / 12 "
                        "FROM docs",
                        &st->paragraphs);
    if (!rc)
        rc = count_rows(s, "SELECT count(*) FROM fp", &st->fingerprints);
    if (!rc)
        rc = count_rows(s, "SELECT count(*) FROM band", &st->bands);
    if (!rc)
        rc = count_rows(s, "SELECT coalesce(sum(text_len), 0) FROM docs",
                        &st->text_bytes);
    uint64_t pages = 0, size = 0;
    if (!rc)
        rc = count_rows(s, "PRAGMA page_count", &pages);
    if (!rc)
        rc = count_rows(s, "PRAGMA page_size", &size);
    st->file_bytes = pages * size;
    return rc;
}

static int sq_count(wt_store *base, uint64_t *documents)
{
    read_latest((sq_store *)base);
    return count_rows((sq_store *)base, "SELECT count(*) FROM docs", documents);
}

static int sq_get_setting(wt_store *base, const char *key, char **out)
{
    sqlite3_stmt *st = NULL;
    *out = NULL;
    const int rc =
        row_of((sq_store *)base, Q_GET, key, "reading a setting", &st);
    if (rc != 1)
        return rc;
    *out = wt_strdup(col_text(st, 0) ? col_text(st, 0) : "");
    return *out ? 0 : WT_ENOMEM;
}

static int sq_set_setting(wt_store *base, const char *key, const char *value)
{
    sq_store *s = (sq_store *)base;
    sqlite3_stmt *st = stmt(s, Q_SET);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    return step_done(s, st, "writing a setting");
}

static const char *sq_error(const wt_store *base)
{
    return ((const sq_store *)base)->err;
}

static int sq_read_begin(wt_store *base)
{
    sq_store *s = (sq_store *)base;
    if (!sqlite3_get_autocommit(s->db))
        return 0;
    for (int i = 0; i < NQ; i++)
        sqlite3_reset(s->q[i]);
    const int rc = exec(s, "BEGIN");
    s->reading = !rc;
    return rc;
}

/* Resets the statements too: one left on a row would hold the snapshot
 * open, and with it keep the write-ahead log from being checkpointed. */
static void sq_read_end(wt_store *base)
{
    sq_store *s = (sq_store *)base;
    if (!s->reading)
        return;
    for (int i = 0; i < NQ; i++)
        sqlite3_reset(s->q[i]);
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    s->reading = 0;
}

/* SQLite writes each statement as it comes: the batch is there already. */
static int sq_flush(wt_store *base)
{
    (void)base;
    return 0;
}

static int sq_put_uses(wt_store *base, const wt_store_use *u, size_t n)
{
    sq_store *s = (sq_store *)base;
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st = stmt(s, Q_USE_PUT);
        sqlite3_bind_text(st, 1, u[i].source_key, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, u[i].t ? u[i].t : T_UNKNOWN);
        sqlite3_bind_text(st, 3, u[i].source, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, u[i].taker, -1, SQLITE_STATIC);
        bind_opt_text(st, 5, u[i].source_outlet);
        bind_opt_text(st, 6, u[i].taker_outlet);
        sqlite3_bind_text(st, 7, u[i].taker_key, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 8, (int64_t)u[i].words);
        for (int k = 0; k < WT_AUDIT_CLASSES; k++)
            sqlite3_bind_int64(st, 9 + k, (int64_t)u[i].by_class[k]);
        sqlite3_bind_int(st, 13, u[i].credited);
        if (step_done(s, st, "storing uses"))
            return code_of(s);
    }
    return 0;
}

static int sq_clear_uses(wt_store *base)
{
    return exec((sq_store *)base, "DELETE FROM uses");
}

static int sq_next_doc(wt_store *base, int64_t after, int64_t *next)
{
    sq_store *s = (sq_store *)base;
    sqlite3_stmt *st = stmt(s, Q_NEXT);
    sqlite3_bind_int64(st, 1, after);
    const int rc = sqlite3_step(st);
    *next = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : fail(s, "listing documents");
}

/* One part of an audit: its rows, as text, to cb. */
static int audit_part(sq_store *s, const wt_store_audit_q *q,
                      wt_audit_part part, wt_audit_cb cb, void *ctx)
{
    char sql_text[1024];
    wt_store_audit_sql(part, "uses", "docs",
                       "strftime('%Y-%m', u.t, 'unixepoch')", "", q->timed,
                       sql_text, sizeof sql_text);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql_text, -1, &st, NULL) != SQLITE_OK)
        return fail(s, "preparing an audit");
    sqlite3_bind_text(st, 1, q->key, -1, SQLITE_STATIC);
    if (q->timed) {
        sqlite3_bind_int64(st, 2, q->since);
        sqlite3_bind_int64(st, 3, q->until);
    }
    int rc = 0, step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *col[15];
        for (int i = 0; i < 15; i++)
            col[i] = col_text(st, i);
        wt_audit_row r;
        wt_store_audit_row(part, col, &r);
        rc = cb(ctx, &r);
    }
    if (!rc && step != SQLITE_DONE)
        rc = fail(s, "reading an audit");
    sqlite3_finalize(st);
    return rc;
}

static int sq_audit(wt_store *base, const wt_store_audit_q *q, wt_audit_cb cb,
                    void *ctx)
{
    int rc = 0;
    for (int p = WT_AUDIT_OUTLET; p <= WT_AUDIT_MONTH && !rc; p++)
        rc = audit_part((sq_store *)base, q, (wt_audit_part)p, cb, ctx);
    return rc;
}

/* A file needs no connection: one setting read shows it can be read. */
static int sq_ping(wt_store *base)
{
    char *v = NULL;
    const int rc = sq_get_setting(base, "seed", &v);
    wt_free(v);
    return rc;
}

static const wt_store_ops sqlite_ops = {
    .close = sq_close,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .has_content = sq_has_content,
    .find = sq_find,
    .put = sq_put,
    .remove = sq_remove,
    .candidates = sq_candidates,
    .load = sq_load,
    .prefetch = NULL, /* a load is a B-tree lookup in this process */
    .stats = sq_stats,
    .count = sq_count,
    .get_setting = sq_get_setting,
    .set_setting = sq_set_setting,
    .error = sq_error,
    .read_begin = sq_read_begin,
    .read_end = sq_read_end,
    .flush = sq_flush,
    .put_uses = sq_put_uses,
    .clear_uses = sq_clear_uses,
    .next_doc = sq_next_doc,
    .audit = sq_audit,
    .ping = sq_ping,
};

/* Creates the tables, or checks that an existing file has a schema this
 * code reads. */
static int check_schema(sq_store *s)
{
    char *v = NULL;
    int rc = sq_get_setting(&s->base, "schema_version", &v);
    if (!rc && !v) {
        char buf[16];
        snprintf(buf, sizeof buf, "%d", SCHEMA_VERSION);
        rc = sq_set_setting(&s->base, "schema_version", buf);
    } else if (!rc && atoi(v) != SCHEMA_VERSION) {
        snprintf(s->err, sizeof s->err,
                 "index schema version %s, this "
                 "wiretrace reads version %d: build the index again "
                 "(index add) from the articles",
                 v, SCHEMA_VERSION);
        rc = WT_ECORRUPT;
    }
    wt_free(v);
    return rc;
}

/* The connection settings.  While another process is creating the same
 * index, switching to WAL answers "locked" at once, without the busy
 * handler (SQLite does not wait where waiting could deadlock): try again
 * for as long as the handler would wait. */
static int exec_settings(sq_store *s)
{
    static const char text[] =
        "PRAGMA page_size=16384; PRAGMA journal_mode=WAL;"
        " PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;";
    for (int tries = 0;; tries++) {
        const int r = sqlite3_exec(s->db, text, NULL, NULL, NULL);
        if (r == SQLITE_OK)
            return 0;
        if ((r != SQLITE_BUSY && r != SQLITE_LOCKED) || tries >= BUSY_POLLS)
            return fail(s, text);
        sqlite3_sleep(1);
    }
}

/* Is the file a wiretrace index already?  Asked before anything is
 * written, so that a read-only open of another application's database
 * changes nothing.  *made is 1 when the tables are there. */
static int probe(sq_store *s, uint64_t *made)
{
    *made = 0;
    int rc = count_rows(s,
                        "SELECT count(*) FROM sqlite_master WHERE "
                        "type = 'table' AND name IN ('settings', 'docs', "
                        "'fp', 'band')",
                        made);
    if (rc == WT_EIO)
        rc = WT_ECORRUPT; /* not a database at all */
    if (rc == WT_ECORRUPT)
        snprintf(s->err, sizeof s->err, "not a wiretrace index (%s)",
                 sqlite3_errmsg(s->db));
    return rc;
}

/* The tables of a new index, with its schema version, in one
 * transaction: the last table standing means all are there. */
static int create(sq_store *s)
{
    int rc = exec(s, "BEGIN IMMEDIATE");
    if (!rc)
        rc = exec(s, schema);
    for (int i = 0; i < NQ && !rc; i++)
        if (sqlite3_prepare_v2(s->db, sql[i], -1, &s->q[i], NULL) != SQLITE_OK)
            rc = fail(s, "preparing statements");
    if (!rc)
        rc = check_schema(s);
    if (!rc)
        rc = sq_set_setting(&s->base, "uses", "1"); /* none to miss */
    if (!rc)
        rc = exec(s, "COMMIT");
    return rc;
}

/* Brings a version 2 or 3 index to version 4 when it is opened for
 * writing, one step each, in one transaction; read-only, it is refused
 * with what to do. */
static int migrate(sq_store *s)
{
    uint64_t v = 0;
    int rc = count_rows(s,
                        "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM "
                        "settings WHERE key = 'schema_version'), 0)",
                        &v);
    if (rc || v < 2 || v >= SCHEMA_VERSION)
        return rc;
    if (s->read_only) {
        snprintf(s->err, sizeof s->err,
                 "index schema version %d, this wiretrace reads version %d: "
                 "open it for writing once (index add) to bring it up to "
                 "date",
                 (int)v, SCHEMA_VERSION);
        return WT_ECORRUPT;
    }
    rc = exec(s, "BEGIN IMMEDIATE");
    if (!rc && v == 2)
        rc = exec(s, migrate_2_3);
    if (!rc)
        rc = exec(s, migrate_3_4);
    if (rc)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    else
        rc = exec(s, "COMMIT");
    return rc;
}

/* The statements of an existing index, and its schema version. */
static int attach(sq_store *s)
{
    int rc = migrate(s);
    for (int i = 0; i < NQ && !rc; i++)
        if (sqlite3_prepare_v2(s->db, sql[i], -1, &s->q[i], NULL) != SQLITE_OK)
            rc = fail(s, "preparing statements");
    if (!rc)
        rc = check_schema(s);
    return rc;
}

int wt_store_sqlite_open(wt_store **out, const char *path, int read_only,
                         char *err, size_t errlen)
{
    sq_store *s = wt_calloc(1, sizeof *s);
    if (!s)
        return WT_ENOMEM;
    s->base.ops = &sqlite_ops;
    s->read_only = read_only;
    int rc = WT_EIO;
    /* Read-only opens still take a read-write connection (WAL readers
     * need the shared-memory file), but never create the file. */
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                      (read_only ? 0 : SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        rc = fail(s, read_only ? "no index here" : "cannot open");
        rc = WT_EIO;
        goto fail;
    }
    sqlite3_busy_handler(s->db, busy, NULL);
    uint64_t made = 0;
    if ((rc = probe(s, &made)))
        goto fail;
    if (made && made < 4) {
        snprintf(s->err, sizeof s->err,
                 "not a wiretrace index (some of "
                 "its tables are missing)");
        rc = WT_ECORRUPT;
        goto fail;
    }
    if (!made && read_only) {
        snprintf(s->err, sizeof s->err,
                 "not a wiretrace index (no "
                 "wiretrace tables; nothing was changed)");
        rc = WT_ECORRUPT;
        goto fail;
    }
    /* WAL: readers do not block the writer and a killed writer loses at
     * most its open batch.  synchronous=NORMAL is durable per checkpoint
     * and consistent always, the usual WAL setting.  16 KiB pages: a
     * document row is about 2 KB, and on 4 KiB pages half of each page
     * stayed empty.  An existing index is only read here: a query opening
     * it must not wait for the write lock, which an add holds for whole
     * batches. */
    if ((rc = exec_settings(s)))
        goto fail;
    rc = made ? attach(s) : create(s);
    if (rc)
        goto fail;
    *out = &s->base;
    return 0;
fail:
    snprintf(err, errlen, "%s: %s", path, s->err[0] ? s->err : "cannot open");
    sq_close(&s->base);
    return rc;
}
