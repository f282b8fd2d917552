/*
 * translate.c - paragraphs linked across languages through an English pivot
 * (see translate.h).
 *
 * Lexicon and glossary lines are "word<TAB>english; english ...".  Both
 * sides go through the tokenizer of their language, so a headword is keyed
 * exactly as the same word in a text is: the hash of its stem, or for a
 * headword of several words (German phrases, Chinese read one character at
 * a time) a hash of its stems in order.  In a paragraph the longest
 * headword that fits is taken first.
 */
#include "translate.h"
#include "alloc.h"
#include "fileio.h"
#include "hmap.h"
#include "keys.h"
#include "parallel.h"
#include "postings.h"
#include "tuning.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <xxhash.h>

#define SKEL_SEED UINT64_C(0x736b656c65746f6e)

typedef struct lexicon {
    char code[16];
    wt_hmap map;    /* headword key -> (offset << 8 | count) + 1 */
    uint64_t *pool; /* English stem hashes */
    size_t npool, poolcap;
} lexicon;

/* One content word of a paragraph and the keys it may match. */
typedef struct unit {
    uint32_t first, count; /* into the paragraph's key list */
    double weight;
    int number; /* a number: anchors a link, never makes one alone */
} unit;

typedef struct pivot {
    uint64_t *keys; /* units' keys, in unit order */
    size_t nkeys, keycap;
    unit *units;
    size_t nunits, unitcap;
    uint64_t *set; /* sorted unique keys */
    size_t nset;
    double weight;
    uint32_t doc, para;
    int lang; /* index into the stage's languages */
} pivot;

typedef struct tstage {
    wt_document *const *docs;
    size_t ndocs;
    uint64_t seed;
    double link_share; /* wt_options' translation_min */
    wt_langset *langs;
    wt_links *links;
    size_t en; /* English language context */
    lexicon *lex;
    size_t nlex;
    unsigned nthreads;
    UTransliterator **latin; /* one a thread: they are not shared */
    pivot *pv;
    size_t npv, pvcap;
    wt_hmap df;
    wt_token_vec tv;
    wt_hmap seen; /* (language, word beginning) of every word in the text */
} tstage;

const char *wt_default_lexicon_dir(void) { return WT_LEXICON_DIR; }

static uint64_t mix(uint64_t h, uint64_t s)
{
    return XXH3_64bits_withSeed(&s, sizeof s, h);
}

size_t wt_translate_skeleton(const char *w, size_t n, char *out, size_t cap)
{
    static const char *cls[] = {"kgcq", "td", "pbfv", "rl", "szjx", "m", "n"};
    static const char mark[] = "ktprsmn";
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        for (size_t j = 0; j < sizeof mark - 1; j++)
            if (c >= 'a' && c <= 'z' && strchr(cls[j], c)) {
                if (!k || out[k - 1] != mark[j])
                    out[k++] = mark[j];
                break;
            }
    }
    out[k] = '\0';
    return k;
}

/* The content tokens of t[s, e) read in language li. */
static int words(tstage *t, size_t li, const wt_text *txt, int32_t s, int32_t e)
{
    const wt_lang_ctx *l = wt_langset_at(t->langs, li);
    t->tv.n = 0;
    int rc = wt_tokenize(l->tok, txt, s, e, 0, l->prof, l->stemmer, &t->tv);
    size_t k = 0;
    for (size_t i = 0; i < t->tv.n; i++)
        if (!(t->tv.v[i].flags & WT_TOK_STOP))
            t->tv.v[k++] = t->tv.v[i];
    t->tv.n = k;
    return rc;
}

static uint64_t head_key(const wt_token *v, size_t n)
{
    uint64_t h = v[0].stem;
    for (size_t i = 1; i < n; i++)
        h = mix(h, v[i].stem);
    return h;
}

/* English stems of "english; english ..." in u[s, e) onto the pool. */
static int add_english(tstage *t, lexicon *lx, const wt_text *txt, int32_t s,
                       int32_t e, size_t *count)
{
    int rc = 0;
    for (int32_t a = s; a < e && !rc;) {
        int32_t b = a;
        while (b < e && txt->u[b] != ';')
            b++;
        if ((rc = words(t, t->en, txt, a, b)))
            break;
        for (size_t i = 0; i < t->tv.n && *count < WT_LEX_MAX_KEYS; i++) {
            const uint64_t k = t->tv.v[i].stem;
            int dup = 0;
            for (size_t j = lx->npool - *count; j < lx->npool; j++)
                dup |= lx->pool[j] == k;
            if (dup)
                continue;
            if (wt_grow(&lx->pool, &lx->poolcap, lx->npool + 1,
                        sizeof *lx->pool))
                return WT_ENOMEM;
            lx->pool[lx->npool++] = k;
            ++*count;
        }
        a = b + 1;
    }
    return rc;
}

/*
 * The key of a word's beginning: its first three letters, case folded (one
 * character in scripts written without spaces, where words are short).
 * Lexicon lines whose headword begins with no word of the text are not
 * read: most of a large dictionary never occurs in a corpus, and reading
 * a line (word break, stemming) is what loading costs.
 */
static uint64_t beginning(const UChar *u, int32_t n, size_t li)
{
    UChar f[16];
    UErrorCode err = U_ZERO_ERROR;
    int32_t fl =
        u_strFoldCase(f, 16, u, n < 4 ? n : 4, U_FOLD_CASE_DEFAULT, &err);
    if (U_FAILURE(err) && err != U_BUFFER_OVERFLOW_ERROR)
        return 1;
    fl = fl < 16 ? fl : 16;
    const int32_t want = f[0] < 0x2E80 ? 3 : U16_IS_LEAD(f[0]) ? 2 : 1;
    if (fl > want)
        fl = want;
    return XXH3_64bits_withSeed(f, (size_t)fl * sizeof *f, li + 1);
}

/* Notes the beginning of every word of the text paragraphs in li. */
static int note_beginnings(tstage *t, size_t li)
{
    const char *code = wt_langset_at(t->langs, li)->code;
    int rc = 0;
    for (size_t d = 0; d < t->ndocs && !rc; d++) {
        const wt_document *doc = t->docs[d];
        for (size_t p = 0; p < doc->npara && !rc; p++) {
            const wt_para *pa = &doc->paras[p];
            if (pa->pub.boiler != WT_BOILER_NONE || strcmp(pa->lang, code))
                continue;
            for (size_t i = pa->tok_begin; i < pa->tok_end && !rc; i++) {
                const int32_t s = wt_text_index_at(&doc->text,
                                                   doc->toks.v[i].start),
                              e = wt_text_index_at(&doc->text,
                                                   doc->toks.v[i].end);
                /* after an elided article too: "l'armée" */
                for (int32_t a = s; a < e && a < s + 4 && !rc; a++) {
                    if (a > s && doc->text.u[a - 1] != '\'' &&
                        doc->text.u[a - 1] != 0x2019)
                        continue;
                    if (!wt_hmap_slot(&t->seen,
                                      beginning(doc->text.u + a, e - a, li)))
                        rc = WT_ENOMEM;
                }
            }
        }
    }
    return rc;
}

/*
 * Adds the English words of u[s, e) to the headword in t->tv.  Headwords
 * with one key ("straße", "straßen") share their English words: the entry
 * is copied to the end of the pool and grows there.
 */
static int add_entry(tstage *t, lexicon *lx, const wt_text *txt, int32_t s,
                     int32_t e)
{
    const uint64_t key = head_key(t->tv.v, t->tv.n);
    uint64_t *slot = wt_hmap_slot(&lx->map, key);
    if (!slot)
        return WT_ENOMEM;
    const size_t off = lx->npool;
    size_t count = 0;
    if (*slot) {
        const size_t from = (size_t)((*slot - 1) >> 8);
        count = (size_t)((*slot - 1) & 0xff);
        if (count >= WT_LEX_MAX_KEYS)
            return 0;
        if (wt_grow(&lx->pool, &lx->poolcap, lx->npool + count,
                    sizeof *lx->pool))
            return WT_ENOMEM;
        memmove(lx->pool + off, lx->pool + from, count * sizeof *lx->pool);
        lx->npool += count;
    }
    int rc = add_english(t, lx, txt, s, e, &count);
    if (!rc && count)
        *wt_hmap_slot(&lx->map, key) = ((uint64_t)off << 8 | count) + 1;
    return rc;
}

/* Adds the entries of the whole lines bytes[0, n) of a lexicon. */
static int load_lines(tstage *t, lexicon *lx, size_t li, const char *bytes,
                      size_t n, size_t min_words)
{
    wt_text txt = {0};
    wt_decode_report rep = {0};
    int rc = wt_text_decode(&txt, bytes, n, "UTF-8", &rep);
    for (int32_t s = 0; s < txt.len && !rc;) {
        int32_t tab = -1, e = s;
        while (e < txt.len && txt.u[e] != '\n') {
            if (txt.u[e] == '\t' && tab < 0)
                tab = e;
            e++;
        }
        int32_t w = s; /* the headword's first word */
        while (w < tab && txt.u[w] != ' ')
            w++;
        if (tab > s && txt.u[s] != '#' &&
            wt_hmap_get(&t->seen, beginning(txt.u + s, w - s, li)) &&
            !(rc = words(t, li, &txt, s, tab)) && t->tv.n >= min_words &&
            t->tv.n && t->tv.n <= WT_LEX_MAX_HEAD &&
            !(t->tv.v[0].flags & WT_TOK_NUMBER)) {
            rc = add_entry(t, lx, &txt, tab + 1, e);
        }
        s = e + 1;
    }
    wt_text_release(&txt);
    return rc;
}

/* The end of the whole lines of bytes[at, n) that fit in WT_LEX_CHUNK
 * bytes (one line at least). */
static size_t lines_end(const char *bytes, size_t n, size_t at)
{
    if (n - at <= WT_LEX_CHUNK)
        return n;
    size_t end = at + WT_LEX_CHUNK;
    while (end > at && bytes[end - 1] != '\n')
        end--;
    if (end > at)
        return end;
    const char *nl = memchr(bytes + at, '\n', n - at);
    return nl ? (size_t)(nl - bytes) + 1 : n;
}

/* Adds the entries of one lexicon or glossary file; a missing file adds
 * nothing.  Lines are decoded a chunk at a time: a dictionary of tens of
 * megabytes as UTF-16 with its offset map would take seven times its
 * size at once. */
static int load_file(tstage *t, lexicon *lx, size_t li, const char *path,
                     size_t min_words)
{
    char *buf = NULL;
    size_t n = 0;
    if (wt_read_file(path, &buf, &n))
        return 0;
    int rc = 0;
    for (size_t at = 0; at < n && !rc;) {
        const size_t end = lines_end(buf, n, at);
        rc = load_lines(t, lx, li, buf + at, end - at, min_words);
        at = end;
    }
    wt_free(buf);
    return rc;
}

/*
 * Languages that also read a close one's lexicon, and how many words a
 * borrowed headword needs: shared roots still match.  (Chinese has its
 * own lexicon of the Japanese kanji words, built in simplified
 * characters.)
 */
static const struct kin {
    const char *lang, *from;
    size_t min_words;
} kin[] = {{"uk", "ru", 1}, {"be", "ru", 1}};

static lexicon *lexicon_of(const tstage *t, const char *code)
{
    for (size_t i = 0; i < t->nlex; i++)
        if (!strcmp(t->lex[i].code, code))
            return &t->lex[i];
    return NULL;
}

/* The lexicon and glossary of language li, loaded once. */
static int load_lexicon(tstage *t, size_t li)
{
    const char *code = wt_langset_at(t->langs, li)->code;
    if (li == t->en || lexicon_of(t, code))
        return 0;
    lexicon *v = wt_realloc(t->lex, (t->nlex + 1) * sizeof *v);
    if (!v)
        return WT_ENOMEM;
    t->lex = v;
    lexicon *lx = &v[t->nlex++];
    memset(lx, 0, sizeof *lx);
    snprintf(lx->code, sizeof lx->code, "%s", code);
    char path[4096];
    int rc = wt_hmap_init(&lx->map, 1024);
    if (!rc)
        rc = note_beginnings(t, li);
    snprintf(path, sizeof path, "%s/%s/glossary.txt", wt_langset_dir(t->langs),
             code);
    if (!rc)
        rc = load_file(t, lx, li, path, 1);
    snprintf(path, sizeof path, "%s/%s-en.txt", wt_default_lexicon_dir(), code);
    if (!rc)
        rc = load_file(t, lx, li, path, 1);
    /* A language without a dictionary package borrows a close one's,
     * read with its own profile: shared roots still match. */
    for (size_t i = 0; !rc && i < sizeof kin / sizeof *kin; i++)
        if (!strcmp(code, kin[i].lang)) {
            snprintf(path, sizeof path, "%s/%s-en.txt",
                     wt_default_lexicon_dir(), kin[i].from);
            rc = load_file(t, lx, li, path, kin[i].min_words);
        }
    return rc;
}

static int push_key(pivot *p, uint64_t k)
{
    for (size_t i = p->units[p->nunits - 1].first; i < p->nkeys; i++)
        if (p->keys[i] == k)
            return 0;
    if (wt_grow(&p->keys, &p->keycap, p->nkeys + 1, sizeof *p->keys))
        return WT_ENOMEM;
    p->keys[p->nkeys++] = k;
    p->units[p->nunits - 1].count++;
    return 0;
}

/* The arrays of a built pivot fitted to what they hold: every text
 * paragraph of a corpus in two languages has one, all held at once,
 * and arrays grown by doubling are a third empty on average. */
static void fit_pivot(pivot *p)
{
    wt_shrink(&p->keys, &p->keycap, p->nkeys, sizeof *p->keys);
    wt_shrink(&p->units, &p->unitcap, p->nunits, sizeof *p->units);
    wt_shrink(&p->set, NULL, p->nset, sizeof *p->set);
}

/* Token text through "Any-Latin; Latin-ASCII", letters only, lowercase,
 * in out and its length in *len.  The transliterator is opened for the
 * first word not in Latin letters: most corpora have none, and opening it
 * costs as much as the rest of the stage on a query's few documents.
 * Returns 0 or WT_EICU. */
static int ascii_of(UTransliterator **tr, const wt_text *txt,
                    const wt_token *tok, char *out, size_t cap, size_t *len,
                    int *latin, int *hangul)
{
    const int32_t s = wt_text_index_at(txt, tok->start),
                  e = wt_text_index_at(txt, tok->end);
    UChar u[256];
    int32_t n = e - s < 64 ? e - s : 64, limit;
    memcpy(u, txt->u + s, (size_t)n * sizeof *u);
    *latin = 1;
    *hangul = 0;
    for (int32_t i = 0; i < n; i++) {
        *latin &= u[i] < 0x250;
        *hangul += u[i] >= 0xAC00 && u[i] <= 0xD7A3;
    }
    UErrorCode err = U_ZERO_ERROR;
    limit = n;
    if (!*latin && !*tr) {
        *tr = utrans_openU(u"Any-Latin; Latin-ASCII", -1, UTRANS_FORWARD, NULL,
                           0, NULL, &err);
        if (U_FAILURE(err))
            return WT_EICU;
    }
    if (!*latin)
        utrans_transUChars(*tr, u, &n, 256, 0, &limit, &err);
    size_t k = 0;
    for (int32_t i = 0; U_SUCCESS(err) && i < n && k + 1 < cap; i++)
        if ((u[i] >= 'a' && u[i] <= 'z') || (u[i] >= 'A' && u[i] <= 'Z'))
            out[k++] = (char)(u[i] | 0x20);
    out[k] = '\0';
    *len = k;
    return 0;
}

static int push_skeleton(const tstage *t, pivot *p, const char *a, size_t n)
{
    char sk[64];
    const size_t k = wt_translate_skeleton(a, n, sk, sizeof sk);
    if (k < 3)
        return 0;
    return push_key(p, XXH3_64bits_withSeed(sk, k, t->seed ^ SKEL_SEED));
}

/* Name anchors of token i: its skeleton (for a word in another script
 * always, as Hangul and Cyrillic have no capitals to go by; a Korean word
 * also without one or two final syllables, which may be particles), its
 * plain romanization, and the skeleton of the capitalized run it ends. */
static int anchors(const tstage *t, UTransliterator **tr, pivot *p,
                   const wt_document *d, const wt_token *v, size_t i,
                   char (*run)[64], size_t *runlen)
{
    char a[64];
    int latin, hangul;
    size_t n = 0;
    int rc = ascii_of(tr, &d->text, &v[i], a, sizeof a, &n, &latin, &hangul);
    if (rc)
        return rc;
    const int name = (v[i].flags & WT_TOK_NAME) != 0;
    if (!latin && n >= 3)
        rc = push_key(p, XXH3_64bits_withSeed(a, n, t->seed));
    if (!rc && (!latin || name))
        rc = push_skeleton(t, p, a, n);
    for (int cut = 1; !rc && cut <= 2 && hangul - cut >= 2; cut++) {
        /* romanized syllables have no fixed length: cut by proportion */
        const size_t keep = n * (size_t)(hangul - cut) / (size_t)hangul;
        rc = push_skeleton(t, p, a, keep);
    }
    /* run[0..2]: romanized previous capitalized words, nearest first */
    const int cont = name && i > 0 && (v[i - 1].flags & WT_TOK_NAME) &&
                     v[i - 1].end + 2 >= v[i].start;
    if (!cont)
        *runlen = 0;
    if (name) {
        char joined[200];
        size_t jl = 0;
        for (size_t r = *runlen; !rc && r > 0; r--) {
            jl = 0;
            for (size_t q = r; q > 0; q--)
                jl += (size_t)snprintf(joined + jl, sizeof joined - jl, "%s",
                                       run[q - 1]);
            jl += (size_t)snprintf(joined + jl, sizeof joined - jl, "%s", a);
            rc = push_skeleton(t, p, joined, jl);
        }
        memmove(run[1], run[0], 2 * sizeof run[0]);
        snprintf(run[0], sizeof run[0], "%s", a);
        if (*runlen < 2)
            ++*runlen;
    }
    return rc;
}

/* The longest headword of lx at content token i: its English stems. */
static size_t lookup(const lexicon *lx, const wt_token *v, size_t i, size_t n,
                     const uint64_t **keys, size_t *count)
{
    for (size_t len = n - i < WT_LEX_MAX_HEAD ? n - i : WT_LEX_MAX_HEAD;
         lx && len; len--) {
        const uint64_t *x = wt_hmap_get(&lx->map, head_key(v + i, len));
        if (x && *x) { /* 0: a headword without English words */
            *keys = lx->pool + ((*x - 1) >> 8);
            *count = (size_t)((*x - 1) & 0xff);
            return len;
        }
    }
    return 0;
}

/* The units of paragraph p->para of document p->doc, read in language
 * p->lang; tr: the calling thread's transliterator. */
static int build_pivot(const tstage *t, UTransliterator **tr, pivot *p)
{
    const wt_document *d = t->docs[p->doc];
    const wt_para *pa = &d->paras[p->para];
    const lexicon *lx =
        lexicon_of(t, wt_langset_at(t->langs, (size_t)p->lang)->code);
    wt_token *v = wt_malloc((pa->tok_end - pa->tok_begin + 1) * sizeof *v);
    if (!v)
        return WT_ENOMEM;
    size_t n = 0;
    for (size_t i = pa->tok_begin; i < pa->tok_end; i++)
        if (!(d->toks.v[i].flags & WT_TOK_STOP))
            v[n++] = d->toks.v[i];
    char run[3][64];
    size_t runlen = 0;
    int rc = 0;
    for (size_t i = 0; i < n && !rc;) {
        if (wt_grow(&p->units, &p->unitcap, p->nunits + 1, sizeof *p->units)) {
            rc = WT_ENOMEM;
            break;
        }
        p->units[p->nunits++] =
            (unit){(uint32_t)p->nkeys, 0, 0, (v[i].flags & WT_TOK_NUMBER) != 0};
        const uint64_t *keys = NULL;
        size_t count = 0;
        size_t len = (v[i].flags & WT_TOK_NUMBER)
                         ? 0
                         : lookup(lx, v, i, n, &keys, &count);
        for (size_t k = 0; k < count && !rc; k++)
            rc = push_key(p, keys[k]);
        if (!len)
            len = 1;
        for (size_t k = 0; k < len && !rc; k++) {
            rc = push_key(p, v[i + k].stem);
            if (!rc && !(v[i + k].flags & WT_TOK_NUMBER))
                rc = anchors(t, tr, p, d, v, i + k, run, &runlen);
        }
        i += len;
    }
    wt_free(v);
    if (rc)
        return rc;
    if (!(p->set = wt_malloc((p->nkeys + 1) * sizeof *p->set)))
        return WT_ENOMEM;
    if (p->nkeys)
        memcpy(p->set, p->keys, p->nkeys * sizeof *p->set);
    p->nset = wt_sort_unique_u64(p->set, p->nkeys);
    fit_pivot(p);
    return 0;
}

/* A key's entry in t->df: the pivots holding it above DF_COUNT, and the
 * language of the first one (its index + 1) below, with DF_LANGS set once
 * a pivot in another language holds it too: only such a key can join two
 * paragraphs. */
#define DF_COUNT 17
#define DF_LANGS ((uint64_t)1 << 16)
#define DF_LANG (DF_LANGS - 1)

static double idf(const tstage *t, uint64_t k)
{
    const uint64_t *df = wt_hmap_get(&t->df, k);
    return log(1.0 + (double)t->npv / (double)(df ? *df >> DF_COUNT : 1));
}

/* Is key k held by pivots in two languages or more? */
static int between_languages(const tstage *t, uint64_t k)
{
    const uint64_t *df = wt_hmap_get(&t->df, k);
    return df && (*df & DF_LANGS);
}

/* Does paragraph pa of d take part in translation links?  Text in a known
 * language only: a paragraph whose language could not be told (a table
 * of figures, a line of symbols) is in no language to translate from.
 * A document CLD2 reliably identified in a language without a profile
 * (Croatian) is read with the generic one and still takes part. */
static int translatable(const wt_document *d, const wt_para *pa)
{
    if (pa->pub.boiler != WT_BOILER_NONE)
        return 0;
    return strcmp(pa->lang, "und") ||
           (!strcmp(d->lang, "und") && d->lang_reliable);
}

static int pivot_one(void *ctx, unsigned thread, size_t i)
{
    tstage *t = ctx;
    return build_pivot(t, &t->latin[thread], &t->pv[i]);
}

/* Every pivot listed, on the stage's threads: a pivot reads only its
 * paragraph and the lexicons, loaded before. */
static int build_pivots(tstage *t)
{
    if (!(t->latin = wt_calloc(t->nthreads, sizeof *t->latin)))
        return WT_ENOMEM;
    return wt_parallel_for(t->nthreads, t->npv, pivot_one, t);
}

/* Pivots of all text paragraphs; 0 pivots when there is one language. */
static int build_all(tstage *t)
{
    size_t first = (size_t)-1;
    int many = 0, rc = 0;
    for (size_t d = 0; d < t->ndocs && !rc; d++)
        for (size_t p = 0; p < t->docs[d]->npara && !rc; p++) {
            const wt_para *pa = &t->docs[d]->paras[p];
            size_t li;
            if (!translatable(t->docs[d], pa) ||
                (rc = wt_langset_get(t->langs, pa->lang, &li)))
                continue;
            many |= first != (size_t)-1 && li != first;
            if (first == (size_t)-1)
                first = li;
        }
    if (rc || !many)
        return rc;
    if ((rc = wt_langset_get(t->langs, "en", &t->en)))
        return rc;
    for (size_t d = 0; d < t->ndocs && !rc; d++)
        for (size_t p = 0; p < t->docs[d]->npara && !rc; p++) {
            const wt_para *pa = &t->docs[d]->paras[p];
            size_t li;
            if (!translatable(t->docs[d], pa) ||
                (rc = wt_langset_get(t->langs, pa->lang, &li)) ||
                (rc = load_lexicon(t, li)))
                continue;
            if (wt_grow(&t->pv, &t->pvcap, t->npv + 1, sizeof *t->pv))
                return WT_ENOMEM;
            pivot *pv = &t->pv[t->npv++];
            memset(pv, 0, sizeof *pv);
            pv->doc = (uint32_t)d;
            pv->para = (uint32_t)p;
            pv->lang = (int)li;
        }
    return rc ? rc : build_pivots(t);
}

/* Key frequencies, then unit weights: a unit weighs what its commonest
 * key weighs, so many translations do not make a word heavy. */
static int weigh(tstage *t)
{
    int rc = wt_hmap_init(&t->df, 1024);
    for (size_t i = 0; i < t->npv && !rc; i++)
        for (size_t k = 0; k < t->pv[i].nset; k++) {
            uint64_t *v = wt_hmap_slot(&t->df, t->pv[i].set[k]);
            if (!v) {
                rc = WT_ENOMEM;
                break;
            }
            const uint64_t lang = ((uint64_t)t->pv[i].lang + 1) & DF_LANG;
            if (!(*v & DF_LANG))
                *v |= lang;
            else if ((*v & DF_LANG) != lang)
                *v |= DF_LANGS;
            *v += (uint64_t)1 << DF_COUNT;
        }
    for (size_t i = 0; i < t->npv && !rc; i++) {
        pivot *p = &t->pv[i];
        p->weight = 0;
        for (size_t u = 0; u < p->nunits; u++) {
            double w = INFINITY;
            for (uint32_t k = 0; k < p->units[u].count; k++)
                w = fmin(w, idf(t, p->keys[p->units[u].first + k]));
            p->units[u].weight = p->units[u].count ? w : 0;
            p->weight += p->units[u].weight;
        }
    }
    return rc;
}

static int has(const pivot *p, uint64_t k)
{
    return bsearch(&k, p->set, p->nset, sizeof k, wt_cmp_u64) != NULL;
}

/* Share of a's unit weight found in b, how many units, and how many of
 * them are words (not numbers). */
static double found_in(const pivot *a, const pivot *b, size_t *units,
                       size_t *words)
{
    double w = 0;
    *units = *words = 0;
    for (size_t u = 0; u < a->nunits; u++)
        for (uint32_t k = 0; k < a->units[u].count; k++)
            if (has(b, a->keys[a->units[u].first + k])) {
                w += a->units[u].weight;
                ++*units;
                *words += !a->units[u].number;
                break;
            }
    return a->weight > 0 ? w / a->weight : 0;
}

/* A candidate pair and the share of each side found in the other. */
typedef struct cand {
    uint32_t x, y;
    double fa, fb;
    int strong;
    int in_order; /* only as a neighbour of linked pairs (WT_TR_ORDER_SHARE) */
} cand;

static uint64_t doc_key(const tstage *t, const cand *k)
{
    return wt_pair_key_sorted(t->pv[k->x].doc, t->pv[k->y].doc);
}

static double harmonic(const cand *k)
{
    return 2 * k->fa * k->fb / (k->fa + k->fb);
}

static int link(tstage *t, const cand *k)
{
    const pivot *a = &t->pv[k->x], *b = &t->pv[k->y];
    const double s = harmonic(k);
    int rc = wt_link_record(t->links, t->docs, a->doc, a->para, b->doc, b->para,
                            WT_CLASS_TRANSLATION, s, k->fa);
    if (!rc)
        rc = wt_link_record(t->links, t->docs, b->doc, b->para, a->doc, a->para,
                            WT_CLASS_TRANSLATION, s, k->fb);
    return rc;
}

static uint64_t best_key(uint32_t x, int lang)
{
    return (uint64_t)x << 16 | (uint64_t)lang;
}

/* Best score of pivot x against a paragraph in language lang. */
static double best_get(const wt_hmap *best, uint32_t x, int lang)
{
    const uint64_t *v = wt_hmap_get(best, best_key(x, lang));
    double d = 0;
    if (v)
        memcpy(&d, v, sizeof d);
    return d;
}

static int best_put(wt_hmap *best, uint32_t x, int lang, double h)
{
    uint64_t *v = wt_hmap_slot(best, best_key(x, lang));
    if (!v)
        return WT_ENOMEM;
    double d;
    memcpy(&d, v, sizeof d); /* a new slot holds 0 bits: 0.0 */
    d = fmax(d, h);
    memcpy(v, &d, sizeof d);
    return 0;
}

/* The pivot of the paragraph before (step -1) or after (+1) x in its
 * document, or UINT32_MAX. */
static uint32_t neighbour(const tstage *t, uint32_t x, int step)
{
    const uint32_t n = x + (uint32_t)step;
    if ((step < 0 && x == 0) || n >= t->npv || t->pv[n].doc != t->pv[x].doc)
        return UINT32_MAX;
    return n;
}

/* Translated articles keep their paragraph order: a weak pair (each side
 * finds WT_TR_ORDER_SHARE of itself in the other) is accepted when the pair of
 * the paragraphs just before both, or just after both, is linked.  Only
 * links accepted before this pass count, so acceptance does not spread
 * along a document. */
static int accept_in_order(tstage *t, cand *v, size_t n)
{
    wt_hmap ok = {0};
    int rc = wt_hmap_init(&ok, n + 1);
    for (size_t i = 0; i < n && !rc; i++)
        if (v[i].strong && !wt_hmap_slot(&ok, wt_pair_key(v[i].x, v[i].y)))
            rc = WT_ENOMEM;
    for (size_t i = 0; i < n && !rc; i++) {
        if (v[i].strong)
            continue;
        int linked = 0;
        for (int step = -1; step <= 1; step += 2) {
            const uint32_t a = neighbour(t, v[i].x, step);
            const uint32_t b = neighbour(t, v[i].y, step);
            linked += a != UINT32_MAX && b != UINT32_MAX &&
                      wt_hmap_get(&ok, wt_pair_key(a, b)) != NULL;
        }
        v[i].strong = linked > 0;
    }
    wt_hmap_release(&ok);
    return rc;
}

/*
 * A pair is linked when each side finds t->link_share of its weight in the
 * other, in WT_TR_MIN_UNITS words or more (strong), or when another pair of the
 * same two documents is strong and each side finds WT_TR_WEAK_SHARE in
 * WT_TR_MIN_WEAK_UNITS words, or t->link_share in one: a translated article is
 * translated paragraph by paragraph, and a lone weak pair is more often
 * two stories on one topic.
 * A paragraph has one translation per language, give or take a reprint:
 * pairs scoring under WT_TR_BEST_RATIO of either side's best in the other's
 * language are dropped.
 */
static int link_all(tstage *t, cand *v, size_t n)
{
    wt_hmap strong = {0}, best = {0};
    int rc = wt_hmap_init(&strong, n + 1);
    if (!rc)
        rc = wt_hmap_init(&best, 2 * n + 1);
    for (size_t i = 0; i < n && !rc; i++) {
        if (!v[i].strong)
            continue;
        uint64_t *s = wt_hmap_slot(&strong, doc_key(t, &v[i]));
        if (!s)
            rc = WT_ENOMEM;
        else
            ++*s;
    }
    for (size_t i = 0; i < n && !rc; i++) {
        const uint64_t *s = wt_hmap_get(&strong, doc_key(t, &v[i]));
        const uint64_t others = (s ? *s : 0) - (uint64_t)v[i].strong;
        /* now: accepted */
        v[i].strong = v[i].strong || (others > 0 && !v[i].in_order);
    }
    if (!rc)
        rc = accept_in_order(t, v, n);
    for (size_t i = 0; i < n && !rc; i++) {
        if (!v[i].strong)
            continue;
        const double h = harmonic(&v[i]);
        rc = best_put(&best, v[i].x, t->pv[v[i].y].lang, h);
        if (!rc)
            rc = best_put(&best, v[i].y, t->pv[v[i].x].lang, h);
    }
    const double ratio = WT_TR_BEST_RATIO;
    for (size_t i = 0; i < n && !rc; i++) {
        if (!v[i].strong)
            continue;
        const double h = harmonic(&v[i]);
        if (h >= ratio * best_get(&best, v[i].x, t->pv[v[i].y].lang) &&
            h >= ratio * best_get(&best, v[i].y, t->pv[v[i].x].lang))
            rc = link(t, &v[i]);
    }
    wt_hmap_release(&strong);
    wt_hmap_release(&best);
    return rc;
}

static int score(tstage *t, uint32_t x, uint32_t y, cand **v, size_t *n,
                 size_t *cap)
{
    const pivot *a = &t->pv[x], *b = &t->pv[y];
    size_t ua, ub, wa, wb;
    const double fa = found_in(a, b, &ua, &wa), fb = found_in(b, a, &ub, &wb);
    /* Numbers alone (an earnings table beside a story) are no translation,
     * nor is a neighbour that shares no word. */
    if (!wa || !wb)
        return 0;
    const int fair = fa >= WT_TR_WEAK_SHARE && fb >= WT_TR_WEAK_SHARE &&
                     ua >= WT_TR_MIN_WEAK_UNITS && ub >= WT_TR_MIN_WEAK_UNITS;
    const int lone = fa >= t->link_share && fb >= t->link_share && ua && ub;
    const int in_order =
        fa >= WT_TR_ORDER_SHARE && fb >= WT_TR_ORDER_SHARE && ua && ub;
    if (!fair && !lone && !in_order)
        return 0;
    if (wt_grow(v, cap, *n + 1, sizeof **v))
        return WT_ENOMEM;
    (*v)[(*n)++] = (cand){x,
                          y,
                          fa,
                          fb,
                          fa >= t->link_share && fb >= t->link_share &&
                              ua >= WT_TR_MIN_UNITS && ub >= WT_TR_MIN_UNITS,
                          !fair && !lone};
    return 0;
}

/* Adds to acc, for each pair of pivots in different languages and
 * documents that holds the key of run [i, j), the key's weight. */
static int sum_run(const tstage *t, const wt_postings *post, size_t i, size_t j,
                   wt_hmap *acc)
{
    if (j - i > WT_TR_POSTING_CAP)
        return 0;
    const uint64_t add = (uint64_t)(idf(t, post->v[i].key) * 1000.0);
    for (size_t x = i; x < j; x++)
        for (size_t y = x + 1; y < j; y++) {
            const uint32_t px = post->v[x].id, py = post->v[y].id;
            const pivot *a = &t->pv[px], *b = &t->pv[py];
            if (a->lang == b->lang || a->doc == b->doc)
                continue;
            uint64_t *sum = wt_hmap_slot(acc, wt_pair_key(px, py));
            if (!sum)
                return WT_ENOMEM;
            *sum += add;
        }
    return 0;
}

/* Pairs in different languages and documents that share rare keys.  The
 * keys of one language only are left out of the postings: their runs
 * join no pair (in a corpus of one main language, most keys). */
static int candidates(tstage *t)
{
    wt_postings post = {0};
    wt_hmap acc = {0};
    cand *v = NULL;
    size_t nv = 0, cap = 0;
    int rc = wt_hmap_init(&acc, 1024);
    for (size_t i = 0; i < t->npv && !rc; i++)
        for (size_t k = 0; k < t->pv[i].nset && !rc; k++)
            if (between_languages(t, t->pv[i].set[k]))
                rc = wt_postings_add(&post, t->pv[i].set[k], (uint32_t)i, 0);
    wt_postings_sort(&post, t->nthreads);
    for (size_t i = 0, j; i < post.n && !rc; i = j) {
        j = wt_postings_run_end(&post, i, 0);
        rc = sum_run(t, &post, i, j, &acc);
    }
    wt_postings_release(&post);
    uint64_t key, sum;
    for (size_t pos = 0; !rc && wt_hmap_next(&acc, &pos, &key, &sum);) {
        const uint32_t x = (uint32_t)(key >> 32), y = (uint32_t)key;
        const double smaller = fmin(t->pv[x].weight, t->pv[y].weight);
        if ((double)sum / 1000.0 >= WT_TR_CANDIDATE_SHARE * smaller)
            rc = score(t, x, y, &v, &nv, &cap);
    }
    wt_hmap_release(&acc);
    if (!rc)
        rc = link_all(t, v, nv);
    wt_free(v);
    return rc;
}

int wt_translate_run(wt_document *const *docs, size_t ndocs,
                     const wt_options *o, wt_langset *langs, wt_links *links)
{
    tstage t = {0};
    t.docs = docs;
    t.ndocs = ndocs;
    t.seed = o->seed;
    t.link_share = o->translation_min;
    t.langs = langs;
    t.links = links;
    t.nthreads = wt_parallel_threads(o->threads);
    int rc = wt_hmap_init(&t.seen, 1024);
    if (!rc)
        rc = build_all(&t);
    if (!rc && t.npv)
        rc = weigh(&t);
    if (!rc && t.npv)
        rc = candidates(&t);
    for (size_t i = 0; i < t.npv; i++) {
        wt_free(t.pv[i].keys);
        wt_free(t.pv[i].units);
        wt_free(t.pv[i].set);
    }
    for (size_t i = 0; i < t.nlex; i++) {
        wt_hmap_release(&t.lex[i].map);
        wt_free(t.lex[i].pool);
    }
    wt_free(t.lex);
    wt_free(t.pv);
    wt_free(t.tv.v);
    wt_hmap_release(&t.df);
    wt_hmap_release(&t.seen);
    for (unsigned i = 0; t.latin && i < t.nthreads; i++)
        if (t.latin[i])
            utrans_close(t.latin[i]);
    wt_free(t.latin);
    return rc;
}
