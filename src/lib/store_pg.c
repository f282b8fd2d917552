/*
 * store_pg.c - the shared index: one PostgreSQL database (libpq) that
 * many machines add to and query at once.
 *
 * The tables live in the schema "wiretrace" and mirror the SQLite store's
 * (store_sqlite.c): postings keyed (key, t, num), so a lookup is one index
 * range scan that meets a key's earliest holders first, and each document
 * row keeps the keys it added, so removing it deletes exactly those.
 *
 * A batch is kept in memory and sent at commit, in one transaction of a
 * few round trips whatever its size: the ids' advisory locks taken in
 * sorted order (so concurrent writers wait for each other but never
 * deadlock), the old versions deleted, numbers drawn from a sequence, and
 * the rows sent with COPY.  Under those locks the batch re-reads what is
 * stored, so an article another process stored meanwhile with the same
 * text is kept as it is, and a changed one is replaced: one row per id,
 * never two.  A query's reads run in one REPEATABLE READ READ ONLY
 * transaction, so a document replaced meanwhile is seen whole or not at
 * all.
 */
#include "store.h"
#include "alloc.h"
#include "hmap.h"
#include "sort.h"
#include "wiretrace.h"

#include <libpq-fe.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

/* 1: the first PostgreSQL schema.  2: the uses (uses.h), keyed by the
 * source's outlet and the time of the use as in the SQLite store; a
 * version 1 index gets the table empty and the setting "uses" 0 (recorded
 * by index relink).  3: the table unsettled (below).  An older one is
 * brought up to date by `index init`; a newer one is refused. */
#define SCHEMA_VERSION 3
#define SCHEMA_VERSION_TEXT "3"
#define T_UNKNOWN "9223372036854775807" /* t of a document without a time */
/* The first key of the advisory locks on ids (the second is the id's
 * hash), apart from other applications' single-key locks. */
#define LOCK_IDS "2003792229"
#define LOCK_INIT "2003792230" /* held while a schema is made */
#define COPY_CHUNK (1u << 20)

#define OID_INT8 20
#define OID_TEXT 25

/* Sharded, the postings that may be on the shards with no committed
 * document: PL/Proxy runs each shard's part of a call in a transaction of
 * that shard, committed at once, so postings sent for a batch that then
 * fails (a shard down midway, the commit here lost) stay on the shards
 * that took them, and the postings of a document replaced or removed are
 * deleted from the shards only after its deletion here commits.  A
 * writer records its new documents' postings here (committed) before it
 * sends them, and takes the record back in the transaction that commits
 * the documents; a deletion records the old postings in its transaction.
 * What is left (numbers not in docs, whose writer's transaction is over)
 * is deleted from the shards by the next write (settle()).  Numbers come
 * from a sequence and are never drawn twice, so a stray posting never
 * counts for a later document, and queries drop postings of documents
 * not stored (cand_sharded) until then. */
#define UNSETTLED_TABLE                                                        \
    "CREATE TABLE IF NOT EXISTS wiretrace.unsettled(num bigint PRIMARY KEY,"   \
    " t bigint NOT NULL, fps bigint[] NOT NULL, bands bigint[] NOT NULL);"

/* Uses of unknown time have t = T_UNKNOWN. */
#define USES_TABLE                                                             \
    "CREATE TABLE IF NOT EXISTS wiretrace.uses(source_key text NOT NULL,"      \
    " t bigint NOT NULL, source text NOT NULL, taker text NOT NULL,"           \
    " source_outlet text, taker_outlet text, taker_key text NOT NULL,"         \
    " words bigint NOT NULL, verbatim bigint NOT NULL, edited bigint NOT"      \
    " NULL, rewrite bigint NOT NULL, translation bigint NOT NULL, credited"    \
    " int NOT NULL, PRIMARY KEY(source_key, t, source, taker));"               \
    "CREATE UNIQUE INDEX IF NOT EXISTS uses_pair ON wiretrace.uses(source,"    \
    " taker);"                                                                 \
    "CREATE INDEX IF NOT EXISTS uses_taker ON wiretrace.uses(taker);"

static const char schema[] =
    "CREATE SCHEMA IF NOT EXISTS wiretrace;"
    "CREATE TABLE IF NOT EXISTS wiretrace.settings(key text PRIMARY KEY,"
    " value text NOT NULL);"
    "CREATE SEQUENCE IF NOT EXISTS wiretrace.docs_num;"
    "CREATE TABLE IF NOT EXISTS wiretrace.docs(num bigint PRIMARY KEY,"
    " id text NOT NULL UNIQUE, outlet text, url text, published bigint,"
    " lang text, title text, credits text, plangs text,"
    " hash bytea NOT NULL, text_len bigint NOT NULL, body bytea NOT NULL,"
    " paras bytea, fps bigint[] NOT NULL, bands bigint[] NOT NULL);"
    /* The body is zlib already: stored out of line, not compressed again. */
    "ALTER TABLE wiretrace.docs ALTER body SET STORAGE EXTERNAL;"
    "CREATE TABLE IF NOT EXISTS wiretrace.fp(key bigint NOT NULL,"
    " t bigint NOT NULL, num bigint NOT NULL, PRIMARY KEY(key, t, num));"
    "CREATE TABLE IF NOT EXISTS wiretrace.band(key bigint NOT NULL,"
    " t bigint NOT NULL, num bigint NOT NULL, PRIMARY KEY(key, t, "
    "num));" USES_TABLE UNSETTLED_TABLE;

/* Version 1 to 2: the uses of the articles stored so far are not known
 * until index relink records them. */
static const char migrate_1_2[] = USES_TABLE
    "INSERT INTO wiretrace.settings(key, value) SELECT 'uses', CASE WHEN"
    " EXISTS (SELECT 1 FROM wiretrace.docs) THEN '0' ELSE '1' END"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value;"
    "UPDATE wiretrace.settings SET value = '2' WHERE key = 'schema_version';";

/* Version 2 to 3: nothing is unsettled yet. */
static const char migrate_2_3[] = UNSETTLED_TABLE
    "UPDATE wiretrace.settings SET value = '3' WHERE key = 'schema_version';";

/* The uses of the documents a deletion (CTE d) removes go with them, as
 * source and as taker. */
#define USES_DEL                                                               \
    " u AS (DELETE FROM wiretrace.uses WHERE source IN (SELECT id FROM d)"     \
    " OR taker IN (SELECT id FROM d) RETURNING 1),"

/* What a load reads of a document, in doc_from_row()'s order, the body
 * between them. */
#define DOC_HEAD "id, outlet, url, published, lang, title, hash, text_len,"
#define DOC_TAIL " paras, credits, plangs"

/* The statements; from Q_SHARDED on, those of a sharded index only. */
enum {
    Q_HAS,
    Q_FIND,
    Q_CAND,
    Q_LOAD,
    Q_FETCH,
    Q_GET,
    Q_SET,
    Q_LOCK,
    Q_OLD,
    Q_DEL,
    Q_NUMS,
    Q_USE_PUT,
    Q_NEXT,
    Q_SHARDED,
    Q_ADD_FP = Q_SHARDED,
    Q_ADD_BAND,
    Q_DEL_FP,
    Q_DEL_BAND,
    Q_CLAIM,
    Q_SETTLE,
    NQ
};

static const char *const sql[NQ] = {
    "SELECT hash FROM wiretrace.docs WHERE id = $1",
    "SELECT num FROM wiretrace.docs WHERE id = $1",
    /* Each key's first $3 holders in the order of the primary key,
     * fingerprints then bands.  Not sorted here: cand_rows() puts the
     * rows in order when they do not come so (a sort by the server was a
     * fifth of the statement's time under serve). */
    "SELECT 0, k.i, p.num, p.t FROM unnest($1::int8[]) WITH ORDINALITY"
    " k(key, i) CROSS JOIN LATERAL (SELECT num, t FROM wiretrace.fp"
    " WHERE key = k.key ORDER BY t, num LIMIT $3) p"
    " UNION ALL SELECT 1, k.i, p.num, p.t FROM unnest($2::int8[]) WITH"
    " ORDINALITY k(key, i) CROSS JOIN LATERAL (SELECT num, t FROM"
    " wiretrace.band WHERE key = k.key ORDER BY t, num LIMIT $3) p",
    "SELECT " DOC_HEAD " body," DOC_TAIL " FROM wiretrace.docs WHERE num = $1",
    /* The bodies of $2 are not read: their rows are a few hundred bytes
     * in the table, and each body read from the TOAST table and sent
     * cost more than all of them (the statement took twice the time
     * when every body was read, measured under serve). */
    "SELECT " DOC_HEAD " CASE WHEN num = ANY($2::int8[]) THEN NULL ELSE body"
    " END," DOC_TAIL ", num FROM wiretrace.docs WHERE num = ANY($1::int8[])",
    "SELECT value FROM wiretrace.settings WHERE key = $1",
    "INSERT INTO wiretrace.settings(key, value) VALUES($1, $2)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    /* In one order for every writer: two batches sharing ids wait for
     * each other, never in a cycle. */
    "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(" LOCK_IDS ", h)"
    " FROM (SELECT DISTINCT hashtext(i) AS h FROM unnest($1::text[]) i"
    " ORDER BY h OFFSET 0) s) l",
    "SELECT id, num, hash FROM wiretrace.docs WHERE id = ANY($1::text[])",
    "WITH d AS (DELETE FROM wiretrace.docs WHERE num = ANY($1::int8[])"
    " RETURNING id, num, coalesce(published, " T_UNKNOWN ") AS t, fps,"
    " bands)," USES_DEL
    " f AS (DELETE FROM wiretrace.fp p USING (SELECT unnest(fps) AS key,"
    " t, num FROM d) x WHERE p.key = x.key AND p.t = x.t AND p.num = x.num)"
    " DELETE FROM wiretrace.band p USING (SELECT unnest(bands) AS key, t,"
    " num FROM d) x WHERE p.key = x.key AND p.t = x.t AND p.num = x.num",
    "SELECT nextval('wiretrace.docs_num') FROM generate_series(1, $1::int)",
    "INSERT INTO wiretrace.uses(source_key, t, source, taker, source_outlet,"
    " taker_outlet, taker_key, words, verbatim, edited, rewrite,"
    " translation, credited) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9,"
    " $10, $11, $12, $13) ON CONFLICT (source, taker) DO UPDATE SET"
    " source_key = excluded.source_key, t = excluded.t, source_outlet ="
    " excluded.source_outlet, taker_outlet = excluded.taker_outlet,"
    " taker_key = excluded.taker_key, words = excluded.words, verbatim ="
    " excluded.verbatim, edited = excluded.edited, rewrite ="
    " excluded.rewrite, translation = excluded.translation, credited ="
    " excluded.credited",
    "SELECT coalesce(min(num), 0) FROM wiretrace.docs WHERE num > $1",
    /* Sharded: the PL/Proxy functions (shard_functions) that send each
     * shard the postings of its keys. */
    "SELECT count(*) FROM wiretrace.fp_add($1::int8[], $2::int8[],"
    " $3::int8[])",
    "SELECT count(*) FROM wiretrace.band_add($1::int8[], $2::int8[],"
    " $3::int8[])",
    "SELECT count(*) FROM wiretrace.fp_del($1::int8[], $2::int8[],"
    " $3::int8[])",
    "SELECT count(*) FROM wiretrace.band_del($1::int8[], $2::int8[],"
    " $3::int8[])",
    /* A writer's record of its postings, taken back in its transaction:
     * the rows stay locked until it ends, so Q_SETTLE skips them. */
    "DELETE FROM wiretrace.unsettled WHERE num = ANY($1::int8[])",
    /* What is unsettled and not being written (rows another transaction
     * holds are skipped) deleted from the shards, and its record with
     * it, in one statement: a shard that fails the call leaves the record
     * for the next time (deleting twice is harmless). */
    "WITH x AS (DELETE FROM wiretrace.unsettled WHERE num IN (SELECT num"
    " FROM wiretrace.unsettled u WHERE NOT EXISTS (SELECT 1 FROM"
    " wiretrace.docs d WHERE d.num = u.num) ORDER BY num LIMIT 1000 FOR"
    " UPDATE SKIP LOCKED) RETURNING num, t, fps, bands),"
    " f AS (SELECT array_agg(k) AS k, array_agg(x.t) AS t, array_agg(x.num)"
    " AS n FROM x, unnest(x.fps) k),"
    " b AS (SELECT array_agg(k) AS k, array_agg(x.t) AS t, array_agg(x.num)"
    " AS n FROM x, unnest(x.bands) k)"
    " SELECT (SELECT count(*) FROM x), (SELECT count(*) FROM f,"
    " wiretrace.fp_del(f.k, f.t, f.n) WHERE f.k IS NOT NULL),"
    " (SELECT count(*) FROM b, wiretrace.band_del(b.k, b.t, b.n) WHERE b.k"
    " IS NOT NULL)",
};

/* Sharded, every shard called once, to see that each answers: the keys
 * 0 to 1023 fall on every partition, and no posting is read. */
static const char ping_sharded[] =
    "SELECT count(*) FROM wiretrace.fp_get(ARRAY(SELECT generate_series(0::"
    "int8, 1023)), ARRAY(SELECT generate_series(1::int8, 1024)), 0)";

/* Sharded, in place of Q_CAND and Q_DEL: the postings come from the
 * shards, outside this transaction's snapshot, so those of documents it
 * does not hold (being written, or left by a failed batch and not yet
 * settled) are dropped; the documents deleted leave their postings
 * unsettled, deleted from the shards once the batch is committed. */
static const char cand_sharded[] =
    "SELECT x.kind, x.pos, x.num, x.t FROM (SELECT 0 AS kind, r_pos AS pos,"
    " r_num AS num, r_t AS t FROM wiretrace.fp_get($1::int8[], ARRAY(SELECT"
    " generate_series(1::int8, cardinality($1::int8[]))), $3::int)"
    " UNION ALL SELECT 1, r_pos, r_num, r_t FROM wiretrace.band_get("
    "$2::int8[], ARRAY(SELECT generate_series(1::int8,"
    " cardinality($2::int8[]))), $3::int)) x WHERE EXISTS (SELECT 1 FROM"
    " wiretrace.docs d WHERE d.num = x.num)";
static const char del_sharded[] =
    "WITH d AS (DELETE FROM wiretrace.docs WHERE num = ANY($1::int8[])"
    " RETURNING id, num, coalesce(published, " T_UNKNOWN ") AS t, fps,"
    " bands)," USES_DEL " x AS (INSERT INTO wiretrace.unsettled SELECT num,"
    " t, fps, bands FROM d ON CONFLICT DO NOTHING RETURNING 1)"
    " SELECT count(*) FROM x";

/* One change of the open batch.  Only the last change of an id is
 * written: an earlier one is marked dead. */
typedef struct pg_op {
    int put; /* 1: store doc; 0: remove the id */
    int dead;
    int skip;         /* commit: stored already with this text */
    int64_t old_num;  /* commit: the stored version to delete, or 0 */
    wt_store_doc doc; /* put: owned copies (remove: the id only) */
    uint64_t *fpk;    /* put: its fingerprint keys, sorted, unique */
    size_t nfpk;
    uint64_t *bk; /* put: its band keys, sorted, unique */
    size_t nbk;
} pg_op;

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

typedef struct pg_store {
    wt_store base;
    PGconn *db;
    PGresult *loaded;  /* the last load's row */
    PGresult *fetched; /* prefetch: the rows the next loads ask for */
    char err[768];
    int code; /* the WT_E* code of the last failure (err) */
    int read_only;
    int prepared; /* the statements are prepared (to do again on a new
                      connection) */
    int reviving; /* revive() is setting a new connection up */
    int sharded;  /* postings on PL/Proxy shards, not in this database */
    int unsettle; /* sharded commit: the batch deleted documents, whose
                     postings settle() deletes once it is committed */
    int in_batch, reading;
    int begin_owed;  /* reading, its BEGIN not sent yet: run() sends it with
                       the read's first statement */
    int flushed;     /* the batch is sent, its transaction open (flush) */
    int commit_owed; /* a read's COMMIT sent, its result not collected:
                        settle_read() collects it */
    pg_op *ops;      /* the open batch */
    size_t nops, opcap;
    wt_hmap by_id;         /* XXH3 of an id -> index + 1 of its last op */
    char *seen_id;         /* has_content's last id not in the batch ... */
    int seen_exists;       /* ... and whether it was stored */
    buf b, b2, b3;         /* scratch: COPY data, array parameters */
    struct cand_row *rows; /* pg_candidates' rows, in order */
    size_t rowcap;
} pg_store;

/* ---- errors and statements ---- */

static int failf(pg_store *s, int rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
    size_t n = strlen(s->err);
    while (n && (s->err[n - 1] == '\n' || s->err[n - 1] == ' '))
        s->err[--n] = '\0';
    s->code = rc;
    return rc;
}

/* m on one line (a message is one line on stderr and in a JSON error):
 * each run of blanks, tabs and newlines one blank; and the value of any
 * password= in it (PL/Proxy may quote a shard's connection string)
 * hidden. */
static void one_line(char *out, size_t n, const char *m)
{
    static const char key[] = "password=";
    size_t o = 0;
    for (const char *p = m; *p && o + 4 < n;) {
        if (!strncmp(p, key, sizeof key - 1) && o + sizeof key + 3 < n) {
            memcpy(out + o, "password=***", 12);
            o += 12;
            p += sizeof key - 1;
            const char q = *p == '\'' ? *p++ : ' ';
            while (*p && *p != q && !(q == ' ' && (*p == '\n' || *p == '\t')))
                p += *p == '\\' && p[1] ? 2 : 1;
            p += *p == '\'';
        } else if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            if (o && out[o - 1] != ' ')
                out[o++] = ' ';
            p++;
        } else {
            out[o++] = *p++;
        }
    }
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
}

/* Whether m is PL/Proxy's report of a call to a shard: its own failure
 * ("PL/Proxy function f(3): [db] ..."), or a shard's error passed on
 * ("f(3): [db] REMOTE FATAL: ..."). */
static int from_proxy(const char *m)
{
    return m &&
           (!strncmp(m, "PL/Proxy function", 17) || strstr(m, "] REMOTE "));
}

/* Whether the failure r (may be NULL) means that the database or a shard
 * cannot be reached now, rather than that a statement was refused: the
 * connection is lost; the server is shutting down, starting or refuses
 * connections (SQLSTATE classes 08 and 57P, also as a shard's error that
 * PL/Proxy passes on); or PL/Proxy could not reach a shard, which it
 * reports as an internal error (XX000) naming the libpq call that failed
 * ("[wt] PQconnectPoll: ...") or its timeout. */
static int unreachable(const pg_store *s, const PGresult *r)
{
    if (PQstatus(s->db) != CONNECTION_OK)
        return 1;
    const char *st = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
    const char *m = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    if (!st)
        return 0;
    if (!strncmp(st, "08", 2) || !strncmp(st, "57P", 3))
        return 1;
    return !strcmp(st, "XX000") && from_proxy(m) &&
           (strstr(m, "] PQ") || strstr(m, "timeout"));
}

/* The database s is connected to, named as wt_store_pg_describe() names
 * it (never its password). */
static void describe_db(const pg_store *s, char *out, size_t n)
{
    const char *db = PQdb(s->db), *host = PQhost(s->db), *port = PQport(s->db);
    snprintf(out, n, "PostgreSQL database \"%s\"%s%s%s%s",
             db && db[0] ? db : "(default)", host && host[0] ? " on " : "",
             host ? host : "", port && port[0] ? ":" : "", port ? port : "");
}

/* The server's message for a failed step (r may be NULL), as err; frees
 * r.  Returns rc, or WT_EUNAVAIL when the database or a shard cannot be
 * reached (unreachable), the message then saying which. */
static int fail(pg_store *s, PGresult *r, const char *what, int rc)
{
    const char *primary =
        r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    const char *m = r ? PQresultErrorMessage(r) : "";
    if (!m[0])
        m = PQerrorMessage(s->db);
    char line[600];
    one_line(line, sizeof line, m[0] ? m : "unexpected answer from the server");
    if (unreachable(s, r) && from_proxy(primary)) {
        one_line(line, sizeof line, primary);
        failf(s, WT_EUNAVAIL,
              "a shard of the index database is unavailable: %s", line);
    } else if (unreachable(s, r)) {
        char name[256];
        describe_db(s, name, sizeof name);
        failf(s, WT_EUNAVAIL, "the index database (%s) is unavailable: %s",
              name, line);
    } else {
        failf(s, rc, "%s: %s", what, line);
    }
    PQclear(r);
    return s->code;
}

static int revive(pg_store *s);

/* Collects the result of a read's COMMIT sent by pg_read_end().  run()
 * and exec() call this through revive() before their statement: the
 * read's next BEGIN goes in pipeline mode, which needs the connection
 * idle.  The direct PQexec() calls elsewhere (ROLLBACK, COPY) need not:
 * libpq's PQexec family discards a result not collected.  A failed
 * read-only COMMIT loses nothing; a lost connection is found by the next
 * statement. */
static void settle_read(pg_store *s)
{
    if (!s->commit_owed)
        return;
    s->commit_owed = 0;
    for (PGresult *r; (r = PQgetResult(s->db));)
        PQclear(r);
}

/* A transaction of the reader's is open on the connection. */
static int in_txn(const pg_store *s) { return s->reading && !s->begin_owed; }

#define BEGIN_READ "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

/* Whether a statement that failed (r, freed when so) is worth
 * sending once more on a new connection: the connection was found lost
 * by that statement, outside a transaction (a server restarted since the
 * last one: the first statement of the next request meets the closed
 * connection), so the statement was not run, or ran alone (a lookup, a
 * setting, numbers drawn: harmless twice).  Never a COMMIT. */
static int again(pg_store *s, PGresult *r)
{
    if (PQstatus(s->db) != CONNECTION_BAD || in_txn(s) || s->flushed ||
        s->reviving || revive(s))
        return 0;
    PQclear(r);
    return 1;
}

/* Runs text (no parameters) once more on a new connection when the old
 * one was found lost (again()); 0 when it gave the status wanted, else
 * rc with err saying what failed. */
static int exec_now(pg_store *s, const char *text, ExecStatusType want,
                    const char *what, int rc)
{
    PGresult *r = PQexec(s->db, text);
    if (PQresultStatus(r) != want && again(s, r))
        r = PQexec(s->db, text);
    if (PQresultStatus(r) != want)
        return fail(s, r, what, rc);
    PQclear(r);
    return 0;
}

/* A read's BEGIN, when still owed, sent alone: before a statement that
 * run() does not send (those it sends take BEGIN along).  Owed while it
 * is sent, so that a connection found lost is made again and BEGIN sent
 * once more, as no transaction was open. */
static int owed_begin(pg_store *s)
{
    if (!s->begin_owed)
        return 0;
    const int rc =
        exec_now(s, BEGIN_READ, PGRES_COMMAND_OK, "starting a read", WT_EIO);
    s->begin_owed = 0;
    return rc;
}

/* Before a statement other than run()'s: the connection made again if
 * it was lost, the read's BEGIN sent if owed. */
static int ready(pg_store *s)
{
    const int rc = revive(s);
    return rc ? rc : owed_begin(s);
}

/* Runs text (no parameters); 0 when it gave the status wanted. */
static int exec(pg_store *s, const char *text, ExecStatusType want, int rc)
{
    const int dead = ready(s);
    return dead ? dead : exec_now(s, text, want, text, rc);
}

/* The result of a pipeline's next statement, up to the empty one that
 * ends it; NULL when none came (the connection lost). */
static PGresult *next_of_pipeline(PGconn *db)
{
    PGresult *r = PQgetResult(db);
    if (r)
        for (PGresult *more; (more = PQgetResult(db));)
            PQclear(more);
    return r;
}

/* Collects what the pipeline still owes, up to its sync, and leaves
 * pipeline mode; gives up when nothing more comes (the connection lost:
 * revive() makes a new one, out of pipeline mode). */
static void leave_pipeline(PGconn *db)
{
    int nothing = 0;
    while (PQpipelineStatus(db) != PQ_PIPELINE_OFF && !PQexitPipelineMode(db) &&
           nothing < 2) {
        PGresult *r = PQgetResult(db);
        nothing = r ? 0 : nothing + 1;
        PQclear(r);
    }
}

/* The read's BEGIN and prepared statement name sent together, one round
 * trip instead of two (libpq's pipeline mode): the statement's result,
 * or BEGIN's when BEGIN failed (the statement is then not run); NULL
 * when they could not be sent. */
static PGresult *begin_with(pg_store *s, const char *name, int n,
                            const char *const *v, const int *len,
                            const int *fmt)
{
    PGconn *db = s->db;
    if (!PQenterPipelineMode(db))
        return NULL;
    PGresult *begin = NULL, *r = NULL;
    if (PQsendQueryParams(db, BEGIN_READ, 0, NULL, NULL, NULL, NULL, 0) &&
        PQsendQueryPrepared(db, name, n, v, len, fmt, 1) &&
        PQpipelineSync(db)) {
        begin = next_of_pipeline(db);
        r = begin ? next_of_pipeline(db) : NULL;
    }
    leave_pipeline(db);
    if (begin && PQresultStatus(begin) == PGRES_COMMAND_OK) {
        PQclear(begin);
        return r;
    }
    PQclear(r);
    return begin;
}

/* Prepared statement name with binary results, the read's BEGIN along
 * when owed. */
static PGresult *prepared(pg_store *s, const char *name, int n,
                          const char *const *v, const int *len, const int *fmt)
{
    return s->begin_owed ? begin_with(s, name, n, v, len, fmt)
                         : PQexecPrepared(s->db, name, n, v, len, fmt, 1);
}

/* Runs prepared statement q with binary results.  NULL on failure, err
 * set. */
static PGresult *run(pg_store *s, int q, int n, const char *const *v,
                     const int *len, const int *fmt, const char *what, int rc)
{
    if (revive(s))
        return NULL;
    char name[16];
    snprintf(name, sizeof name, "q%d", q);
    PGresult *r = prepared(s, name, n, v, len, fmt);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK && again(s, r)) {
        r = prepared(s, name, n, v, len, fmt);
        st = PQresultStatus(r);
    }
    s->begin_owed = 0;
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
        return r;
    fail(s, r, what, rc);
    return NULL;
}

/* run() for a statement whose rows nothing reads: 0 or rc. */
static int run_ok(pg_store *s, int q, int n, const char *const *v,
                  const int *len, const int *fmt, const char *what, int rc)
{
    PGresult *r = run(s, q, n, v, len, fmt, what, rc);
    if (!r)
        return s->code;
    PQclear(r);
    return 0;
}

static int prepare_all(pg_store *s)
{
    for (int q = 0; q < (s->sharded ? NQ : Q_SHARDED); q++) {
        char name[16];
        snprintf(name, sizeof name, "q%d", q);
        const char *text = !s->sharded   ? sql[q]
                           : q == Q_CAND ? cand_sharded
                           : q == Q_DEL  ? del_sharded
                                         : sql[q];
        PGresult *r = PQprepare(s->db, name, text, 0, NULL);
        if (PQresultStatus(r) != PGRES_COMMAND_OK)
            return fail(s, r, "preparing statements", WT_EIO);
        PQclear(r);
    }
    s->prepared = 1;
    return 0;
}

/* ---- binary values ---- */

static int64_t get_i64(const PGresult *r, int row, int col)
{
    const unsigned char *p = (const unsigned char *)PQgetvalue(r, row, col);
    if (PQgetisnull(r, row, col) || PQgetlength(r, row, col) != 8)
        return 0;
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | p[i];
    return (int64_t)v;
}

static int32_t get_i32(const PGresult *r, int row, int col)
{
    const unsigned char *p = (const unsigned char *)PQgetvalue(r, row, col);
    if (PQgetlength(r, row, col) != 4)
        return 0;
    return (int32_t)((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
                     (uint32_t)p[2] << 8 | p[3]);
}

static const char *get_text(const PGresult *r, int row, int col)
{
    return PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

static int put_bytes(buf *b, const void *p, size_t n)
{
    if (wt_grow(&b->p, &b->cap, b->n + n + 1, 1))
        return WT_ENOMEM;
    if (n)
        memcpy(b->p + b->n, p, n);
    b->n += n;
    return 0;
}

static int put_be(buf *b, uint64_t v, int bytes)
{
    unsigned char c[8];
    for (int i = 0; i < bytes; i++)
        c[i] = (unsigned char)(v >> 8 * (bytes - 1 - i));
    return put_bytes(b, c, (size_t)bytes);
}

/* A one-dimensional array in PostgreSQL's binary form: the header, then
 * the n elements added with arr_elem(). */
static int arr_begin(buf *b, uint32_t oid, size_t n)
{
    b->n = 0;
    int rc = put_be(b, n ? 1 : 0, 4);
    if (!rc)
        rc = put_be(b, 0, 4); /* no NULLs */
    if (!rc)
        rc = put_be(b, oid, 4);
    if (!rc && n)
        rc = put_be(b, n, 4);
    if (!rc && n)
        rc = put_be(b, 1, 4); /* lower bound */
    return rc;
}

static int arr_elem(buf *b, const void *p, size_t n)
{
    const int rc = put_be(b, n, 4);
    return rc ? rc : put_bytes(b, p, n);
}

static int arr_i64(buf *b, uint64_t v)
{
    int rc = put_be(b, 8, 4);
    return rc ? rc : put_be(b, v, 8);
}

static int int8_array(buf *b, const uint64_t *v, size_t n)
{
    int rc = arr_begin(b, OID_INT8, n);
    for (size_t i = 0; i < n && !rc; i++)
        rc = arr_i64(b, v[i]);
    return rc;
}

/* ---- the open batch ---- */

static void doc_release(wt_store_doc *d)
{
    wt_free((char *)d->id);
    wt_free((char *)d->outlet);
    wt_free((char *)d->url);
    wt_free((char *)d->lang);
    wt_free((char *)d->title);
    wt_free((char *)d->credits);
    wt_free((char *)d->plangs);
    wt_free((void *)d->body);
    wt_free((void *)d->paras);
}

/* Drops what prefetch read: written or read again, it may be stale. */
static void forget_fetched(pg_store *s)
{
    PQclear(s->fetched);
    s->fetched = NULL;
}

static void drop_batch(pg_store *s)
{
    for (size_t i = 0; i < s->nops; i++) {
        doc_release(&s->ops[i].doc);
        wt_free(s->ops[i].fpk);
        wt_free(s->ops[i].bk);
    }
    s->nops = 0;
    wt_hmap_release(&s->by_id);
    s->in_batch = 0;
}

static uint64_t id_hash(const char *id) { return XXH3_64bits(id, strlen(id)); }

/* The last op of the batch on id, or NULL. */
static pg_op *find_op(pg_store *s, const char *id)
{
    const uint64_t *v =
        s->by_id.cap ? wt_hmap_get(&s->by_id, id_hash(id)) : NULL;
    if (v && !strcmp(s->ops[*v - 1].doc.id, id))
        return &s->ops[*v - 1];
    /* A hash shared by two ids: the slow way. */
    for (size_t i = s->nops; v && i-- > 0;)
        if (!s->ops[i].dead && !strcmp(s->ops[i].doc.id, id))
            return &s->ops[i];
    return NULL;
}

/* A new op on id, the last of the batch on it. */
static int new_op(pg_store *s, const char *id, pg_op **out)
{
    if (!s->by_id.cap && wt_hmap_init(&s->by_id, 64))
        return WT_ENOMEM;
    if (wt_grow(&s->ops, &s->opcap, s->nops + 1, sizeof *s->ops))
        return WT_ENOMEM;
    pg_op *op = &s->ops[s->nops];
    memset(op, 0, sizeof *op);
    if (!(op->doc.id = wt_strdup(id)))
        return WT_ENOMEM;
    pg_op *prev = find_op(s, id);
    uint64_t *slot = wt_hmap_slot(&s->by_id, id_hash(id));
    if (!slot) {
        wt_free((char *)op->doc.id);
        return WT_ENOMEM;
    }
    if (prev)
        prev->dead = 1;
    *slot = ++s->nops;
    *out = op;
    return 0;
}

static int dup_str(const char **dst, const char *src)
{
    *dst = src ? wt_strdup(src) : NULL;
    return src && !*dst ? WT_ENOMEM : 0;
}

static int dup_mem(const void **dst, const void *src, size_t n)
{
    void *p = wt_malloc(n + 1);
    if (!p)
        return WT_ENOMEM;
    if (n)
        memcpy(p, src, n);
    *dst = p;
    return 0;
}

static int cmp_u64(const void *a, const void *b)
{
    const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Sorted unique keys of v, each shifted right by shift: a key held twice
 * by one document is one posting, as in the SQLite store. */
static int unique_keys(const uint64_t *v, size_t n, int shift, uint64_t **out,
                       size_t *nout)
{
    *nout = 0;
    if (!(*out = wt_malloc((n + 1) * sizeof **out)))
        return WT_ENOMEM;
    for (size_t i = 0; i < n; i++)
        (*out)[i] = v[i] >> shift;
    if (n > 1)
        qsort(*out, n, sizeof **out, cmp_u64);
    for (size_t i = 0; i < n; i++)
        if (!*nout || (*out)[*nout - 1] != (*out)[i])
            (*out)[(*nout)++] = (*out)[i];
    return 0;
}

/* Copies what commit will write of d into op. */
static int op_fill(pg_op *op, const wt_store_doc *d)
{
    wt_store_doc *c = &op->doc;
    int rc = dup_str(&c->outlet, d->outlet);
    if (!rc)
        rc = dup_str(&c->url, d->url);
    if (!rc)
        rc = dup_str(&c->lang, d->lang);
    if (!rc)
        rc = dup_str(&c->title, d->title);
    if (!rc)
        rc = dup_str(&c->credits, d->credits);
    if (!rc)
        rc = dup_str(&c->plangs, d->plangs);
    if (!rc)
        rc = dup_mem(&c->body, d->body, d->nbody);
    if (!rc)
        rc = dup_mem(&c->paras, d->paras, d->nparas * 12);
    if (!rc)
        rc = unique_keys(d->fp, d->nfp, 32, &op->fpk, &op->nfpk);
    if (!rc)
        rc = unique_keys(d->bands, d->nbands, 0, &op->bk, &op->nbk);
    c->published = d->published;
    memcpy(c->hash, d->hash, sizeof c->hash);
    c->nbody = d->nbody;
    c->text_len = d->text_len;
    c->nparas = d->nparas;
    op->put = 1;
    return rc;
}

/* ---- the ops ---- */

static void pg_close(wt_store *base)
{
    pg_store *s = (pg_store *)base;
    if (!s)
        return;
    drop_batch(s);
    wt_free(s->ops);
    wt_free(s->seen_id);
    wt_free(s->b.p);
    wt_free(s->b2.p);
    wt_free(s->b3.p);
    wt_free(s->rows);
    PQclear(s->loaded);
    PQclear(s->fetched);
    PQfinish(s->db);
    wt_free(s);
}

/* A batch is gathered here and sent by commit. */
static int pg_begin(wt_store *base)
{
    pg_store *s = (pg_store *)base;
    drop_batch(s);
    s->in_batch = 1;
    return 0;
}

static void pg_rollback(wt_store *base)
{
    pg_store *s = (pg_store *)base;
    forget_fetched(s);
    if (s->flushed)
        PQclear(PQexec(s->db, "ROLLBACK"));
    s->flushed = 0;
    s->unsettle = 0;
    drop_batch(s);
    wt_free(s->seen_id);
    s->seen_id = NULL;
}

/* Whether id is stored, and with which content hash (*same: equal to
 * hash; hash NULL: not asked). */
static int stored(pg_store *s, const char *id, const uint64_t hash[2],
                  int *exists, int *same)
{
    const char *v[1] = {id};
    PGresult *r =
        run(s, Q_HAS, 1, v, NULL, NULL, "looking up a document", WT_EIO);
    if (!r)
        return s->code;
    *exists = PQntuples(r) > 0;
    *same = *exists && hash && PQgetlength(r, 0, 0) == 16 &&
            !memcmp(PQgetvalue(r, 0, 0), hash, 16);
    PQclear(r);
    return 0;
}

static int pg_has_content(wt_store *base, const char *id,
                          const uint64_t hash[2])
{
    pg_store *s = (pg_store *)base;
    const pg_op *op = find_op(s, id);
    if (op)
        return op->put && !memcmp(op->doc.hash, hash, 16);
    int exists = 0, same = 0;
    const int rc = stored(s, id, hash, &exists, &same);
    if (rc)
        return rc;
    /* put() asks the same next: remember the answer. */
    wt_free(s->seen_id);
    s->seen_id = wt_strdup(id);
    s->seen_exists = exists;
    return same;
}

/* The number of the stored document named id (committed documents only:
 * a reader's lookup, as load reads). */
static int pg_find(wt_store *base, const char *id, int64_t *num)
{
    pg_store *s = (pg_store *)base;
    const char *v[1] = {id};
    PGresult *r =
        run(s, Q_FIND, 1, v, NULL, NULL, "looking up a document", WT_EIO);
    if (!r)
        return s->code;
    const int found = PQntuples(r) > 0;
    if (found)
        *num = get_i64(r, 0, 0);
    PQclear(r);
    return found;
}

/* Whether id is stored, as the batch so far has it. */
static int batch_has(pg_store *s, const char *id, int *exists)
{
    const pg_op *op = find_op(s, id);
    if (op) {
        *exists = op->put;
        return 0;
    }
    if (s->seen_id && !strcmp(s->seen_id, id)) {
        *exists = s->seen_exists;
        return 0;
    }
    int same = 0;
    return stored(s, id, NULL, exists, &same);
}

static int pg_put(wt_store *base, wt_store_doc *d, int *replaced)
{
    pg_store *s = (pg_store *)base;
    *replaced = 0;
    int rc = batch_has(s, d->id, replaced);
    pg_op *op = NULL;
    if (!rc)
        rc = new_op(s, d->id, &op);
    if (!rc && (rc = op_fill(op, d)))
        op->dead = 1; /* kept for its memory, never written */
    d->num = 0;       /* numbered at commit */
    return rc;
}

static int pg_remove(wt_store *base, const char *id, int *removed)
{
    pg_store *s = (pg_store *)base;
    *removed = 0;
    int rc = batch_has(s, id, removed);
    pg_op *op = NULL;
    /* A removal is written even when the batch put the id first: the
     * stored version before it goes too. */
    if (!rc && *removed)
        rc = new_op(s, id, &op);
    return rc;
}

/* ---- commit: the batch in one transaction ---- */

static int live(const pg_op *op) { return !op->dead; }

/* The ids of the batch's last ops, as a text[] in s->b. */
static int id_array(pg_store *s, size_t n)
{
    int rc = arr_begin(&s->b, OID_TEXT, n);
    for (size_t i = 0; i < s->nops && !rc; i++)
        if (live(&s->ops[i]))
            rc = arr_elem(&s->b, s->ops[i].doc.id, strlen(s->ops[i].doc.id));
    return rc;
}

/* Locks the ids, then reads what is stored under them now: a version
 * with the same text is kept (skip), another is deleted. */
static int lock_and_read(pg_store *s, size_t n)
{
    int rc = id_array(s, n);
    if (rc)
        return rc;
    const char *v[1] = {s->b.p};
    const int len[1] = {(int)s->b.n}, fmt[1] = {1};
    if ((rc = run_ok(s, Q_LOCK, 1, v, len, fmt, "locking ids", WT_EWRITE)))
        return rc;
    PGresult *r =
        run(s, Q_OLD, 1, v, len, fmt, "reading stored versions", WT_EWRITE);
    if (!r)
        return s->code;
    for (int i = 0; i < PQntuples(r); i++) {
        pg_op *op = find_op(s, PQgetvalue(r, i, 0));
        if (!op)
            continue;
        op->old_num = get_i64(r, i, 1);
        op->skip = op->put && PQgetlength(r, i, 2) == 16 &&
                   !memcmp(PQgetvalue(r, i, 2), op->doc.hash, 16);
    }
    PQclear(r);
    return 0;
}

/* Deletes the old versions the batch replaces or removes, with their
 * postings, in one statement. */
static int delete_old(pg_store *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->nops; i++)
        n += live(&s->ops[i]) && s->ops[i].old_num && !s->ops[i].skip;
    if (!n)
        return 0;
    int rc = arr_begin(&s->b, OID_INT8, n);
    for (size_t i = 0; i < s->nops && !rc; i++)
        if (live(&s->ops[i]) && s->ops[i].old_num && !s->ops[i].skip)
            rc = arr_i64(&s->b, (uint64_t)s->ops[i].old_num);
    if (rc)
        return rc;
    const char *v[1] = {s->b.p};
    const int len[1] = {(int)s->b.n}, fmt[1] = {1};
    s->unsettle = s->sharded;
    return run_ok(s, Q_DEL, 1, v, len, fmt, "removing documents", WT_EWRITE);
}

static int is_new(const pg_op *op) { return live(op) && op->put && !op->skip; }

/* Whether op needs a number: a put of new text not numbered yet
 * (sharded, the puts are numbered before the transaction: announce). */
static int to_number(const pg_op *op, int sharded)
{
    return (sharded ? live(op) && op->put : is_new(op)) && !op->doc.num;
}

/* Numbers for the documents to_number() picks, in the order they were
 * put; *nnew: how many. */
static int number_new(pg_store *s, size_t *nnew)
{
    *nnew = 0;
    for (size_t i = 0; i < s->nops; i++)
        *nnew += to_number(&s->ops[i], s->sharded);
    if (!*nnew)
        return 0;
    char count[32];
    snprintf(count, sizeof count, "%zu", *nnew);
    const char *v[1] = {count};
    PGresult *r =
        run(s, Q_NUMS, 1, v, NULL, NULL, "numbering documents", WT_EWRITE);
    if (!r)
        return s->code;
    int row = 0;
    for (size_t i = 0; i < s->nops && row < PQntuples(r); i++)
        if (to_number(&s->ops[i], s->sharded))
            s->ops[i].doc.num = get_i64(r, row++, 0);
    PQclear(r);
    return (size_t)row == *nnew ? 0 : failf(s, WT_EWRITE, "no numbers");
}

/* COPY text format: a value with its tabs, newlines and backslashes
 * escaped; NULL as \N. */
static int copy_text(buf *b, const char *v)
{
    if (!v)
        return put_bytes(b, "\\N\t", 3);
    int rc = 0;
    for (const char *p = v; *p && !rc; p++) {
        const char *e = *p == '\\'   ? "\\\\"
                        : *p == '\n' ? "\\n"
                        : *p == '\r' ? "\\r"
                        : *p == '\t' ? "\\t"
                                     : NULL;
        rc = e ? put_bytes(b, e, 2) : put_bytes(b, p, 1);
    }
    return rc ? rc : put_bytes(b, "\t", 1);
}

static int copy_bytea(buf *b, const void *p, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    int rc = put_bytes(b, "\\\\x", 3);
    if (!rc && wt_grow(&b->p, &b->cap, b->n + 2 * n + 2, 1))
        rc = WT_ENOMEM;
    for (size_t i = 0; i < n && !rc; i++) {
        const unsigned char c = ((const unsigned char *)p)[i];
        b->p[b->n++] = hex[c >> 4];
        b->p[b->n++] = hex[c & 15];
    }
    return rc ? rc : put_bytes(b, "\t", 1);
}

static int copy_int(buf *b, int64_t v, char end)
{
    char t[32];
    const int n = snprintf(t, sizeof t, "%lld%c", (long long)v, end);
    return put_bytes(b, t, (size_t)n);
}

static int copy_keys(buf *b, const uint64_t *k, size_t n, char end)
{
    int rc = put_bytes(b, "{", 1);
    for (size_t i = 0; i < n && !rc; i++)
        rc = copy_int(b, (int64_t)k[i], i + 1 < n ? ',' : '}');
    if (!rc && !n)
        rc = put_bytes(b, "}", 1);
    return rc ? rc : put_bytes(b, &end, 1);
}

/* Sends what s->b holds of the COPY under way (all of it when last). */
static int copy_flush(pg_store *s, int last)
{
    if (!last && s->b.n < COPY_CHUNK)
        return 0;
    if (s->b.n && PQputCopyData(s->db, s->b.p, (int)s->b.n) != 1)
        return fail(s, NULL, "sending rows", WT_EWRITE);
    s->b.n = 0;
    if (!last)
        return 0;
    if (PQputCopyEnd(s->db, NULL) != 1)
        return fail(s, NULL, "sending rows", WT_EWRITE);
    PGresult *r = PQgetResult(s->db);
    int rc = 0;
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
        rc = fail(s, r, "storing rows", WT_EWRITE);
    else
        PQclear(r);
    while ((r = PQgetResult(s->db)))
        PQclear(r);
    return rc;
}

static int copy_doc(buf *b, const wt_store_doc *d, const pg_op *op)
{
    int rc = copy_int(b, d->num, '\t');
    const char *text[] = {d->id, d->outlet, d->url};
    for (int i = 0; i < 3 && !rc; i++)
        rc = copy_text(b, text[i]);
    if (!rc)
        rc = d->published ? copy_int(b, d->published, '\t')
                          : put_bytes(b, "\\N\t", 3);
    const char *more[] = {d->lang, d->title, d->credits, d->plangs};
    for (int i = 0; i < 4 && !rc; i++)
        rc = copy_text(b, more[i]);
    if (!rc)
        rc = copy_bytea(b, d->hash, 16);
    if (!rc)
        rc = copy_int(b, (int64_t)d->text_len, '\t');
    if (!rc)
        rc = copy_bytea(b, d->body, d->nbody);
    if (!rc)
        rc = copy_bytea(b, d->paras, d->nparas * 12);
    if (!rc)
        rc = copy_keys(b, op->fpk, op->nfpk, '\t');
    if (!rc)
        rc = copy_keys(b, op->bk, op->nbk, '\n');
    return rc;
}

/* COPY of the new documents' rows (which 0), fingerprint postings (1)
 * or band postings (2). */
static int copy_rows(pg_store *s, const char *command, int which)
{
    PGresult *r = PQexec(s->db, command);
    if (PQresultStatus(r) != PGRES_COPY_IN)
        return fail(s, r, command, WT_EWRITE);
    PQclear(r);
    s->b.n = 0;
    int rc = 0;
    for (size_t i = 0; i < s->nops && !rc; i++) {
        const pg_op *op = &s->ops[i];
        if (!is_new(op))
            continue;
        const int64_t t = op->doc.published ? op->doc.published : INT64_MAX;
        const uint64_t *k = which == 1 ? op->fpk : op->bk;
        const size_t n = which == 1 ? op->nfpk : op->nbk;
        if (which == 0)
            rc = copy_doc(&s->b, &op->doc, op);
        for (size_t j = 0; which && j < n && !rc; j++) {
            rc = copy_int(&s->b, (int64_t)k[j], '\t');
            if (!rc)
                rc = copy_int(&s->b, t, '\t');
            if (!rc)
                rc = copy_int(&s->b, op->doc.num, '\n');
        }
        if (!rc)
            rc = copy_flush(s, 0);
    }
    if (rc) {
        PQputCopyEnd(s->db, "wiretrace: out of memory");
        while ((r = PQgetResult(s->db)))
            PQclear(r);
        return rc;
    }
    return copy_flush(s, 1);
}

/* The postings of the batch's new documents (r NULL), or the rows
 * (kind, key, t, num) of r, of one kind (which 0: fingerprints, 1:
 * bands), as arrays of keys, times and numbers in s->b, b2, b3. */
static int posting_arrays(pg_store *s, int which, const PGresult *r, size_t *n)
{
    const int rows = r ? PQntuples(r) : 0;
    *n = 0;
    for (int i = 0; i < rows; i++)
        *n += get_i32(r, i, 0) == which;
    for (size_t i = 0; !r && i < s->nops; i++)
        if (is_new(&s->ops[i]))
            *n += which ? s->ops[i].nbk : s->ops[i].nfpk;
    int rc = arr_begin(&s->b, OID_INT8, *n);
    if (!rc)
        rc = arr_begin(&s->b2, OID_INT8, *n);
    if (!rc)
        rc = arr_begin(&s->b3, OID_INT8, *n);
    for (int i = 0; i < rows && !rc; i++)
        if (get_i32(r, i, 0) == which &&
            !(rc = arr_i64(&s->b, (uint64_t)get_i64(r, i, 1))) &&
            !(rc = arr_i64(&s->b2, (uint64_t)get_i64(r, i, 2))))
            rc = arr_i64(&s->b3, (uint64_t)get_i64(r, i, 3));
    for (size_t i = 0; !r && i < s->nops && !rc; i++) {
        const pg_op *op = &s->ops[i];
        const uint64_t *k = which ? op->bk : op->fpk;
        const size_t nk = !is_new(op) ? 0 : which ? op->nbk : op->nfpk;
        const int64_t t = op->doc.published ? op->doc.published : INT64_MAX;
        for (size_t j = 0; j < nk && !rc; j++)
            if (!(rc = arr_i64(&s->b, k[j])) &&
                !(rc = arr_i64(&s->b2, (uint64_t)t)))
                rc = arr_i64(&s->b3, (uint64_t)op->doc.num);
    }
    return rc;
}

/* Sends postings to the shards through statement q (posting_arrays'
 * arguments): PL/Proxy gives each shard its own keys. */
static int shard_postings(pg_store *s, int q, int which, const PGresult *r)
{
    size_t n = 0;
    const int rc = posting_arrays(s, which, r, &n);
    if (rc || !n)
        return rc;
    const char *v[3] = {s->b.p, s->b2.p, s->b3.p};
    const int len[3] = {(int)s->b.n, (int)s->b2.n, (int)s->b3.n};
    const int fmt[3] = {1, 1, 1};
    return run_ok(s, q, 3, v, len, fmt, "writing postings to the shards",
                  WT_EWRITE);
}

static int write_rows(pg_store *s)
{
    static const char *const copy[] = {
        "COPY wiretrace.docs(num, id, outlet, url, published, lang, title,"
        " credits, plangs, hash, text_len, body, paras, fps, bands)"
        " FROM STDIN",
        "COPY wiretrace.fp(key, t, num) FROM STDIN",
        "COPY wiretrace.band(key, t, num) FROM STDIN",
    };
    size_t nnew = 0;
    int rc = number_new(s, &nnew);
    for (size_t i = 0; i < s->nops; i++)
        nnew += s->sharded && is_new(&s->ops[i]);
    /* Sharded, the postings are on the shards before the rows that make
     * them count are committed here (announce recorded them). */
    for (int i = 0; i < 3 && !rc && nnew; i++)
        rc = !s->sharded ? copy_rows(s, copy[i], i)
             : i == 0    ? copy_rows(s, copy[0], 0)
                      : shard_postings(s, i == 1 ? Q_ADD_FP : Q_ADD_BAND, i - 1,
                                       NULL);
    return rc;
}

/* Sharded: what failed writes left unsettled, deleted from the shards
 * (Q_SETTLE), before a write and after one that deleted documents.
 * Outside a transaction; a failure (a shard still down) leaves it for
 * the next write and is not this write's. */
static void settle(pg_store *s)
{
    char keep[sizeof s->err];
    memcpy(keep, s->err, sizeof keep);
    const int code = s->code;
    PQclear(run(s, Q_SETTLE, 0, NULL, NULL, NULL, "settling", WT_EWRITE));
    memcpy(s->err, keep, sizeof keep);
    s->code = code;
}

/* The rows of the unsettled table for the batch's puts, sent to the COPY
 * under way (all but the last chunk, left in s->b). */
static int unsettled_rows(pg_store *s)
{
    int rc = 0;
    s->b.n = 0;
    for (size_t i = 0; i < s->nops && !rc; i++) {
        const pg_op *op = &s->ops[i];
        if (!live(op) || !op->put)
            continue;
        const int64_t t = op->doc.published ? op->doc.published : INT64_MAX;
        rc = copy_int(&s->b, op->doc.num, '\t');
        if (!rc)
            rc = copy_int(&s->b, t, '\t');
        if (!rc)
            rc = copy_keys(&s->b, op->fpk, op->nfpk, '\t');
        if (!rc)
            rc = copy_keys(&s->b, op->bk, op->nbk, '\n');
        if (!rc)
            rc = copy_flush(s, 0);
    }
    return rc;
}

/* Sharded, before the transaction: the puts numbered, and their postings
 * recorded as unsettled, committed (one COPY), before any is sent. */
static int announce(pg_store *s)
{
    for (size_t i = 0; i < s->nops; i++)
        s->ops[i].doc.num = 0;
    size_t n = 0;
    int rc = number_new(s, &n);
    if (rc || !n)
        return rc;
    PGresult *r = PQexec(s->db, "COPY wiretrace.unsettled(num, t, fps, bands)"
                                " FROM STDIN");
    if (PQresultStatus(r) != PGRES_COPY_IN)
        return fail(s, r, "recording postings", WT_EWRITE);
    PQclear(r);
    if ((rc = unsettled_rows(s))) {
        PQputCopyEnd(s->db, "wiretrace: out of memory");
        while ((r = PQgetResult(s->db)))
            PQclear(r);
        return rc;
    }
    return copy_flush(s, 1);
}

/* Sharded, first in the transaction: the record announce() made taken
 * back (its rows locked until the transaction ends, so no settle() takes
 * them meanwhile).  *lost: a settle() took some between the two (they
 * had no posting yet): the batch must be announced again. */
static int claim(pg_store *s, int *lost)
{
    size_t n = 0;
    for (size_t i = 0; i < s->nops; i++)
        n += live(&s->ops[i]) && s->ops[i].put;
    *lost = 0;
    if (!n)
        return 0;
    int rc = arr_begin(&s->b, OID_INT8, n);
    for (size_t i = 0; i < s->nops && !rc; i++)
        if (live(&s->ops[i]) && s->ops[i].put)
            rc = arr_i64(&s->b, (uint64_t)s->ops[i].doc.num);
    if (rc)
        return rc;
    const char *v[1] = {s->b.p};
    const int len[1] = {(int)s->b.n}, fmt[1] = {1};
    PGresult *r =
        run(s, Q_CLAIM, 1, v, len, fmt, "claiming postings", WT_EWRITE);
    if (!r)
        return s->code;
    *lost = strtoull(PQcmdTuples(r), NULL, 10) != n;
    PQclear(r);
    return 0;
}

/* BEGIN, and sharded, the batch announced before and claimed after (a
 * few times: another writer's settle() could take the record between the
 * two, however rarely). */
static int begin_write(pg_store *s)
{
    int rc = 0, lost = 1;
    for (int tries = 0; !rc && lost && tries < 3; tries++) {
        if (s->sharded && (rc = announce(s)))
            break;
        if ((rc = exec(s, "BEGIN", PGRES_COMMAND_OK, WT_EWRITE)))
            break;
        s->flushed = 1;
        lost = 0;
        if (s->sharded && !(rc = claim(s, &lost)) && lost) {
            PQclear(PQexec(s->db, "ROLLBACK"));
            s->flushed = 0;
        }
    }
    return rc ? rc : lost ? failf(s, WT_EWRITE, "postings record lost") : 0;
}

/* Sends the batch in a transaction left open: the ids locked, the old
 * versions deleted, the new rows written. */
static int pg_flush(wt_store *base)
{
    pg_store *s = (pg_store *)base;
    forget_fetched(s);
    if (s->flushed)
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < s->nops; i++)
        n += live(&s->ops[i]);
    if (s->sharded && n)
        settle(s);
    int rc = begin_write(s);
    if (rc)
        return rc;
    if (n)
        rc = lock_and_read(s, n);
    if (!rc && n)
        rc = delete_old(s);
    if (!rc && n)
        rc = write_rows(s);
    return rc;
}

static int write_batch(pg_store *s)
{
    int rc = pg_flush(&s->base);
    if (!rc)
        rc = exec(s, "COMMIT", PGRES_COMMAND_OK, WT_EWRITE);
    if (rc)
        PQclear(PQexec(s->db, "ROLLBACK"));
    s->flushed = 0;
    /* The old versions' postings on the shards, once nothing reads them:
     * a shard down leaves them unsettled, for the next write. */
    if (!rc && s->unsettle)
        settle(s);
    s->unsettle = 0;
    return rc;
}

static int pg_commit(wt_store *base)
{
    pg_store *s = (pg_store *)base;
    wt_free(s->seen_id);
    s->seen_id = NULL;
    size_t n = 0;
    for (size_t i = 0; i < s->nops; i++)
        n += live(&s->ops[i]);
    const int rc = s->flushed || (s->in_batch && n) ? write_batch(s) : 0;
    drop_batch(s);
    return !rc || rc == WT_ENOMEM || rc == WT_EUNAVAIL ? rc : WT_EWRITE;
}

/* ---- reads ---- */

/* A row of Q_CAND: the key (fingerprint 0 or band 1, and its place in
 * those asked) and one of its holders. */
typedef struct cand_row {
    int64_t pos, t, num;
    int32_t kind;
} cand_row;

/* The order the SQLite store meets the holders in: key by key as asked,
 * each key's by the primary key (t, num). */
#define CAND_LESS(a, b)                                                        \
    ((a).kind != (b).kind ? (a).kind < (b).kind                                \
     : (a).pos != (b).pos ? (a).pos < (b).pos                                  \
     : (a).t != (b).t     ? (a).t < (b).t                                      \
                          : (a).num < (b).num)
WT_SORT_DEFINE(sort_cand, cand_row, CAND_LESS)

/* The rows of a Q_CAND result in s->rows, in order: sorted only when the
 * server's plan did not return them so (the single server's nested loop
 * does; the shards' answers come shard by shard). */
static int cand_rows(pg_store *s, const PGresult *r, size_t *n)
{
    const int rows = PQntuples(r);
    *n = 0;
    if (wt_grow(&s->rows, &s->rowcap, (size_t)rows + 1, sizeof *s->rows))
        return WT_ENOMEM;
    int sorted = 1;
    for (int i = 0; i < rows; i++) {
        cand_row *c = &s->rows[i];
        *c = (cand_row){get_i64(r, i, 1), get_i64(r, i, 3), get_i64(r, i, 2),
                        get_i32(r, i, 0)};
        if (i && sorted && CAND_LESS(*c, c[-1]))
            sorted = 0;
    }
    if (!sorted)
        sort_cand(s->rows, (size_t)rows);
    *n = (size_t)rows;
    return 0;
}

/* Adds the holders of the keys (each key's first cap + 1 in the order of
 * the primary key) to the hits, one query for all, then ends each key as
 * the SQLite store does (wt_store_key_end). */
static int pg_candidates(wt_store *base, const uint32_t *fp, size_t nfp,
                         const uint64_t *bands, size_t nbands, size_t cap,
                         size_t hubs, wt_store_hit **hits, size_t *nhits,
                         size_t *hitcap)
{
    pg_store *s = (pg_store *)base;
    int rc = arr_begin(&s->b, OID_INT8, nfp);
    for (size_t i = 0; i < nfp && !rc; i++)
        rc = arr_i64(&s->b, fp[i]);
    if (!rc)
        rc = int8_array(&s->b2, bands, nbands);
    if (rc)
        return rc;
    char limit[32];
    snprintf(limit, sizeof limit, "%zu", cap + 1);
    const char *v[3] = {s->b.p, s->b2.p, limit};
    const int len[3] = {(int)s->b.n, (int)s->b2.n, 0}, fmt[3] = {1, 1, 0};
    PGresult *r = run(s, Q_CAND, 3, v, len, fmt, "looking up postings", WT_EIO);
    if (!r)
        return s->code;
    size_t rows = 0;
    rc = cand_rows(s, r, &rows);
    PQclear(r);
    if (!rc && wt_grow(hits, hitcap, *nhits + rows + 1, sizeof **hits))
        rc = WT_ENOMEM;
    size_t first = *nhits;
    for (size_t i = 0; i < rows && !rc; i++) {
        const cand_row *c = &s->rows[i];
        if (i && (c->kind != c[-1].kind || c->pos != c[-1].pos)) {
            wt_store_key_end(*hits, first, nhits, cap, hubs);
            first = *nhits;
        }
        const int is_fp = c->kind == 0;
        /* INT64_MAX: T_UNKNOWN */
        (*hits)[(*nhits)++] = (wt_store_hit){
            c->num, is_fp, !is_fp, 0, 0, c->t == INT64_MAX ? 0 : c->t};
    }
    if (!rc && rows)
        wt_store_key_end(*hits, first, nhits, cap, hubs);
    if (!rc)
        wt_store_merge_hits(*hits, nhits);
    return rc;
}

/* Points d at row i of a Q_LOAD or Q_FETCH result (the same columns). */
static void doc_from_row(const PGresult *r, int i, int64_t num, wt_store_doc *d)
{
    d->num = num;
    d->id = get_text(r, i, 0);
    d->outlet = get_text(r, i, 1);
    d->url = get_text(r, i, 2);
    d->published = get_i64(r, i, 3);
    d->lang = get_text(r, i, 4);
    d->title = get_text(r, i, 5);
    if (PQgetlength(r, i, 6) == 16)
        memcpy(d->hash, PQgetvalue(r, i, 6), 16);
    d->text_len = (size_t)get_i64(r, i, 7);
    if (!PQgetisnull(r, i, 8)) { /* else left out (pg_prefetch) */
        d->body = PQgetvalue(r, i, 8);
        d->nbody = (size_t)PQgetlength(r, i, 8);
    }
    d->paras = PQgetvalue(r, i, 9);
    d->nparas = (size_t)PQgetlength(r, i, 9) / 12;
    d->credits = get_text(r, i, 10);
    d->plangs = get_text(r, i, 11);
}

/* A query loads a dozen candidates: one round trip for them all instead
 * of one each (with the server on another machine, the round trips were
 * most of a query's time). */
static int pg_prefetch(wt_store *base, const int64_t *nums,
                       const unsigned char *bare, size_t n)
{
    pg_store *s = (pg_store *)base;
    forget_fetched(s);
    if (!n)
        return 0;
    int rc = int8_array(&s->b, (const uint64_t *)nums, n);
    if (rc)
        return rc;
    size_t nskip = 0; /* the numbers whose bodies are left out */
    for (size_t i = 0; bare && i < n; i++)
        nskip += bare[i] != 0;
    rc = arr_begin(&s->b2, OID_INT8, nskip);
    for (size_t i = 0; bare && i < n && !rc; i++)
        if (bare[i])
            rc = arr_i64(&s->b2, (uint64_t)nums[i]);
    if (rc)
        return rc;
    const char *v[2] = {s->b.p, s->b2.p};
    const int len[2] = {(int)s->b.n, (int)s->b2.n}, fmt[2] = {1, 1};
    s->fetched = run(s, Q_FETCH, 2, v, len, fmt, "loading documents", WT_EIO);
    return s->fetched ? 0 : s->code;
}

static int pg_load(wt_store *base, int64_t num, int body, wt_store_doc *d)
{
    pg_store *s = (pg_store *)base;
    memset(d, 0, sizeof *d);
    const int nfetched = s->fetched ? PQntuples(s->fetched) : 0;
    for (int i = 0; i < nfetched; i++)
        if (get_i64(s->fetched, i, 12) == num &&
            (!body || !PQgetisnull(s->fetched, i, 8))) {
            doc_from_row(s->fetched, i, num, d);
            return 0;
        }
    char n[32];
    snprintf(n, sizeof n, "%lld", (long long)num);
    const char *v[1] = {n};
    PQclear(s->loaded);
    s->loaded = run(s, Q_LOAD, 1, v, NULL, NULL, "loading a document", WT_EIO);
    const PGresult *r = s->loaded;
    if (!r)
        return s->code;
    if (!PQntuples(r))
        return failf(s, WT_EIO, "document %lld is not stored", (long long)num);
    doc_from_row(r, 0, num, d);
    return 0;
}

/* Runs a query of one row of numbers (text) into out[0..n). */
static int numbers(pg_store *s, const char *q, uint64_t *out, int n)
{
    const int dead = ready(s);
    if (dead)
        return dead;
    PGresult *r = PQexec(s->db, q);
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1 ||
        PQnfields(r) != n)
        return fail(s, r, q, WT_EIO);
    for (int i = 0; i < n; i++)
        out[i] = strtoull(PQgetvalue(r, 0, i), NULL, 10);
    PQclear(r);
    return 0;
}

/* Sharded, the postings' counts and room come from the shards. */
static const char stats_sharded[] =
    "SELECT (SELECT count(*) FROM wiretrace.docs),"
    " (SELECT coalesce(sum(length(paras)), 0) / 12 FROM wiretrace.docs),"
    " coalesce(sum(fps), 0), coalesce(sum(bands), 0),"
    " (SELECT coalesce(sum(text_len), 0) FROM wiretrace.docs),"
    " pg_total_relation_size('wiretrace.docs') +"
    " pg_total_relation_size('wiretrace.settings') + coalesce(sum(bytes), 0)"
    " FROM wiretrace.shard_stats()";

static int pg_stats(wt_store *base, wt_store_stats *st)
{
    memset(st, 0, sizeof *st);
    uint64_t v[6];
    const pg_store *s = (const pg_store *)base;
    const int rc = numbers(
        (pg_store *)base,
        s->sharded ? stats_sharded
                   : "SELECT (SELECT count(*) FROM wiretrace.docs),"
                     " (SELECT coalesce(sum(length(paras)), 0) / 12 FROM "
                     "wiretrace.docs),"
                     " (SELECT count(*) FROM wiretrace.fp),"
                     " (SELECT count(*) FROM wiretrace.band),"
                     " (SELECT coalesce(sum(text_len), 0) FROM wiretrace.docs),"
                     " pg_total_relation_size('wiretrace.docs') +"
                     " pg_total_relation_size('wiretrace.fp') +"
                     " pg_total_relation_size('wiretrace.band') +"
                     " pg_total_relation_size('wiretrace.settings')",
        v, 6);
    if (rc)
        return rc;
    *st = (wt_store_stats){v[0], v[1], v[2], v[3], v[4], v[5]};
    return 0;
}

static int pg_count(wt_store *base, uint64_t *documents)
{
    return numbers((pg_store *)base, "SELECT count(*) FROM wiretrace.docs",
                   documents, 1);
}

static int pg_get_setting(wt_store *base, const char *key, char **out)
{
    pg_store *s = (pg_store *)base;
    const char *v[1] = {key};
    *out = NULL;
    PGresult *r = run(s, Q_GET, 1, v, NULL, NULL, "reading a setting", WT_EIO);
    if (!r)
        return s->code;
    int rc = 0;
    if (PQntuples(r) && !(*out = wt_strdup(PQgetvalue(r, 0, 0))))
        rc = WT_ENOMEM;
    PQclear(r);
    return rc;
}

/* Written at once, outside the batch: settings are made by `index init`
 * before any article is added. */
static int pg_set_setting(wt_store *base, const char *key, const char *value)
{
    pg_store *s = (pg_store *)base;
    const char *v[2] = {key, value};
    return run_ok(s, Q_SET, 2, v, NULL, NULL, "writing a setting", WT_EWRITE);
}

static const char *pg_error(const wt_store *base)
{
    return ((const pg_store *)base)->err;
}

static int pg_read_begin(wt_store *base)
{
    pg_store *s = (pg_store *)base;
    forget_fetched(s);
    if (s->in_batch || s->reading)
        return 0;
    /* BEGIN goes with the read's first statement: a query's four round
     * trips (BEGIN, postings, documents, COMMIT) become three. */
    s->reading = s->begin_owed = 1;
    return 0;
}

static void pg_read_end(wt_store *base)
{
    pg_store *s = (pg_store *)base;
    forget_fetched(s);
    /* A read-only transaction's COMMIT is sent, not waited for: its
     * result is collected before the connection's next statement, by
     * which time it has come (a round trip and a wake-up less a query). */
    if (in_txn(s)) {
        if (PQsendQuery(s->db, "COMMIT"))
            s->commit_owed = 1;
        else
            PQclear(PQexec(s->db, "COMMIT"));
    }
    s->reading = s->begin_owed = 0;
}

static int pg_put_uses(wt_store *base, const wt_store_use *u, size_t n)
{
    pg_store *s = (pg_store *)base;
    for (size_t i = 0; i < n; i++) {
        char num[WT_AUDIT_CLASSES + 3][24];
        snprintf(num[0], sizeof num[0], "%lld",
                 (long long)(u[i].t ? u[i].t : INT64_MAX));
        snprintf(num[1], sizeof num[1], "%llu", (unsigned long long)u[i].words);
        for (int k = 0; k < WT_AUDIT_CLASSES; k++)
            snprintf(num[2 + k], sizeof num[2 + k], "%llu",
                     (unsigned long long)u[i].by_class[k]);
        snprintf(num[WT_AUDIT_CLASSES + 2], sizeof num[0], "%d", u[i].credited);
        const char *v[13] = {u[i].source_key,
                             num[0],
                             u[i].source,
                             u[i].taker,
                             u[i].source_outlet,
                             u[i].taker_outlet,
                             u[i].taker_key,
                             num[1],
                             num[2],
                             num[3],
                             num[4],
                             num[5],
                             num[6]};
        const int rc =
            run_ok(s, Q_USE_PUT, 13, v, NULL, NULL, "storing uses", WT_EWRITE);
        if (rc)
            return rc;
    }
    return 0;
}

static int pg_clear_uses(wt_store *base)
{
    return exec((pg_store *)base, "DELETE FROM wiretrace.uses",
                PGRES_COMMAND_OK, WT_EWRITE);
}

static int pg_next_doc(wt_store *base, int64_t after, int64_t *next)
{
    pg_store *s = (pg_store *)base;
    char n[32];
    snprintf(n, sizeof n, "%lld", (long long)after);
    const char *v[1] = {n};
    PGresult *r = run(s, Q_NEXT, 1, v, NULL, NULL, "listing documents", WT_EIO);
    if (!r)
        return s->code;
    *next = PQntuples(r) ? get_i64(r, 0, 0) : 0;
    PQclear(r);
    return 0;
}

/* One part of an audit: its rows, as text, to cb. */
static int audit_part(pg_store *s, const wt_store_audit_q *q,
                      wt_audit_part part, wt_audit_cb cb, void *ctx)
{
    char text[1024], since[24], until[24];
    wt_store_audit_sql(part, "wiretrace.uses", "wiretrace.docs",
                       "to_char(to_timestamp(u.t) AT TIME ZONE 'UTC',"
                       " 'YYYY-MM')",
                       " COLLATE \"C\"", q->timed, text, sizeof text);
    snprintf(since, sizeof since, "%lld", (long long)q->since);
    snprintf(until, sizeof until, "%lld", (long long)q->until);
    const char *v[3] = {q->key, since, until};
    const int dead = ready(s);
    if (dead)
        return dead;
    PGresult *r =
        PQexecParams(s->db, text, q->timed ? 3 : 1, NULL, v, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK)
        return fail(s, r, "reading an audit", WT_EIO);
    int rc = 0;
    for (int i = 0; i < PQntuples(r) && !rc; i++) {
        const char *col[15];
        for (int c = 0; c < 15; c++)
            col[c] = get_text(r, i, c);
        wt_audit_row row;
        wt_store_audit_row(part, col, &row);
        rc = cb(ctx, &row);
    }
    PQclear(r);
    return rc;
}

static int pg_audit(wt_store *base, const wt_store_audit_q *q, wt_audit_cb cb,
                    void *ctx)
{
    int rc = 0;
    for (int p = WT_AUDIT_OUTLET; p <= WT_AUDIT_MONTH && !rc; p++)
        rc = audit_part((pg_store *)base, q, (wt_audit_part)p, cb, ctx);
    return rc;
}

/* A statement that needs the database and, sharded, every shard. */
static int pg_ping(wt_store *base)
{
    pg_store *s = (pg_store *)base;
    return exec(s, s->sharded ? ping_sharded : "SELECT 1", PGRES_TUPLES_OK,
                WT_EIO);
}

static const wt_store_ops pg_ops = {
    .close = pg_close,
    .begin = pg_begin,
    .commit = pg_commit,
    .rollback = pg_rollback,
    .has_content = pg_has_content,
    .find = pg_find,
    .put = pg_put,
    .remove = pg_remove,
    .candidates = pg_candidates,
    .load = pg_load,
    .prefetch = pg_prefetch,
    .stats = pg_stats,
    .count = pg_count,
    .get_setting = pg_get_setting,
    .set_setting = pg_set_setting,
    .error = pg_error,
    .read_begin = pg_read_begin,
    .read_end = pg_read_end,
    .flush = pg_flush,
    .put_uses = pg_put_uses,
    .clear_uses = pg_clear_uses,
    .next_doc = pg_next_doc,
    .audit = pg_audit,
    .ping = pg_ping,
};

/* ---- connecting, the schema ---- */

int wt_store_pg_is_conninfo(const char *path)
{
    return !strncmp(path, "postgresql://", 13) ||
           !strncmp(path, "postgres://", 11) || strchr(path, '=') != NULL;
}

void wt_store_pg_describe(const char *conninfo, char *out, size_t n)
{
    PQconninfoOption *o = PQconninfoParse(conninfo, NULL);
    const char *db = NULL, *host = NULL, *port = NULL;
    for (const PQconninfoOption *p = o; p && p->keyword; p++) {
        if (!p->val || !p->val[0])
            continue;
        if (!strcmp(p->keyword, "dbname"))
            db = p->val;
        else if (!strcmp(p->keyword, "host"))
            host = p->val;
        else if (!strcmp(p->keyword, "port"))
            port = p->val;
    }
    snprintf(out, n, "PostgreSQL database \"%s\"%s%s%s%s",
             db ? db : "(default)", host ? " on " : "", host ? host : "",
             port ? ":" : "", port ? port : "");
    PQconninfoFree(o);
}

/* The server's notices ("schema already exists, skipping") are not for
 * the user: the library never prints. */
static void quiet(void *ctx, const char *message)
{
    (void)ctx;
    (void)message;
}

/* The code of a failed connection: WT_EUNAVAIL when the server could
 * not be reached or is not taking connections now (down, starting,
 * shutting down, full), WT_EIO when it answered and refused (no such
 * database or user, a wrong password): that is not fixed by waiting. */
static int connect_code(const char *m)
{
    static const char *const later[] = {"shutting down", "starting up",
                                        "in recovery", "too many"};
    if (!strstr(m, "FATAL:"))
        return WT_EUNAVAIL;
    for (size_t i = 0; i < sizeof later / sizeof *later; i++)
        if (strstr(m, later[i]))
            return WT_EUNAVAIL;
    return WT_EIO;
}

/* The session's settings, on a new connection and on one made again. */
static int set_session(pg_store *s)
{
    if (PQsetClientEncoding(s->db, "UTF8"))
        return fail(s, NULL, "setting the client encoding", WT_EIO);
    /* Queries and stats never write, so a standby can serve them. */
    return s->read_only ? exec(s, "SET default_transaction_read_only = on",
                               PGRES_COMMAND_OK, WT_EIO)
                        : 0;
}

/* A connection lost (the server restarted, the network cut) is made
 * again before the next statement outside a transaction, with the
 * session set up and the statements prepared again, so that a process
 * that keeps its index open (serve) recovers without a restart.  Inside
 * a transaction the loss fails the statements, as the transaction is
 * lost; the caller ends it (read_end, rollback) and the next one starts
 * on a new connection. */
static int revive(pg_store *s)
{
    settle_read(s);
    if (s->reviving || in_txn(s) || s->flushed ||
        PQstatus(s->db) == CONNECTION_OK)
        return 0;
    PQreset(s->db);
    if (PQstatus(s->db) != CONNECTION_OK)
        return fail(s, NULL, "reconnecting", WT_EUNAVAIL);
    s->reviving = 1;
    int rc = set_session(s);
    if (!rc && s->prepared)
        rc = prepare_all(s);
    s->reviving = 0;
    return rc;
}

static int connect_store(pg_store **out, const char *conninfo, int read_only)
{
    pg_store *s = wt_calloc(1, sizeof *s);
    *out = s;
    if (!s)
        return WT_ENOMEM;
    s->base.ops = &pg_ops;
    s->read_only = read_only;
    s->db = PQconnectdb(conninfo);
    if (!s->db)
        return failf(s, WT_ENOMEM, "cannot connect: out of memory");
    if (PQstatus(s->db) != CONNECTION_OK) {
        char line[600];
        one_line(line, sizeof line, PQerrorMessage(s->db));
        const int rc = connect_code(line);
        return failf(s, rc, "%scannot connect: %s",
                     rc == WT_EUNAVAIL ? "unavailable: " : "", line);
    }
    PQsetNoticeProcessor(s->db, quiet, NULL);
    return set_session(s);
}

/* The schema version stored, 0 when the database has no wiretrace
 * schema. */
static int schema_version(pg_store *s, int *version)
{
    uint64_t v[1] = {0};
    int rc = numbers(s,
                     "SELECT CASE WHEN to_regclass('wiretrace.settings') IS"
                     " NULL THEN 0 ELSE 1 END",
                     v, 1);
    *version = 0;
    if (rc || !v[0])
        return rc;
    rc = numbers(s,
                 "SELECT coalesce((SELECT value::int FROM wiretrace.settings"
                 " WHERE key = 'schema_version'), 0)",
                 v, 1);
    *version = (int)v[0];
    return rc;
}

static int check_version(pg_store *s, int v)
{
    if (!v)
        return failf(s, WT_ECORRUPT,
                     "no wiretrace index in this database: make one with "
                     "'wiretrace index init --db ...'");
    if (v > SCHEMA_VERSION)
        return failf(s, WT_ECORRUPT,
                     "index schema version %d, this wiretrace reads version "
                     "%d",
                     v, SCHEMA_VERSION);
    if (v < SCHEMA_VERSION)
        return failf(s, WT_ECORRUPT,
                     "index schema version %d, this wiretrace reads version "
                     "%d: bring it up to date with 'wiretrace index init "
                     "--db ...'",
                     v, SCHEMA_VERSION);
    return 0;
}

int wt_store_pg_open(wt_store **out, const char *conninfo, int read_only,
                     char *err, size_t errlen)
{
    pg_store *s = NULL;
    int v = 0;
    int rc = connect_store(&s, conninfo, read_only);
    if (!rc)
        rc = schema_version(s, &v);
    if (!rc)
        rc = check_version(s, v);
    uint64_t shards[1] = {0};
    if (!rc && !(rc = numbers(s,
                              "SELECT coalesce((SELECT value::int FROM"
                              " wiretrace.settings WHERE key = 'shards'), 0)",
                              shards, 1)))
        s->sharded = shards[0] > 0;
    if (!rc)
        rc = prepare_all(s);
    if (!rc) {
        *out = &s->base;
        return 0;
    }
    char name[256];
    wt_store_pg_describe(conninfo, name, sizeof name);
    snprintf(err, errlen, "%s: %s", name, s ? s->err : "out of memory");
    pg_close((wt_store *)s);
    return rc;
}

/* ---- sharding: postings spread over servers by PL/Proxy ---- */

/* On each shard, per postings table (TBL: fp or band): the table as in
 * the unsharded schema, and functions to add, delete and look up postings
 * given as arrays. */
static const char shard_tables[] =
    "CREATE SCHEMA IF NOT EXISTS wiretrace;"
    "CREATE TABLE IF NOT EXISTS wiretrace.TBL(key bigint NOT NULL,"
    " t bigint NOT NULL, num bigint NOT NULL, PRIMARY KEY(key, t, num));";
static const char shard_functions[] =
    "CREATE OR REPLACE FUNCTION wiretrace.TBL_add(keys bigint[],"
    " ts bigint[], nums bigint[]) RETURNS bigint LANGUAGE sql AS $$"
    " WITH i AS (INSERT INTO wiretrace.TBL SELECT * FROM unnest(keys, ts,"
    " nums) ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*) FROM i $$;"
    "CREATE OR REPLACE FUNCTION wiretrace.TBL_del(keys bigint[],"
    " ts bigint[], nums bigint[]) RETURNS bigint LANGUAGE sql AS $$"
    " WITH d AS (DELETE FROM wiretrace.TBL p USING unnest(keys, ts, nums)"
    " x(key, t, num) WHERE p.key = x.key AND p.t = x.t AND p.num = x.num"
    " RETURNING 1) SELECT count(*) FROM d $$;"
    "CREATE OR REPLACE FUNCTION wiretrace.TBL_get(keys bigint[],"
    " pos bigint[], lim int, OUT r_pos bigint, OUT r_num bigint,"
    " OUT r_t bigint) RETURNS SETOF record LANGUAGE sql STABLE AS $$"
    " SELECT k.p, x.num, x.t FROM unnest(keys, pos) k(key, p) CROSS JOIN"
    " LATERAL (SELECT num, t FROM wiretrace.TBL WHERE key = k.key"
    " ORDER BY t, num LIMIT lim) x $$;";
static const char shard_stats[] =
    "CREATE OR REPLACE FUNCTION wiretrace.shard_stats(OUT fps bigint,"
    " OUT bands bigint, OUT bytes bigint) RETURNS record LANGUAGE sql"
    " STABLE AS $$ SELECT (SELECT count(*) FROM wiretrace.fp),"
    " (SELECT count(*) FROM wiretrace.band),"
    " pg_total_relation_size('wiretrace.fp') +"
    " pg_total_relation_size('wiretrace.band') $$;";

/* On the coordinator, the same functions in PL/Proxy: the arrays split
 * by the hash of each key, each shard called with its own part. */
static const char proxy_functions[] =
    "CREATE OR REPLACE FUNCTION wiretrace.TBL_add(keys bigint[],"
    " ts bigint[], nums bigint[]) RETURNS SETOF bigint LANGUAGE plproxy AS"
    " $$ CLUSTER 'wiretrace_shards'; SPLIT keys, ts, nums;"
    " RUN ON hashint8(keys); $$;"
    "CREATE OR REPLACE FUNCTION wiretrace.TBL_del(keys bigint[],"
    " ts bigint[], nums bigint[]) RETURNS SETOF bigint LANGUAGE plproxy AS"
    " $$ CLUSTER 'wiretrace_shards'; SPLIT keys, ts, nums;"
    " RUN ON hashint8(keys); $$;"
    "CREATE OR REPLACE FUNCTION wiretrace.TBL_get(keys bigint[],"
    " pos bigint[], lim int, OUT r_pos bigint, OUT r_num bigint,"
    " OUT r_t bigint) RETURNS SETOF record LANGUAGE plproxy AS"
    " $$ CLUSTER 'wiretrace_shards'; SPLIT keys, pos;"
    " RUN ON hashint8(keys); $$;";
static const char proxy_stats[] =
    "CREATE OR REPLACE FUNCTION wiretrace.shard_stats(OUT fps bigint,"
    " OUT bands bigint, OUT bytes bigint) RETURNS SETOF record LANGUAGE"
    " plproxy AS $$ CLUSTER 'wiretrace_shards'; RUN ON ALL; $$;";

/* Runs text with every TBL replaced by table. */
static int shard_sql(pg_store *s, const char *text, const char *table)
{
    buf b = {0};
    int rc = 0;
    for (const char *p = text; *p && !rc;) {
        const char *t = strstr(p, "TBL");
        const size_t n = t ? (size_t)(t - p) : strlen(p);
        rc = put_bytes(&b, p, n);
        if (!rc && t)
            rc = put_bytes(&b, table, strlen(table));
        p = t ? t + 3 : p + n;
    }
    if (!rc)
        rc = put_bytes(&b, "", 1);
    if (!rc)
        rc = exec(s, b.p, PGRES_COMMAND_OK, WT_EWRITE);
    wt_free(b.p);
    return rc;
}

/* conninfo (a URI or key=value) as key='value' pairs, which PL/Proxy
 * takes for a partition, quoted as an SQL literal, into b. */
static int partition_literal(pg_store *s, const char *conninfo, buf *b)
{
    PQconninfoOption *o = PQconninfoParse(conninfo, NULL);
    if (!o)
        return failf(s, WT_EINVAL, "shard %s: not a connection string",
                     conninfo);
    buf kv = {0};
    int rc = 0;
    for (const PQconninfoOption *p = o; p->keyword && !rc; p++) {
        if (!p->val || !p->val[0])
            continue;
        rc = put_bytes(&kv, p->keyword, strlen(p->keyword));
        if (!rc)
            rc = put_bytes(&kv, "='", 2);
        for (const char *c = p->val; *c && !rc; c++)
            rc = (*c == '\'' || *c == '\\' ? put_bytes(&kv, "\\", 1) : 0) ||
                 put_bytes(&kv, c, 1);
        if (!rc)
            rc = put_bytes(&kv, "' ", 2);
    }
    PQconninfoFree(o);
    char *lit = rc ? NULL : PQescapeLiteral(s->db, kv.p ? kv.p : "", kv.n);
    if (!rc && !lit)
        rc = fail(s, NULL, "quoting a shard", WT_EINVAL);
    if (lit)
        rc = put_bytes(b, lit, strlen(lit));
    PQfreemem(lit);
    wt_free(kv.p);
    return rc;
}

/* The PL/Proxy cluster of the shards and its functions.  PL/Proxy wants
 * a power of two of partitions: partition i is shard i mod n. */
static int make_proxy(pg_store *s, const char *const *shards, size_t n)
{
    size_t parts = 1;
    while (parts < n)
        parts *= 2;
    buf b = {0};
    int rc = exec(s, "CREATE EXTENSION IF NOT EXISTS plproxy", PGRES_COMMAND_OK,
                  WT_EWRITE);
    static const char server[] = "CREATE SERVER wiretrace_shards FOREIGN"
                                 " DATA WRAPPER plproxy OPTIONS (";
    if (!rc)
        rc = put_bytes(&b, server, sizeof server - 1);
    for (size_t i = 0; i < parts && !rc; i++) {
        char key[48];
        snprintf(key, sizeof key, "%spartition_%zu ", i ? ", " : "", i);
        rc = put_bytes(&b, key, strlen(key));
        if (!rc)
            rc = partition_literal(s, shards[i % n], &b);
    }
    if (!rc)
        rc = put_bytes(&b, ")", 2); /* with its NUL */
    if (!rc)
        rc = exec(s, b.p, PGRES_COMMAND_OK, WT_EWRITE);
    wt_free(b.p);
    if (!rc)
        rc = exec(s, "CREATE USER MAPPING FOR PUBLIC SERVER wiretrace_shards",
                  PGRES_COMMAND_OK, WT_EWRITE);
    for (int i = 0; i < 2 && !rc; i++)
        rc = shard_sql(s, proxy_functions, i ? "band" : "fp");
    if (!rc)
        rc = exec(s, proxy_stats, PGRES_COMMAND_OK, WT_EWRITE);
    char set[160];
    snprintf(set, sizeof set,
             "INSERT INTO wiretrace.settings(key, value) VALUES ('shards',"
             " '%zu') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
             n);
    return rc ? rc : exec(s, set, PGRES_COMMAND_OK, WT_EWRITE);
}

/* An index already made leaves its postings' place: the shards its
 * cluster names (each once, as key='value' connection strings) go to
 * *old, to be emptied; the cluster is dropped, for make_proxy to make
 * again; the postings kept in this database, when it was not sharded,
 * are emptied, as they are rebuilt on the shards. */
static int leave_shards(pg_store *s, PGresult **old)
{
    *old = PQexec(s->db, "SELECT DISTINCT substr(o, strpos(o, '=') + 1)"
                         " FROM pg_foreign_server, unnest(srvoptions) o"
                         " WHERE srvname = 'wiretrace_shards' AND o LIKE"
                         " 'partition\\_%'");
    if (PQresultStatus(*old) != PGRES_TUPLES_OK) {
        const int rc = fail(s, *old, "reading the shards", WT_EIO);
        *old = NULL;
        return rc;
    }
    int rc = exec(s, "DROP SERVER IF EXISTS wiretrace_shards CASCADE",
                  PGRES_COMMAND_OK, WT_EWRITE);
    if (!rc)
        rc = exec(s, "TRUNCATE wiretrace.fp, wiretrace.band", PGRES_COMMAND_OK,
                  WT_EWRITE);
    return rc;
}

/* The schema made or brought up to date, under a lock so that two inits
 * at once do it once; with shards, the PL/Proxy functions that spread the
 * postings over them.  An index already made is moved to those shards
 * (*old: the shards it had; *moved set): its postings must then be
 * rebuilt.  All of it in one transaction, so the cluster and the setting
 * "shards" change together. */
static int make_schema(pg_store *s, const char *const *shards, size_t n,
                       PGresult **old, int *moved)
{
    int v = 0;
    int rc = exec(s, "BEGIN", PGRES_COMMAND_OK, WT_EWRITE);
    if (!rc)
        rc = exec(s, "SELECT pg_advisory_xact_lock(" LOCK_INIT ")",
                  PGRES_TUPLES_OK, WT_EWRITE);
    if (!rc)
        rc = schema_version(s, &v);
    if (!rc && v > SCHEMA_VERSION)
        rc = check_version(s, v);
    *moved = !rc && v && n;
    if (*moved)
        rc = leave_shards(s, old);
    if (!rc && !v)
        rc = exec(s, schema, PGRES_COMMAND_OK, WT_EWRITE);
    if (!rc && !v)
        rc = exec(s,
                  "INSERT INTO wiretrace.settings(key, value) VALUES"
                  " ('schema_version', '" SCHEMA_VERSION_TEXT "'), ('uses',"
                  " '1')",
                  PGRES_COMMAND_OK, WT_EWRITE);
    if (!rc && n)
        rc = make_proxy(s, shards, n);
    /* Versions older than SCHEMA_VERSION are brought up to date here,
     * one step each. */
    if (!rc && v == 1)
        rc = exec(s, migrate_1_2, PGRES_COMMAND_OK, WT_EWRITE);
    if (!rc && v && v <= 2)
        rc = exec(s, migrate_2_3, PGRES_COMMAND_OK, WT_EWRITE);
    if (!rc)
        rc = exec(s, "COMMIT", PGRES_COMMAND_OK, WT_EWRITE);
    if (rc)
        PQclear(PQexec(s->db, "ROLLBACK"));
    return rc;
}

/* One shard: its postings tables and the functions the coordinator's
 * PL/Proxy functions call there. */
static int make_shard(const char *conninfo, char *err, size_t errlen)
{
    pg_store *s = NULL;
    int rc = connect_store(&s, conninfo, 0);
    if (!rc)
        rc = exec(s, "BEGIN", PGRES_COMMAND_OK, WT_EWRITE);
    if (!rc)
        rc = exec(s, "SELECT pg_advisory_xact_lock(" LOCK_INIT ")",
                  PGRES_TUPLES_OK, WT_EWRITE);
    for (int i = 0; i < 2 && !rc; i++)
        rc = shard_sql(s, shard_tables, i ? "band" : "fp");
    for (int i = 0; i < 2 && !rc; i++)
        rc = shard_sql(s, shard_functions, i ? "band" : "fp");
    if (!rc)
        rc = exec(s, shard_stats, PGRES_COMMAND_OK, WT_EWRITE);
    if (!rc)
        rc = exec(s, "COMMIT", PGRES_COMMAND_OK, WT_EWRITE);
    if (rc) {
        char name[256];
        wt_store_pg_describe(conninfo, name, sizeof name);
        snprintf(err, errlen, "shard %s: %s", name,
                 s ? s->err : "out of memory");
    }
    pg_close((wt_store *)s);
    return rc;
}

/* Empties the postings tables of one shard, reached from here. */
static int empty_shard(pg_store *s, const char *conninfo)
{
    pg_store *t = NULL;
    int rc = connect_store(&t, conninfo, 0);
    if (!rc)
        rc = exec(t, "TRUNCATE wiretrace.fp, wiretrace.band", PGRES_COMMAND_OK,
                  WT_EWRITE);
    if (rc) {
        char name[256];
        wt_store_pg_describe(conninfo, name, sizeof name);
        failf(s, rc, "emptying shard %s: %s", name,
              t ? t->err : "out of memory");
    }
    pg_close((wt_store *)t);
    return rc;
}

/* Every shard, those the index had (old) and those it has now, emptied:
 * the postings are rebuilt from the articles, and a key whose shard
 * changed must not stay on its former one. */
static int empty_shards(pg_store *s, const PGresult *old,
                        const char *const *shards, size_t n)
{
    int rc = 0;
    for (int i = 0; old && i < PQntuples(old) && !rc; i++)
        rc = empty_shard(s, PQgetvalue(old, i, 0));
    for (size_t i = 0; i < n && !rc; i++)
        rc = empty_shard(s, shards[i]);
    return rc;
}

/* Runs text with text parameters and binary results; NULL on failure. */
static PGresult *params(pg_store *s, const char *text, int n,
                        const char *const *v, const char *what)
{
    PGresult *r = PQexecParams(s->db, text, n, NULL, v, NULL, NULL, 1);
    if (PQresultStatus(r) == PGRES_TUPLES_OK)
        return r;
    fail(s, r, what, WT_EIO);
    return NULL;
}

#define REBUILD_BATCH "1000" /* articles whose postings go in one call */

/* The postings of every article, from the keys its row lists, sent to
 * the shards as a commit sends them: batches of articles in the order of
 * their numbers, one call per batch and kind.  s is open on the index
 * (sharded). */
static int rebuild_postings(pg_store *s)
{
    static const char last[] =
        "SELECT max(num) FROM (SELECT num FROM wiretrace.docs WHERE num >"
        " $1::int8 ORDER BY num LIMIT " REBUILD_BATCH ") b";
    static const char rows[] =
        "WITH d AS (SELECT num, coalesce(published, " T_UNKNOWN ") AS t,"
        " fps, bands FROM wiretrace.docs WHERE num > $1::int8 AND num <="
        " $2::int8) SELECT 0, unnest(fps), t, num FROM d UNION ALL"
        " SELECT 1, unnest(bands), t, num FROM d";
    char from[24] = "0", to[24];
    const char *v[2] = {from, to};
    int rc = 0, done = 0;
    while (!rc && !done) {
        PGresult *r = params(s, last, 1, v, "reading the articles");
        if (!r)
            return s->code;
        done = PQgetisnull(r, 0, 0);
        snprintf(to, sizeof to, "%lld", (long long)get_i64(r, 0, 0));
        PQclear(r);
        r = done ? NULL : params(s, rows, 2, v, "reading the articles' keys");
        rc = !done && !r ? WT_EIO : 0;
        if (r && !(rc = shard_postings(s, Q_ADD_FP, 0, r)))
            rc = shard_postings(s, Q_ADD_BAND, 1, r);
        PQclear(r);
        memcpy(from, to, sizeof from);
    }
    return rc;
}

/* The index at conninfo, moved to its new shards (their cluster made):
 * every shard emptied, then the postings rebuilt through a connection
 * that reads the index as sharded. */
static int move_postings(pg_store *s, const char *conninfo, const PGresult *old,
                         const char *const *shards, size_t n)
{
    int rc = empty_shards(s, old, shards, n);
    wt_store *ix = NULL;
    if (!rc)
        rc = wt_store_pg_open(&ix, conninfo, 0, s->err, sizeof s->err);
    if (!rc && (rc = rebuild_postings((pg_store *)ix)))
        failf(s, rc, "rebuilding the postings: %s", ((pg_store *)ix)->err);
    pg_close(ix);
    return rc;
}

int wt_store_pg_init(const char *conninfo, const char *const *shards,
                     size_t nshards, char *err, size_t errlen)
{
    int rc = 0;
    for (size_t i = 0; i < nshards && !rc; i++)
        rc = make_shard(shards[i], err, errlen);
    if (rc)
        return rc;
    pg_store *s = NULL;
    PGresult *old = NULL;
    int moved = 0;
    rc = connect_store(&s, conninfo, 0);
    /* Held until the postings are rebuilt: one move at a time, as a
     * second one emptying the shards midway would lose postings. */
    if (!rc && nshards)
        rc = exec(s, "SELECT pg_advisory_lock(" LOCK_INIT ")", PGRES_TUPLES_OK,
                  WT_EWRITE);
    if (!rc)
        rc = make_schema(s, shards, nshards, &old, &moved);
    if (!rc && moved)
        rc = move_postings(s, conninfo, old, shards, nshards);
    PQclear(old);
    if (rc) {
        char name[256];
        wt_store_pg_describe(conninfo, name, sizeof name);
        snprintf(err, errlen, "%s: %s", name, s ? s->err : "out of memory");
    }
    pg_close((wt_store *)s);
    return rc;
}
