/*
 * wiretrace.h - the public interface of libwiretrace.
 *
 * wiretrace finds where news text came from.  Give it articles; for every
 * paragraph it says which paragraph of which other article it was taken
 * from, and how: verbatim, edited, rewritten, translated, or repeated inside
 * the same article.  Every position it reports is a byte offset into the
 * file as it was given, end exclusive.
 *
 * Use:
 *
 *     wt_options opts;
 *     wt_options_init(&opts);
 *     wt_corpus *c = NULL;
 *     if (wt_corpus_new(&c, &opts) < 0) ...
 *     wt_corpus_add_file(c, "a.txt", NULL);   // one per article
 *     wt_corpus_add_file(c, "b.txt", NULL);
 *     wt_corpus_analyze(c);                   // provenance of every paragraph
 *     ... wt_corpus_document(c, i), wt_document_paragraph(d, j), ...
 *     wt_corpus_free(c);
 *
 * Conventions: functions returning int return 0 on success or a negative
 * WT_E* code; wt_strerror() names it and wt_corpus_error() gives the last
 * detailed message.  The library never prints: diagnostics go to the
 * logger in wt_options.  Pointers returned by accessors are owned by the
 * corpus and live until wt_corpus_free().
 */
#ifndef WIRETRACE_H
#define WIRETRACE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(WT_BUILDING_LIBRARY) && defined(__GNUC__)
#define WT_API __attribute__((visibility("default")))
#else
#define WT_API
#endif

#define WT_VERSION "0.1.0"

/* Error codes.  Every failing call returns one of these. */
enum {
    WT_OK = 0,
    WT_ENOMEM = -1,   /* an allocation failed */
    WT_EINVAL = -2,   /* a bad argument or option value */
    WT_EIO = -3,      /* a file could not be read */
    WT_ENOTTEXT = -4, /* the input is binary, not text */
    WT_EICU = -5,     /* ICU failed (data missing, bad pattern, ...) */
    WT_ELANG = -6,    /* a language profile is missing or malformed */
    WT_ESTATE = -7    /* the call does not fit the object's state */
};

/* A static, human-readable name for a WT_E* code.  Never NULL. */
WT_API const char *wt_strerror(int code);

/* Severity passed to the logger. */
typedef enum { WT_LOG_DEBUG, WT_LOG_INFO, WT_LOG_WARN, WT_LOG_ERROR } wt_log_level;

/* Receives one diagnostic line, without a trailing newline. */
typedef void (*wt_logger)(void *ctx, wt_log_level level, const char *msg);

/* How a paragraph was reused.  Ordered from the closest copy outwards. */
typedef enum {
    WT_CLASS_VERBATIM,    /* same normalized words: >= 95% of both sides
                             inside shared spans */
    WT_CLASS_EDITED,      /* long shared spans with small edits */
    WT_CLASS_REWRITE,     /* little shared wording, the same facts */
    WT_CLASS_TRANSLATION, /* the same content in another language */
    WT_CLASS_DUPLICATE    /* a repeat of an earlier paragraph, same doc */
} wt_class;

/* Which side of a link is the origin, seen from the paragraph holding it. */
typedef enum {
    WT_ORIGIN_UNKNOWN, /* nothing tells */
    WT_ORIGIN_OTHER,   /* the other document is the origin */
    WT_ORIGIN_THIS     /* this document is the origin */
} wt_origin;

/* Why a paragraph is not used as evidence.  WT_BOILER_NONE = real text. */
typedef enum {
    WT_BOILER_NONE,
    WT_BOILER_BYLINE,  /* "By Anna J. Park" */
    WT_BOILER_CREDIT,  /* "Source: Yonhap News Agency" */
    WT_BOILER_FOLLOW,  /* "Follow us on:" */
    WT_BOILER_SIGNUP,  /* "Sign up for eNewsletter" */
    WT_BOILER_LABEL,   /* short section labels: "Top 10 Stories" */
    WT_BOILER_CAPTION, /* a photo caption ending with an agency name */
    WT_BOILER_AUTHOR   /* a lone author name line */
} wt_boiler;

/*
 * Options for a corpus.  wt_options_init() sets every default; the
 * defaults were chosen by measurement (see tests/eval/results.md).
 */
typedef struct wt_options {
    unsigned shingle_k;    /* words per shingle; default 3 (1-16) */
    unsigned window;       /* winnowing window in shingles; default 4 (1-64) */
    unsigned minhash_perms; /* MinHash permutations; default 64 (8-1024) */
    uint64_t seed;         /* hash seed; default 0x5eed */
    double verbatim_min;   /* covered share for verbatim; default 0.95 */
    double edited_min;     /* covered share for edited; default 0.50 */
    double rewrite_min;    /* weighted fact overlap for rewrite; default 0.45 */
    double duplicate_min;  /* covered share for an in-document repeat;
                              default 0.80 */
    unsigned min_span;     /* shortest shared span, in words; default 4 */
    const char *lang;      /* force this language code; NULL = detect */
    const char *lang_dir;  /* language profiles; NULL = built-in default */
    const char *encoding;  /* input charset for ICU (e.g. "windows-1252");
                              NULL = UTF-8, or UTF-16 when a BOM says so */
    wt_logger logger;      /* NULL = silent */
    void *logger_ctx;
} wt_options;

/* Sets every field of *opts to its default. */
WT_API void wt_options_init(wt_options *opts);

/* The default folder of language profiles compiled into the library. */
WT_API const char *wt_default_lang_dir(void);

typedef struct wt_corpus wt_corpus;
typedef struct wt_document wt_document;

/* A shared stretch of text: [start, end) in this document and
 * [source_start, source_end) in the source document, in bytes. */
typedef struct wt_span {
    size_t start, end;
    size_t source_start, source_end;
} wt_span;

/* One source of a paragraph. */
typedef struct wt_source {
    size_t document;   /* index of the source document in the corpus */
    size_t paragraph;  /* paragraph index in that document */
    wt_class cls;
    double score;      /* 0..1, how much of this paragraph the source explains */
    double coverage;   /* share of this paragraph's words inside spans */
    double fact_overlap; /* IDF-weighted share of rare words, numbers, names */
    wt_origin origin;
    const wt_span *spans; /* longest first */
    size_t span_count;
} wt_source;

/* One paragraph and its sources, best first. */
typedef struct wt_paragraph {
    size_t start, end; /* byte range in the original file */
    wt_boiler boiler;
    size_t word_count;
    const wt_source *sources;
    size_t source_count;
} wt_paragraph;

/* Creates an empty corpus.  *out is set only on success; free it with
 * wt_corpus_free().  opts may be NULL for the defaults; it is copied, but
 * the strings it points to must outlive the corpus. */
WT_API int wt_corpus_new(wt_corpus **out, const wt_options *opts);

/* Frees the corpus and everything it owns.  NULL is fine. */
WT_API void wt_corpus_free(wt_corpus *c);

/* Reads and prepares one article.  path "-" reads standard input.  id names
 * the document in reports; NULL uses path.  On failure (WT_EIO, WT_ENOTTEXT,
 * ...) nothing is added and wt_corpus_error() says why, naming the file;
 * the corpus stays usable for other files. */
WT_API int wt_corpus_add_file(wt_corpus *c, const char *path, const char *id);

/* Like wt_corpus_add_file() for bytes already in memory (copied). */
WT_API int wt_corpus_add_buffer(wt_corpus *c, const char *id,
                                const char *path, const void *data,
                                size_t len);

/* Sets a document's publication time (seconds since the epoch, UTC) and
 * outlet name.  Either may be left alone with 0 / NULL.  Must be called
 * before wt_corpus_analyze(). */
WT_API int wt_corpus_set_meta(wt_corpus *c, size_t doc, int64_t published,
                              const char *outlet);

/* Finds the sources of every paragraph.  Call once, after the last add. */
WT_API int wt_corpus_analyze(wt_corpus *c);

/* The last detailed error message, or "" if none.  Owned by the corpus. */
WT_API const char *wt_corpus_error(const wt_corpus *c);

WT_API size_t wt_corpus_document_count(const wt_corpus *c);
WT_API const wt_document *wt_corpus_document(const wt_corpus *c, size_t i);

/* Document-level figures for the pair (a, b), a != b.  share_a is the share
 * of a's text paragraphs that have a source in b; similarity is the MinHash
 * estimate of shingle-set resemblance.  Returns 0, or WT_EINVAL. */
WT_API int wt_corpus_pair(const wt_corpus *c, size_t a, size_t b,
                          double *share_a, double *share_b,
                          double *similarity);

/* The document pairs that had at least one candidate paragraph pair, in
 * no particular order: [0, wt_corpus_pair_count()).  wt_corpus_pair_at()
 * sets the two document indexes (a < b); read the figures with
 * wt_corpus_pair().  Returns 0, or WT_EINVAL for a bad index. */
WT_API size_t wt_corpus_pair_count(const wt_corpus *c);
WT_API int wt_corpus_pair_at(const wt_corpus *c, size_t i, size_t *a,
                             size_t *b);

WT_API const char *wt_document_id(const wt_document *d);
WT_API const char *wt_document_path(const wt_document *d);
WT_API const char *wt_document_lang(const wt_document *d);
/* How sure identification was of the document's language: CLD2's share of
 * the text in that language (1..100), negated when CLD2 called the guess
 * unreliable; 0 when the language was given (option, "Lang:" header) or
 * guessed from the script alone. */
WT_API int wt_document_lang_confidence(const wt_document *d);
/* The language paragraph i was read in: the document's, or its own in a
 * mixed-language document.  NULL for a bad index. */
WT_API const char *wt_document_paragraph_lang(const wt_document *d,
                                              size_t i);
/* The outlet given or found in the text ("Source: ..."), or NULL. */
WT_API const char *wt_document_outlet(const wt_document *d);
/* Publication time, 0 when unknown. */
WT_API int64_t wt_document_published(const wt_document *d);
/* The file's bytes as read (before any decoding). */
WT_API const char *wt_document_bytes(const wt_document *d, size_t *len);
WT_API size_t wt_document_paragraph_count(const wt_document *d);
WT_API const wt_paragraph *wt_document_paragraph(const wt_document *d,
                                                 size_t i);

/* The text of bytes [start, end) as clean UTF-8 (invalid input shown as
 * U+FFFD, other charsets converted), whitespace folded to single spaces.
 * *out is malloc'd; the caller frees it with free().  Returns 0 or WT_E*. */
WT_API int wt_document_text(const wt_document *d, size_t start, size_t end,
                            char **out);

/* One word of a paragraph as the matching sees it: punctuation and spaces
 * are not words; the folded form is NFKC case-folded with quotes and dashes
 * unified and digit groups joined ("12,000" = "12000"). */
typedef struct wt_word {
    size_t start, end; /* bytes in the original file */
    uint64_t folded;   /* hash of the folded form: equal words, equal hashes
                          (within one corpus) */
    unsigned flags;    /* WT_WORD_* */
} wt_word;

enum {
    WT_WORD_STOP = 1,   /* a stopword of the language profile */
    WT_WORD_NUMBER = 2, /* a number */
    WT_WORD_NAME = 4    /* capitalized, not at a sentence start */
};

/* The number of words of paragraph para (0 for a bad index). */
WT_API size_t wt_paragraph_word_count(const wt_document *d, size_t para);

/* Sets *out to word i of paragraph para.  Returns 0, or WT_EINVAL. */
WT_API int wt_paragraph_word(const wt_document *d, size_t para, size_t i,
                             wt_word *out);

/* 1 when document a credits the outlet document b is a copy of ("Yonhap
 * reports" in a, "Source: Yonhap News Agency" in b), else 0. */
WT_API int wt_document_credits(const wt_document *a, const wt_document *b);

/* Parses an ISO 8601 time ("2024-10-22", "2024-10-22T08:05:00Z",
 * "2024-10-22T17:05:00+09:00") into seconds since the epoch, UTC.
 * Returns 0 or WT_EINVAL. */
WT_API int wt_parse_time(const char *s, int64_t *out);

/* Short names: "verbatim", "edited", ..., "this"/"other"/"unknown",
 * "byline", ...  Never NULL. */
WT_API const char *wt_class_name(wt_class cls);
WT_API const char *wt_origin_name(wt_origin o);
WT_API const char *wt_boiler_name(wt_boiler b);

#ifdef __cplusplus
}
#endif

#endif
