/*
 * match.c - paragraph pair scoring.
 *
 * Spans: greedy string tiling (Wise, "Running Karp-Rabin matching and
 * greedy string tiling", 1993).  Every maximal run of equal stems that
 * starts on a shared word pair is a candidate tile; tiles are taken longest
 * first and never overlap on either side.  Coverage is the share of words
 * inside tiles of at least min_span words.
 *
 * Facts: the IDF-weighted overlap of the two paragraphs' content stems,
 * with numbers weighted up, so that a rewrite that keeps names, numbers and
 * rare words is found even when few word runs survive.
 *
 * Templates: the words of a shared span that follow one another in many
 * documents are a formula ("short tons at the end of", "the U.S.
 * Agriculture Department said") or a story many documents carry.  The two
 * are told apart in the pair: a formula is filled with other names and
 * numbers (next to the span, each side names one the other document never
 * does) and the paragraphs share little outside it; a story keeps its
 * names and numbers.  The shared weight outside template words is the
 * pair's own evidence.
 *
 * Agreement: names and numbers are the facts a rewrite keeps.  When the
 * pair shares a number (names alone are what every report of one story
 * shares) and neither paragraph names a name or number the other
 * document lacks, the facts agree and a smaller share of shared weight is a
 * rewrite; when each side names one the other document lacks (another
 * company, another figure), the pair needs more shared weight.
 */
#include "match.h"
#include "alloc.h"
#include "keys.h"
#include "tuning.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double wt_idf_weight(const wt_idf *idf, const wt_stem_ref *s)
{
    double w = idf->w[s->id];
    if (s->flags & WT_TOK_NUMBER)
        w *= WT_NUMBER_BOOST;
    return w;
}

void wt_idf_release(wt_idf *idf)
{
    wt_hmap_release(&idf->ids);
    wt_hmap_release(&idf->df);
    wt_free(idf->w);
    memset(idf, 0, sizeof *idf);
}

uint64_t wt_idf_pair_key(uint64_t a, uint64_t b)
{
    /* splitmix64's finalizer over an ordered combination */
    uint64_t z = a * UINT64_C(0x9e3779b97f4a7c15) + b;
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

typedef struct run {
    uint32_t ia, ib, len;
} run;

/* A word pair of b in find_runs' table (key 0: an empty slot) and the
 * first of its positions, plus one. */
typedef struct pair_head {
    uint64_t key;
    uint32_t first;
} pair_head;

/* A thread's buffers, reused from pair to pair (see match.h). */
struct wt_match_scratch {
    uint32_t *next; /* find_runs: b's positions chained by word pair */
    size_t nextcap;
    pair_head *heads; /* find_runs: b's word pairs, open addressing */
    size_t headcap;
    run *runs, *tiles;
    size_t runcap, tilecap;
    uint8_t *marks; /* tile's and template_figures' flags, zeroed per use */
    size_t markcap;
};

wt_match_scratch *wt_match_scratch_new(void)
{
    return wt_calloc(1, sizeof(wt_match_scratch));
}

void wt_match_scratch_free(wt_match_scratch *sc)
{
    if (!sc)
        return;
    wt_free(sc->next);
    wt_free(sc->heads);
    wt_free(sc->runs);
    wt_free(sc->tiles);
    wt_free(sc->marks);
    wt_free(sc);
}

/* n zero bytes of sc->marks, or NULL when memory runs out. */
static uint8_t *zeroed_marks(wt_match_scratch *sc, size_t n)
{
    if (wt_grow(&sc->marks, &sc->markcap, n, 1))
        return NULL;
    memset(sc->marks, 0, n);
    return sc->marks;
}

/* Longest first, then by place in a, then in b: a total order, so that
 * the tiles do not depend on the order find_runs met the runs in nor on
 * whether qsort is stable (glibc's merge sort falls back to an unstable
 * sort when it cannot allocate; musl's smoothsort never is). */
static int cmp_run(const void *x, const void *y)
{
    const run *a = x, *b = y;
    if (a->len != b->len)
        return a->len < b->len ? 1 : -1;
    if (a->ia != b->ia)
        return a->ia < b->ia ? -1 : 1;
    return (a->ib > b->ib) - (a->ib < b->ib);
}

static uint64_t pair_key(const wt_token *t, size_t i)
{
    const uint64_t k = t[i].stem * 31 + t[i + 1].stem;
    return k ? k : 1;
}

/* The slot of word pair key in find_runs' table of cap (a power of two)
 * slots: its own, or the empty one where it would go. */
static size_t pair_slot(const pair_head *h, size_t cap, uint64_t key)
{
    size_t s = (size_t)((key * UINT64_C(0x9e3779b97f4a7c15)) >> 32) & (cap - 1);
    while (h[s].key && h[s].key != key)
        s = (s + 1) & (cap - 1);
    return s;
}

/* b's word pairs in sc->heads (*cap slots), each chained through
 * sc->next from its first position on.  A table of the scratch's, cleared
 * per pair of paragraphs: a map allocated for each pair cost more than
 * the lookups. */
static int chain_pairs(const wt_token *tb, size_t nb, wt_match_scratch *sc,
                       size_t *cap)
{
    size_t c = 16;
    while (c < 2 * nb)
        c *= 2;
    if (wt_grow(&sc->next, &sc->nextcap, nb, sizeof *sc->next) ||
        wt_grow(&sc->heads, &sc->headcap, c, sizeof *sc->heads))
        return WT_ENOMEM;
    pair_head *h = sc->heads;
    memset(h, 0, c * sizeof *h);
    for (size_t j = nb - 1; j-- > 0;) {
        const uint64_t key = pair_key(tb, j);
        const size_t s = pair_slot(h, c, key);
        h[s].key = key;
        sc->next[j] = h[s].first; /* position + 1; 0 ends the chain */
        h[s].first = (uint32_t)j + 1;
    }
    *cap = c;
    return 0;
}

/* Every maximal run of equal stems, found from shared word pairs, into
 * sc->runs[0..*nout). */
static int find_runs(const wt_token *ta, size_t na, const wt_token *tb,
                     size_t nb, wt_match_scratch *sc, size_t *nout)
{
    int rc = 0;
    size_t cap = 0;
    *nout = 0;
    if (na < 2 || nb < 2)
        return 0;
    if ((rc = chain_pairs(tb, nb, sc, &cap)))
        return rc;
    const uint32_t *next = sc->next;
    const pair_head *heads = sc->heads;
    size_t budget = WT_RUN_WORK_PER_WORD * (na + nb);
    for (size_t i = 0; i + 1 < na && budget; i++) {
        const uint32_t head =
            heads[pair_slot(heads, cap, pair_key(ta, i))].first;
        unsigned chain = 0;
        for (uint64_t p = head; p && chain < WT_MAX_CHAIN && budget;
             p = next[p - 1], chain++) {
            const size_t j = (size_t)p - 1;
            if (ta[i].stem != tb[j].stem || ta[i + 1].stem != tb[j + 1].stem)
                continue;
            if (i > 0 && j > 0 && ta[i - 1].stem == tb[j - 1].stem)
                continue; /* not the start of a maximal run */
            size_t len = 2;
            while (i + len < na && j + len < nb && len < budget &&
                   ta[i + len].stem == tb[j + len].stem)
                len++;
            budget -= len < budget ? len : budget;
            if ((rc = wt_grow(&sc->runs, &sc->runcap, *nout + 1,
                              sizeof *sc->runs)))
                goto out;
            sc->runs[(*nout)++] =
                (run){(uint32_t)i, (uint32_t)j, (uint32_t)len};
        }
    }
out:
    if (rc)
        *nout = 0;
    return rc;
}

static unsigned content_words(const wt_token *t, size_t from, size_t len)
{
    unsigned c = 0;
    for (size_t i = from; i < from + len; i++)
        c += !(t[i].flags & WT_TOK_STOP);
    return c;
}

/* Content words of t[from, from + len) that are not part of a name or a
 * number: what a shared title and name lacks. */
static unsigned plain_words(const wt_token *t, size_t from, size_t len)
{
    unsigned c = 0;
    for (size_t i = from; i < from + len; i++)
        c += !(t[i].flags & (WT_TOK_STOP | WT_TOK_NAME | WT_TOK_NUMBER));
    return c;
}

static int add_tile(wt_pair_score *out, size_t *cap, const wt_token *ta,
                    const wt_token *tb, size_t ia, size_t ib, size_t len)
{
    if (wt_grow(&out->spans, cap, out->nspans + 1, sizeof *out->spans))
        return WT_ENOMEM;
    out->spans[out->nspans++] = (wt_span){ta[ia].start, ta[ia + len - 1].end,
                                          tb[ib].start, tb[ib + len - 1].end};
    return 0;
}

/* Takes the runs sc->runs[0..nruns) longest first; each unmarked piece
 * with two content words becomes a tile, kept in sc->tiles[0..*ntiles)
 * (as many as runs at most).  Counts the words of tiles of min_span or
 * more. */
static int tile(const wt_token *ta, size_t na, const wt_token *tb, size_t nb,
                wt_match_scratch *sc, size_t nruns, unsigned min_span,
                wt_pair_score *out, size_t *covered_a, size_t *covered_b,
                size_t *ntiles)
{
    size_t cap = 0;
    run *runs = sc->runs;
    uint8_t *ma = zeroed_marks(sc, na + nb + 1), *mb = ma + na;
    if (!ma)
        return WT_ENOMEM;
    int rc = 0;
    if (nruns > 1)
        qsort(runs, nruns, sizeof *runs, cmp_run);
    for (size_t r = 0; r < nruns && !rc; r++) {
        size_t t = 0;
        while (t < runs[r].len && !rc) {
            while (t < runs[r].len &&
                   (ma[runs[r].ia + t] || mb[runs[r].ib + t]))
                t++;
            const size_t s = t;
            while (t < runs[r].len && !ma[runs[r].ia + t] &&
                   !mb[runs[r].ib + t])
                t++;
            const size_t ia = runs[r].ia + s, ib = runs[r].ib + s;
            const size_t len = t - s;
            if (len < 2 || content_words(ta, ia, len) < 2)
                continue;
            memset(ma + ia, 1, len);
            memset(mb + ib, 1, len);
            if (len >= min_span) {
                *covered_a += len;
                *covered_b += len;
            }
            const size_t words = content_words(ta, ia, len);
            if (words > out->longest_run &&
                plain_words(ta, ia, len) >= WT_RUN_LINK_PLAIN_MIN)
                out->longest_run = words;
            rc = add_tile(out, &cap, ta, tb, ia, ib, len);
            if (!rc && !(rc = wt_grow(&sc->tiles, &sc->tilecap, *ntiles + 1,
                                      sizeof *sc->tiles)))
                sc->tiles[(*ntiles)++] =
                    (run){(uint32_t)ia, (uint32_t)ib, (uint32_t)len};
        }
    }
    return rc;
}

/* free_a, free_b: per stem of pa and pb (same order), whether it occurs
 * outside template words; *own is the weight of the shared stems that
 * do on both sides. */
static double shared_weight(const wt_para *pa, const wt_para *pb,
                            const wt_idf *idf, const uint8_t *free_a,
                            const uint8_t *free_b, size_t *nshared,
                            double *plain, size_t *words, double *own,
                            size_t *numbers)
{
    double w = 0;
    *numbers = 0;
    *plain = 0;
    *words = 0;
    *own = 0;
    size_t i = 0, j = 0;
    *nshared = 0;
    while (i < pa->nstems && j < pb->nstems) {
        const uint64_t x = pa->stems[i].stem, y = pb->stems[j].stem;
        if (x != y) { /* as in wt_match_below_floor() */
            i += x < y;
            j += y < x;
        } else {
            wt_stem_ref s = pa->stems[i];
            s.flags |= pb->stems[j].flags;
            const double sw = wt_idf_weight(idf, &s);
            w += sw;
            if (!(s.flags & WT_TOK_NAME))
                *plain += sw;
            if (free_a[i] && free_b[j])
                *own += sw;
            *words += !(s.flags & (WT_TOK_NAME | WT_TOK_NUMBER));
            *numbers += !!(s.flags & WT_TOK_NUMBER);
            ++*nshared;
            i++;
            j++;
        }
    }
    return w;
}

/* Index of stem in p's sorted stems, or p->nstems. */
static size_t stem_index(const wt_para *p, uint64_t stem)
{
    const size_t lo =
        wt_lower_bound_u64(p->stems, p->nstems, sizeof *p->stems, stem);
    return lo < p->nstems && p->stems[lo].stem == stem ? lo : p->nstems;
}

/* Marks in ma[] and mb[] the words of tile r (on each side) that belong to
 * a pair of adjacent content words held by WT_TEMPLATE_DOCS documents or
 * more: the formula part of a shared span. */
static void mark_template(const wt_token *ta, const run *r, const wt_idf *idf,
                          uint8_t *ma, uint8_t *mb)
{
    size_t prev = SIZE_MAX;
    for (size_t i = r->ia; i < r->ia + r->len; i++) {
        if (ta[i].flags & WT_TOK_STOP)
            continue;
        if (prev != SIZE_MAX) {
            const uint64_t *df = wt_hmap_get(
                &idf->df, wt_idf_pair_key(ta[prev].stem, ta[i].stem));
            if (df && *df >= WT_TEMPLATE_DOCS) {
                ma[prev] = ma[i] = 1;
                mb[r->ib + (prev - r->ia)] = mb[r->ib + (i - r->ia)] = 1;
            }
        }
        prev = i;
    }
}

/* Marks in fr[] (one flag per stem of p) the stems of t[0, n) found
 * outside template words (tmpl[]). */
static void mark_free(const wt_para *p, const wt_token *t, size_t n,
                      const uint8_t *tmpl, uint8_t *fr)
{
    for (size_t i = 0; i < n; i++) {
        if ((t[i].flags & WT_TOK_STOP) || tmpl[i])
            continue;
        const size_t at = stem_index(p, t[i].stem);
        if (at < p->nstems)
            fr[at] = 1;
    }
}

/* Whether document d's text paragraphs hold stem. */
static int doc_has(const wt_document *d, uint64_t stem)
{
    const size_t at =
        wt_lower_bound_u64(d->stems, d->nstems, sizeof *d->stems, stem);
    return at < d->nstems && d->stems[at] == stem;
}

/* Whether t[from, to) holds a name or a number that document other never
 * mentions: another company, place or figure, not another way of naming
 * the same one. */
static int own_fact(const wt_token *t, size_t from, size_t to,
                    const wt_document *other)
{
    for (size_t i = from; i < to; i++)
        if ((t[i].flags & (WT_TOK_NAME | WT_TOK_NUMBER)) &&
            !(t[i].flags & WT_TOK_STOP) && !doc_has(other, t[i].stem))
            return 1;
    return 0;
}

/* Whether paragraph p names a name or number document other never
 * mentions. */
static int para_own_fact(const wt_para *p, const wt_document *other)
{
    for (size_t i = 0; i < p->nstems; i++)
        if ((p->stems[i].flags & (WT_TOK_NAME | WT_TOK_NUMBER)) &&
            !doc_has(other, p->stems[i].stem))
            return 1;
    return 0;
}

/* Ends of tiles where, within WT_SLOT_WORDS words outside the tile, each
 * side holds a name or number the other document lacks: the places a
 * formula is filled in. */
static size_t count_slots(const wt_token *ta, size_t na, const wt_document *a,
                          const wt_token *tb, size_t nb, const wt_document *b,
                          const run *tiles, size_t ntiles)
{
    const size_t w = WT_SLOT_WORDS;
    size_t slots = 0;
    for (size_t k = 0; k < ntiles; k++) {
        const size_t ia = tiles[k].ia, ib = tiles[k].ib;
        const size_t ea = ia + tiles[k].len, eb = ib + tiles[k].len;
        if (own_fact(ta, ia > w ? ia - w : 0, ia, b) &&
            own_fact(tb, ib > w ? ib - w : 0, ib, a))
            slots++;
        if (own_fact(ta, ea, ea + w < na ? ea + w : na, b) &&
            own_fact(tb, eb, eb + w < nb ? eb + w : nb, a))
            slots++;
    }
    return slots;
}

/* The shared weights of the pair (all, outside names, outside template
 * words) and its slots. */
static int template_figures(const wt_document *a, const wt_token *ta, size_t na,
                            const wt_para *pa, const wt_document *b,
                            const wt_token *tb, size_t nb, const wt_para *pb,
                            const wt_idf *idf, wt_match_scratch *sc,
                            size_t ntiles, wt_pair_score *out, size_t *nshared)
{
    const run *tiles = sc->tiles;
    uint8_t *ta_t = zeroed_marks(sc, na + nb + pa->nstems + pb->nstems + 4);
    if (!ta_t)
        return WT_ENOMEM;
    uint8_t *tb_t = ta_t + na + 1, *fa = tb_t + nb + 1;
    uint8_t *fb = fa + pa->nstems + 1;
    /* Without a slot nothing is a template: the words are looked up only
     * when one is found. */
    out->slots = count_slots(ta, na, a, tb, nb, b, tiles, ntiles);
    if (out->slots) {
        for (size_t k = 0; k < ntiles; k++)
            mark_template(ta, &tiles[k], idf, ta_t, tb_t);
        mark_free(pa, ta, na, ta_t, fa);
        mark_free(pb, tb, nb, tb_t, fb);
    } else {
        /* No template word: every content stem is free (a paragraph's
         * stems are those of its content words). */
        memset(fa, 1, pa->nstems);
        memset(fb, 1, pb->nstems);
    }
    out->shared_weight =
        shared_weight(pa, pb, idf, fa, fb, nshared, &out->plain_weight,
                      &out->words, &out->own_weight, &out->numbers);
    return 0;
}

int wt_match_paragraphs(const wt_document *a, const wt_para *pa,
                        const wt_document *b, const wt_para *pb,
                        const wt_idf *idf, unsigned min_span,
                        wt_match_scratch *sc, wt_pair_score *out)
{
    const wt_token *ta = a->toks.v + pa->tok_begin;
    const wt_token *tb = b->toks.v + pb->tok_begin;
    const size_t na = pa->tok_end - pa->tok_begin;
    const size_t nb = pb->tok_end - pb->tok_begin;
    size_t nruns = 0, ntiles = 0, ca = 0, cb = 0, nshared = 0;
    memset(out, 0, sizeof *out);
    int rc = find_runs(ta, na, tb, nb, sc, &nruns);
    if (!rc)
        rc = tile(ta, na, tb, nb, sc, nruns, min_span, out, &ca, &cb, &ntiles);
    if (!rc)
        rc = template_figures(a, ta, na, pa, b, tb, nb, pb, idf, sc, ntiles,
                              out, &nshared);
    if (rc) {
        wt_free(out->spans);
        memset(out, 0, sizeof *out);
        return rc;
    }
    out->cov_a = na ? (double)ca / na : 0;
    out->cov_b = nb ? (double)cb / nb : 0;
    if (nshared < WT_REWRITE_MIN_SHARED)
        out->shared_weight = out->plain_weight = out->own_weight = 0;
    else {
        out->own_a = para_own_fact(pa, b);
        out->own_b = para_own_fact(pb, a);
    }
    out->unit = log(1.0 + idf->npara);
    out->fact_a = pa->weight > 0 ? out->shared_weight / pa->weight : 0;
    out->fact_b = pb->weight > 0 ? out->shared_weight / pb->weight : 0;
    return 0;
}

/* The class of one side when the pair is a link. */
static int side_class(double cov_a, double cov_b, const wt_options *o,
                      int copy_link, double *score, double fact_a)
{
    /* Verbatim means the same text: both sides covered.  A paragraph that
     * was cut, merged or extended is an edit, however exact its words. */
    if (cov_a >= o->verbatim_min && cov_b >= o->verbatim_min) {
        *score = cov_a;
        return WT_CLASS_VERBATIM;
    }
    if (cov_a >= o->edited_min || copy_link) {
        /* The longer side of a copy: its paragraph was cut or edited to
         * make the other. */
        *score = cov_a > fact_a ? cov_a : fact_a;
        return WT_CLASS_EDITED;
    }
    *score = fact_a;
    return WT_CLASS_REWRITE;
}

int wt_match_below_floor(const wt_stem_ref *a, size_t na, const wt_stem_ref *b,
                         size_t nb, const wt_idf *idf, const wt_options *o)
{
    const double floor = o->evidence_min * log(1.0 + idf->npara);
    double w = 0;
    size_t i = 0, j = 0;
    /* Each step moves i, j or both by the comparison's value, not by a
     * branch: which side is behind is a coin toss the predictor loses. */
    while (i < na && j < nb && w < floor) {
        const uint64_t x = a[i].stem, y = b[j].stem;
        if (x == y) {
            wt_stem_ref s = a[i];
            s.flags |= b[j].flags;
            w += wt_idf_weight(idf, &s);
        }
        i += x <= y;
        j += y <= x;
    }
    return w < floor;
}

int wt_match_classify(const wt_pair_score *s, const wt_options *o, int same_doc,
                      double *score)
{
    if (same_doc) {
        *score = s->cov_a;
        return s->cov_a >= o->duplicate_min ? WT_CLASS_DUPLICATE : -1;
    }
    /* A link is a property of the pair, decided the same from both sides:
     * a copy when either side is mostly inside shared spans; a rewrite
     * when the shared facts are most of one side and a real part of the
     * other (not one line of a long story). */
    /* Either kind of link needs real shared evidence: a few common words
     * ("qtly div cts vs prior", "to get tough on") prove nothing, however
     * much of a short paragraph they make. */
    if (s->shared_weight < o->evidence_min * s->unit)
        return -1;
    /* A formula filled with other names or numbers is no evidence: what
     * the pair shares outside it must pass the same floor. */
    if (s->slots > 0 && s->own_weight < o->evidence_min * s->unit)
        return -1;
    /* A long run of the same content words is copied text however little
     * of either paragraph it makes: a quote lifted into a rewrite. */
    const int copy_link = s->cov_a >= o->edited_min ||
                          s->cov_b >= o->edited_min ||
                          s->longest_run >= WT_RUN_LINK_MIN;
    const double hi = s->fact_a > s->fact_b ? s->fact_a : s->fact_b;
    const double lo = s->fact_a > s->fact_b ? s->fact_b : s->fact_a;
    /* Facts that agree lower the bar; facts that disagree raise the
     * evidence floor. */
    const int agree = s->numbers > 0 && !s->own_a && !s->own_b;
    const double bar = o->rewrite_min * (agree ? WT_AGREE_REWRITE : 1.0);
    const double floor = o->evidence_min * s->unit *
                         (s->own_a && s->own_b ? WT_DISAGREE_EVIDENCE : 1.0);
    /* A rewrite keeps facts, not only who said them: a shared title and
     * name ("Principal Deputy National Security Adviser Kim Tae-hyo") is
     * not enough on its own. */
    /* ... and a word that is neither a name nor a number: figures and
     * names alone are what two items of one formula share. */
    const int rewrite_link =
        hi >= bar && lo >= bar / 2 && s->shared_weight >= floor &&
        s->plain_weight >= WT_REWRITE_PLAIN_SHARE * o->evidence_min * s->unit &&
        s->words > 0;
    if (!copy_link && !rewrite_link)
        return -1;
    return side_class(s->cov_a, s->cov_b, o, copy_link, score, s->fact_a);
}
