/* link.c - see link.h. */
#include "link.h"
#include "alloc.h"
#include "keys.h"
#include "parallel.h"
#include "provenance.h"
#include "sort.h"
#include "tuning.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

int wt_links_init(wt_links *l, size_t ndocs)
{
    (void)ndocs; /* the pairs are counted at the end */
    memset(l, 0, sizeof *l);
    return 0;
}

void wt_links_release(wt_links *l)
{
    wt_hmap_release(&l->index);
    wt_free(l->pairs);
    wt_free(l->notes);
    memset(l, 0, sizeof *l);
}

int wt_links_note_pair(wt_links *l, uint32_t a, uint32_t b)
{
    const uint64_t key = wt_pair_key_sorted(a, b);
    if (l->nnotes && l->notes[l->nnotes - 1] == key)
        return 0; /* a document pair's paragraph pairs come together */
    if (wt_grow(&l->notes, &l->notecap, l->nnotes + 1, sizeof *l->notes))
        return WT_ENOMEM;
    l->notes[l->nnotes++] = key;
    return 0;
}

/* A pair noted: its key and when it was first noted. */
typedef struct noted {
    uint64_t key, seq;
} noted;

#define KEY_LESS(x, y)                                                         \
    ((x).key < (y).key || ((x).key == (y).key && (x).seq < (y).seq))
#define SEQ_LESS(x, y) ((x).seq < (y).seq)
WT_SORT_DEFINE(sort_by_key, noted, KEY_LESS)
WT_SORT_DEFINE(sort_by_seq, noted, SEQ_LESS)
#define NOTED_KEY(x) ((x).key)
#define NOTED_SEQ(x) ((x).seq)
WT_SPREAD_DEFINE(spread_by_key, noted, NOTED_KEY)
WT_SPREAD_DEFINE(spread_by_seq, noted, NOTED_SEQ)

static void sort_key_part(void *v, size_t n) { sort_by_key(v, n); }
static void sort_seq_part(void *v, size_t n) { sort_by_seq(v, n); }

/* Sorts v[0, n) by key (by seq when by_seq) on up to nthreads threads: a
 * large array is spread into parts by the top bits of the keys (of keys up
 * to the largest: document numbers fill the low bits only) and the parts
 * sorted on the threads. */
static void sort_noted(noted *v, size_t n, int by_seq, unsigned nthreads)
{
    if (n < WT_SPREAD_MIN) {
        if (by_seq)
            sort_by_seq(v, n);
        else
            sort_by_key(v, n);
        return;
    }
    uint64_t max = 0;
    for (size_t i = 0; i < n; i++) {
        const uint64_t k = by_seq ? v[i].seq : v[i].key;
        max = k > max ? k : max;
    }
    size_t start[WT_SPREAD_PARTS + 1];
    if (by_seq)
        spread_by_seq(v, n, wt_spread_shift(max), start);
    else
        spread_by_key(v, n, wt_spread_shift(max), start);
    wt_parallel_sort_parts(nthreads, v, sizeof *v, start, WT_SPREAD_PARTS,
                           by_seq ? sort_seq_part : sort_key_part);
}

/* The pairs found linked: one flag per pair of v, set from the thread of
 * either document (relaxed stores of 1: which one sets it does not
 * matter). */
typedef struct link_marks {
    const noted *v;
    size_t n;
    wt_document *const *docs;
    atomic_uchar *linked;
} link_marks;

/* Flags the pairs that document d's paragraphs link. */
static int mark_doc(void *ctx, unsigned thread, size_t d)
{
    (void)thread;
    const link_marks *m = ctx;
    const wt_document *doc = m->docs[d];
    for (size_t p = 0; p < doc->npara; p++) {
        const wt_para *pa = &doc->paras[p];
        for (size_t i = 0; i < pa->pub.source_count; i++) {
            const size_t o = pa->src[i].document;
            if (o == d)
                continue;
            const uint64_t key = wt_pair_key_sorted((uint32_t)d, (uint32_t)o);
            const size_t at = wt_lower_bound_u64(m->v, m->n, sizeof *m->v, key);
            if (at < m->n && m->v[at].key == key)
                atomic_store_explicit(&m->linked[at], 1, memory_order_relaxed);
        }
    }
    return 0;
}

/* Keeps the pairs of v[0, *n) (sorted by key) that some paragraph links,
 * each way, found a document an item on the threads.  Returns 0 or
 * WT_ENOMEM. */
static int keep_linked(noted *v, size_t *n, wt_document *const *docs,
                       size_t ndocs, unsigned nthreads)
{
    link_marks m = {v, *n, docs, wt_calloc(*n + 1, sizeof(atomic_uchar))};
    if (!m.linked)
        return WT_ENOMEM;
    const int rc = wt_parallel_for(nthreads, ndocs, mark_doc, &m);
    size_t k = 0;
    for (size_t i = 0; i < *n && !rc; i++)
        if (atomic_load_explicit(&m.linked[i], memory_order_relaxed))
            v[k++] = v[i];
    wt_free(m.linked);
    if (!rc)
        *n = k;
    return rc;
}

/* The pairs noted, each once, in the order first noted (all of them, or
 * with linked_only those with a link), with their figures and the map to
 * them. */
static int make_pairs(wt_links *l, wt_document *const *docs, size_t ndocs,
                      int linked_only, unsigned nthreads)
{
    noted *v = wt_malloc((l->nnotes + 1) * sizeof *v);
    if (!v)
        return WT_ENOMEM;
    for (size_t i = 0; i < l->nnotes; i++)
        v[i] = (noted){l->notes[i], i};
    wt_free(l->notes);
    l->notes = NULL;
    size_t n = 0;
    sort_noted(v, l->nnotes, 0, nthreads);
    for (size_t i = 0; i < l->nnotes; i++) /* the first of each key */
        if (!n || v[n - 1].key != v[i].key)
            v[n++] = v[i];
    l->nnotes = l->notecap = 0;
    int rc = linked_only ? keep_linked(v, &n, docs, ndocs, nthreads) : 0;
    if (!rc)
        sort_noted(v, n, 1, nthreads);
    if (!rc && (!(l->pairs = wt_malloc((n + 1) * sizeof *l->pairs)) ||
                wt_hmap_init(&l->index, n)))
        rc = WT_ENOMEM;
    for (size_t i = 0; i < n && !rc; i++) {
        uint64_t *slot = wt_hmap_slot(&l->index, v[i].key);
        if (!slot) {
            rc = WT_ENOMEM;
            break;
        }
        *slot = i;
        l->pairs[i] = (wt_pair_info){.a = (uint32_t)(v[i].key >> 32),
                                     .b = (uint32_t)v[i].key,
                                     .via = UINT32_MAX};
        l->npairs = i + 1;
    }
    wt_free(v);
    return rc;
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

/* Bytes of this paragraph inside src's spans (tiles never overlap). */
static size_t span_bytes(const wt_source *src)
{
    size_t n = 0;
    for (size_t i = 0; i < src->span_count; i++)
        n += src->spans[i].end - src->spans[i].start;
    return n;
}

/* Bytes of this paragraph inside spans of both a and b. */
static size_t shared_bytes(const wt_source *a, const wt_source *b)
{
    size_t n = 0;
    for (size_t i = 0; i < a->span_count; i++)
        for (size_t j = 0; j < b->span_count; j++) {
            const size_t lo = a->spans[i].start > b->spans[j].start
                                  ? a->spans[i].start
                                  : b->spans[j].start;
            const size_t hi = a->spans[i].end < b->spans[j].end
                                  ? a->spans[i].end
                                  : b->spans[j].end;
            n += hi > lo ? hi - lo : 0;
        }
    return n;
}

/* 1 when a and b, two sources in one document, explain different parts of
 * the paragraph (one built from two paragraphs of its source): both share
 * long spans with it (verbatim or edited: a rewrite's few words are not a
 * part), and less than half of the smaller lies inside the other's. */
static int other_part(const wt_source *a, const wt_source *b)
{
    if (!a->span_count || !b->span_count || a->cls > WT_CLASS_EDITED ||
        b->cls > WT_CLASS_EDITED)
        return 0;
    const size_t na = span_bytes(a), nb = span_bytes(b);
    return 2 * shared_bytes(a, b) < (na < nb ? na : nb);
}

int wt_link_add(wt_para *p, wt_source *src)
{
    size_t same = 0, worst = SIZE_MAX;
    for (size_t i = 0; i < p->pub.source_count; i++) {
        wt_source *o = &p->src[i];
        if (o->document != src->document)
            continue;
        if (!other_part(src, o)) {
            /* The same part: the better one stays. */
            if (better(src, o)) {
                wt_free((void *)o->spans);
                *o = *src;
            } else {
                wt_free((void *)src->spans);
            }
            return 0;
        }
        same++;
        if (worst == SIZE_MAX || better(&p->src[worst], o))
            worst = i;
    }
    if (same >= WT_SOURCES_PER_DOC) {
        /* Parts enough from that document: the weakest gives way. */
        wt_source *o = &p->src[worst];
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
        rc = wt_links_note_pair(l, (uint32_t)doc, (uint32_t)odoc);
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

/* 1 when a source before src[i] of paragraph pa is in the same document. */
static int seen_before(const wt_para *pa, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (pa->src[j].document == pa->src[i].document)
            return 1;
    return 0;
}

/* Origins of paragraph d/p's links and the pair counts they add to (a
 * paragraph once per other document, however many parts it took). */
static void finish_para(wt_links *l, wt_document *const *docs, size_t d,
                        wt_para *pa)
{
    for (size_t i = 0; i < pa->pub.source_count; i++) {
        wt_source *s = &pa->src[i];
        if (s->cls == WT_CLASS_DUPLICATE)
            continue;
        s->origin = wt_provenance_origin(docs[d], docs[s->document]);
        wt_pair_info *pi = pair_of(l, d, s->document);
        if (pi && pa->pub.boiler == WT_BOILER_NONE && !seen_before(pa, i)) {
            if (pi->a == d)
                pi->linked_a++;
            else
                pi->linked_b++;
        }
    }
    if (pa->pub.source_count > 1)
        qsort(pa->src, pa->pub.source_count, sizeof *pa->src, cmp_source);
}

/* 1 when paragraph p of document d has a source in document a. */
static int has_source_in(const wt_document *d, size_t p, size_t a)
{
    const wt_para *pa = &d->paras[p];
    for (size_t i = 0; i < pa->pub.source_count; i++)
        if (pa->src[i].document == a && pa->src[i].cls != WT_CLASS_DUPLICATE)
            return 1;
    return 0;
}

/* A link to drop: source i of paragraph p of document d, shared through
 * document via. */
typedef struct drop {
    size_t d, p, i, via;
} drop;

/* A candidate common source and the origin of the paragraph's document
 * seen from it. */
typedef struct cand_source {
    size_t doc;
    wt_origin o;
    const wt_source *src; /* the paragraph's link to it */
} cand_source;

typedef struct drops {
    drop *v;
    size_t n, cap;
    cand_source *origins; /* the current paragraph's candidates */
    size_t norigins, origincap;
} drops;

/* The documents of paragraph (d, pa)'s sources that d is not known to be
 * the origin of: the candidates for a common source. */
static int origins_of(drops *x, wt_document *const *docs, size_t d,
                      const wt_para *pa)
{
    x->norigins = 0;
    for (size_t i = 0; i < pa->pub.source_count; i++) {
        const wt_source *s = &pa->src[i];
        const wt_origin o =
            s->cls == WT_CLASS_DUPLICATE
                ? WT_ORIGIN_THIS
                : wt_provenance_origin(docs[d], docs[s->document]);
        if (o == WT_ORIGIN_THIS)
            continue;
        if (wt_grow(&x->origins, &x->origincap, x->norigins + 1,
                    sizeof *x->origins))
            return WT_ENOMEM;
        x->origins[x->norigins++] = (cand_source){s->document, o, s};
    }
    return 0;
}

/* 1 when a is the common source of documents x and y: a copies neither,
 * and is the origin of both, or of one while the other is not known to be
 * that one's origin (a copy of the wire that nothing dates still reaches
 * the dated copies through the wire; the wire's own copy never goes
 * through anything).  Input order is no evidence: copies that nothing
 * dates or credits stay linked to each other. */
static int common_source(wt_document *const *docs, size_t x, size_t y, size_t a,
                         wt_origin ox)
{
    const wt_origin oy = wt_provenance_origin(docs[y], docs[a]);
    if (ox == WT_ORIGIN_THIS || oy == WT_ORIGIN_THIS)
        return 0;
    if (ox == WT_ORIGIN_OTHER && oy == WT_ORIGIN_OTHER)
        return 1;
    if (ox != WT_ORIGIN_OTHER && oy != WT_ORIGIN_OTHER)
        return 0;
    return wt_provenance_origin(docs[x], docs[y]) == WT_ORIGIN_UNKNOWN;
}

/* 1 when every source of paragraph p of document e is in document d: its
 * links to others were not asked (an index query scores only its
 * article's pairs). */
static int only_links_to(const wt_document *e, size_t p, size_t d)
{
    const wt_para *pa = &e->paras[p];
    for (size_t i = 0; i < pa->pub.source_count; i++)
        if (pa->src[i].document != d)
            return 0;
    return 1;
}

/* 1 when a and b, two links of one paragraph, share most of the same part
 * of it: the two sources carry the same text. */
static int same_part(const wt_source *a, const wt_source *b)
{
    if (!a->span_count || !b->span_count)
        return 0;
    const size_t na = span_bytes(a), nb = span_bytes(b);
    return 2 * shared_bytes(a, b) >= (na < nb ? na : nb);
}

/* 1 when source s's paragraph holds the text it shares with paragraph p's
 * document d through document a: it has a source in a, or, when its links
 * to others were not asked, p's links to it and to a (src_a) cover the
 * same part of p. */
static int through(wt_document *const *docs, size_t d, const wt_source *s,
                   size_t a, const wt_source *src_a)
{
    if (has_source_in(docs[s->document], s->paragraph, a))
        return 1;
    return only_links_to(docs[s->document], s->paragraph, d) &&
           same_part(s, src_a);
}

/* The common source through which paragraph p of document d and source s
 * share their text, both having a source in it: the first in origin order
 * when several are; SIZE_MAX when there is none.  The test is the same from
 * both sides, so both links go. */
static size_t common_origin(const drops *x, wt_document *const *docs,
                            const uint32_t *rank, size_t d, const wt_source *s)
{
    size_t best = SIZE_MAX;
    for (size_t k = 0; k < x->norigins; k++) {
        const size_t a = x->origins[k].doc;
        if (a == s->document ||
            !common_source(docs, d, s->document, a, x->origins[k].o) ||
            !through(docs, d, s, a, x->origins[k].src))
            continue;
        if (best == SIZE_MAX || rank[a] < rank[best])
            best = a;
    }
    return best;
}

/* Finds the links of paragraph (d, p) to another copy of a text both took
 * from a common source present in the corpus. */
static int find_via(drops *x, wt_document *const *docs, const uint32_t *rank,
                    size_t d, size_t p)
{
    const wt_para *pa = &docs[d]->paras[p];
    int rc = pa->pub.source_count > 1 ? origins_of(x, docs, d, pa) : 0;
    if (rc || pa->pub.source_count < 2 || !x->norigins)
        return rc;
    for (size_t i = 0; i < pa->pub.source_count; i++) {
        const wt_source *s = &pa->src[i];
        const size_t a = s->cls == WT_CLASS_DUPLICATE
                             ? SIZE_MAX
                             : common_origin(x, docs, rank, d, s);
        if (a == SIZE_MAX)
            continue;
        if (wt_grow(&x->v, &x->cap, x->n + 1, sizeof *x->v))
            return WT_ENOMEM;
        x->v[x->n++] = (drop){d, p, i, a};
    }
    return 0;
}

/* Drops the links found, last first so that indexes stay right, and notes
 * on each pair the origin it shares its text through. */
static int cmp_drop(const void *a, const void *b)
{
    const drop *x = a, *y = b;
    if (x->d != y->d)
        return x->d < y->d ? -1 : 1;
    if (x->p != y->p)
        return x->p < y->p ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

/* Adds the other side of every link found: a link is dropped from both of
 * its paragraphs (an index query sees one side's reasons only), each once,
 * sorted so that apply_via() can remove them last first. */
static int add_reverse(drops *x, wt_document *const *docs)
{
    const size_t n = x->n;
    for (size_t k = 0; k < n; k++) {
        const drop dr = x->v[k];
        const wt_source *s = &docs[dr.d]->paras[dr.p].src[dr.i];
        const wt_para *back = &docs[s->document]->paras[s->paragraph];
        for (size_t j = 0; j < back->pub.source_count; j++) {
            if (back->src[j].document != dr.d || back->src[j].paragraph != dr.p)
                continue;
            if (wt_grow(&x->v, &x->cap, x->n + 1, sizeof *x->v))
                return WT_ENOMEM;
            x->v[x->n++] = (drop){s->document, s->paragraph, j, dr.via};
        }
    }
    if (x->n > 1)
        qsort(x->v, x->n, sizeof *x->v, cmp_drop);
    size_t u = 0;
    for (size_t k = 0; k < x->n; k++)
        if (!u || cmp_drop(&x->v[u - 1], &x->v[k]))
            x->v[u++] = x->v[k];
    x->n = u;
    return 0;
}

static void apply_via(wt_links *l, wt_document *const *docs, const drops *x)
{
    for (size_t k = x->n; k-- > 0;) {
        const drop *dr = &x->v[k];
        wt_para *pa = &docs[dr->d]->paras[dr->p];
        wt_source *s = &pa->src[dr->i];
        wt_pair_info *pi = pair_of(l, dr->d, s->document);
        if (pi) {
            pi->via = (uint32_t)dr->via;
            if (pa->pub.boiler == WT_BOILER_NONE && !seen_before(pa, dr->i))
                *(pi->a == dr->d ? &pi->via_a : &pi->via_b) += 1;
        }
        wt_free((void *)s->spans);
        memmove(s, s + 1, (pa->pub.source_count - dr->i - 1) * sizeof *s);
        pa->pub.source_count--;
    }
}

/* 1 when some origin can be told: a time, or a credit of another outlet
 * (wt_provenance_origin() answers unknown for every pair otherwise). */
static int origins_known(wt_document *const *docs, size_t ndocs)
{
    for (size_t d = 0; d < ndocs; d++) {
        if (docs[d]->published)
            return 1;
        for (size_t i = 0; i < docs[d]->ncredits; i++)
            if (!docs[d]->credits[i].own)
                return 1;
    }
    return 0;
}

/* The documents' links to drop (find_via), or their origins and counts
 * (finish_para), one document an item on the threads: each thread finds
 * drops of its own (add_reverse sorts them all), and a pair's count of
 * each side is written by the paragraphs of that side only. */
typedef struct finish_round {
    wt_links *l;
    wt_document *const *docs;
    const uint32_t *rank;
    drops *per; /* one per thread */
} finish_round;

static int via_doc(void *ctx, unsigned thread, size_t d)
{
    const finish_round *r = ctx;
    int rc = 0;
    for (size_t p = 0; p < r->docs[d]->npara && !rc; p++)
        rc = find_via(&r->per[thread], r->docs, r->rank, d, p);
    return rc;
}

static int finish_doc(void *ctx, unsigned thread, size_t d)
{
    (void)thread;
    const finish_round *r = ctx;
    for (size_t p = 0; p < r->docs[d]->npara; p++)
        finish_para(r->l, r->docs, d, &r->docs[d]->paras[p]);
    return 0;
}

/* The drops every thread found, in x. */
static int gather(drops *x, drops *per, unsigned nthreads)
{
    int rc = 0;
    for (unsigned t = 0; t < nthreads; t++) {
        if (!rc && per[t].n &&
            !(rc = wt_grow(&x->v, &x->cap, x->n + per[t].n, sizeof *x->v))) {
            memcpy(x->v + x->n, per[t].v, per[t].n * sizeof *x->v);
            x->n += per[t].n;
        }
        wt_free(per[t].v);
        wt_free(per[t].origins);
    }
    return rc;
}

int wt_links_finish(wt_links *l, wt_document *const *docs, size_t ndocs,
                    const uint32_t *rank, int linked_only, unsigned nthreads)
{
    nthreads = nthreads ? nthreads : 1;
    drops x = {0};
    drops *per = wt_calloc(nthreads, sizeof *per);
    finish_round r = {l, docs, rank, per};
    int rc =
        per ? make_pairs(l, docs, ndocs, linked_only, nthreads) : WT_ENOMEM;
    const size_t nvia = origins_known(docs, ndocs) ? ndocs : 0;
    if (!rc)
        rc = wt_parallel_for(nthreads, nvia, via_doc, &r);
    const int grc = per ? gather(&x, per, nthreads) : 0;
    rc = rc ? rc : grc;
    wt_free(per);
    if (!rc)
        rc = add_reverse(&x, docs);
    if (!rc)
        apply_via(l, docs, &x);
    wt_free(x.v);
    if (!rc)
        rc = wt_parallel_for(nthreads, ndocs, finish_doc, &r);
    return rc;
}
