/*
 * heap.h - the heap of the in-memory commands: transparent huge pages,
 * and memory kept once taken.
 *
 * scan, compare, clusters and dedup hold every article's words,
 * stems and fingerprints in memory (about 28 bytes per input byte) and the
 * cross-document stage reads them in no order that caches like: with 4 KiB
 * pages most of its time goes to page-table walks and page faults.  glibc
 * backs its heap with transparent huge pages when the tunable
 * glibc.malloc.hugetlb=1 is set, and reads tunables only when a program
 * starts.
 *
 * With -j N the articles are analyzed on N threads, each allocating from
 * an arena of its own that glibc grows a little at a time and gives back
 * to the kernel when its top is free: page faults one 4 KiB page at a
 * time, and every page given back an interrupt to the other cores to drop
 * it from their TLBs.  A run that ends soon has no use for memory given
 * back.
 */
#ifndef WT_CLI_HEAP_H
#define WT_CLI_HEAP_H

/* Sets up the heap for a command that holds a corpus.  First executes this
 * program again, same arguments, with glibc.malloc.hugetlb=1 added to
 * GLIBC_TUNABLES, when the kernel gives huge pages only to memory that
 * asks for them ("madvise" in /sys/kernel/mm/transparent_hugepage/enabled)
 * and GLIBC_TUNABLES does not set glibc.malloc.hugetlb already
 * (glibc.malloc.hugetlb=0 turns this off); returns only when it does not
 * (or the exec failed, then with the environment as it was).  Then, with
 * glibc, has malloc grow the heap by 128 MiB at a time, trim it only past
 * 1 GiB free at its top, and serve requests below its largest mmap
 * threshold (32 MiB) from the heap, each setting unless the environment
 * sets it (GLIBC_TUNABLES or MALLOC_*_).  Call it before anything is read
 * or written and before any thread starts. */
void cli_batch_heap(char **argv);

#endif
