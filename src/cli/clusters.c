/* clusters.c - see clusters.h. */
#include "clusters.h"
#include "report.h"
#include "slice.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Union-find over document indexes. */
static size_t find(size_t *up, size_t x)
{
    while (up[x] != x) {
        up[x] = up[up[x]];
        x = up[x];
    }
    return x;
}

/* 1 when at least share min of a's text words have a source in b. */
static int took(const wt_corpus *c, size_t a, size_t b, double min)
{
    wt_taken t;
    return !wt_corpus_taken(c, a, b, &t) && t.words &&
           (double)t.words >= min * (double)t.text_words;
}

/* 1 when documents a and b carry the same story: one took a real part of
 * its text from the other.  (Two copies of a common source each took
 * from it, so they meet through it.) */
static int same_story(const wt_corpus *c, size_t a, size_t b, double min)
{
    return took(c, a, b, min) || took(c, b, a, min);
}

typedef struct story {
    size_t *members; /* document indexes, in input order */
    size_t n;
    size_t origin; /* SIZE_MAX when nothing tells */
} story;

/* The member the most others are known to have taken from (ties: the
 * earlier input), or SIZE_MAX when no member is anyone's known origin. */
static size_t story_origin(const wt_corpus *c, const story *st)
{
    size_t best = SIZE_MAX, best_n = 0;
    for (size_t i = 0; i < st->n; i++) {
        size_t k = 0;
        for (size_t j = 0; j < st->n; j++)
            k += j != i &&
                 wt_corpus_pair_origin(c, st->members[j], st->members[i]) ==
                     WT_ORIGIN_OTHER;
        if (k > best_n) {
            best_n = k;
            best = st->members[i];
        }
    }
    return best;
}

static int cmp_story(const void *x, const void *y)
{
    const story *a = x, *b = y;
    if (a->n != b->n)
        return a->n < b->n ? 1 : -1;
    return (a->members[0] > b->members[0]) - (a->members[0] < b->members[0]);
}

/* The stories of c, largest first; singletons included.  *n stories,
 * their members in *all (free both). */
static story *build(const wt_corpus *c, double min, size_t *n, size_t **all_out)
{
    const size_t nd = wt_corpus_document_count(c);
    size_t *up = malloc((nd + 1) * sizeof *up);
    size_t *slot = malloc((nd + 1) * sizeof *slot);
    story *v = calloc(nd + 1, sizeof *v);
    size_t *all = malloc((nd + 1) * sizeof *all);
    *n = 0;
    if (!up || !slot || !v || !all)
        goto fail;
    for (size_t i = 0; i < nd; i++)
        up[i] = i;
    for (size_t k = 0; k < wt_corpus_pair_count(c); k++) {
        size_t a, b;
        if (!wt_corpus_pair_at(c, k, &a, &b) && same_story(c, a, b, min))
            up[find(up, a)] = find(up, b);
    }
    /* Members laid out story by story in one array, input order kept. */
    for (size_t i = 0; i < nd; i++)
        slot[i] = SIZE_MAX;
    for (size_t i = 0; i < nd; i++) {
        const size_t r = find(up, i);
        if (slot[r] == SIZE_MAX)
            slot[r] = (*n)++;
        v[slot[r]].n++;
    }
    size_t at = 0;
    for (size_t s = 0; s < *n; s++) {
        v[s].members = all + at;
        at += v[s].n;
        v[s].n = 0;
    }
    for (size_t i = 0; i < nd; i++) {
        story *st = &v[slot[find(up, i)]];
        st->members[st->n++] = i;
    }
    for (size_t s = 0; s < *n; s++)
        v[s].origin = v[s].n > 1 ? story_origin(c, &v[s]) : SIZE_MAX;
    if (*n > 1)
        qsort(v, *n, sizeof *v, cmp_story);
    free(up);
    free(slot);
    *all_out = all;
    return v;
fail:
    free(up);
    free(slot);
    free(v);
    free(all);
    return NULL;
}

/* What member m took from the origin o, as a line or as JSON fields. */
static void put_member(FILE *out, const wt_corpus *c, size_t m, size_t o)
{
    const wt_document *d = wt_corpus_document(c, m);
    char *id = utf8_escape(wt_document_id(d));
    fprintf(out, "    %s", id ? id : "?");
    free(id);
    if (m == o) {
        fputs("  origin\n", out);
        return;
    }
    wt_taken t;
    if (o != SIZE_MAX && !wt_corpus_taken(c, m, o, &t) && t.words) {
        fprintf(out,
                "  took %zu words (%.0f%%): verbatim %zu, edited %zu, "
                "rewrite %zu, translation %zu; %s\n",
                t.words,
                t.text_words ? 100.0 * (double)t.words / (double)t.text_words
                             : 0,
                t.by_class[WT_CLASS_VERBATIM], t.by_class[WT_CLASS_EDITED],
                t.by_class[WT_CLASS_REWRITE], t.by_class[WT_CLASS_TRANSLATION],
                wt_corpus_pair_credits(c, m, o) ? "credited" : "not credited");
        return;
    }
    fputs(o == SIZE_MAX ? "  shares the story\n"
                        : "  shares the story through other members\n",
          out);
}

static int write_text(const wt_corpus *c, const story *v, size_t n, FILE *out)
{
    size_t big = 0, alone = 0;
    for (size_t s = 0; s < n; s++) {
        big += v[s].n > 1;
        alone += v[s].n == 1;
    }
    fprintf(out,
            "%zu stor%s carried by two or more of %zu documents; %zu "
            "document%s alone\n",
            big, big == 1 ? "y" : "ies", wt_corpus_document_count(c), alone,
            alone == 1 ? "" : "s");
    for (size_t s = 0; s < n && v[s].n > 1; s++) {
        fprintf(out, "\nstory %zu: %zu documents, origin %s\n", s + 1, v[s].n,
                v[s].origin == SIZE_MAX
                    ? "unknown"
                    : wt_document_id(wt_corpus_document(c, v[s].origin)));
        for (size_t i = 0; i < v[s].n; i++)
            put_member(out, c, v[s].members[i], v[s].origin);
    }
    if (alone)
        fputs("\nalone:\n", out);
    for (size_t s = 0; s < n; s++)
        if (v[s].n == 1)
            fprintf(out, "    %s\n",
                    wt_document_id(wt_corpus_document(c, v[s].members[0])));
    return ferror(out) ? -1 : 0;
}

static json_t *member_json(const wt_corpus *c, size_t m, size_t o)
{
    json_t *j =
        json_pack("{s:s}", "id", wt_document_id(wt_corpus_document(c, m)));
    wt_taken t;
    if (!j)
        return NULL;
    if (m == o) {
        json_object_set_new(j, "relation", json_string("origin"));
    } else if (o != SIZE_MAX && !wt_corpus_taken(c, m, o, &t) && t.words) {
        json_t *cls = json_object();
        for (int k = 0; cls && k < WT_CLASS_DUPLICATE; k++)
            json_object_set_new(cls, wt_class_name((wt_class)k),
                                json_integer((json_int_t)t.by_class[k]));
        json_object_set_new(j, "relation", json_string("took"));
        json_object_set_new(j, "words", json_integer((json_int_t)t.words));
        json_object_set_new(j, "classes", cls ? cls : json_null());
        json_object_set_new(j, "credited",
                            json_boolean(wt_corpus_pair_credits(c, m, o)));
    } else {
        json_object_set_new(j, "relation", json_string("shares"));
    }
    return j;
}

static int write_json(const wt_corpus *c, const story *v, size_t n, FILE *out,
                      size_t flags)
{
    json_t *stories = json_array(), *alone = json_array();
    for (size_t s = 0; stories && alone && s < n; s++) {
        if (v[s].n == 1) {
            json_array_append_new(alone,
                                  json_string(wt_document_id(
                                      wt_corpus_document(c, v[s].members[0]))));
            continue;
        }
        json_t *members = json_array();
        for (size_t i = 0; members && i < v[s].n; i++)
            json_array_append_new(members,
                                  member_json(c, v[s].members[i], v[s].origin));
        json_array_append_new(
            stories, json_pack("{s:o, s:o}", "origin",
                               v[s].origin == SIZE_MAX
                                   ? json_null()
                                   : json_string(wt_document_id(
                                         wt_corpus_document(c, v[s].origin))),
                               "members", members ? members : json_array()));
    }
    json_t *root = json_pack("{s:s, s:o, s:o}", "wiretrace", WT_VERSION,
                             "clusters", stories, "alone", alone);
    if (!root)
        return -1;
    const int rc = json_dumpf(root, out, flags);
    fputc('\n', out);
    json_decref(root);
    return rc;
}

int report_clusters(const wt_corpus *c, const cli_settings *s, FILE *out)
{
    size_t n, *all = NULL;
    story *v = build(c, s->story_min, &n, &all);
    if (!v)
        return -1;
    const int rc = s->format == FMT_TEXT
                       ? write_text(c, v, n, out)
                       : write_json(c, v, n, out,
                                    s->format == FMT_JSONL ? JSON_COMPACT
                                                           : JSON_INDENT(1));
    free(all);
    free(v);
    return rc;
}
