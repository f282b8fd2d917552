/* uses.c - see uses.h. */
#include "uses.h"
#include "alloc.h"
#include "document.h"

#include <string.h>

char *wt_uses_outlet_key(const char *canonical)
{
    char *k = wt_strdup(canonical ? canonical : "");
    for (char *p = k; p && *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    return k;
}

/* Keeps a key for the rows; NULL when out of memory. */
static const char *keep_key(wt_uses *u, const char *canonical)
{
    if (wt_grow(&u->keys, &u->keycap, u->nkeys + 1, sizeof *u->keys))
        return NULL;
    char *k = wt_uses_outlet_key(canonical);
    if (k)
        u->keys[u->nkeys++] = k;
    return k;
}

/* Which of a (the article stored last) and b took from the other: the
 * copy when the origin is known; else the later published; else a.  The
 * side so chosen must have taken words; when it took none and the other
 * did, nothing told the direction and the other side is the taker.
 * Returns 0 when neither took anything. */
static int pick_taker(const wt_corpus *c, size_t a, size_t b, size_t *taker,
                      wt_taken *taken)
{
    wt_taken ta, tb;
    if (wt_corpus_taken(c, a, b, &ta) || wt_corpus_taken(c, b, a, &tb) ||
        (!ta.words && !tb.words))
        return 0;
    const wt_origin o = wt_corpus_pair_origin(c, a, b);
    const int64_t pa = wt_document_published(wt_corpus_document(c, a));
    const int64_t pb = wt_document_published(wt_corpus_document(c, b));
    int a_takes = o == WT_ORIGIN_OTHER;
    if (o == WT_ORIGIN_UNKNOWN) {
        a_takes = !(pa && pb && pb > pa);
        if (a_takes ? !ta.words : !tb.words)
            a_takes = !a_takes;
    }
    *taker = a_takes ? a : b;
    *taken = a_takes ? ta : tb;
    /* A known origin that took nothing back is no use: the links are
     * the other side's, seen from there. */
    return taken->words > 0;
}

static int add_use(const wt_corpus *c, size_t taker, size_t source,
                   const wt_taken *t, wt_uses *u)
{
    const wt_document *dt = wt_corpus_document(c, taker);
    const wt_document *ds = wt_corpus_document(c, source);
    if (wt_grow(&u->v, &u->cap, u->n + 1, sizeof *u->v))
        return WT_ENOMEM;
    wt_store_use *r = &u->v[u->n];
    memset(r, 0, sizeof *r);
    r->source = ds->id;
    r->taker = dt->id;
    r->source_outlet =
        ds->outlet_canon && ds->outlet_canon[0] ? ds->outlet_canon : NULL;
    r->taker_outlet =
        dt->outlet_canon && dt->outlet_canon[0] ? dt->outlet_canon : NULL;
    if (!(r->source_key = keep_key(u, r->source_outlet)) ||
        !(r->taker_key = keep_key(u, r->taker_outlet)))
        return WT_ENOMEM;
    r->t = dt->published;
    r->words = t->words;
    for (int k = 0; k < WT_AUDIT_CLASSES; k++)
        r->by_class[k] = t->by_class[k];
    r->credited = wt_corpus_pair_credits(c, taker, source);
    u->n++;
    return 0;
}

int wt_uses_collect(const wt_corpus *c, wt_uses *u)
{
    const size_t n = wt_corpus_document_count(c);
    for (size_t j = 1; j < n; j++) {
        size_t taker = 0;
        wt_taken t;
        if (!pick_taker(c, 0, j, &taker, &t))
            continue;
        const int rc = add_use(c, taker, taker ? 0 : j, &t, u);
        if (rc)
            return rc;
    }
    return 0;
}

void wt_uses_clear(wt_uses *u)
{
    for (size_t i = 0; i < u->nkeys; i++)
        wt_free(u->keys[i]);
    u->nkeys = 0;
    u->n = 0;
}

void wt_uses_release(wt_uses *u)
{
    wt_uses_clear(u);
    wt_free(u->v);
    wt_free(u->keys);
    memset(u, 0, sizeof *u);
}
