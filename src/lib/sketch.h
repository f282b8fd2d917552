/*
 * sketch.h - document MinHash signatures (Broder 1997): the estimated
 * resemblance of two shingle sets, used to rank candidate document pairs.
 */
#ifndef WT_SKETCH_H
#define WT_SKETCH_H

#include <stddef.h>
#include <stdint.h>

/* Fills sig[0..perms) from the hashes (any order, repeats allowed).  An
 * empty set gives all UINT64_MAX. */
void wt_minhash(const uint64_t *hashes, size_t n, unsigned perms, uint64_t seed,
                uint64_t *sig);

/* Share of equal slots: the resemblance estimate.  Two empty sets: 0. */
double wt_minhash_similarity(const uint64_t *a, const uint64_t *b,
                             unsigned perms);

/* The splitmix64 finalizer: the 64-bit mixer behind every permutation. */
uint64_t wt_mix64(uint64_t x);

#endif
