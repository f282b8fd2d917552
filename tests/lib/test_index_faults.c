/*
 * Fault injection for the archive index: every write step SQLite makes
 * (xWrite, xTruncate, xSync of the database and its journal) is made to
 * fail in turn, as a disk that fills up at that moment and stays full, and
 * as one transient failure (the disk frees again at once: a batch that
 * lost an article must not be committed later with the rest).
 * After each run the index is opened again without faults and must hold
 * exactly the articles that were reported stored: every article whose
 * batch was reported committed is there, every other one is absent, and
 * SQLite's integrity check passes.
 */
#include "helpers.h"

#include <sqlite3.h>
#include <unistd.h>

/* ---- a VFS that forwards to the default one, failing from step N ---- */

typedef struct fault_state {
    long countdown; /* write steps left before the disk is "full"; < 0 off */
    long steps;     /* write steps seen */
    int transient;  /* fail one step only, then work again */
} fault_state;

static fault_state faults = {-1, 0, 0};
static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;

typedef struct fault_file {
    sqlite3_file base;
    sqlite3_file *real; /* follows this struct in the same allocation */
} fault_file;

#define REAL(f) (((fault_file *)(f))->real)

/* 1 when this write step is to fail (the disk is full from here on). */
static int full_now(void)
{
    faults.steps++;
    if (faults.countdown < 0)
        return 0;
    if (faults.countdown == 0) {
        if (faults.transient)
            faults.countdown = -1;
        return 1;
    }
    faults.countdown--;
    return 0;
}

static int f_close(sqlite3_file *f)
{
    return REAL(f)->pMethods->xClose(REAL(f));
}
static int f_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o)
{
    return REAL(f)->pMethods->xRead(REAL(f), b, n, o);
}
static int f_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
    return full_now() ? SQLITE_FULL
                      : REAL(f)->pMethods->xWrite(REAL(f), b, n, o);
}
static int f_truncate(sqlite3_file *f, sqlite3_int64 n)
{
    return full_now() ? SQLITE_IOERR_TRUNCATE
                      : REAL(f)->pMethods->xTruncate(REAL(f), n);
}
static int f_sync(sqlite3_file *f, int flags)
{
    return full_now() ? SQLITE_IOERR_FSYNC
                      : REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int f_size(sqlite3_file *f, sqlite3_int64 *n)
{
    return REAL(f)->pMethods->xFileSize(REAL(f), n);
}
static int f_lock(sqlite3_file *f, int l)
{
    return REAL(f)->pMethods->xLock(REAL(f), l);
}
static int f_unlock(sqlite3_file *f, int l)
{
    return REAL(f)->pMethods->xUnlock(REAL(f), l);
}
static int f_check(sqlite3_file *f, int *out)
{
    return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}
static int f_control(sqlite3_file *f, int op, void *arg)
{
    return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}
static int f_sector(sqlite3_file *f)
{
    return REAL(f)->pMethods->xSectorSize(REAL(f));
}
static int f_caps(sqlite3_file *f)
{
    return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int f_shm_map(sqlite3_file *f, int pg, int sz, int ext,
                     void volatile **pp)
{
    return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, ext, pp);
}
static int f_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
    return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}
static void f_shm_barrier(sqlite3_file *f)
{
    REAL(f)->pMethods->xShmBarrier(REAL(f));
}
static int f_shm_unmap(sqlite3_file *f, int del)
{
    return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

static const sqlite3_io_methods fault_io = {
    2,      f_close,   f_read,     f_write,       f_truncate,  f_sync,
    f_size, f_lock,    f_unlock,   f_check,       f_control,   f_sector,
    f_caps, f_shm_map, f_shm_lock, f_shm_barrier, f_shm_unmap, NULL,
    NULL};

static int f_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags,
                  int *out)
{
    (void)v;
    fault_file *ff = (fault_file *)f;
    ff->real = (sqlite3_file *)(ff + 1);
    const int rc = real_vfs->xOpen(real_vfs, name, ff->real, flags, out);
    f->pMethods = rc == SQLITE_OK ? &fault_io : NULL;
    return rc;
}

static void install_fault_vfs(void)
{
    if (real_vfs)
        return;
    real_vfs = sqlite3_vfs_find(NULL);
    fault_vfs = *real_vfs;
    fault_vfs.zName = "wt-fault";
    fault_vfs.szOsFile = (int)sizeof(fault_file) + real_vfs->szOsFile;
    fault_vfs.xOpen = f_open;
    cr_assert_eq(sqlite3_vfs_register(&fault_vfs, 1), SQLITE_OK);
}

/* ---- the run: articles added in batches, statuses as reported ------- */

enum { NART = 10, BATCH = 3 };

typedef struct ledger {
    int staged[NART]; /* in the open batch, not yet reported */
    int stored[NART]; /* reported stored (its batch committed) */
    long total;       /* documents in the index, as last reported */
} ledger;

static void committed(void *ctx, size_t batch, size_t total)
{
    ledger *l = ctx;
    (void)batch;
    l->total = (long)total;
    for (int i = 0; i < NART; i++)
        if (l->staged[i]) {
            l->stored[i] = 1;
            l->staged[i] = 0;
        }
}

static void lost(ledger *l) { memset(l->staged, 0, sizeof l->staged); }

static void article_text(int i, char *buf, size_t n)
{
    snprintf(buf, n,
             "Dispatch %d: dock workers at berth %d of the port of "
             "Harborton stayed out for day %d of the strike, the union "
             "said, as talks over pay for %d crane crews stalled.\n",
             i, i * 7 + 1, i + 2, 40 + i);
}

/* Adds the articles with the disk failing from write step n on (n < 0:
 * never); the ledger gets what was reported. */
static void run(const char *path, long n, int transient, ledger *l)
{
    wt_options o;
    wt_options_init(&o);
    o.lang_dir = test_lang_dir();
    wt_index_options io;
    wt_index_options_init(&io);
    io.batch = BATCH;
    io.progress = committed;
    io.progress_ctx = l;
    wt_index *ix = NULL;
    faults.countdown = -1;
    cr_assert_eq(wt_index_open(&ix, path, &o, &io, NULL, 0), 0);
    faults.countdown = n;
    faults.transient = transient;
    faults.steps = 0;
    for (int i = 0; i < NART; i++) {
        char id[16], text[512];
        snprintf(id, sizeof id, "art%d", i);
        article_text(i, text, sizeof text);
        const wt_article a = {.id = id, .text = text, .len = strlen(text)};
        int added = 0;
        l->staged[i] = 1;
        const int rc = wt_index_add(ix, &a, &added);
        if (rc) {
            cr_assert(rc == WT_EWRITE || rc == WT_ENOMEM, "rc %d", rc);
            lost(l);
        }
    }
    if (wt_index_commit(ix))
        lost(l);
    wt_index_close(ix); /* nothing pending: closes without writing */
    faults.countdown = -1;
}

/* Opens the index without faults and checks it against the ledger. */
static void check(const char *path, const ledger *l, long n)
{
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), "ok",
                     "integrity check after a fault at step %ld", n);
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db, "SELECT count(*) FROM docs WHERE id = ?1", -1, &st,
                       NULL);
    for (int i = 0; i < NART; i++) {
        char id[16];
        snprintf(id, sizeof id, "art%d", i);
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
        cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
        const int there = sqlite3_column_int(st, 0) == 1;
        cr_assert_eq(there, l->stored[i],
                     "fault at write step %ld: %s is %s but was reported "
                     "%s",
                     n, id, there ? "stored" : "absent",
                     l->stored[i] ? "stored" : "not stored");
    }
    sqlite3_finalize(st);
    long n_docs = -1;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM docs", -1, &st, NULL);
    if (sqlite3_step(st) == SQLITE_ROW)
        n_docs = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    cr_assert(l->total < 0 || l->total == n_docs,
              "fault at write step %ld: %ld documents reported in the "
              "index, %ld there",
              n, l->total, n_docs);
}

Test(index_faults, every_write_step_failing_in_turn, .timeout = 600)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/wt_test_faults_%d.db", (int)getpid());
    install_fault_vfs();
    test_remove_index(path);
    ledger clean = {{0}, {0}, -1};
    run(path, -1, 0, &clean);
    const long steps = faults.steps;
    check(path, &clean, -1);
    for (int i = 0; i < NART; i++)
        cr_assert(clean.stored[i], "art%d not stored without faults", i);
    cr_assert_gt(steps, 3);
    for (int transient = 0; transient <= 1; transient++)
        for (long n = 0; n <= steps; n++) {
            test_remove_index(path);
            ledger l = {{0}, {0}, -1};
            run(path, n, transient, &l);
            check(path, &l, n);
        }
    test_remove_index(path);
}
