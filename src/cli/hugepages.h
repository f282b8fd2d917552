/*
 * hugepages.h - the heap of the in-memory commands on transparent huge
 * pages.
 *
 * scan, compare, clusters and dedup hold every article's words,
 * stems and fingerprints in memory (about 28 bytes per input byte) and the
 * cross-document stage reads them in no order that caches like: with 4 KiB
 * pages most of its time goes to page-table walks and page faults.  glibc
 * backs its heap with transparent huge pages when the tunable
 * glibc.malloc.hugetlb=1 is set, and reads tunables only when a program
 * starts.
 */
#ifndef WT_CLI_HUGEPAGES_H
#define WT_CLI_HUGEPAGES_H

/* Executes this program again, same arguments, with glibc.malloc.hugetlb=1
 * added to GLIBC_TUNABLES, when the kernel gives huge pages only to memory
 * that asks for them ("madvise" in
 * /sys/kernel/mm/transparent_hugepage/enabled) and GLIBC_TUNABLES does not
 * set glibc.malloc.hugetlb already (glibc.malloc.hugetlb=0 turns this
 * off).  Call it before anything is read or written.  Returns only when it
 * does nothing (or the exec failed, then with the environment as it was):
 * the command runs as it would have. */
void cli_huge_pages(char **argv);

#endif
