/* opt.c - the option table, parsing and help. */
#include "opt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef enum { ARG_NONE, ARG_UINT, ARG_SHARE, ARG_STRING, ARG_META } arg_kind;

typedef enum {
    O_K,
    O_WINDOW,
    O_PERMS,
    O_VERBATIM,
    O_EDITED,
    O_REWRITE,
    O_DUPLICATE,
    O_EVIDENCE,
    O_TRANSLATION,
    O_MIN_SPAN,
    O_LANG,
    O_LANG_DIR,
    O_ENCODING,
    O_PUBLISHED,
    O_OUTLET,
    O_JSON,
    O_ALL_PAIRS,
    O_DETAILS,
    O_QUIET,
    O_VERBOSE,
    O_HELP,
    O_VERSION,
    O_HTML,
    O_COLOR,
    O_NO_COLOR,
    O_SIDE_BY_SIDE,
    O_CONTEXT,
    O_STAT,
    O_FORMAT,
    O_DB,
    O_SHARD,
    O_SINCE,
    O_UNTIL,
    O_JOBS,
    O_BATCH,
    O_NO_USES,
    O_IN_MEMORY_MAX,
    O_MAX_RECORD,
    O_CACHE,
    O_INCLUDE,
    O_PROFILE,
    O_LISTEN,
    O_THREADS,
    O_MAX_BODY,
    O_MAX_CONNS,
    O_TIMEOUT,
    O_TOKEN_FILE,
    O_INSECURE,
    O_ACCESS_LOG,
    O_KEEP,
    O_MARK,
    O_TAKEN_MIN,
    O_STORY_MIN
} opt_id;

typedef struct opt {
    opt_id id;
    char short_name;
    const char *name;
    arg_kind kind;
    const char *arg;
    unsigned lo, hi; /* ARG_UINT range */
    const char *help;
    unsigned cmds; /* the commands it applies to (CMD_*); 0: all */
} opt;

enum {
    CMD_INDEX = 1,
    CMD_DIFF = 2,
    CMD_SCAN = 4,
    CMD_COMPARE = 8,
    CMD_EXTRACT = 16,
    CMD_CLUSTERS = 32,
    CMD_SERVE = 64,
    CMD_DEDUP = 128,
    CMD_AUDIT = 256
};
/* The commands that write reports of links, and those that read
 * articles with their metadata (not diff). */
#define CMD_REPORTS (CMD_INDEX | CMD_SCAN | CMD_COMPARE | CMD_CLUSTERS)
#define CMD_READERS (CMD_REPORTS | CMD_EXTRACT)

static const opt options[] = {
    {O_JSON, 0, "json", ARG_NONE, NULL, 0, 0,
     "print the JSON report instead of text", CMD_READERS | CMD_AUDIT},
    {O_HTML, 0, "html", ARG_STRING, "FILE", 0, 0,
     "also write a self-contained HTML report to FILE\n"
     "%34sindex query: one per article, FILE-<id>.html\n"
     "%34saudit: the tables with charts of the uses",
     CMD_REPORTS | CMD_AUDIT},
    {O_FORMAT, 0, "format", ARG_STRING, "FMT", 0, 0,
     "report format: text, json, or jsonl (the JSON on one line;\n"
     "%34sindex query: one line per article)\n"
     "%34saudit: text, json or csv",
     CMD_READERS | CMD_AUDIT},
    {O_DB, 0, "db", ARG_STRING, "FILE", 0, 0,
     "index, serve: the index: a SQLite file (created by index\n"
     "%34sadd or init), or a PostgreSQL database: a postgresql://\n"
     "%34sURI or key=value string (made by index init); default\n"
     "%34s$WIRETRACE_DB\n"
     "%34sscan: add the files to index FILE (kept) and check each\n"
     "%34sagainst all it holds; memory stays flat\n"
     "%34sdedup: check each record against index FILE, then add it\n"
     "%34s(a feed: the first copy seen is kept; memory stays flat)",
     CMD_INDEX | CMD_SCAN | CMD_SERVE | CMD_DEDUP | CMD_AUDIT},
    {O_KEEP, 0, "keep", ARG_STRING, "WHICH", 0, 0,
     "dedup: the record kept of each set of copies: origin (the\n"
     "%34sone the others took from, else the earliest, else the\n"
     "%34slongest; the default), earliest (else the longest) or\n"
     "%34slongest",
     CMD_DEDUP},
    {O_MARK, 0, "mark", ARG_NONE, NULL, 0, 0,
     "dedup: keep every record and add the one it duplicates:\n"
     "%34sJSON Lines a \"duplicate_of\" field (null when kept),\n"
     "%34sfiles PATH<TAB>ORIGINAL (empty when kept)",
     CMD_DEDUP},
    {O_TAKEN_MIN, 0, "taken-min", ARG_SHARE, "X", 0, 0,
     "dedup: share of a document's words copied verbatim or\n"
     "%34sedited from another that makes it a duplicate (default 0.5)",
     CMD_DEDUP},
    {O_STORY_MIN, 0, "story-min", ARG_SHARE, "X", 0, 0,
     "clusters: share of a document's words taken from another\n"
     "%34s(any class) that puts both in one story (default 0.4)",
     CMD_CLUSTERS},
    {O_SHARD, 0, "shard", ARG_STRING, "URI", 0, 0,
     "index init: a PostgreSQL database the postings are spread\n"
     "%34sover (again for more; PL/Proxy on --db's server); on an\n"
     "%34sindex that exists, its new shards (postings rebuilt)",
     CMD_INDEX},
    {O_LISTEN, 0, "listen", ARG_STRING, "ADDR:PORT", 0, 0,
     "serve: the address to listen on: PORT (on 127.0.0.1),\n"
     "%34sADDR:PORT or [IPv6]:PORT; port 0 picks a free one\n"
     "%34s(default 127.0.0.1:8080)",
     CMD_SERVE},
    {O_THREADS, 0, "threads", ARG_UINT, "N", 1, 256,
     "serve: threads answering requests, each with its own index\n"
     "%34sconnection (default: the cores online)",
     CMD_SERVE},
    {O_TOKEN_FILE, 0, "token-file", ARG_STRING, "FILE", 0, 0,
     "serve: bearer tokens, lines \"ro TOKEN\" or \"rw TOKEN\" (#: a\n"
     "%34scomment); every endpoint but health and metrics needs one,\n"
     "%34sadds and deletes an rw one",
     CMD_SERVE},
    {O_INSECURE, 0, "insecure", ARG_NONE, NULL, 0, 0,
     "serve: listen on an address other than loopback without\n"
     "%34s--token-file (anyone reaching it may add and delete)",
     CMD_SERVE},
    {O_MAX_BODY, 0, "max-body", ARG_UINT, "MB", 1, 1024,
     "serve: largest request body; larger ones get 413 (default 8)", CMD_SERVE},
    {O_MAX_CONNS, 0, "max-connections", ARG_UINT, "N", 1, 100000,
     "serve: open connections at most (default 256)", CMD_SERVE},
    {O_TIMEOUT, 0, "timeout", ARG_UINT, "SECONDS", 1, 3600,
     "serve: a connection silent this long is closed; also how\n"
     "%34slong a stop waits for requests in flight (default 30)",
     CMD_SERVE},
    {O_ACCESS_LOG, 0, "access-log", ARG_NONE, NULL, 0, 0,
     "serve: one line per request on stderr", CMD_SERVE},
    {O_IN_MEMORY_MAX, 0, "in-memory-max", ARG_UINT, "MB", 0, 1048576,
     "scan: larger inputs go through a temporary index (default 32)", CMD_SCAN},
    {O_SINCE, 0, "since", ARG_STRING, "TIME", 0, 0,
     "index query: only sources published at or after TIME\n"
     "%34saudit: only uses published at or after TIME",
     CMD_INDEX | CMD_AUDIT},
    {O_UNTIL, 0, "until", ARG_STRING, "TIME", 0, 0,
     "audit: only uses published before TIME\n"
     "%34sindex list: only articles published before TIME",
     CMD_AUDIT | CMD_INDEX},
    {O_JOBS, 'j', "jobs", ARG_UINT, "N", 1, 256,
     "worker threads, at most the cores online and 64: articles\n"
     "%34sread and analyzed (index, scan, compare) and pairs\n"
     "%34sscored (compare, scan); output is the same as with 1\n"
     "%34s(default 1)",
     CMD_INDEX | CMD_SCAN | CMD_COMPARE | CMD_DEDUP},
    {O_BATCH, 0, "batch", ARG_UINT, "N", 1, 1000000,
     "index add: articles per committed transaction (default 1000)",
     CMD_INDEX | CMD_SCAN | CMD_DEDUP},
    {O_NO_USES, 0, "no-uses", ARG_NONE, NULL, 0, 0,
     "index add: do not record who took what from whom (what audit\n"
     "%34sreads): 3 to 4 times faster; 'index relink' records them later",
     CMD_INDEX | CMD_SCAN},
    {O_MAX_RECORD, 0, "max-record", ARG_UINT, "MB", 1, 4096,
     "index: longest JSON Lines record read; a longer line is skipped\n"
     "%34sand named (default 64)",
     CMD_INDEX | CMD_DEDUP},
    {O_CACHE, 0, "cache", ARG_UINT, "MB", 0, 65536,
     "index query, scan, dedup --db, serve: stored articles a query\n"
     "%34sanalyzed, kept for the next queries that meet them: MB per\n"
     "%34sconnection to the index (0: none); same results; default a\n"
     "%34ssixteenth of the memory up to 256 MB, at least 32 a connection\n"
     "%34sdedup: default 32\n"
     "%34sserve: one cache its workers share, MB in all",
     CMD_INDEX | CMD_SCAN | CMD_DEDUP | CMD_SERVE},
    {O_INCLUDE, 0, "include", ARG_STRING, "GLOB", 0, 0,
     "scan, index: read the files below DIR whose names match GLOB\n"
     "%34s(again for more; default *.txt, *.html, *.htm, *.html.gz)",
     CMD_SCAN | CMD_INDEX | CMD_DEDUP},
    {O_ALL_PAIRS, 0, "all-pairs", ARG_NONE, NULL, 0, 0,
     "list every scored document pair, not only those with reuse", CMD_REPORTS},
    {O_DETAILS, 0, "details", ARG_NONE, NULL, 0, 0,
     "text report: list every paragraph after the summary even for\n"
     "%34smore than 10 documents (the default up to 10)",
     CMD_REPORTS},
    {O_PUBLISHED, 0, "published", ARG_META, "FILE=TIME", 0, 0,
     "publication time of FILE (ISO 8601); overrides a Date: header",
     CMD_READERS},
    {O_OUTLET, 0, "outlet", ARG_META, "FILE=NAME", 0, 0,
     "the outlet FILE comes from; overrides an Outlet: header\n"
     "%34sindex query: NAME alone keeps only its sources\n"
     "%34saudit: NAME, the outlet whose stories are audited",
     CMD_READERS | CMD_AUDIT},
    {O_LANG, 0, "lang", ARG_STRING, "CODE", 0, 0,
     "language of every input (default: from the text)\n"
     "%34sindex query: only sources in language CODE"},
    {O_ENCODING, 0, "encoding", ARG_STRING, "NAME", 0, 0,
     "input charset, any ICU name (default UTF-8, UTF-16 by BOM; a\n"
     "%34sweb page's own or detected); FILE=NAME for one file"},
    {O_K, 'k', "shingle", ARG_UINT, "N", 1, 16,
     "content words per shingle (default 3)"},
    {O_WINDOW, 'w', "window", ARG_UINT, "N", 1, 64,
     "winnowing window in shingles (default 4)"},
    {O_PERMS, 0, "perms", ARG_UINT, "N", 8, 1024,
     "MinHash permutations (default 128)", CMD_REPORTS},
    {O_MIN_SPAN, 0, "min-span", ARG_UINT, "N", 2, 64,
     "shortest shared span that counts, in words (default 4)"},
    {O_VERBATIM, 0, "verbatim-min", ARG_SHARE, "X", 0, 0,
     "covered share for verbatim (default 0.95)"},
    {O_EDITED, 0, "edited-min", ARG_SHARE, "X", 0, 0,
     "covered share for edited (default 0.50)"},
    {O_REWRITE, 0, "rewrite-min", ARG_SHARE, "X", 0, 0,
     "weighted fact overlap for rewrite (default 0.45)"},
    {O_DUPLICATE, 0, "duplicate-min", ARG_SHARE, "X", 0, 0,
     "covered share for a repeat inside a document (default 0.80)"},
    {O_EVIDENCE, 0, "evidence-min", ARG_SHARE, "X", 0, 64,
     "least shared rare-word weight for a link, in rarest words (default 2)"},
    {O_TRANSLATION, 0, "translation-min", ARG_SHARE, "X", 0, 0,
     "share of its pivot weight each side of a translation finds in the "
     "other (default 0.25)"},
    {O_LANG_DIR, 0, "lang-dir", ARG_STRING, "DIR", 0, 0,
     "folder of language profiles (default: the installed one)"},
    {O_COLOR, 0, "color", ARG_NONE, NULL, 0, 0,
     "diff: colours even when stdout is not a terminal", CMD_DIFF},
    {O_NO_COLOR, 0, "no-color", ARG_NONE, NULL, 0, 0,
     "diff: no colours (also when NO_COLOR is set)", CMD_DIFF},
    {O_CONTEXT, 'U', "context", ARG_UINT, "N", 0, 1000,
     "diff: unchanged paragraphs shown around each change, one line\n"
     "%34seach (default 3)",
     CMD_DIFF},
    {O_STAT, 0, "stat", ARG_NONE, NULL, 0, 0,
     "diff: only the counts of changed, moved and unchanged paragraphs\n"
     "%34sand of words removed and added",
     CMD_DIFF},
    {O_SIDE_BY_SIDE, 0, "side-by-side", ARG_NONE, NULL, 0, 0,
     "diff: matched paragraphs in two columns, changed words marked\n"
     "%34son both sides, shared names and numbers between *",
     CMD_DIFF},
    {O_QUIET, 'q', "quiet", ARG_NONE, NULL, 0, 0,
     "print no warnings and no progress, only errors"},
    {O_VERBOSE, 'v', "verbose", ARG_NONE, NULL, 0, 0,
     "print each file read and a summary on stderr"},
    {O_PROFILE, 0, "profile", ARG_NONE, NULL, 0, 0,
     "print the CPU time of each stage on stderr at the end, and\n"
     "%34sthe paragraph pairs scored and linked (also when\n"
     "%34sWT_PROFILE=1 is in the environment)",
     CMD_COMPARE | CMD_SCAN | CMD_INDEX},
    {O_HELP, 'h', "help", ARG_NONE, NULL, 0, 0, "show this help"},
    {O_VERSION, 0, "version", ARG_NONE, NULL, 0, 0, "show the version"},
};

#define NOPTIONS (sizeof options / sizeof *options)

/* The CMD_* bit of a command name; 0 for none. */
static unsigned command_bit(const char *command)
{
    static const struct {
        const char *name;
        unsigned bit;
    } bits[] = {{"compare", CMD_COMPARE},   {"scan", CMD_SCAN},
                {"clusters", CMD_CLUSTERS}, {"diff", CMD_DIFF},
                {"extract", CMD_EXTRACT},   {"index", CMD_INDEX},
                {"serve", CMD_SERVE},       {"dedup", CMD_DEDUP},
                {"audit", CMD_AUDIT}};
    for (size_t i = 0; command && i < sizeof bits / sizeof *bits; i++)
        if (!strcmp(command, bits[i].name))
            return bits[i].bit;
    return 0;
}

static int applies(const opt *o, const char *command)
{
    return !o->cmds || (o->cmds & command_bit(command));
}

static const opt *find_long(const char *name, size_t len)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (strlen(options[i].name) == len &&
            !strncmp(options[i].name, name, len))
            return &options[i];
    return NULL;
}

static const opt *find_short(char c)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (options[i].short_name == c)
            return &options[i];
    return NULL;
}

static int add_meta(cli_meta **v, size_t *n, const char *arg, const char *name)
{
    const char *eq = strrchr(arg, '=');
    if (!eq || eq == arg || !eq[1]) {
        cli_usage_error("invalid value \"%s\" for --%s: expected FILE=VALUE",
                        arg, name);
        return cli_usage_hint(NULL);
    }
    cli_meta *nv = realloc(*v, (*n + 1) * sizeof *nv);
    char *file = malloc((size_t)(eq - arg) + 1);
    if (!nv || !file) {
        free(file);
        if (nv)
            *v = nv;
        cli_error("out of memory");
        return EXIT_OSERR;
    }
    memcpy(file, arg, (size_t)(eq - arg));
    file[eq - arg] = '\0';
    *v = nv;
    nv[(*n)++] = (cli_meta){file, eq + 1};
    return 0;
}

/* Appends arg (borrowed from argv) to a list of an option given again. */
static int add_arg(char ***list, size_t *n, const char *arg)
{
    char **v = realloc(*list, (*n + 1) * sizeof *v);
    if (!v) {
        cli_error("out of memory");
        return EXIT_OSERR;
    }
    *list = v;
    v[(*n)++] = (char *)arg;
    return 0;
}

static int parse_uint(const opt *o, const char *arg, unsigned *out)
{
    char *end;
    errno = 0;
    const unsigned long v = strtoul(arg, &end, 10);
    if (errno || end == arg || *end || arg[0] == '-' || v < o->lo || v > o->hi)
        return cli_usage_error("invalid value \"%s\" for --%s: expected "
                               "%u-%u",
                               arg, o->name, o->lo, o->hi);
    *out = (unsigned)v;
    return 0;
}

static int parse_share(const opt *o, const char *arg, double *out)
{
    char *end;
    errno = 0;
    const double v = strtod(arg, &end);
    if (o->hi) { /* a range other than a share: [lo, hi] */
        if (errno || end == arg || *end || !(v >= o->lo && v <= o->hi)) {
            cli_usage_error("invalid value \"%s\" for --%s: expected a "
                            "number from %u to %u",
                            arg, o->name, o->lo, o->hi);
            return cli_usage_hint(NULL);
        }
    } else if (errno || end == arg || *end || !(v > 0 && v <= 1)) {
        cli_usage_error("invalid value \"%s\" for --%s: expected a number "
                        "above 0 and at most 1",
                        arg, o->name);
        return cli_usage_hint(NULL);
    }
    *out = v;
    return 0;
}

static int parse_format(const char *arg, cli_settings *s)
{
    const int audit = s->command && !strcmp(s->command, "audit");
    if (!strcmp(arg, "text"))
        s->format = FMT_TEXT;
    else if (!strcmp(arg, "json"))
        s->format = FMT_JSON;
    else if (!strcmp(arg, "jsonl") && !audit)
        s->format = FMT_JSONL;
    else if (!strcmp(arg, "csv") && audit)
        s->format = FMT_CSV;
    else if (audit) {
        cli_usage_error("invalid value \"%s\" for --format: expected text, "
                        "json or csv",
                        arg);
        return cli_usage_hint("audit");
    } else {
        cli_usage_error("invalid value \"%s\" for --format: expected text, "
                        "json or jsonl",
                        arg);
        return cli_usage_hint(NULL);
    }
    return 0;
}

static int parse_keep(const char *arg, cli_settings *s)
{
    static const char *const names[] = {"origin", "earliest", "longest"};
    for (int i = 0; i < 3; i++)
        if (!strcmp(arg, names[i])) {
            s->keep = (cli_keep)(KEEP_ORIGIN + i);
            return 0;
        }
    cli_usage_error("invalid value \"%s\" for --keep: expected origin, "
                    "earliest or longest",
                    arg);
    return cli_usage_hint(NULL);
}

static int apply(const opt *o, const char *arg, cli_settings *s, wt_options *w)
{
    switch (o->id) {
    case O_K: return parse_uint(o, arg, &w->shingle_k);
    case O_WINDOW: return parse_uint(o, arg, &w->window);
    case O_PERMS: return parse_uint(o, arg, &w->minhash_perms);
    case O_MIN_SPAN: return parse_uint(o, arg, &w->min_span);
    case O_VERBATIM: return parse_share(o, arg, &w->verbatim_min);
    case O_EDITED: return parse_share(o, arg, &w->edited_min);
    case O_REWRITE: return parse_share(o, arg, &w->rewrite_min);
    case O_DUPLICATE: return parse_share(o, arg, &w->duplicate_min);
    case O_EVIDENCE: return parse_share(o, arg, &w->evidence_min);
    case O_TRANSLATION: return parse_share(o, arg, &w->translation_min);
    case O_LANG: w->lang = arg; return 0;
    case O_LANG_DIR: w->lang_dir = arg; return 0;
    case O_ENCODING:
        if (strchr(arg, '='))
            return add_meta(&s->encodings, &s->nencodings, arg, o->name);
        w->encoding = arg;
        return 0;
    case O_INCLUDE: return add_arg(&s->include, &s->ninclude, arg);
    case O_SHARD: return add_arg(&s->shards, &s->nshards, arg);
    case O_PUBLISHED:
        return add_meta(&s->published, &s->npublished, arg, o->name);
    case O_OUTLET:
        if (s->command &&
            ((!strcmp(s->command, "index") && !strchr(arg, '=')) ||
             !strcmp(s->command, "audit"))) {
            s->filter_outlet = arg;
            return 0;
        }
        return add_meta(&s->outlets, &s->noutlets, arg, o->name);
    case O_JSON: s->format = FMT_JSON; return 0;
    case O_FORMAT: return parse_format(arg, s);
    case O_DB: s->db = arg; return 0;
    case O_SINCE: s->since = arg; return 0;
    case O_UNTIL: s->until = arg; return 0;
    case O_JOBS: return parse_uint(o, arg, &s->jobs);
    case O_BATCH: return parse_uint(o, arg, &s->batch);
    case O_NO_USES: s->no_uses = 1; return 0;
    case O_IN_MEMORY_MAX: return parse_uint(o, arg, &s->in_memory_max);
    case O_MAX_RECORD: return parse_uint(o, arg, &s->max_record);
    case O_CACHE: s->cache_set = 1; return parse_uint(o, arg, &s->cache_mb);
    case O_ALL_PAIRS:
        s->all_pairs = 1;
        w->linked_pairs_only = 0;
        return 0;
    case O_DETAILS: s->details = 1; return 0;
    case O_QUIET: s->quiet = 1; return 0;
    case O_VERBOSE: s->verbose = 1; return 0;
    case O_PROFILE: s->profile = 1; return 0;
    case O_HELP: s->help = 1; return 0;
    case O_HTML: s->html = arg; return 0;
    case O_COLOR: s->color = 1; return 0;
    case O_NO_COLOR: s->color = -1; return 0;
    case O_SIDE_BY_SIDE: s->side_by_side = 1; return 0;
    case O_CONTEXT: return parse_uint(o, arg, &s->context);
    case O_STAT: s->stat = 1; return 0;
    case O_VERSION: s->version = 1; return 0;
    case O_LISTEN: s->listen = arg; return 0;
    case O_THREADS: return parse_uint(o, arg, &s->threads);
    case O_MAX_BODY: return parse_uint(o, arg, &s->max_body);
    case O_MAX_CONNS: return parse_uint(o, arg, &s->max_conns);
    case O_TIMEOUT: return parse_uint(o, arg, &s->timeout);
    case O_TOKEN_FILE: s->token_file = arg; return 0;
    case O_INSECURE: s->insecure = 1; return 0;
    case O_ACCESS_LOG: s->access_log = 1; return 0;
    case O_KEEP: return parse_keep(arg, s);
    case O_MARK: s->mark = 1; return 0;
    case O_TAKEN_MIN: return parse_share(o, arg, &s->taken_min);
    case O_STORY_MIN: return parse_share(o, arg, &s->story_min);
    }
    return 0;
}

static int add_input(cli_settings *s, char *arg)
{
    char **v = realloc(s->inputs, (s->ninputs + 1) * sizeof *v);
    if (!v) {
        cli_error("out of memory");
        return EXIT_OSERR;
    }
    s->inputs = v;
    v[s->ninputs++] = arg;
    return 0;
}

/* One "--name[=value]" or "-x [value]" at argv[*i]. */
static int parse_one(int argc, char **argv, int *i, cli_settings *s,
                     wt_options *w)
{
    const char *a = argv[*i], *value = NULL;
    const opt *o;
    if (a[1] == '-') {
        const char *eq = strchr(a + 2, '=');
        o = find_long(a + 2, eq ? (size_t)(eq - a - 2) : strlen(a + 2));
        value = eq ? eq + 1 : NULL;
    } else {
        o = find_short(a[1]);
        value = a[1] && a[2] ? a + 2 : NULL;
    }
    if (!o)
        cli_usage_error("unknown option \"%s\"", a);
    else if (!applies(o, s->command))
        cli_usage_error("option --%s does not apply to %s", o->name,
                        s->command ? s->command : "this command");
    else if (o->kind == ARG_NONE && value)
        cli_usage_error("option --%s takes no value", o->name);
    else if (o->kind != ARG_NONE && !value && *i + 1 >= argc)
        cli_usage_error("option --%s needs a value (%s)", o->name, o->arg);
    else if (o->kind == ARG_NONE)
        return apply(o, NULL, s, w);
    else
        return apply(o, value ? value : argv[++*i], s, w);
    return cli_usage_hint(NULL);
}

void cli_settings_init(cli_settings *s, const char *command)
{
    memset(s, 0, sizeof *s);
    s->command = command;
    s->in_memory_max = SCAN_IN_MEMORY_MAX;
    wt_index_options io;
    wt_index_options_init(&io);
    s->cache_mb = (unsigned)(io.cache_bytes >> 20);
    s->context = 3; /* as git diff's lines */
    s->taken_min = DEDUP_TAKEN_MIN;
    s->story_min = CLUSTERS_STORY_MIN;
    const char *t = getenv("TMPDIR");
    s->tmpdir = t && *t ? t : "/tmp";
    const char *p = getenv("WT_PROFILE");
    s->profile = p && *p && strcmp(p, "0") != 0;
    /* WIRETRACE_DB: the index of every index command, scan and serve
     * when --db is not given, so that a shared database is named once. */
    const char *db = getenv("WIRETRACE_DB");
    if (command && db && *db &&
        (!strcmp(command, "index") || !strcmp(command, "scan") ||
         !strcmp(command, "serve") || !strcmp(command, "audit")))
        s->db = db;
}

/* --lang CODE names a language wiretrace has a profile for: said once,
 * as a usage error, before any file is read. */
static int check_lang(const wt_options *w)
{
    if (!w->lang)
        return 0;
    const char *dir = w->lang_dir ? w->lang_dir : wt_default_lang_dir();
    char path[4096];
    snprintf(path, sizeof path, "%s/%s/profile.txt", dir, w->lang);
    FILE *f = strchr(w->lang, '/') ? NULL : fopen(path, "r");
    if (f) {
        fclose(f);
        return 0;
    }
    return cli_usage_error("--lang %s: no language profile %s/%s (the "
                           "profiles are the folders of %s)",
                           w->lang, w->lang, "profile.txt", dir);
}

int cli_parse(int argc, char **argv, cli_settings *s, wt_options *w)
{
    int operands_only = 0;
    for (int i = 0; i < argc; i++) {
        char *a = argv[i];
        int rc = 0;
        if (!operands_only && !strcmp(a, "--"))
            operands_only = 1;
        else if (!operands_only && a[0] == '-' && a[1])
            rc = parse_one(argc, argv, &i, s, w);
        else
            rc = add_input(s, a);
        if (rc)
            return rc;
    }
    return check_lang(w);
}

const char *cli_file_encoding(const cli_settings *s, const char *path,
                              const char *id, const char *fallback)
{
    for (size_t i = 0; i < s->nencodings; i++)
        if (!strcmp(s->encodings[i].file, path) ||
            !strcmp(s->encodings[i].file, id))
            return s->encodings[i].value;
    return fallback;
}

/* 256 MB is some 6,000 analyzed articles.  A service meets the same
 * stored stories all day: the 200 different queries of
 * tests/bench/serve_load.sh meet some 3,000, 119 MB analyzed; 2 workers
 * sharing 64 MB found 29 % of them kept (5.8 ms of CPU a request),
 * sharing 128 MB 97 % (2.0 ms), as counted before a copy per query at
 * once was kept.  A scan through an index meets each article as a
 * candidate of its neighbours: 16,000 generated articles took 75 CPU s
 * with 32 MB, 51.5 s with 256 (peak 145 and 553 MB), the same report.
 * The cache grows only as it is used. */
size_t cli_cache_bytes(const cli_settings *s, unsigned connections)
{
    const size_t given = (size_t)s->cache_mb << 20;
    if (s->cache_set)
        return !strcmp(s->command, "serve") ? given : given * connections;
    const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    size_t share =
        pages > 0 && page > 0 ? (size_t)pages / 16 * (size_t)page : 0;
    if (share > (size_t)256 << 20)
        share = (size_t)256 << 20;
    const size_t least = given * connections;
    return share > least ? share : least;
}

void cli_settings_release(cli_settings *s)
{
    for (size_t i = 0; i < s->npublished; i++)
        free((char *)s->published[i].file);
    for (size_t i = 0; i < s->noutlets; i++)
        free((char *)s->outlets[i].file);
    for (size_t i = 0; i < s->nencodings; i++)
        free((char *)s->encodings[i].file);
    free(s->published);
    free(s->outlets);
    free(s->encodings);
    free(s->include);
    free(s->shards);
    free(s->inputs);
}

/* An option's help: its first line, then its continuation lines except
 * those about another command ("index query: ..." under diff, with the
 * lines that carry on from them). */
static void print_help_text(const char *help, const char *command)
{
    int skip = 0;
    for (const char *line = help, *nl; line; line = nl ? nl + 1 : NULL) {
        nl = strchr(line, '\n');
        const int first = line == help;
        const char *text = first ? line : line + 4; /* after "%34s" */
        const int len = (int)(nl ? (size_t)(nl - text) : strlen(text));
        char name[16];
        snprintf(name, sizeof name, "%.*s", (int)strcspn(text, " :"), text);
        if (!first && command_bit(name))
            skip = command && !(command_bit(name) & command_bit(command));
        if (first)
            printf("%.*s", len, text);
        else if (!skip)
            printf("\n%34s%.*s", "", len, text);
    }
}

static void print_options(const char *command)
{
    for (size_t i = 0; i < NOPTIONS; i++) {
        const opt *o = &options[i];
        if (!applies(o, command))
            continue;
        char left[64];
        if (o->short_name)
            snprintf(left, sizeof left, "-%c, --%s%s%s", o->short_name, o->name,
                     o->arg ? " " : "", o->arg ? o->arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", o->name,
                     o->arg ? " " : "", o->arg ? o->arg : "");
        printf("  %-30s ", left);
        print_help_text(o->help, command);
        putchar('\n');
    }
}

static const char exit_text[] =
    "Exit status: 0 no reuse between documents, 1 reuse found, 2 an input\n"
    "could not be read or is not text (the others were processed), 64 a usage\n"
    "error, 65 the index is missing, not a wiretrace index or damaged, 71 out\n"
    "of memory, 74 writing the output or the index failed.  With several\n"
    "causes, the most severe: 64 > 71 > 74 > 65 > 2 > 1 > 0.\n";

static const char serve_exit_text[] =
    "Exit status: 0 stopped by SIGTERM or SIGINT once the requests in flight\n"
    "were answered, 64 a usage error, 65 the index is not a wiretrace index "
    "or\n"
    "damaged, 69 the address cannot be listened on, 71 out of memory, 74 the\n"
    "index cannot be opened for writing.\n";

static const char audit_exit_text[] =
    "Exit status: 0 the audit was written (also when there is no use), 64 a\n"
    "usage error, 65 the index is missing, damaged, or holds articles stored\n"
    "before uses were recorded ('wiretrace index relink' records them), 71 "
    "out\nof memory, 74 the output could not be written.\n";

static const char diff_exit_text[] =
    "Exit status: 0 no differences after normalization, 1 differences, 2 an\n"
    "input could not be read, 64 a usage error, 71 out of memory, 74 the\n"
    "output could not be written.\n";

/* What each command does, above its options. */
static const struct intro {
    const char *command;
    const char *text;
} intros[] = {
    {"compare",
     "Usage: wiretrace compare [OPTION]... FILE...\n"
     "For every paragraph of every FILE, find the paragraphs of the other "
     "FILEs\nit was taken from, and how. FILE - reads standard input.\n"},
    {"extract",
     "Usage: wiretrace extract [OPTION]... FILE...\n"
     "What wiretrace takes from each FILE: for a web page (HTML, also\n"
     "gzip-compressed, recognized by content) the article and its title,\n"
     "outlet, publication time, authors, language and URL; for a text file\n"
     "its header and paragraphs.  Each paragraph is shown with its text as\n"
     "analyzed and its bytes in FILE (--json: the byte ranges of its text).\n"},
    {"diff",
     "Usage: wiretrace diff [OPTION]... A B\n"
     "A word-level diff of the matched paragraphs of articles A and B, on\n"
     "normalized words: quote styles, hard wraps and case are not changes.\n"
     "Removed words show as [-...-], added as {+...+} (red and green on a\n"
     "terminal); paragraphs without a counterpart are listed after.\n"},
    {"scan",
     "Usage: wiretrace scan [OPTION]... DIR...\n"
     "Like compare, over every *.txt, *.html, *.htm and *.html.gz file below\n"
     "each DIR (recursive, symbolic links followed).  Inputs above "
     "--in-memory-max, or any scan "
     "given --db,\ngo through an index: each file is reported against the "
     "others as\n'index query' reports it, in memory that does not grow "
     "with the corpus\n(with --json but for a key of each pair found).\n"},
    {"clusters",
     "Usage: wiretrace clusters [OPTION]... DIR|FILE...\n"
     "The stories the articles carry: every set of documents linked by\n"
     "reuse (reprints, edits, rewrites, translations, copies of one common\n"
     "source), each with its origin when times or credits tell it, and for\n"
     "every member the words it took from the origin, by class, and whether\n"
     "it credits it; then the documents alone.  Read like scan, in memory.\n"},
    {"dedup",
     "Usage: wiretrace dedup [--db FILE] [--keep WHICH] [--mark] "
     "[OPTION]... INPUT...\n"
     "The input written back without its near-duplicates: a document at "
     "least\n--taken-min (half) of whose words are copied, verbatim or "
     "edited, from\nanother is a copy; copies are grouped and one of each "
     "group is kept.\nJSON Lines in, the same lines out (--mark adds "
     "\"duplicate_of\"); files and\nfolders in, the kept paths out, one a "
     "line.  In memory over all inputs,\nor with --db record by record "
     "against an index that each is added to.\nINPUT as for 'index add'.  "
     "Exit status 1 when duplicates were found.\n"},
    {"index",
     "Usage: wiretrace index init|add|query|get|list|remove|stats|relink --db "
     "FILE [OPTION]... [INPUT]...\n"
     "A persistent archive to check new articles against.\n"
     "  init             make the index, or bring its schema up to date\n"
     "  add INPUT...     analyze and store articles (same id and text again: "
     "no-op)\n"
     "  query INPUT...   report each article's sources among the indexed "
     "ones\n"
     "  get ID...        print stored articles as text files with their "
     "header\n"
     "                   (--json: as JSON Lines objects)\n"
     "  list             the stored articles, one a line (--outlet, --since,\n"
     "                   --until, --lang choose; --json: JSON Lines)\n"
     "  remove ID...     delete articles by id\n"
     "  stats            documents, keys and bytes in the index\n"
     "  relink           record again who took what from whom (the uses "
     "'audit'\n                   reads), for an index made before they "
     "were kept\n"
     "INPUT: a JSON Lines file (*.jsonl, or - for standard input), one "
     "article a\nline: {\"id\", \"outlet\", \"url\", \"published\", "
     "\"lang\", \"title\", \"text\"}; a folder\n(its *.txt, *.html, *.htm "
     "and *.html.gz files, or those --include names);\nor a text file or "
     "web page.\n"},
    {"audit",
     "Usage: wiretrace audit --db FILE --outlet NAME [--since TIME] "
     "[--until TIME]\n"
     "Which outlets used NAME's stories, how much, and whether they credited\n"
     "it: per outlet the stories used, the words taken by class (verbatim,\n"
     "edited, rewrite, translation), the uses that credit NAME, the first "
     "and\nlast use; then per story of NAME the outlets that used it.  "
     "Summed by\nthe index from the uses it records as articles are added.  "
     "NAME is\ncompared as credits compare outlets (an agency's aliases "
     "alike).\n"},
    {"serve",
     "Usage: wiretrace serve --db FILE [--listen ADDR:PORT] [OPTION]...\n"
     "The index over HTTP for newsroom systems, until SIGTERM or SIGINT:\n"
     "  POST   /v1/query          one article (a JSON Lines object) -> the\n"
     "                            report of 'index query --json' "
     "(?since=TIME,\n"
     "                            &outlet=NAME, &lang=CODE filter the "
     "sources)\n"
     "  POST   /v1/articles       add an article: 201 added, 200 unchanged "
     "or\n"
     "                            replaced, stored before the answer\n"
     "  GET    /v1/articles/ID    the stored article; DELETE removes it "
     "(204)\n"
     "  GET    /v1/health         200 when the index answers, else 503\n"
     "  GET    /metrics           Prometheus counters, latency histogram\n"
     "Errors are JSON: {\"error\": \"...\", \"status\": N}.  Listens on "
     "127.0.0.1\nunless told otherwise; another address needs --token-file "
     "(or --insecure).\n"},
};

static const char overview[] =
    "Usage: wiretrace COMMAND [OPTION]... ARG...\n"
    "Finds where news text came from: for each paragraph, the paragraph of\n"
    "another article it was taken from, and how (verbatim, edited, "
    "rewrite,\nduplicate).\n\nCommands:\n"
    "  compare FILE...   provenance among the given files\n"
    "  scan DIR...       provenance among all articles below DIR\n"
    "  clusters DIR...   the stories, their origins and members\n"
    "  dedup INPUT...    the input without its near-duplicates\n"
    "  diff A B          word diff of the matched paragraphs of A and B\n"
    "  extract FILE...   the article, metadata and byte ranges read from "
    "each file\n"
    "  index SUB ...     a persistent archive: init, add, query, remove, "
    "stats\n"
    "  serve --db FILE   the archive over HTTP: query, add, get, delete\n"
    "  audit --outlet NAME  who used NAME's stories, how much, credited\n\n"
    "'wiretrace COMMAND --help' lists the options.\n"
    "  -h, --help        show this help\n"
    "      --version     show the version\n\n";

void cli_help(const char *command)
{
    const struct intro *in = NULL;
    for (size_t i = 0; command && i < sizeof intros / sizeof *intros; i++)
        if (!strcmp(command, intros[i].command))
            in = &intros[i];
    if (!in) { /* no command, or one without options of its own */
        printf("%s%s", overview, exit_text);
        return;
    }
    printf("%s\nOptions:\n", in->text);
    print_options(command);
    printf("\n%s", !strcmp(command, "diff")    ? diff_exit_text
                   : !strcmp(command, "serve") ? serve_exit_text
                   : !strcmp(command, "audit") ? audit_exit_text
                                               : exit_text);
}

/* Each lexicon's dictionaries and entries, and the missing ones. */
static void print_lexicons(const char *dir)
{
    static const char *codes[] = {"de", "es", "fr", "it", "ja",
                                  "ko", "pt", "ru", "uk", "zh"};
    printf("lexicons: %s\n", dir);
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
        char path[4096], line[512];
        snprintf(path, sizeof path, "%s/%s-en.txt", dir, codes[i]);
        FILE *f = fopen(path, "r");
        size_t entries = 0;
        printf("  %s-en:", codes[i]);
        if (!f) {
            printf(" not built\n");
            continue;
        }
        while (fgets(line, sizeof line, f)) {
            if (!strncmp(line, "# source\t", 9) ||
                !strncmp(line, "# missing\t", 10)) {
                line[strcspn(line, "\n")] = '\0';
                printf(" %s%s", line[2] == 'm' ? "missing " : "",
                       strchr(line, '\t') + 1);
            } else if (line[0] != '#') {
                entries++;
            }
        }
        fclose(f);
        printf(" (%zu entries)\n", entries);
    }
}

void cli_version(const char *command, int verbose)
{
    printf("wiretrace %s\n", WT_VERSION);
    if (command)
        return;
    printf("language profiles: %s\n", wt_default_lang_dir());
    if (verbose)
        print_lexicons(wt_default_lexicon_dir());
}

unsigned cli_threads(unsigned jobs, int verbose)
{
    /* More threads than cores only cost memory. */
    const long cores = sysconf(_SC_NPROCESSORS_ONLN);
    const unsigned cap =
        cores > 0 && cores < JOBS_MAX ? (unsigned)cores : JOBS_MAX;
    if (!jobs)
        return 1;
    if (jobs > cap && verbose)
        cli_info("-j %u: %u threads, the cores online (at most %u)", jobs, cap,
                 JOBS_MAX);
    return jobs > cap ? cap : jobs;
}
