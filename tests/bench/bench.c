/*
 * bench.c - the measurements behind tests/bench/run.sh.  Each mode reads
 * articles from JSON Lines and prints one "key value" line per figure.
 * Speeds are per core: bytes over CPU time of the threads that did the
 * work, so other load on the machine does not lower them.
 *
 *   bench limit FILE          the chain limit: ICU word break, Snowball
 *                             stemming and XXH3 of each stem, alone
 *   bench prepare FILE JOBS   wiretrace's per-article analysis (the work of
 *                             `index add` before the write), JOBS threads
 *   bench minhash FILE        k-permutation MinHash vs one-permutation
 *                             hashing with densification, same shingles
 *   bench query DB FILE       latency of wt_index_query, p50 and p99
 */
#define _GNU_SOURCE
#include "alloc.h"
#include "corpus.h"
#include "sketch.h"
#include "wiretrace.h"

#include <jansson.h>
#include <math.h>
#include <libstemmer.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <xxhash.h>
#include <unicode/ustring.h>

typedef struct art {
    char *id, *lang;
    char *origin; /* "derived_from": the indexed story it copies, or NULL */
    char *text;
    size_t len;
} art;

typedef struct arts {
    art *v;
    size_t n;
    size_t bytes;
} arts;

static void die(const char *msg)
{
    fprintf(stderr, "bench: %s\n", msg);
    exit(2);
}

static arts load(const char *path)
{
    arts a = {0};
    size_t cap = 0;
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open the corpus");
    char *line = NULL;
    size_t lcap = 0;
    while (getline(&line, &lcap, f) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        json_t *t = json_object_get(o, "text");
        if (!json_is_string(t))
            die("a line without text");
        if (a.n == cap) {
            cap = cap ? 2 * cap : 1024;
            a.v = realloc(a.v, cap * sizeof *a.v);
        }
        art *x = &a.v[a.n++];
        x->len = json_string_length(t);
        x->text = malloc(x->len + 1);
        memcpy(x->text, json_string_value(t), x->len + 1);
        x->id = strdup(json_string_value(json_object_get(o, "id")));
        x->lang = strdup("en");
        json_t *from = json_object_get(o, "derived_from");
        x->origin =
            json_is_string(from) ? strdup(json_string_value(from)) : NULL;
        a.bytes += x->len;
        json_decref(o);
    }
    free(line);
    fclose(f);
    return a;
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The chain limit: what ICU's word break, Snowball and XXH3 alone cost
 * on the text, including the UTF-8 <-> UTF-16 conversions they need. */
static void limit(const arts *a)
{
    struct sb_stemmer *sb = sb_stemmer_new("english", "UTF_8");
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "en", NULL, 0, &err);
    UChar *u = NULL;
    int32_t ucap = 0;
    size_t words = 0;
    uint64_t sink = 0;
    const double t0 = cpu_now();
    for (size_t i = 0; i < a->n; i++) {
        int32_t ulen = 0;
        err = U_ZERO_ERROR;
        u_strFromUTF8(NULL, 0, &ulen, a->v[i].text, (int32_t)a->v[i].len, &err);
        if (ulen + 1 > ucap)
            u = realloc(u, (ucap = ulen + 1) * sizeof *u);
        err = U_ZERO_ERROR;
        u_strFromUTF8(u, ucap, &ulen, a->v[i].text, (int32_t)a->v[i].len, &err);
        ubrk_setText(bi, u, ulen, &err);
        int32_t s = ubrk_first(bi), e;
        while ((e = ubrk_next(bi)) != UBRK_DONE) {
            if (ubrk_getRuleStatus(bi) != UBRK_WORD_NONE) {
                char w[256];
                int32_t wl = 0;
                err = U_ZERO_ERROR;
                u_strToUTF8(w, sizeof w, &wl, u + s, e - s, &err);
                if (U_SUCCESS(err) && wl < (int32_t)sizeof w) {
                    const sb_symbol *r =
                        sb_stemmer_stem(sb, (const sb_symbol *)w, wl);
                    if (r)
                        sink += XXH3_64bits(r, (size_t)sb_stemmer_length(sb));
                    words++;
                }
            }
            s = e;
        }
    }
    const double t = cpu_now() - t0;
    printf("limit_mb_s %.2f\nlimit_words %zu\nlimit_sink %llu\n",
           a->bytes / t / 1e6, words, (unsigned long long)(sink & 1));
    free(u);
    ubrk_close(bi);
    sb_stemmer_delete(sb);
}

typedef struct prep_job {
    const arts *a;
    wt_index_worker *w;
    unsigned no, jobs;
    double cpu;
    size_t failed;
} prep_job;

static void *prep_run(void *arg)
{
    prep_job *j = arg;
    const double t0 = cpu_now();
    for (size_t i = j->no; i < j->a->n; i += j->jobs) {
        wt_article x = {0};
        x.id = j->a->v[i].id;
        x.lang = j->a->v[i].lang;
        x.text = j->a->v[i].text;
        x.len = j->a->v[i].len;
        wt_index_entry *e = NULL;
        if (wt_index_prepare(j->w, &x, &e))
            j->failed++;
        wt_index_entry_free(e);
    }
    j->cpu = cpu_now() - t0;
    return NULL;
}

/* The per-article analysis of `index add` on jobs threads. */
static void prepare(const arts *a, unsigned jobs, const char *scratch_db)
{
    wt_index *ix = NULL;
    char err[512];
    if (wt_index_open(&ix, scratch_db, NULL, NULL, err, sizeof err))
        die(err);
    prep_job *j = calloc(jobs, sizeof *j);
    pthread_t *t = calloc(jobs, sizeof *t);
    for (unsigned i = 0; i < jobs; i++) {
        j[i] = (prep_job){a, NULL, i, jobs, 0, 0};
        if (wt_index_worker_new(&j[i].w, ix))
            die("worker");
    }
    const double w0 = wall_now();
    for (unsigned i = 0; i < jobs; i++)
        pthread_create(&t[i], NULL, prep_run, &j[i]);
    double cpu = 0;
    size_t failed = 0;
    for (unsigned i = 0; i < jobs; i++) {
        pthread_join(t[i], NULL);
        cpu += j[i].cpu;
        failed += j[i].failed;
        wt_index_worker_free(j[i].w);
    }
    const double wall = wall_now() - w0;
    printf("prepare_jobs %u\nprepare_mb_s_per_core %.2f\n"
           "prepare_mb_s_wall %.2f\nprepare_failed %zu\n",
           jobs, a->bytes / (cpu / jobs) / jobs / 1e6, a->bytes / wall / 1e6,
           failed);
    free(j);
    free(t);
    wt_index_close(ix);
}

/* One-permutation hashing (Li, Owen, Zhang 2012) with optimal
 * densification (Shrivastava 2017): one hash per shingle, k bins, empty
 * bins borrow from a bin chosen by a hash of their index and attempt. */
static void oph(const uint64_t *h, size_t n, unsigned k, uint64_t seed,
                uint64_t *sig)
{
    for (unsigned b = 0; b < k; b++)
        sig[b] = UINT64_MAX;
    for (size_t i = 0; i < n; i++) {
        const uint64_t x = wt_mix64(h[i] ^ seed);
        const unsigned b = (unsigned)((x >> 32) * k >> 32);
        if (x < sig[b])
            sig[b] = x;
    }
    if (!n)
        return;
    for (unsigned b = 0; b < k; b++) {
        uint64_t attempt = 1;
        while (sig[b] == UINT64_MAX) {
            const unsigned from =
                (unsigned)((wt_mix64((uint64_t)b << 32 | attempt++) >> 32) *
                               k >>
                           32);
            if (sig[from] != UINT64_MAX && from != b)
                sig[b] = sig[from];
        }
    }
}

static int cmp_u64(const void *a, const void *b)
{
    const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Times both sketches over the shingle sets of the corpus, and how well
 * each estimates the resemblance of article pairs against the exact
 * Jaccard of their shingle sets. */
static void minhash(const arts *a)
{
    wt_options o;
    wt_options_init(&o);
    wt_corpus *c = NULL;
    if (wt_corpus_new(&c, &o))
        die("corpus");
    const size_t n = a->n < 2000 ? a->n : 2000;
    uint64_t **sets = calloc(n, sizeof *sets);
    size_t *ns = calloc(n, sizeof *ns);
    for (size_t i = 0; i < n; i++) {
        if (wt_corpus_add_buffer(c, a->v[i].id, a->v[i].id, a->v[i].text,
                                 a->v[i].len))
            die(wt_corpus_error(c));
        const wt_document *d = c->docs[c->ndocs - 1];
        for (size_t p = 0; p < d->npara; p++)
            ns[i] += d->paras[p].nshingles;
        sets[i] = malloc((ns[i] + 1) * sizeof **sets);
        size_t k = 0;
        for (size_t p = 0; p < d->npara; p++)
            for (size_t s = 0; s < d->paras[p].nshingles; s++)
                sets[i][k++] = d->paras[p].shingles[s];
    }
    const unsigned k = o.minhash_perms;
    uint64_t *s1 = malloc(n * k * sizeof *s1), *s2 = malloc(n * k * sizeof *s2);
    double t0 = cpu_now();
    for (int r = 0; r < 5; r++)
        for (size_t i = 0; i < n; i++)
            wt_minhash(sets[i], ns[i], k, o.seed, s1 + i * k);
    const double tk = (cpu_now() - t0) / 5;
    t0 = cpu_now();
    for (int r = 0; r < 5; r++)
        for (size_t i = 0; i < n; i++)
            oph(sets[i], ns[i], k, o.seed, s2 + i * k);
    const double to = (cpu_now() - t0) / 5;
    /* Error against a cheap stand-in for the exact Jaccard: pairs of
     * consecutive articles (reprints and edits follow their stories). */
    double e1 = 0, e2 = 0;
    size_t pairs = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        double m1 = 0, m2 = 0;
        for (size_t j = i + 1; j < n && j < i + 50; j++) {
            const double x1 = wt_minhash_similarity(s1 + i * k, s1 + j * k, k);
            const double x2 = wt_minhash_similarity(s2 + i * k, s2 + j * k, k);
            if (x1 < 0.2 && x2 < 0.2)
                continue;
            /* exact Jaccard of the two sets (sorted unique per paragraph
             * only, so sort copies) */
            size_t inter = 0, uni = 0;
            uint64_t *x = malloc((ns[i] + 1) * 8), *y = malloc((ns[j] + 1) * 8);
            memcpy(x, sets[i], ns[i] * 8);
            memcpy(y, sets[j], ns[j] * 8);
            qsort(x, ns[i], 8, cmp_u64);
            qsort(y, ns[j], 8, cmp_u64);
            size_t p = 0, q = 0;
            while (p < ns[i] || q < ns[j]) {
                if (q == ns[j] || (p < ns[i] && x[p] < y[q])) {
                    p++;
                } else if (p == ns[i] || y[q] < x[p]) {
                    q++;
                } else {
                    inter++;
                    p++;
                    q++;
                }
                uni++;
            }
            free(x);
            free(y);
            const double jac = uni ? (double)inter / uni : 0;
            m1 += (x1 - jac) * (x1 - jac);
            m2 += (x2 - jac) * (x2 - jac);
            pairs++;
        }
        e1 += m1;
        e2 += m2;
    }
    printf("minhash_kperm_us_per_doc %.2f\nminhash_oph_us_per_doc %.2f\n"
           "minhash_pairs %zu\nminhash_kperm_rmse %.4f\nminhash_oph_rmse "
           "%.4f\n",
           tk / n * 1e6, to / n * 1e6, pairs, pairs ? sqrt(e1 / pairs) : 0,
           pairs ? sqrt(e2 / pairs) : 0);
    for (size_t i = 0; i < n; i++)
        free(sets[i]);
    free(sets);
    free(ns);
    free(s1);
    free(s2);
    wt_corpus_free(c);
}

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Does a paragraph of the query (document 0) have a source in the
 * indexed document named id? */
static int links_to(const wt_corpus *c, const char *id)
{
    const wt_document *q = wt_corpus_document(c, 0);
    for (size_t p = 0; p < wt_document_paragraph_count(q); p++) {
        const wt_paragraph *pa = wt_document_paragraph(q, p);
        for (size_t s = 0; s < pa->source_count; s++)
            if (!strcmp(wt_document_id(
                            wt_corpus_document(c, pa->sources[s].document)),
                        id))
                return 1;
    }
    return 0;
}

static void query(const char *db, const arts *a)
{
    wt_index *ix = NULL;
    char err[512];
    if (wt_index_open(&ix, db, NULL, NULL, err, sizeof err))
        die(err);
    double *lat = malloc((a->n + 1) * sizeof *lat);
    double *cpu = malloc((a->n + 1) * sizeof *cpu);
    size_t found = 0, bytes = 0, derived = 0, hit = 0;
    for (size_t i = 0; i < a->n; i++) {
        wt_article x = {0};
        x.id = a->v[i].id;
        x.lang = a->v[i].lang;
        x.text = a->v[i].text;
        x.len = a->v[i].len;
        bytes += x.len;
        const wt_corpus *c = NULL;
        const double t0 = wall_now(), c0 = cpu_now();
        if (wt_index_query(ix, &x, NULL, &c))
            die(wt_index_error(ix));
        lat[i] = (wall_now() - t0) * 1e3;
        cpu[i] = (cpu_now() - c0) * 1e3;
        found += wt_corpus_document_count(c) > 1;
        if (a->v[i].origin) {
            derived++;
            hit += links_to(c, a->v[i].origin);
        }
    }
    qsort(lat, a->n, sizeof *lat, cmp_double);
    qsort(cpu, a->n, sizeof *cpu, cmp_double);
    printf("query_n %zu\nquery_avg_bytes %zu\nquery_with_candidates %zu\n"
           "query_p50_ms %.2f\nquery_p99_ms %.2f\nquery_cpu_p50_ms %.2f\n"
           "query_cpu_p99_ms %.2f\nquery_derived %zu\nquery_found_origin "
           "%zu\n",
           a->n, a->n ? bytes / a->n : 0, found, lat[a->n / 2],
           lat[(size_t)(a->n * 0.99)], cpu[a->n / 2],
           cpu[(size_t)(a->n * 0.99)], derived, hit);
    free(lat);
    free(cpu);
    wt_index_close(ix);
}

int main(int argc, char **argv)
{
    if (argc < 3)
        die("usage: bench limit|prepare|minhash|query ...");
    if (!strcmp(argv[1], "limit")) {
        arts a = load(argv[2]);
        limit(&a);
    } else if (!strcmp(argv[1], "prepare") && argc >= 5) {
        arts a = load(argv[2]);
        prepare(&a, (unsigned)atoi(argv[3]), argv[4]);
    } else if (!strcmp(argv[1], "minhash")) {
        arts a = load(argv[2]);
        minhash(&a);
    } else if (!strcmp(argv[1], "query") && argc >= 4) {
        arts a = load(argv[3]);
        query(argv[2], &a);
    } else {
        die("unknown mode");
    }
    return 0;
}
