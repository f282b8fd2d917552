/* Tests of src/cli/jsonw.c: what it writes is what jansson's dump writes
 * for the same values (the reports' contract), value for value. */
#include "jsonw.h"
#include "slice.h"

#include <criterion/criterion.h>
#include <float.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A small deterministic generator: the cases are the same on every run. */
static unsigned long long state;

static unsigned rnd(unsigned n)
{
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((state >> 33) % n);
}

/* Bytes of every kind: ASCII, controls, quotes and backslashes, valid
 * multi-byte characters, and now and then a byte that is not UTF-8. */
static void random_string(char *s, size_t cap)
{
    static const char *const pieces[] = {"a",
                                         "Z",
                                         " ",
                                         "\"",
                                         "\\",
                                         "/",
                                         "\n",
                                         "\t",
                                         "\r",
                                         "\b",
                                         "\f",
                                         "\x01",
                                         "\x1f",
                                         "\x7f",
                                         "\xc3\xa9",
                                         "\xe2\x80\x9c",
                                         "\xe2\x80\xa8",
                                         "\xf0\x9f\x93\xb0",
                                         "\xc2\x85",
                                         "\xff",
                                         "\xc3",
                                         "\xed\xa0\x80",
                                         "0"};
    size_t n = 0;
    const unsigned len = rnd(12);
    for (unsigned i = 0; i < len; i++) {
        const char *p = pieces[rnd(sizeof pieces / sizeof *pieces)];
        if (n + strlen(p) + 1 > cap)
            break;
        memcpy(s + n, p, strlen(p));
        n += strlen(p);
    }
    s[n] = '\0';
}

static double random_real(void)
{
    static const double fixed[] = {0.0,   -0.0,    1.0,     0.5,   1e-5,
                                   1e-10, 1e20,    123456., 0.125, 2.0 / 3,
                                   1e300, DBL_MIN, 99999.5, -7.25, 1e5};
    if (rnd(2))
        return fixed[rnd(sizeof fixed / sizeof *fixed)];
    return ldexp((double)rnd(1u << 30) - (1u << 29), (int)rnd(80) - 50);
}

/* A random value written to w and built as jansson's, depth levels deep
 * at most. */
static json_t *random_value(jsonw *w, int depth)
{
    char s[64];
    switch (depth > 0 ? rnd(8) : 2 + rnd(6)) {
    case 0: {
        json_t *o = json_object();
        jsonw_object(w);
        for (unsigned i = rnd(4); i > 0; i--) {
            char k[16];
            snprintf(k, sizeof k, "k%u\n", i);
            jsonw_key(w, k);
            json_object_set_new(o, k, random_value(w, depth - 1));
        }
        jsonw_object_end(w);
        return o;
    }
    case 1: {
        json_t *a = json_array();
        jsonw_array(w);
        for (unsigned i = rnd(4); i > 0; i--)
            json_array_append_new(a, random_value(w, depth - 1));
        jsonw_array_end(w);
        return a;
    }
    case 2: {
        random_string(s, sizeof s);
        jsonw_str(w, s);
        json_t *j = json_string(s);
        if (!j) { /* not UTF-8: the reports escape it first */
            char *e = utf8_escape(s);
            j = json_string(e);
            free(e);
        }
        return j;
    }
    case 3: {
        const long long v = (long long)rnd(1u << 31) * (rnd(2) ? -1 : 1) *
                            (rnd(2) ? 1 : 4294967296LL);
        jsonw_int(w, v);
        return json_integer(v);
    }
    case 4: {
        const double v = random_real();
        jsonw_real(w, v);
        return json_real(v);
    }
    case 5: jsonw_bool(w, 1); return json_true();
    case 6: jsonw_bool(w, 0); return json_false();
    default: jsonw_null(w); return json_null();
    }
}

/* jansson's text, each line shifted by shift spaces. */
static char *shifted(const char *t, size_t shift)
{
    char *r = malloc(strlen(t) * (shift + 1) + 1), *o = r;
    for (; *t; t++) {
        *o++ = *t;
        for (size_t k = 0; *t == '\n' && k < shift; k++)
            *o++ = ' ';
    }
    *o = '\0';
    return r;
}

static void same_as_jansson(int indent, unsigned base)
{
    const size_t flags =
        (indent ? JSON_INDENT(1) : JSON_COMPACT) | JSON_REAL_PRECISION(4);
    for (int i = 0; i < 3000; i++) {
        jsonw w;
        jsonw_init(&w, indent, base);
        json_t *v = random_value(&w, 4);
        cr_assert_not(w.failed);
        char *want = json_dumps(v, flags | JSON_ENCODE_ANY);
        cr_assert_not_null(want);
        char *want_shifted = shifted(want, base);
        jsonw_raw(&w, "", 1);
        cr_assert_str_eq(w.buf, want_shifted, "case %d", i);
        free(want_shifted);
        free(want);
        json_decref(v);
        jsonw_release(&w);
    }
}

Test(jsonw, indented_as_jansson)
{
    state = 1;
    same_as_jansson(1, 0);
}

Test(jsonw, compact_as_jansson)
{
    state = 2;
    same_as_jansson(0, 0);
}

Test(jsonw, nested_as_jansson_nests)
{
    state = 3;
    same_as_jansson(1, 2);
}

Test(jsonw, not_finite_and_too_deep_fail)
{
    jsonw w;
    jsonw_init(&w, 0, 0);
    jsonw_real(&w, NAN);
    cr_assert(w.failed);
    jsonw_release(&w);
    jsonw_init(&w, 0, 0);
    for (int i = 0; i <= JSONW_MAX_DEPTH; i++)
        jsonw_array(&w);
    cr_assert(w.failed);
    jsonw_release(&w);
}
