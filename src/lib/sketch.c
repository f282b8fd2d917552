/*
 * sketch.c - MinHash with one 64-bit mixer per permutation.
 *
 * Permutation i is x -> wt_mix64(x ^ key_i), wt_mix64 being the splitmix64 finalizer
 * (Steele, Lea, Flood 2014) and key_i drawn from the seed: as good as
 * independent hashing for shingle hashes that XXH3 already spread.
 */
#include "sketch.h"

uint64_t wt_mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/* One mixer per shingle and permutation. */
static inline __attribute__((always_inline)) void minhash_loop(
    const uint64_t *hashes, size_t n, unsigned perms, uint64_t seed,
    uint64_t *sig)
{
    for (unsigned p = 0; p < perms; p++) {
        const uint64_t key = wt_mix64(seed + 0x9e3779b97f4a7c15ULL * (p + 1));
        uint64_t m = UINT64_MAX;
        for (size_t i = 0; i < n; i++) {
            const uint64_t h = wt_mix64(hashes[i] ^ key);
            if (h < m)
                m = h;
        }
        sig[p] = m;
    }
}

/* 64-bit multiplies have a vector form only in AVX-512; with AVX2 each is
 * built of three 32-bit ones, still about twice the speed of the scalar
 * loop (27 against 60 us for 600 shingles, 64 permutations).  Where GCC can,
 * the loop is built again for each, with the vectorizer's full cost model
 * (at -O2 it judges the AVX2 form too dear and leaves the loop scalar),
 * and the widest one the processor has is taken: the same values. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) &&         \
    __GNUC__ >= 12
#define WT_MINHASH_CLONES 1
#define MINHASH_CLONE(name, arch)                                              \
    __attribute__((                                                            \
        target("arch=" arch),                                                  \
        optimize("tree-vectorize", "vect-cost-model=dynamic"))) static void    \
    name(const uint64_t *hashes, size_t n, unsigned perms, uint64_t seed,      \
         uint64_t *sig)                                                        \
    {                                                                          \
        minhash_loop(hashes, n, perms, seed, sig);                             \
    }
MINHASH_CLONE(minhash_v4, "x86-64-v4")
MINHASH_CLONE(minhash_v3, "x86-64-v3")
#endif

void wt_minhash(const uint64_t *hashes, size_t n, unsigned perms, uint64_t seed,
                uint64_t *sig)
{
#ifdef WT_MINHASH_CLONES
    if (__builtin_cpu_supports("x86-64-v4")) {
        minhash_v4(hashes, n, perms, seed, sig);
        return;
    }
    if (__builtin_cpu_supports("x86-64-v3")) {
        minhash_v3(hashes, n, perms, seed, sig);
        return;
    }
#endif
    minhash_loop(hashes, n, perms, seed, sig);
}

double wt_minhash_similarity(const uint64_t *a, const uint64_t *b,
                             unsigned perms)
{
    unsigned eq = 0;
    if (!perms || a[0] == UINT64_MAX || b[0] == UINT64_MAX)
        return 0.0;
    for (unsigned p = 0; p < perms; p++)
        eq += a[p] == b[p];
    return (double)eq / perms;
}
