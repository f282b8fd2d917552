/*
 * opt.h - the command line: one option table drives both parsing and the
 * --help text, so they never disagree.
 */
#ifndef WT_CLI_OPT_H
#define WT_CLI_OPT_H

#include "msg.h"
#include "wiretrace.h"

#include <stddef.h>
#include <stdint.h>

/* scan: inputs up to this many MB are compared in memory (about 30 bytes
 * of memory per byte of input); larger ones go through an index. */
#define SCAN_IN_MEMORY_MAX 32

/* dedup: a document is a duplicate of another when at least this share
 * of its text words lie in paragraphs copied from it verbatim or edited
 * (--taken-min).  Chosen on the development parts of METER and
 * Reuters-21578 (tests/eval/results.md). */
#define DEDUP_TAKEN_MIN 0.5

/* clusters: two documents carry one story when at least this share of
 * one's text words lie in paragraphs with a source in the other, of any
 * class (--story-min): a shared quote or a stock court phrase is no
 * story, and any link at all chained METER's court stories into one.
 * Chosen on the development part of METER (courts: ARI 0.58 at 0.4, 0.21
 * at 0.25, 0.56 at 0.5; tests/eval/results.md reports both parts). */
#define CLUSTERS_STORY_MIN 0.4

/* dedup --keep: which record of a cluster of copies is kept. */
typedef enum {
    KEEP_DEFAULT,  /* not given: as KEEP_ORIGIN */
    KEEP_ORIGIN,   /* the origin, else the earliest, else the longest */
    KEEP_EARLIEST, /* the earliest published, else the longest */
    KEEP_LONGEST   /* the most words */
} cli_keep;

/* -j N: threads are capped at the cores online and at this many. */
#define JOBS_MAX 64

/* The threads -j jobs asks for (0: one), capped; said when verbose. */
unsigned cli_threads(unsigned jobs, int verbose);

typedef enum { FMT_TEXT, FMT_JSON, FMT_JSONL, FMT_CSV } cli_format;

typedef struct cli_meta {
    const char *file; /* as given on the command line */
    const char *value;
} cli_meta;

typedef struct cli_settings {
    const char *command; /* "compare", "scan", "diff", "index" */
    cli_format format;
    int all_pairs; /* JSON: every scored pair, not only linked ones */
    int details;   /* text: every paragraph, however many documents */
    int quiet, verbose;
    const char *html; /* --html FILE: also write the HTML report */
    int color;        /* diff: 0 auto, 1 --color, -1 --no-color */
    int side_by_side; /* diff: columns instead of a word diff */
    unsigned context; /* diff -U N: unchanged paragraphs around a change */
    int stat;         /* diff --stat: counts only */
    int help, version;
    cli_meta *published; /* --published FILE=ISO8601 */
    size_t npublished;
    cli_meta *outlets; /* --outlet FILE=NAME */
    size_t noutlets;
    cli_meta *encodings; /* --encoding FILE=NAME */
    size_t nencodings;
    char **include; /* scan: --include GLOB, borrowed from argv */
    size_t ninclude;
    size_t shown;       /* reports show the first N documents; 0 = all */
    int legend_once;    /* text report, one per article: the legends are
                        printed once before them (report_text_legend) */
    const char *db;     /* index, serve: --db FILE, or WIRETRACE_DB */
    const char *tmpdir; /* temporary files: $TMPDIR, else /tmp */
    char **shards;      /* index init: --shard URI, borrowed from argv */
    size_t nshards;
    const char *since;         /* index query, audit: --since TIME */
    const char *until;         /* audit: --until TIME */
    const char *filter_outlet; /* index query, audit: --outlet NAME */
    unsigned jobs;             /* -j N worker threads; 0 = 1 */
    unsigned report_jobs;      /* threads a text or JSON report is rendered
                                  on (compare, scan: -j N's); 0 = the
                                  caller's only */
    unsigned batch;            /* index add: documents per transaction */
    int no_uses;               /* index add, scan: --no-uses */
    unsigned in_memory_max;    /* scan: MB compared in memory, above: index */
    unsigned max_record;       /* index: MB of one JSON Lines record; 0 = 64 */
    unsigned cache_mb;         /* --cache: MB of analyzed stored articles kept
                                  per index connection (serve: in all) */
    int cache_set;             /* --cache was given */
    cli_keep keep;             /* dedup: --keep */
    int mark;                  /* dedup: --mark, every record kept, marked */
    double taken_min;          /* dedup: --taken-min */
    double story_min;          /* clusters: --story-min */
    int profile; /* --profile or WT_PROFILE=1: CPU time per stage on stderr */
    const char *listen;     /* serve: --listen [ADDR:]PORT */
    unsigned threads;       /* serve: --threads N; 0 = the cores online */
    unsigned max_body;      /* serve: MB of a request body; 0 = 8 */
    unsigned max_conns;     /* serve: open connections; 0 = 256 */
    unsigned timeout;       /* serve: seconds of a silent connection; 0 = 30 */
    const char *token_file; /* serve: --token-file FILE */
    int insecure;           /* serve: no token file on a non-loopback address */
    int access_log;         /* serve: a line per request on stderr */
    char **inputs;          /* operands */
    size_t ninputs;
} cli_settings;

/* Sets every field of *s to its default for command ("compare", "scan",
 * "clusters", "dedup", "diff", "extract", "index", "serve"). */
void cli_settings_init(cli_settings *s, const char *command);

/* Parses argv after the subcommand into s and o (already initialized).
 * Returns 0, EXIT_USAGE after printing "wiretrace: <message>", or
 * EXIT_OSERR when out of memory. */
int cli_parse(int argc, char **argv, cli_settings *s, wt_options *o);

/* Prints the help of a subcommand (or the overview for NULL) to stdout. */
void cli_help(const char *command);

/* Prints the version to stdout; for the command itself (command NULL)
 * also where language profiles are read from, and with verbose each
 * lexicon's dictionaries and entries. */
void cli_version(const char *command, int verbose);

/* The charset of input (path or id) by --encoding FILE=NAME, else
 * fallback. */
const char *cli_file_encoding(const cli_settings *s, const char *path,
                              const char *id, const char *fallback);

/* The bytes of analyzed stored articles that a process answering many
 * queries through `connections` index connections keeps in all (serve,
 * index query, index add's uses, scan through an index): --cache's MB for
 * each connection when given (serve: in all), else a sixteenth of the
 * machine's memory up to 256 MB, never less than --cache's default for
 * each connection. */
size_t cli_cache_bytes(const cli_settings *s, unsigned connections);

void cli_settings_release(cli_settings *s);

#endif
