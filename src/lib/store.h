/*
 * store.h - where an index keeps its documents.  The index (index.c) talks
 * to storage only through this table of functions: the embedded SQLite
 * file (store_sqlite.c) and the shared PostgreSQL database for several
 * machines (store_pg.c) slot in alike, without touching the pipeline.
 * Internal.
 *
 * Keys: "fp" keys are sampled winnowing fingerprints (32 bits each) and
 * "band" keys are MinHash LSH bands (64 bits); both map to the internal
 * document numbers that hold them.
 */
#ifndef WT_STORE_H
#define WT_STORE_H

#include "wiretrace.h"

#include <stddef.h>
#include <stdint.h>

/* What one stored document holds besides its postings. */
typedef struct wt_store_doc {
    int64_t num; /* internal number, set by put */
    const char *id, *outlet, *url, *lang, *title;
    const char *credits; /* one credit a line (provenance.h), or NULL */
    const char *plangs;  /* paragraph language codes, '\n'-separated */
    int64_t published;   /* 0 = unknown */
    uint64_t hash[2];    /* XXH3-128 of the text: exact re-adds */
    const void *body;    /* the text, compressed */
    size_t nbody;
    size_t text_len;   /* bytes of the text before compression */
    const void *paras; /* u32 triples: byte start, end, wt_boiler |
                               index in plangs << 8 */
    size_t nparas;
    const uint64_t *fp; /* u32 fingerprint << 32 | u32 byte position */
    size_t nfp;
    const uint64_t *bands;
    size_t nbands;
} wt_store_doc;

/* Figures for `index stats`. */
typedef struct wt_store_stats {
    uint64_t documents, paragraphs, fingerprints, bands, text_bytes;
    uint64_t file_bytes; /* what the storage takes on disk */
} wt_store_stats;

/* Candidate documents for a query, filled by candidates(). */
typedef struct wt_store_hit {
    int64_t num;
    uint32_t fp_hits, band_hits;
    uint32_t hub_hits;  /* keys too common to be evidence that led here */
    uint32_t lead_hits; /* ... as their earliest holder */
    int64_t published;  /* from the postings' time; 0 = unknown */
} wt_store_hit;

/* One use of a stored article by another (uses.h): the taker's words in
 * paragraphs with a source in the source article.  Outlets are canonical
 * (wt_outlet_canonical); a key is its outlet folded as credits compare
 * outlets (ASCII case), "" when there is none. */
typedef struct wt_store_use {
    const char *source, *taker;               /* article ids */
    const char *source_outlet, *taker_outlet; /* NULL: none */
    const char *source_key, *taker_key;
    int64_t t; /* the taker's publication time, 0 = unknown */
    uint64_t words;
    uint64_t by_class[WT_AUDIT_CLASSES]; /* verbatim, edited, rewrite,
                                            translation */
    int credited; /* the taker credits the source's outlet */
} wt_store_use;

/* What an audit asks of the uses: those whose source_key is key, taken by
 * another outlet; with `timed`, only those with t in [since, until). */
typedef struct wt_store_audit_q {
    const char *key;
    int timed;
    int64_t since, until;
} wt_store_audit_q;

typedef struct wt_store wt_store;

typedef struct wt_store_ops {
    void (*close)(wt_store *s);
    int (*begin)(wt_store *s);
    /* Commits the open batch.  On failure (disk full, I/O error, a lock
     * held too long) nothing of the batch is kept: the store has rolled
     * it back. */
    int (*commit)(wt_store *s);
    /* Drops the open batch, if any. */
    void (*rollback)(wt_store *s);
    /* 1 if a document with this content hash and id exists, else 0. */
    int (*has_content)(wt_store *s, const char *id, const uint64_t hash[2]);
    /* 1 with *num set when a document named id is stored, else 0. */
    int (*find)(wt_store *s, const char *id, int64_t *num);
    /* Stores d; replaces a document with the same id, setting *replaced
     * to 1 (else 0).  d->num is set by a store that numbers documents as
     * they are put (SQLite), 0 from one that numbers them when the batch
     * is committed (PostgreSQL). */
    int (*put)(wt_store *s, wt_store_doc *d, int *replaced);
    /* Removes the document named id; *removed says whether there was one. */
    int (*remove)(wt_store *s, const char *id, int *removed);
    /* Appends to *hits (grown with wt_grow) every document sharing one of
     * the keys, once, with how many it shares.  A key held by more than
     * cap documents (a formula, or a story hundreds reprinted) is no
     * evidence: it leads to its hubs earliest holders only (by time, then
     * as stored), counted in hub_hits (lead_hits for the earliest), so
     * that a story whose every key is that common is still found.  Each
     * hit's publication time comes with it, read from the postings (they
     * are ordered by it): a query ranks by time without asking again. */
    int (*candidates)(wt_store *s, const uint32_t *fp, size_t nfp,
                      const uint64_t *bands, size_t nbands, size_t cap,
                      size_t hubs, wt_store_hit **hits, size_t *nhits,
                      size_t *hitcap);
    /* Loads document num: metadata strings and body are owned by the store
     * and valid until the next load.  Without `body` a row prefetch read
     * without its body is given so (d->body NULL, d->nbody 0; all else is
     * there): the caller keeps an analysis of the document and reads its
     * text only when that turns out stale (a load with body); any other
     * load gives the body. */
    int (*load)(wt_store *s, int64_t num, int body, wt_store_doc *d);
    /* Reads documents nums[0..n) in one round trip, inside a query's
     * reads, for the loads that follow: a store across a network answers
     * each of them from that read (a load of another number is read
     * alone).  bare[i] 1: nums[i] is read without its body, as by a load
     * without body (a load with body then reads it alone); bare NULL: all
     * with theirs.  What it read is dropped by the next prefetch,
     * read_begin, read_end, and when a batch is written or dropped (flush,
     * commit, rollback).  NULL in a store whose loads cost no round
     * trip. */
    int (*prefetch)(wt_store *s, const int64_t *nums, const unsigned char *bare,
                    size_t n);
    int (*stats)(wt_store *s, wt_store_stats *st);
    /* The number of documents stored, as committed (SQLite: or as the
     * open batch has them; PostgreSQL sends a batch at commit), read from
     * the store itself. */
    int (*count)(wt_store *s, uint64_t *documents);
    /* Reads and writes one named setting (index options, schema version);
     * get gives *out = NULL when it is not set; *out is wt_free'd. */
    int (*get_setting)(wt_store *s, const char *key, char **out);
    int (*set_setting)(wt_store *s, const char *key, const char *value);
    const char *(*error)(const wt_store *s);
    /* A query's reads (candidates, then loads) in one snapshot, so a
     * document replaced or removed meanwhile is seen whole or not at all;
     * read_end ends it, so the next query sees later commits.  Inside a
     * write batch both do nothing. */
    int (*read_begin)(wt_store *s);
    void (*read_end)(wt_store *s);
    /* Writes the open batch without committing it, so that the reads
     * that follow on this connection (the uses of its articles) see it;
     * commit ends it, rollback drops it.  Opens the write transaction
     * when nothing is to be sent.  SQLite writes as it goes: nothing. */
    int (*flush)(wt_store *s);
    /* Stores n uses inside the flushed batch; a use of the same pair
     * stored before is replaced.  A document's put (replacing it) and
     * remove drop every use it is the source or the taker of. */
    int (*put_uses)(wt_store *s, const wt_store_use *u, size_t n);
    /* Drops every use, inside the flushed batch (index relink). */
    int (*clear_uses)(wt_store *s);
    /* The number of the first document numbered above after, in *next;
     * 0 when there is none. */
    int (*next_doc)(wt_store *s, int64_t after, int64_t *next);
    /* The audit of q: cb is called with each row, the outlets first
     * (most words first), then each story with each outlet that used it
     * (earliest story first), then the months (in order).  A non-zero
     * return of cb stops and is returned. */
    int (*audit)(wt_store *s, const wt_store_audit_q *q, wt_audit_cb cb,
                 void *ctx);
    /* Whether the store can answer now (wt_index_ping): a database and
     * every shard reached, a lost connection made again first.  Outside a
     * batch or a query's reads. */
    int (*ping)(wt_store *s);
} wt_store_ops;

struct wt_store {
    const wt_store_ops *ops;
};

/* Opens the SQLite index at path: WAL journal, versioned schema.  With
 * read_only the file must exist and be a wiretrace index, and nothing is
 * written to it (no tables, no journal switch); otherwise it is created
 * when missing.  Returns 0, WT_EIO (cannot open), WT_ECORRUPT (not a
 * wiretrace index, damaged, or a newer schema; err says why) or
 * WT_ENOMEM. */
int wt_store_sqlite_open(wt_store **out, const char *path, int read_only,
                         char *err, size_t errlen);

/* Ends the raw hits of one key, hits[first..*nhits) in the order the key
 * holds them (by time, then as stored): a key with more than cap holders
 * keeps its first hubs only, as hub hits, the first a lead hit.  Every
 * store's candidates() ends each key with it. */
void wt_store_key_end(wt_store_hit *hits, size_t first, size_t *nhits,
                      size_t cap, size_t hubs);

/* Fills *r for part from the text columns of one row of an audit query,
 * as both stores select them (store.c: wt_store_audit_sql), NULL for an
 * SQL NULL.  The strings stay the caller's. */
void wt_store_audit_row(wt_audit_part part, const char *const *col,
                        wt_audit_row *r);

/* The SELECT of an audit part over the uses table `table` and the
 * documents `docs`, with month the SQL of a use's month ("2026-03") from
 * its column u.t, and collate what makes text order bytewise ("" or
 * " COLLATE \"C\""): the same rows, in the same order, from both
 * stores.  Parameters: $1 the key; $2 since and $3 until when timed.
 * Written into buf (n bytes). */
void wt_store_audit_sql(wt_audit_part part, const char *table, const char *docs,
                        const char *month, const char *collate, int timed,
                        char *buf, size_t n);

/* Merges raw hits (one per posting) into one per document, by number. */
void wt_store_merge_hits(wt_store_hit *hits, size_t *n);

/* 1 when path names a PostgreSQL database for libpq: a postgresql:// or
 * postgres:// URI, or a key=value connection string (it holds a '='). */
int wt_store_pg_is_conninfo(const char *path);

/* A name for the database of conninfo that is safe to print (never the
 * password): 'PostgreSQL database "wt" on db1:5432'.  Never fails. */
void wt_store_pg_describe(const char *conninfo, char *out, size_t n);

/* Connects to the PostgreSQL index of conninfo, whose schema `index init`
 * made (wt_store_pg_init).  With read_only the session is read-only, so
 * a standby serves it.  Returns 0, WT_EIO (cannot connect), WT_ECORRUPT
 * (no wiretrace schema in that database, or another version; err says
 * what to run) or WT_ENOMEM. */
int wt_store_pg_open(wt_store **out, const char *conninfo, int read_only,
                     char *err, size_t errlen);

/* Creates the wiretrace schema in the database of conninfo, or brings an
 * older one up to date; nothing when it is current.  With nshards > 0
 * the postings go to those databases instead, spread by the hash of
 * their key with PL/Proxy: each shard gets its tables and functions, the
 * coordinator (conninfo) the PL/Proxy cluster and functions; the shards'
 * connection strings must work from the coordinator's server and from
 * here.  An index that exists is moved to that list of shards: the
 * cluster changed in one transaction, every shard (old and new) emptied,
 * the postings rebuilt from the keys each document row keeps; writers
 * must be stopped meanwhile.  Safe to run from several processes at
 * once.  Returns 0, WT_EIO, WT_ECORRUPT (a newer schema), WT_EINVAL,
 * WT_EWRITE or WT_ENOMEM, err saying why. */
int wt_store_pg_init(const char *conninfo, const char *const *shards,
                     size_t nshards, char *err, size_t errlen);

#endif
