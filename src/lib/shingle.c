/* shingle.c - see shingle.h. */
#include "shingle.h"
#include "alloc.h"
#include "wiretrace.h"

#include <string.h>
#include <xxhash.h>

#define MAX_K 16

static int push(wt_shingle **out, size_t *n, size_t *cap, uint64_t h,
                uint32_t tok)
{
    if (wt_grow(out, cap, *n + 1, sizeof **out))
        return WT_ENOMEM;
    (*out)[(*n)++] = (wt_shingle){h, tok};
    return 0;
}

int wt_shingles(const wt_token *tok, size_t begin, size_t end, unsigned k,
                uint64_t seed, wt_shingle **out, size_t *n, size_t *cap)
{
    uint64_t win[MAX_K];
    uint32_t pos[MAX_K];
    unsigned have = 0;
    size_t emitted = 0;
    if (k < 1 || k > MAX_K)
        return WT_EINVAL;
    for (size_t i = begin; i < end; i++) {
        if (tok[i].flags & WT_TOK_STOP)
            continue;
        if (have == k) {
            /* k is a few: a loop, not two calls of memmove a word */
            for (unsigned j = 1; j < k; j++) {
                win[j - 1] = win[j];
                pos[j - 1] = pos[j];
            }
            have--;
        }
        win[have] = tok[i].stem;
        pos[have++] = (uint32_t)i;
        if (have == k) {
            if (push(out, n, cap, XXH3_64bits_withSeed(win, k * 8, seed),
                     pos[0]))
                return WT_ENOMEM;
            emitted++;
        }
    }
    if (!emitted && have >= 2)
        return push(out, n, cap, XXH3_64bits_withSeed(win, have * 8, seed),
                    pos[0]);
    return 0;
}

int wt_winnow(const wt_shingle *sh, size_t count, unsigned w, wt_shingle **out,
              size_t *n, size_t *cap)
{
    if (w < 1)
        return WT_EINVAL;
    if (count <= w) {
        /* One window: its minimum. */
        size_t m = 0;
        for (size_t i = 1; i < count; i++)
            if (sh[i].hash <= sh[m].hash)
                m = i;
        return count ? push(out, n, cap, sh[m].hash, sh[m].tok) : 0;
    }
    size_t last = (size_t)-1;
    for (size_t s = 0; s + w <= count; s++) {
        size_t m = s;
        for (size_t i = s + 1; i < s + w; i++)
            if (sh[i].hash <= sh[m].hash)
                m = i;
        if (m != last) {
            if (push(out, n, cap, sh[m].hash, sh[m].tok))
                return WT_ENOMEM;
            last = m;
        }
    }
    return 0;
}
