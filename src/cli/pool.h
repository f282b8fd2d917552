/*
 * pool.h - worker threads for -j N whose results come back in input
 * order, so that the output is the same with any number of threads.
 *
 * Items are queued in chunks.  While the workers process one chunk, the
 * caller fills the next and lands the one before, so reading input,
 * storing and printing overlap the work; memory holds two chunks, never
 * the input.
 */
#ifndef WT_CLI_POOL_H
#define WT_CLI_POOL_H

#include <stddef.h>

typedef struct pool pool;

typedef struct pool_ops {
    /* Processes one item.  Runs in a worker thread (in the caller's with
     * one job), at the same time as other items; worker is the thread's
     * number in [0, jobs), so that each thread can keep state of its own. */
    void (*work)(void *ctx, unsigned worker, void *item);
    /* Finishes one processed item in the caller's thread, in the order
     * the items were queued, and releases what it holds. */
    void (*land)(void *ctx, void *item);
} pool_ops;

/* A pool of jobs threads (at least 1) over items of item_size bytes;
 * ops and ctx are kept until pool_free().  Returns NULL when out of
 * memory. */
pool *pool_new(unsigned jobs, size_t item_size, const pool_ops *ops, void *ctx);

/* The next item to fill, zeroed; owned by the pool.  Queue it with
 * pool_push(); an item that is not pushed is handed out again. */
void *pool_slot(pool *p);

/* Queues the item pool_slot() returned.  When a chunk is full the
 * workers start on it and the chunk before is landed meanwhile. */
void pool_push(pool *p);

/* How many items can be queued, at work or waiting to land at once:
 * item k + pool_in_flight() is handed out after item k has landed, so
 * that state kept for item k % pool_in_flight() is free again. */
size_t pool_in_flight(const pool *p);

/* Processes and lands every queued item. */
void pool_drain(pool *p);

/* Frees the pool (NULL is fine).  Call pool_drain() first: items still
 * queued are not landed. */
void pool_free(pool *p);

/* Writes the items that inputs from to to - 1 give at out, at most
 * to - from of them, and returns their number.  Runs in a worker thread,
 * beside other ranges. */
typedef size_t (*pool_keep)(void *ctx, size_t from, size_t to, void *out);

/* What inputs 0 to n - 1 give, in input order, at base (room for n items
 * of item_size bytes): keep() runs over ranges of the inputs on jobs
 * threads, each range writing at the place of its first input, and the
 * items are moved down behind those of the ranges before as the ranges
 * land.  One job, or no memory for more, runs one range in the caller's
 * thread.  Returns the number of items. */
size_t pool_filter(unsigned jobs, size_t n, void *base, size_t item_size,
                   pool_keep keep, void *ctx);

#endif
