/*
 * parallel.h - the items of one step on several threads, each thread
 * taking the next item when it is done with one.  The caller's thread is
 * one of them, so a step on one thread starts none.  Internal.
 */
#ifndef WT_PARALLEL_H
#define WT_PARALLEL_H

#include <stddef.h>

/* The number of threads for a step given wt_options.threads = asked:
 * 0 and 1 both mean one. */
static inline unsigned wt_parallel_threads(unsigned asked)
{
    return asked > 1 ? asked : 1;
}

/* Processes item i on thread number thread (in [0, nthreads)): each
 * thread number is held by one thread at a time, so that state indexed
 * by it needs no lock.  Returns 0 or a WT_E* code. */
typedef int (*wt_parallel_fn)(void *ctx, unsigned thread, size_t i);

/* Runs fn(ctx, thread, i) for every i in [0, n) on up to nthreads
 * threads (at most WT_THREADS_MAX; fewer when there are fewer items, or
 * when a thread cannot be started: those started take its items).  After
 * an item fails no other is started.  Returns 0, or the code of an item
 * that failed. */
int wt_parallel_for(unsigned nthreads, size_t n, wt_parallel_fn fn, void *ctx);

/* Sorts each of the nparts parts of array v (elements of size bytes; part
 * b is elements [start[b], start[b + 1])) with sort, the parts shared among
 * up to nthreads threads.  With sort.h's spread the whole array ends
 * sorted. */
void wt_parallel_sort_parts(unsigned nthreads, void *v, size_t size,
                            const size_t *start, size_t nparts,
                            void (*sort)(void *part, size_t n));

#endif
