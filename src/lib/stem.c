/* stem.c - a thin owner of a libstemmer instance (not thread-safe: one per
 * worker). */
#include "stem.h"
#include "alloc.h"
#include "wiretrace.h"

#include <libstemmer.h>

struct wt_stemmer {
    struct sb_stemmer *sb; /* NULL: identity */
};

int wt_stemmer_new(wt_stemmer **out, const char *algorithm)
{
    wt_stemmer *s = wt_calloc(1, sizeof *s);
    if (!s)
        return WT_ENOMEM;
    if (algorithm) {
        s->sb = sb_stemmer_new(algorithm, "UTF_8");
        if (!s->sb) {
            wt_free(s);
            return WT_ELANG;
        }
    }
    *out = s;
    return 0;
}

void wt_stemmer_free(wt_stemmer *s)
{
    if (!s)
        return;
    if (s->sb)
        sb_stemmer_delete(s->sb);
    wt_free(s);
}

const char *wt_stem(wt_stemmer *s, const char *word, size_t len,
                    size_t *out_len)
{
    if (!s->sb) {
        *out_len = len;
        return word;
    }
    const sb_symbol *r =
        sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)len);
    if (!r)
        return NULL;
    *out_len = (size_t)sb_stemmer_length(s->sb);
    return (const char *)r;
}
