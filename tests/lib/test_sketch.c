/* Tests of sketch.c: MinHash resemblance estimates. */
#include "helpers.h"
#include "sketch.h"

#include <math.h>

Test(sketch, identical_sets_resemble_fully)
{
    uint64_t h[50], a[128], b[128];
    for (int i = 0; i < 50; i++)
        h[i] = 0x9e3779b97f4a7c15ULL * (uint64_t)(i + 1);
    wt_minhash(h, 50, 128, 3, a);
    wt_minhash(h, 50, 128, 3, b);
    cr_assert_eq(wt_minhash_similarity(a, b, 128), 1.0);
}

Test(sketch, estimate_close_to_jaccard)
{
    /* |A| = |B| = 300, overlap 150: Jaccard 150/450 = 1/3. */
    uint64_t x[300], y[300], a[512], b[512];
    for (int i = 0; i < 300; i++) {
        x[i] = 0x9e3779b97f4a7c15ULL * (uint64_t)(i + 1);
        y[i] = 0x9e3779b97f4a7c15ULL * (uint64_t)(i + 151);
    }
    wt_minhash(x, 300, 512, 11, a);
    wt_minhash(y, 300, 512, 11, b);
    const double s = wt_minhash_similarity(a, b, 512);
    cr_assert(fabs(s - 1.0 / 3) < 0.07, "estimate %f", s);
}

Test(sketch, empty_sets_are_not_similar)
{
    uint64_t a[16], b[16];
    wt_minhash(NULL, 0, 16, 1, a);
    wt_minhash(NULL, 0, 16, 1, b);
    cr_assert_eq(wt_minhash_similarity(a, b, 16), 0.0);
}

/* The signature the definition gives (sketch.c): whichever vector build
 * wt_minhash() takes on this processor must give the same values, or the
 * LSH bands stored in an index would change with the machine. */
Test(sketch, same_values_as_the_definition)
{
    uint64_t h[613], sig[64];
    uint64_t x = 5;
    for (size_t i = 0; i < 613; i++) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        h[i] = x ^ (x >> 29);
    }
    for (size_t n = 0; n <= 613; n += 47) { /* lengths off the lane width */
        wt_minhash(h, n, 64, 99, sig);
        for (unsigned p = 0; p < 64; p++) {
            const uint64_t key = wt_mix64(99 + 0x9e3779b97f4a7c15ULL * (p + 1));
            uint64_t m = UINT64_MAX;
            for (size_t i = 0; i < n; i++) {
                const uint64_t v = wt_mix64(h[i] ^ key);
                m = v < m ? v : m;
            }
            cr_assert_eq(sig[p], m, "n %zu, permutation %u", n, p);
        }
    }
}
