/* Tests of hmap.c. */
#include "helpers.h"
#include "hmap.h"

Test(hmap, insert_grow_lookup)
{
    wt_hmap m;
    cr_assert_eq(wt_hmap_init(&m, 4), 0);
    for (uint64_t k = 1; k <= 10000; k++)
        *wt_hmap_slot(&m, k * 7919) += k;
    cr_assert_eq(m.count, 10000);
    for (uint64_t k = 1; k <= 10000; k++)
        cr_assert_eq(*wt_hmap_get(&m, k * 7919), k);
    cr_assert_null(wt_hmap_get(&m, 3));
    wt_hmap_release(&m);
}
