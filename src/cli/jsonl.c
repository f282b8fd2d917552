/* jsonl.c - the JSON Lines article reader, built on jansson. */
#define _DEFAULT_SOURCE
#include "jsonl.h"
#include "slice.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct jsonl_reader {
    FILE *f;
    const char *name;
    size_t lineno;
    size_t limit; /* bytes a record may hold */
    char *line;
    size_t cap;
    json_t *root;              /* the current line's object */
    size_t rec_start, rec_len; /* its bytes in line, spaces trimmed */
};

jsonl_reader *jsonl_open(FILE *f, const char *name)
{
    jsonl_reader *r = calloc(1, sizeof *r);
    if (r) {
        r->f = f;
        r->name = name;
        r->limit = JSONL_RECORD_MAX;
    }
    return r;
}

void jsonl_set_limit(jsonl_reader *r, size_t bytes)
{
    r->limit = bytes ? bytes : 1;
}

void jsonl_close(jsonl_reader *r)
{
    if (!r)
        return;
    json_decref(r->root);
    free(r->line);
    free(r);
}

/* Reads an optional string field; -1 if it is there but not a string. */
static int opt_string(json_t *o, const char *key, const char **out)
{
    json_t *v = json_object_get(o, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return -1;
    *out = json_string_value(v);
    return 0;
}

static int bad(const jsonl_reader *r, char *err, size_t errlen, const char *why)
{
    snprintf(err, errlen, "%s:%zu: %s, line skipped", r->name, r->lineno, why);
    return -1;
}

/* "published": ISO 8601 text or seconds since the epoch. */
static int published(json_t *o, int64_t *out)
{
    json_t *v = json_object_get(o, "published");
    *out = 0;
    if (!v || json_is_null(v))
        return 0;
    if (json_is_integer(v)) {
        *out = json_integer_value(v);
        return 0;
    }
    return json_is_string(v) ? wt_parse_time(json_string_value(v), out) : -1;
}

/* *a from the article object o (its strings stay in o).  Returns NULL,
 * or why o is not an article. */
static const char *fill(json_t *o, wt_article *a)
{
    memset(a, 0, sizeof *a);
    if (!json_is_object(o))
        return "not a JSON object";
    json_t *text = json_object_get(o, "text");
    if (!json_is_string(text))
        return "no \"text\" string";
    a->text = json_string_value(text);
    a->len = json_string_length(text);
    if (opt_string(o, "id", &a->id) || !a->id || !*a->id)
        return "no \"id\" string";
    if (strlen(a->id) != json_string_length(json_object_get(o, "id")))
        return "\"id\" holds \\u0000";
    if (opt_string(o, "outlet", &a->outlet) || opt_string(o, "url", &a->url) ||
        opt_string(o, "lang", &a->lang) || opt_string(o, "title", &a->title))
        return "\"outlet\", \"url\", \"lang\" and \"title\" must be strings";
    if (published(o, &a->published))
        return "\"published\" must be ISO 8601 or seconds since the epoch";
    return NULL;
}

int jsonl_parse(const char *data, size_t len, wt_article *a,
                struct json_t **hold, char *err, size_t errlen)
{
    json_error_t je;
    memset(a, 0, sizeof *a);
    *hold = json_loadb(data, len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
    if (!*hold) {
        snprintf(err, errlen, "invalid JSON (%s)", je.text);
        return -1;
    }
    const char *why = fill(*hold, a);
    if (!why)
        return 1;
    snprintf(err, errlen, "%s", why);
    json_decref(*hold);
    *hold = NULL;
    return -1;
}

/* Room for one more byte of the line in r->line, growing by doubling up
 * to the limit.  Returns 0, or -1 when out of memory. */
static int room(jsonl_reader *r, size_t n)
{
    if (n < r->cap)
        return 0;
    size_t cap = r->cap ? 2 * r->cap : 4096;
    if (cap > r->limit)
        cap = r->limit;
    char *p = realloc(r->line, cap);
    if (!p)
        return -1;
    r->line = p;
    r->cap = cap;
    return 0;
}

enum { JSONL_TOO_LONG = -10, JSONL_NO_MEMORY = -11 };

/* Reads the next line into r->line, without its newline, holding at
 * most r->limit bytes: a longer one is read to its end and dropped, so
 * that memory stays bounded and the next line is found.  Returns 1 with
 * *len set, 0 at the end, -2 for a read error, JSONL_TOO_LONG or
 * JSONL_NO_MEMORY for a line dropped. */
static int read_line(jsonl_reader *r, size_t *len)
{
    size_t n = 0;
    int c, any = 0, dropped = 0;
    flockfile(r->f);
    while ((c = getc_unlocked(r->f)) != EOF && c != '\n') {
        any = 1;
        if (dropped)
            continue;
        if (n >= r->limit)
            dropped = JSONL_TOO_LONG;
        else if (room(r, n))
            dropped = JSONL_NO_MEMORY;
        else
            r->line[n++] = (char)c;
    }
    funlockfile(r->f);
    if (c == EOF && ferror(r->f))
        return -2;
    if (c == EOF && !any)
        return 0;
    *len = n;
    return dropped ? dropped : 1;
}

int jsonl_next(jsonl_reader *r, wt_article *a, char *err, size_t errlen)
{
    for (;;) {
        json_decref(r->root);
        r->root = NULL;
        size_t len = 0;
        const int got = read_line(r, &len);
        if (got == 0 || got == -2)
            return got;
        r->lineno++;
        if (got == JSONL_TOO_LONG) {
            char why[160];
            snprintf(why, sizeof why,
                     "longer than the record limit of %zu "
                     "bytes (--max-record)",
                     r->limit);
            return bad(r, err, errlen, why);
        }
        if (got == JSONL_NO_MEMORY) {
            bad(r, err, errlen, "out of memory reading the record");
            return -3;
        }
        while (len && (r->line[len - 1] == '\n' || r->line[len - 1] == '\r'))
            len--;
        size_t lead = 0;
        while (lead < len && (r->line[lead] == ' ' || r->line[lead] == '\t'))
            lead++;
        if (lead == len)
            continue; /* blank lines separate nothing */
        json_error_t je;
        r->rec_start = lead;
        r->rec_len = len - lead;
        r->root = json_loadb(r->line + lead, len - lead,
                             JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
        if (!r->root) {
            char why[200];
            snprintf(why, sizeof why, "invalid JSON (%s)", je.text);
            return bad(r, err, errlen, why);
        }
        const char *why = fill(r->root, a);
        return why ? bad(r, err, errlen, why) : 1;
    }
}

const char *jsonl_line(const jsonl_reader *r, size_t *len)
{
    *len = r->root ? r->rec_len : 0;
    return r->root ? r->line + r->rec_start : NULL;
}

/* s as a JSON string; bytes that are not UTF-8 (a file added in another
 * charset is stored as read) become U+FFFD. */
static json_t *json_text(const char *s, size_t len)
{
    json_t *j = json_stringn(s, len);
    if (j)
        return j;
    char *t = malloc(3 * len + 1), *p = t;
    if (!t)
        return NULL;
    for (size_t i = 0; i < len;) {
        const size_t n = s[i] ? utf8_seq(s + i) : 1;
        if (n && i + n <= len) {
            memcpy(p, s + i, n);
            p += n;
            i += n;
        } else {
            memcpy(p, "\xEF\xBF\xBD", 3);
            p += 3;
            i++;
        }
    }
    j = json_stringn(t, (size_t)(p - t));
    free(t);
    return j;
}

/* The stored article as a JSON Lines object: what POST takes back. */
json_t *jsonl_article(const wt_article *a)
{
    json_t *o = json_object();
    const char *keys[] = {"id", "outlet", "url", "lang", "title"};
    const char *vals[] = {a->id, a->outlet, a->url, a->lang, a->title};
    for (size_t i = 0; o && i < 5; i++)
        if (vals[i])
            json_object_set_new(o, keys[i],
                                json_text(vals[i], strlen(vals[i])));
    if (o && a->published) {
        char when[32] = "";
        struct tm tm;
        const time_t t = (time_t)a->published;
        if (gmtime_r(&t, &tm))
            strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
        json_object_set_new(o, "published", json_string(when));
    }
    if (o && !a->text)
        return o; /* metadata only (a listing) */
    json_t *text = o ? json_text(a->text, a->len) : NULL;
    if (!text || json_object_set_new(o, "text", text)) {
        json_decref(o);
        return NULL;
    }
    return o;
}
