/* link.c - see link.h. */
#include "link.h"
#include "alloc.h"
#include "keys.h"
#include "provenance.h"
#include "sketch.h"

#include <stdlib.h>
#include <string.h>

int wt_links_init(wt_links *l, size_t ndocs, unsigned perms)
{
    memset(l, 0, sizeof *l);
    l->perms = perms;
    return wt_hmap_init(&l->index, ndocs);
}

void wt_links_release(wt_links *l)
{
    wt_hmap_release(&l->index);
    wt_free(l->pairs);
    memset(l, 0, sizeof *l);
}

int wt_links_note_pair(wt_links *l, wt_document *const *docs, uint32_t a,
                       uint32_t b)
{
    if (a > b) {
        const uint32_t t = a;
        a = b;
        b = t;
    }
    const size_t before = l->index.count;
    uint64_t *ix = wt_hmap_slot(&l->index, wt_pair_key(a, b));
    if (!ix)
        return WT_ENOMEM;
    if (l->index.count == before)
        return 0;
    if (wt_grow(&l->pairs, &l->paircap, l->npairs + 1, sizeof *l->pairs)) {
        *ix = SIZE_MAX; /* noted, no figures: looked up as absent */
        return WT_ENOMEM;
    }
    wt_pair_info *p = &l->pairs[l->npairs];
    memset(p, 0, sizeof *p);
    p->a = a;
    p->b = b;
    p->similarity = wt_minhash_similarity(docs[a]->sig, docs[b]->sig, l->perms);
    *ix = l->npairs++;
    return 0;
}

static wt_pair_info *pair_of(const wt_links *l, size_t a, size_t b)
{
    const uint64_t *ix =
        wt_hmap_get(&l->index, wt_pair_key_sorted((uint32_t)a, (uint32_t)b));
    return ix && *ix < l->npairs ? &l->pairs[*ix] : NULL;
}

const wt_pair_info *wt_links_pair(const wt_links *l, size_t a, size_t b)
{
    return pair_of(l, a, b);
}

static int better(const wt_source *a, const wt_source *b)
{
    if (a->cls != b->cls)
        return a->cls < b->cls;
    return a->score > b->score;
}

int wt_link_add(wt_para *p, wt_source *src)
{
    for (size_t i = 0; i < p->pub.source_count; i++) {
        wt_source *o = &p->src[i];
        if (o->document != src->document)
            continue;
        if (better(src, o)) {
            wt_free((void *)o->spans);
            *o = *src;
        } else {
            wt_free((void *)src->spans);
        }
        return 0;
    }
    if (wt_grow(&p->src, &p->srccap, p->pub.source_count + 1, sizeof *p->src)) {
        wt_free((void *)src->spans);
        return WT_ENOMEM;
    }
    p->src[p->pub.source_count++] = *src;
    p->pub.sources = p->src;
    return 0;
}

int wt_link_record(wt_links *l, wt_document *const *docs, size_t doc,
                   size_t para, size_t odoc, size_t opara, wt_class cls,
                   double score, double fact)
{
    wt_source src = {0};
    src.document = odoc;
    src.paragraph = opara;
    src.cls = cls;
    src.score = score;
    src.fact_overlap = fact;
    src.origin = WT_ORIGIN_UNKNOWN;
    /* Never NULL, so that a writer may read spans[0..span_count). */
    if (!(src.spans = wt_malloc(sizeof *src.spans)))
        return WT_ENOMEM;
    int rc = wt_link_add(&docs[doc]->paras[para], &src);
    if (!rc)
        rc = wt_links_note_pair(l, docs, (uint32_t)doc, (uint32_t)odoc);
    return rc;
}

static int cmp_source(const void *a, const void *b)
{
    const wt_source *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    if (x->document != y->document)
        return x->document < y->document ? -1 : 1;
    return (x->paragraph > y->paragraph) - (x->paragraph < y->paragraph);
}

/* Origins of paragraph d/p's links and the pair counts they add to. */
static void finish_para(wt_links *l, wt_document *const *docs, size_t d,
                        wt_para *pa)
{
    for (size_t i = 0; i < pa->pub.source_count; i++) {
        wt_source *s = &pa->src[i];
        if (s->cls == WT_CLASS_DUPLICATE)
            continue;
        s->origin = wt_provenance_origin(docs[d], docs[s->document]);
        wt_pair_info *pi = pair_of(l, d, s->document);
        if (pi && pa->pub.boiler == WT_BOILER_NONE) {
            if (pi->a == d)
                pi->linked_a++;
            else
                pi->linked_b++;
        }
    }
    if (pa->pub.source_count > 1)
        qsort(pa->src, pa->pub.source_count, sizeof *pa->src, cmp_source);
}

void wt_links_finish(wt_links *l, wt_document *const *docs, size_t ndocs)
{
    for (size_t d = 0; d < ndocs; d++)
        for (size_t p = 0; p < docs[d]->npara; p++)
            finish_para(l, docs, d, &docs[d]->paras[p]);
}
