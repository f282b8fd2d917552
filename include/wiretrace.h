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

#include "wiretrace_version.h" /* WT_VERSION, WT_VERSION_MAJOR, ... */

#ifdef __cplusplus
extern "C" {
#endif

#if defined(WT_BUILDING_LIBRARY) && defined(__GNUC__)
#define WT_API __attribute__((visibility("default")))
#else
#define WT_API
#endif

/* The version of the library the program runs with, "MAJOR.MINOR.PATCH";
 * WT_VERSION is that of the headers it was compiled with.  Never NULL. */
WT_API const char *wt_version(void);

/* Error codes.  Every failing call returns one of these. */
enum {
    WT_OK = 0,
    WT_ENOMEM = -1,   /* an allocation failed */
    WT_EINVAL = -2,   /* a bad argument or option value */
    WT_EIO = -3,      /* a file could not be read */
    WT_ENOTTEXT = -4, /* the input is binary, not text */
    WT_EICU = -5,     /* ICU failed (data missing, bad pattern, ...) */
    WT_ELANG = -6,    /* a language profile is missing or malformed */
    WT_ESTATE = -7,   /* the call does not fit the object's state */
    WT_EWRITE = -8,   /* the index could not be written (disk full, I/O
                         error, a lock held too long): nothing of the
                         failed batch was kept */
    WT_ECORRUPT = -9, /* not a wiretrace index, or a damaged one */
    WT_EUNAVAIL = -10 /* the index database, or one of the shards its
                         postings are on, cannot be reached now (down,
                         restarting, refusing connections): nothing of the
                         call was read or kept, and the same call may work
                         once it is back */
};

/* A static, human-readable name for a WT_E* code.  Never NULL. */
WT_API const char *wt_strerror(int code);

/* Severity passed to the logger. */
typedef enum {
    WT_LOG_DEBUG,
    WT_LOG_INFO,
    WT_LOG_WARN,
    WT_LOG_ERROR
} wt_log_level;

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

/* The number of classes, for tables indexed by wt_class. */
enum { WT_CLASS_COUNT = WT_CLASS_DUPLICATE + 1 };

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

/* The number of wt_boiler values, WT_BOILER_NONE included. */
enum { WT_BOILER_COUNT = WT_BOILER_AUTHOR + 1 };

/*
 * Options for a corpus.  wt_options_init() sets every default; the
 * defaults were chosen by measurement (see tests/eval/results.md).
 */
/* The stages whose CPU time a wt_timings collects (wt_options.timings). */
typedef enum wt_stage {
    WT_STAGE_INPUT,      /* decoding the bytes into text */
    WT_STAGE_LANGUAGE,   /* language identification, per document and per
                            paragraph */
    WT_STAGE_PARAGRAPHS, /* header block, paragraphs, boilerplate patterns */
    WT_STAGE_CREDITS,    /* credit patterns (provenance) */
    WT_STAGE_WORDS,      /* word break, folding, numbers, stems */
    WT_STAGE_SHINGLES,   /* shingles, winnowing, MinHash */
    WT_STAGE_ANALYSIS,   /* cross-document: candidate pairs, matching,
                            translation, pair figures (wt_corpus_analyze) */
    WT_STAGE_STORAGE,    /* index writes: the caller's to add */
    WT_STAGE_OUTPUT,     /* writing reports: the caller's to add */
    WT_STAGE_COUNT
} wt_stage;

/* CPU time per stage, added up by the library while a corpus or an index
 * has it in wt_options.timings: the CPU time of the thread that ran each
 * stage, so that -j N adds every worker's; the cross-document stage of a
 * corpus with wt_options.threads above 1 (whose steps start threads of
 * their own) adds the whole process's CPU time while it runs, so other
 * work of the process at that time is counted with it.  Threads may add
 * to one at once.  No global state: each is its caller's. */
typedef struct wt_timings wt_timings;

/* A new, zeroed wt_timings (free with wt_timings_free).  Returns 0 or
 * WT_ENOMEM. */
WT_API int wt_timings_new(wt_timings **out);
WT_API void wt_timings_free(wt_timings *t);
/* Adds seconds of CPU time to stage: for a caller's own stages. */
WT_API void wt_timings_add(wt_timings *t, wt_stage stage, double seconds);
/* The CPU seconds collected for stage. */
WT_API double wt_timings_get(const wt_timings *t, wt_stage stage);
/* "input", "language", ... : a stage's name, or "" when out of range. */
WT_API const char *wt_stage_name(wt_stage stage);
/* CPU time of the calling thread in seconds, to time a caller's stages. */
WT_API double wt_thread_cpu_seconds(void);

/* What the cross-document stage counted beside its time: the paragraph
 * pairs of different documents it scored by their words (sharing a
 * shingle or enough rare words; the translation stage's pairs are not
 * counted), those of them past the evidence floor (their shared spans
 * sought), and those linked one way or both.  They show what the stage's
 * time grows with: its candidates, not the corpus. */
typedef enum wt_tally {
    WT_TALLY_CANDIDATES,
    WT_TALLY_PAST_FLOOR,
    WT_TALLY_LINKED,
    WT_TALLY_COUNT
} wt_tally;

/* The count collected for tally, 0 when t is NULL or tally out of range. */
WT_API uint64_t wt_timings_tally(const wt_timings *t, wt_tally tally);

typedef struct wt_options {
    unsigned shingle_k;     /* words per shingle; default 3 (1-16) */
    unsigned window;        /* winnowing window in shingles; default 4 (1-64) */
    unsigned minhash_perms; /* MinHash permutations; default 128 (8-1024) */
    uint64_t seed;          /* hash seed; default 0x5eed */
    double verbatim_min;    /* covered share for verbatim; default 0.95 */
    double edited_min;      /* covered share for edited; default 0.50 */
    double rewrite_min;   /* weighted fact overlap for rewrite; default 0.45 */
    double duplicate_min; /* covered share for an in-document repeat;
                              default 0.80 */
    unsigned min_span;    /* shortest shared span, in words; default 4 */
    double evidence_min;  /* least IDF weight of the stems two paragraphs
                              of different documents share for any link, in
                              units of the weight of a stem found in only
                              one paragraph; 0 = none; default 2 (0-64) */
    double translation_min; /* share of its English pivot weight each of
                              two paragraphs in different languages must
                              find in the other to be a translation on
                              their own; default 0.25 (0-1] */
    const char *lang;       /* force this language code; NULL = detect */
    const char *lang_dir;   /* language profiles; NULL = built-in default */
    const char *encoding;   /* input charset for ICU (e.g. "windows-1252");
                              NULL = UTF-8, or UTF-16 when a BOM says so */
    wt_logger logger;       /* NULL = silent */
    void *logger_ctx;
    unsigned threads;      /* threads of the cross-document stage in
                         wt_corpus_analyze(); the links found do not depend
                         on it; 0 or 1 = the calling thread only (1-256) */
    wt_timings *timings;   /* when set, each stage's CPU time is added to
                              it; NULL (the default) = not measured */
    int linked_pairs_only; /* 1: wt_corpus_pair_count() and _at() list only
                              the pairs with a link either way (a source,
                              or a common source), and the others are
                              forgotten after the analysis: a large scan
                              notes millions of pairs that share nothing
                              and reports a few thousand; default 0 (every
                              pair that had a candidate) */
} wt_options;

/* Sets every field of *opts to its default. */
WT_API void wt_options_init(wt_options *opts);

/* The default folder of language profiles compiled into the library. */
WT_API const char *wt_default_lang_dir(void);
/* The folder of bilingual lexicons (<code>-en.txt) converted at build time
 * from dictionary packages; used to link translated paragraphs. */
WT_API const char *wt_default_lexicon_dir(void);

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
    size_t document;  /* index of the source document in the corpus */
    size_t paragraph; /* paragraph index in that document */
    wt_class cls;
    double score;    /* 0..1, how much of this paragraph the source explains */
    double coverage; /* share of this paragraph's words inside spans */
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
WT_API int wt_corpus_add_buffer(wt_corpus *c, const char *id, const char *path,
                                const void *data, size_t len);

/* Sets a document's publication time (seconds since the epoch, UTC) and
 * outlet name: the outlet that published it, which its credits of other
 * outlets are told apart from (wt_credit.own) and other documents'
 * credits are matched with.  Either may be left alone with 0 / NULL.
 * Must be called before wt_corpus_analyze(). */
WT_API int wt_corpus_set_meta(wt_corpus *c, size_t doc, int64_t published,
                              const char *outlet);

/* Sets the charset of the documents added from now on: any ICU converter
 * name, or NULL for the default (UTF-8, UTF-16 by BOM; a web page's BOM,
 * declared charset or detected one).  The string must outlive the adds.
 * Returns 0, or WT_ESTATE after wt_corpus_analyze(). */
WT_API int wt_corpus_set_encoding(wt_corpus *c, const char *encoding);

/* Reading on several threads: each thread adds files to a corpus of its
 * own (made with the same options), takes back each document it added
 * with wt_corpus_pop(), and the documents are given to the corpus to
 * analyze with wt_corpus_adopt() in the order wanted: the same as adding
 * them to it one after another.  wt_corpus_pop() removes the last
 * document of c and gives it to the caller (NULL when there is none, or
 * after analyze); wt_corpus_adopt() appends it to c, which takes it over
 * (freed on failure: WT_ENOMEM, WT_ELANG, or WT_ESTATE after analyze);
 * wt_document_discard() frees one that is not adopted. */
WT_API wt_document *wt_corpus_pop(wt_corpus *c);
WT_API int wt_corpus_adopt(wt_corpus *c, wt_document *d);
WT_API void wt_document_discard(wt_document *d);

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
                          double *share_a, double *share_b, double *similarity);

/* How much of each document of the pair (a, b), a != b, the other
 * explains: the share of a's text words in paragraphs with a source in b,
 * each paragraph weighted by its best source's score (cover_a), and the
 * same for b (cover_b).  0 when nothing is linked.  A ranking figure for
 * the sources of an article.  Either pointer may be NULL.  Call after
 * wt_corpus_analyze().  Returns 0, or WT_EINVAL. */
WT_API int wt_corpus_pair_coverage(const wt_corpus *c, size_t a, size_t b,
                                   double *cover_a, double *cover_b);

/* How much two documents have in common at all, linked or not: the
 * IDF-weighted share of a's distinct content words (names, numbers, rare
 * words weigh most) that b also holds (overlap_a), and the same for b
 * (overlap_b).  Defined for every pair, it ranks the stories an article
 * most likely came from even when no paragraph is linked.  Either pointer
 * may be NULL.  Call after wt_corpus_analyze().  Returns 0, or WT_EINVAL. */
WT_API int wt_corpus_pair_overlap(const wt_corpus *c, size_t a, size_t b,
                                  double *overlap_a, double *overlap_b);

/* What document a took from document b, a != b, counted in words: the
 * text paragraphs of a with a source in b (boilerplate is not counted),
 * their words, and those words by the class of the paragraph's closest
 * source in b.  The one count every report's summary shows. */
typedef struct wt_taken {
    size_t paragraphs; /* a's text paragraphs with a source in b */
    size_t words;      /* their words */
    size_t text_words; /* all words of a's text paragraphs */
    size_t by_class[WT_CLASS_COUNT]; /* words, by class */
} wt_taken;

/* Fills *out for the pair (a, b).  Call after wt_corpus_analyze().
 * Returns 0, or WT_EINVAL. */
WT_API int wt_corpus_taken(const wt_corpus *c, size_t a, size_t b,
                           wt_taken *out);

/* Which document of the pair (a, b), a != b, is the origin, seen from a:
 * WT_ORIGIN_OTHER when b is, WT_ORIGIN_THIS when a is, WT_ORIGIN_UNKNOWN
 * when nothing tells.  Publication times decide first: the earlier is the
 * origin.  Without two different times, credits do: a document crediting
 * the other's outlet (wt_corpus_pair_credits()) took from it, unless both
 * credit each other.
 * The same answer every link between the two carries; writers read it
 * here instead of deriving it again.  WT_ORIGIN_UNKNOWN for bad
 * arguments.  Call after wt_corpus_analyze(). */
WT_API wt_origin wt_corpus_pair_origin(const wt_corpus *c, size_t a, size_t b);

/* The common source of the pair (a, b), a != b: the document both took
 * the text they share from, when it is present and known to be the origin
 * of both (wt_corpus_pair_origin()); SIZE_MAX when there is none.  Their
 * links through it are not listed on their paragraphs, which link to the
 * origin instead: n copies of a wire story give n links, not n squared.
 * *via_a and *via_b (either may be NULL) are set to the number of text
 * paragraphs of a and of b shared that way.  A pair with a common source
 * and no links of its own has no origin (WT_ORIGIN_UNKNOWN): neither took
 * from the other.  Call after wt_corpus_analyze(). */
WT_API size_t wt_corpus_pair_via(const wt_corpus *c, size_t a, size_t b,
                                 size_t *via_a, size_t *via_b);

/* The document pairs that had at least one candidate paragraph pair, in
 * no particular order (with wt_options.linked_pairs_only, only those with
 * a link): [0, wt_corpus_pair_count()).  wt_corpus_pair_at()
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
WT_API const char *wt_document_paragraph_lang(const wt_document *d, size_t i);
/* The document's own outlet as its metadata gives it: the "Outlet:" header
 * line, wt_corpus_set_meta(), or the outlet an indexed article was stored
 * with; NULL when none does.  Never taken from the text: a verbatim copy
 * ending "Source: Yonhap News Agency" credits Yonhap, it is not Yonhap. */
WT_API const char *wt_document_outlet(const wt_document *d);
/* The title: a "Title:" header line, or a web page's headline
 * (JSON-LD headline, og:title, <title>); NULL when there is none. */
WT_API const char *wt_document_title(const wt_document *d);
/* A web page's canonical URL (<link rel=canonical>, JSON-LD url,
 * og:url); NULL for text files and pages without one. */
WT_API const char *wt_document_url(const wt_document *d);
/* A web page's authors as its metadata names them (JSON-LD author, else
 * <meta name=author>...), in page order: [0, wt_document_author_count()).
 * NULL for a bad index. */
WT_API size_t wt_document_author_count(const wt_document *d);
WT_API const char *wt_document_author(const wt_document *d, size_t i);
/* 1 when the input was a web page (recognized by content; gzip-compressed
 * too): the document's text is then the article the page holds, and its
 * offsets are into the page's bytes (once decompressed); else 0. */
WT_API int wt_document_is_html(const wt_document *d);
/* The byte ranges the text of [start, end) lies in: one for a text file;
 * for a web page, one per stretch of text between markup (tags, comments)
 * so that each range is text of the page as saved, with its character
 * references.  Writes up to cap ranges as ranges[2i] (start) and
 * ranges[2i + 1] (end, exclusive); returns how many there are (0 for an
 * empty or bad range). */
WT_API size_t wt_document_ranges(const wt_document *d, size_t start, size_t end,
                                 size_t *ranges, size_t cap);
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

/* How a text names the outlet it credits (lang/<code>/credits.txt). */
typedef enum {
    WT_CREDIT_CLOSING,  /* a line or tag that closes the story: "Source:
                           Yonhap News Agency", "(AFP)" or "/dpa" at the
                           end, "Copyright Reuters", "© EFE" */
    WT_CREDIT_DATELINE, /* the wire's dateline: "SEOUL, Oct. 22 (Yonhap)
                           --", "(서울=연합뉴스)", "【ワシントン共同】" */
    WT_CREDIT_PROSE     /* a sentence: "Yonhap reported", "according to
                           Xinhua", "AP contributed to this report" */
} wt_credit_kind;

/* The number of wt_credit_kind values, for tables indexed by them. */
enum { WT_CREDIT_KIND_COUNT = WT_CREDIT_PROSE + 1 };

/* One credit found in a document's text.  Photo credits at the end of a
 * caption are not credits: they name who took the picture. */
typedef struct wt_credit {
    const char *outlet; /* canonical name of the outlet credited: the
                            agency's name in lang/agencies.txt for any of
                            its aliases ("연합뉴스" -> "Yonhap"), else the
                            name as written */
    size_t start, end;  /* the credit as written, bytes in the original
                            file: "Source: Yonhap News Agency", "Yonhap
                            reports", "SEOUL, Oct. 22 (Yonhap) --" */
    wt_credit_kind kind;
    int own; /* 1 when it names the document's own outlet
                            (Yonhap's dateline on a document whose outlet
                            is Yonhap): a byline, not a credit of
                            another outlet; else 0 */
} wt_credit;

/* The number of credits found in d's text, own ones included. */
WT_API size_t wt_document_credit_count(const wt_document *d);

/* Credit i of d, in text order: [0, wt_document_credit_count()).  NULL
 * for a bad index.  Owned by the corpus. */
WT_API const wt_credit *wt_document_credit(const wt_document *d, size_t i);

/* 1 when document a credits the outlet of document b: one of a's credits,
 * not its own, names b's outlet or one of its aliases ("Yonhap reports" in
 * a, outlet "Yonhap News Agency" for b).  0 otherwise, also when b has no
 * outlet (see wt_document_outlet()). */
WT_API int wt_document_credits(const wt_document *a, const wt_document *b);

/* wt_document_credits() for documents a and b of c, a != b: 1 when a
 * credits b's outlet, 0 when it does not or for bad arguments. */
WT_API int wt_corpus_pair_credits(const wt_corpus *c, size_t a, size_t b);

/* Parses an ISO 8601 time ("2024-10-22", "2024-10-22T08:05:00Z",
 * "2024-10-22T17:05:00+09:00") into seconds since the epoch, UTC.
 * Returns 0 or WT_EINVAL. */
WT_API int wt_parse_time(const char *s, int64_t *out);

/* Short names: "verbatim", "edited", ..., "this"/"other"/"unknown",
 * "byline", ..., "closing"/"dateline"/"prose".  Never NULL. */
WT_API const char *wt_class_name(wt_class cls);
WT_API const char *wt_origin_name(wt_origin o);
WT_API const char *wt_boiler_name(wt_boiler b);
WT_API const char *wt_credit_kind_name(wt_credit_kind k);

/*
 * The archive index: a persistent store of analyzed articles that new
 * articles are checked against, one at a time, without loading the
 * archive.  The default store is one SQLite file (WAL journal, versioned
 * schema); a path that is a libpq connection string (a postgresql:// or
 * postgres:// URI, or key=value pairs such as "host=db1 dbname=wire")
 * names a PostgreSQL database that many processes and machines share,
 * made once with wt_index_init().
 *
 *     wt_index *ix = NULL;
 *     wt_index_open(&ix, "wire.db", NULL, NULL);
 *     wt_index_add(ix, &article, &added);     // commits in batches
 *     const wt_corpus *r;
 *     wt_index_query(ix, &fresh, NULL, &r);   // document 0 is `fresh`
 *     wt_index_close(ix);                     // commits the open batch
 */
typedef struct wt_index wt_index;

/* One article given as data (JSON Lines input, a queue, ...).  Only text
 * and id are required; the rest may be NULL / 0.  The strings are copied. */
typedef struct wt_article {
    const char *id;
    const char *outlet;
    const char *url;
    const char *lang; /* language code; NULL = as for files */
    const char *title;
    int64_t published; /* seconds since the epoch, UTC; 0 = unknown */
    const char *text;
    size_t len; /* bytes of text */
} wt_article;

/* Called after each committed batch with the number of documents the
 * batch stored, added, replaced or removed, and the documents in the index
 * after it, read back from the index. */
typedef void (*wt_index_progress)(void *ctx, size_t batch, size_t total);

/* Analyzed stored articles that several open handles of one index share,
 * from any threads: a service's workers then analyze a stored story once
 * for all of them, and one budget holds it once.  Give it to each handle
 * as wt_index_options.cache; free it after closing them all. */
typedef struct wt_index_cache wt_index_cache;

/* A shared cache keeping about max_bytes of analyzed articles (0 keeps
 * none).  Returns 0 or WT_ENOMEM. */
WT_API int wt_index_cache_new(wt_index_cache **out, size_t max_bytes);

/* Frees the cache and what it keeps.  NULL is fine. */
WT_API void wt_index_cache_free(wt_index_cache *cache);

/* What a cache kept and found, to size it by (a service's metrics). */
typedef struct wt_index_cache_stats {
    uint64_t hits;    /* stored articles found kept and lent */
    uint64_t misses;  /* analyzed again: not kept, changed, or every kept
                         copy lent to another query at that moment */
    size_t documents; /* kept now */
    size_t bytes;     /* about this many bytes kept now */
} wt_index_cache_stats;

/* The counts so far; safe from any thread.  cache may be NULL (zeros). */
WT_API void wt_index_cache_stats_get(wt_index_cache *cache,
                                     wt_index_cache_stats *out);

typedef struct wt_index_options {
    size_t batch;               /* documents per transaction; default 1000 */
    int read_only;              /* open an existing index for queries and stats
                              only: a missing file or one that is not a
                              wiretrace index is an error, and nothing is
                              ever written; default 0 (created if
                              missing) */
    size_t candidates;          /* indexed documents scored per query;
                              default 16 */
    int uses;                   /* record the uses of each article added
                              (see "Uses" below): its batch's commit queries
                              it against the articles stored before it,
                              3 to 4 times the CPU time of an add; 0 adds
                              faster and marks the uses missing until
                              wt_index_relink(); default 1 */
    size_t cache_bytes;         /* the stored articles a query analyzed are
                              kept, up to about this many bytes, for the
                              next queries that meet them (a day's queries
                              meet the same wire stories again); results
                              are the same with any size; 0 keeps none;
                              default 32 MiB per open index */
    wt_index_cache *cache;      /* a cache shared with other handles of the
                              same index (wt_index_cache_new()), used in
                              place of a cache of cache_bytes of the
                              handle's own; NULL (default) = its own */
    wt_index_progress progress; /* NULL = none */
    void *progress_ctx;
} wt_index_options;

WT_API void wt_index_options_init(wt_index_options *o);

/* Which indexed documents a query may name as sources. */
typedef struct wt_index_filter {
    int64_t since;      /* published at or after; 0 = any */
    const char *outlet; /* this outlet only (case-insensitive); NULL = any */
    const char *lang;   /* this language only; NULL = any */
} wt_index_filter;

typedef struct wt_index_stats {
    uint64_t documents, paragraphs, fingerprints, bands;
    uint64_t text_bytes; /* of the indexed articles */
    uint64_t file_bytes; /* of the index */
} wt_index_stats;

/* Opens the index at path, creating a SQLite file when missing (a
 * PostgreSQL database needs wt_index_init() first).  opts sets the
 * analysis of a new index; an existing one keeps the shingle size, window,
 * permutations and seed it was built with.  iopts may be NULL.  On failure
 * *out is NULL and err (if not NULL) gets the reason: WT_EUNAVAIL when the
 * database cannot be reached.  Opening needs the database only, not the
 * shards of a sharded index: a call that needs a shard that is down fails
 * with WT_EUNAVAIL, and the same call works once it is back. */
WT_API int wt_index_open(wt_index **out, const char *path,
                         const wt_options *opts, const wt_index_options *iopts,
                         char *err, size_t errlen);

/* Commits what is pending and closes.  NULL is fine. */
WT_API void wt_index_close(wt_index *ix);

/* 1 when path names a PostgreSQL database (a postgresql:// or postgres://
 * URI, or a key=value connection string: any path holding a '='), 0 when
 * it names a SQLite file. */
WT_API int wt_index_is_server(const char *path);

/* Makes the index at path, or brings its schema up to date, and records
 * the analysis settings of opts (NULL: the defaults) when it has none: a
 * SQLite file is created when missing; a PostgreSQL database gets the
 * schema "wiretrace", which wt_index_open() needs there (it never makes
 * one).  shards (nshards connection strings, PostgreSQL only): the
 * databases its postings are spread over by the hash of their key, with
 * PL/Proxy (the extension must be installed on path's server); path keeps
 * the articles.  On an index that exists, sharded or not, shards is the
 * new list: every shard, old and new, is emptied and the postings are
 * rebuilt from the keys path keeps (writers must be stopped meanwhile;
 * queries see fewer candidates until it ends); the same list again
 * rebuilds them.  Safe to run again, and from several processes at once.
 * Returns 0, WT_EIO (cannot open or connect), WT_ECORRUPT (not a
 * wiretrace index, or a newer schema), WT_EINVAL (shards for a SQLite
 * file), WT_EWRITE or WT_ENOMEM; err (if not NULL) says why. */
WT_API int wt_index_init(const char *path, const char *const *shards,
                         size_t nshards, const wt_options *opts, char *err,
                         size_t errlen);

/* Analyzes and stores one article in the open batch (committed every
 * `batch` articles, by wt_index_commit() and by wt_index_close()).
 * *added (may be NULL) is WT_ADDED_NEW when it is new, WT_ADDED_REPLACED
 * when it replaced an article with the same id and other text,
 * WT_ADDED_NONE when the same id with the same text is there already (a
 * no-op).  An article is kept only once its batch commits: a failed commit
 * (WT_EWRITE, or WT_EUNAVAIL when the database or a shard cannot be
 * reached) loses the whole batch.  Returns 0 or WT_E*; on failure
 * wt_index_error() says why and nothing of the article is stored. */
WT_API int wt_index_add(wt_index *ix, const wt_article *a, int *added);

/* What wt_index_add() and wt_index_put() did with an article. */
enum { WT_ADDED_NONE = 0, WT_ADDED_NEW = 1, WT_ADDED_REPLACED = 2 };

/*
 * Adding from several threads: wt_index_add() is wt_index_prepare() (the
 * analysis, most of the work) followed by wt_index_put() (the write).
 * Each thread prepares with its own worker; one thread puts the entries in
 * input order, so the index does not depend on the thread count.
 */
typedef struct wt_index_worker wt_index_worker;
typedef struct wt_index_entry wt_index_entry;

/* A worker analyzing articles as ix does.  Free with
 * wt_index_worker_free(); it must not outlive ix. */
WT_API int wt_index_worker_new(wt_index_worker **out, const wt_index *ix);
WT_API void wt_index_worker_free(wt_index_worker *w);
/* The last detailed error of the worker, or "". */
WT_API const char *wt_index_worker_error(const wt_index_worker *w);

/* Analyzes a into a new entry (*out, free with wt_index_entry_free()).
 * Safe to call concurrently on different workers. */
WT_API int wt_index_prepare(wt_index_worker *w, const wt_article *a,
                            wt_index_entry **out);

/* Stores a prepared entry; *added as for wt_index_add(). */
WT_API int wt_index_put(wt_index *ix, const wt_index_entry *e, int *added);

WT_API void wt_index_entry_free(wt_index_entry *e);

/* Commits the open batch now.  On failure (WT_EWRITE, or WT_EUNAVAIL when
 * the database or a shard cannot be reached) nothing of the batch is kept
 * and the index is as it was after the last commit. */
WT_API int wt_index_commit(wt_index *ix);

/* Removes the article named id with all it stored.  *removed (may be
 * NULL) says whether there was one. */
WT_API int wt_index_remove(wt_index *ix, const char *id, int *removed);

/* Reads back the article named id as it was stored: *out gets its id,
 * outlet, URL, language (as given or identified), title, publication
 * time and text, the strings owned by the index and valid until the next
 * call on ix.  *found is 1 when there is one, else 0 with *out zeroed.
 * Returns 0 or WT_E* (WT_ECORRUPT when its stored text is damaged). */
WT_API int wt_index_get(wt_index *ix, const char *id, wt_article *out,
                        int *found);

/* Called by wt_index_list() with each stored article that passes the
 * filter, in the order stored: its metadata, valid during the call (text
 * NULL: wt_index_get() reads an article's text).
 * A non-zero return stops the listing and is returned. */
typedef int (*wt_index_list_cb)(void *ctx, const wt_article *a);

/* Every stored article published in [f->since, until) (0: no bound;
 * an article without a time passes only unbounded), of f->outlet
 * (case-insensitive) and f->lang when set, read in one snapshot.
 * Returns 0, WT_E* or what cb returned. */
WT_API int wt_index_list(wt_index *ix, const wt_index_filter *f, int64_t until,
                         wt_index_list_cb cb, void *ctx);

/* Checks one article against the index.  *out is an analyzed corpus whose
 * document 0 is the article and whose other documents are the indexed
 * candidates (ids as indexed), owned by the index and valid until the next
 * query or close.  f may be NULL. */
WT_API int wt_index_query(wt_index *ix, const wt_article *a,
                          const wt_index_filter *f, const wt_corpus **out);

/* Checks article a as wt_index_query() does when the index holds it as
 * given (its id with the same text, and the same outlet, URL, title, time
 * and language where a or the options set them): document 0 of *out is
 * then the article as stored, analyzed as a stored candidate is (its
 * paragraphs, languages and credits as found when it was added; taken
 * from the cache when kept there, and kept there after).  What a scan
 * through an index asks of each article it has just added: the article
 * is analyzed once for its own query and for the queries that meet it
 * while the cache keeps it.  *found is 0 (and *out NULL) when the index
 * does not hold it so, or holds it in a damaged row (a warning to the
 * logger): wt_index_query() checks it then. */
WT_API int wt_index_query_stored(wt_index *ix, const wt_article *a,
                                 const wt_index_filter *f,
                                 const wt_corpus **out, int *found);

WT_API int wt_index_stats_get(wt_index *ix, wt_index_stats *st);

/*
 * Uses: who took what from whom, kept in the index.  When an article is
 * stored, its batch's commit checks it against the articles stored before
 * it, as wt_index_query() would, and records one use per reuse found
 * between the two: the source, the taker (the copy: the side
 * wt_corpus_pair_origin() says took from the other; when nothing tells,
 * the later published, else the article just stored), the taker's words
 * in paragraphs with a source in the other (wt_corpus_taken()), those
 * words by class, whether the taker credits the source's outlet
 * (wt_corpus_pair_credits()) and the time of the use (the taker's
 * publication time).  Replacing or removing an article drops its uses.
 * wt_index_audit() sums them up for one outlet.
 */

/* The classes a use's words are counted by: verbatim, edited, rewrite,
 * translation (wt_class order; a duplicate is never between articles). */
enum { WT_AUDIT_CLASSES = WT_CLASS_TRANSLATION + 1 };

/* The parts of an audit, in the order their rows come. */
typedef enum {
    WT_AUDIT_OUTLET, /* one row per outlet that used the audited one's
                        stories */
    WT_AUDIT_STORY,  /* one row per story and outlet that used it */
    WT_AUDIT_MONTH   /* one row per month (UTC) with uses of known time */
} wt_audit_part;

/* One row of an audit.  Strings are owned by the index and valid during
 * the callback only. */
typedef struct wt_audit_row {
    wt_audit_part part;
    const char *outlet; /* OUTLET, STORY: the outlet that took, canonical
                           ("" when the taker has none); MONTH: NULL */
    const char *story;  /* STORY: the audited outlet's article id */
    const char *title;  /* STORY: its title, or NULL */
    int64_t published;  /* STORY: its publication time, 0 = unknown */
    const char *month;  /* MONTH: "2026-03" */
    uint64_t stories;   /* OUTLET: distinct stories used; else 1 or 0 */
    uint64_t uses;      /* articles that took (a story twice counts 2) */
    uint64_t words;     /* words taken, all classes */
    uint64_t by_class[WT_AUDIT_CLASSES]; /* words taken, by class */
    uint64_t credited;   /* uses whose taker credits the audited outlet */
    int64_t first, last; /* the earliest and latest use, 0 = unknown */
} wt_audit_row;

/* Receives the rows of an audit; a non-zero return stops it. */
typedef int (*wt_audit_cb)(void *ctx, const wt_audit_row *row);

typedef struct wt_audit_query {
    const char *outlet; /* the outlet audited, compared as credits compare
                           outlets: canonical name, any alias of an agency
                           in lang/agencies.txt, ASCII case ignored */
    int64_t since;      /* uses at or after; 0 = any */
    int64_t until;      /* uses before; 0 = any.  With either set, uses of
                           unknown time are left out */
} wt_audit_query;

/* The uses of q->outlet's articles by other outlets, summed by the
 * store (never by loading articles): cb gets the WT_AUDIT_OUTLET rows
 * (most words first), then the WT_AUDIT_STORY rows (earliest story first,
 * each story's outlets by words), then the WT_AUDIT_MONTH rows.  No row at
 * all when there is no use.  Returns 0, cb's non-zero return, WT_ESTATE
 * when the index holds articles stored before uses were recorded (an
 * index made by an earlier version: wt_index_relink() records them;
 * wt_index_error() says so), or WT_E*. */
WT_API int wt_index_audit(wt_index *ix, const wt_audit_query *q, wt_audit_cb cb,
                          void *ctx);

/* Records the uses of every stored article again, from scratch: each
 * checked against those stored before it, as when it was added.  For an
 * index made before uses were recorded, or after other analysis options.
 * Commits every `batch` articles (the progress callback is called as for
 * adds); the index answers queries meanwhile.  Returns 0 or WT_E*. */
WT_API int wt_index_relink(wt_index *ix);

/* Checks that the index can answer now: a SQLite file is open; a
 * database answers, and when its postings are sharded, every shard does
 * (through the coordinator, as queries reach them).  A connection to the
 * database that was lost is made again first, so an index left open
 * across a restart of the server recovers.  Reads and writes nothing.
 * Returns 0, WT_EUNAVAIL (wt_index_error() names what cannot be
 * reached), or WT_E*. */
WT_API int wt_index_ping(wt_index *ix);

/* The last detailed error message, or "". */
WT_API const char *wt_index_error(const wt_index *ix);

#ifdef __cplusplus
}
#endif

#endif
