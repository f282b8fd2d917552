/*
 * cmd_audit.c - `wiretrace audit`: the desk's answer at a glance.  The
 * index sums the uses (wt_index_audit); this file checks the command
 * line, opens the index and lays the rows out as text, JSON, CSV or, with
 * --html, a page with charts (audit_html).
 */
#include "cmd_audit.h"
#include "audit_html.h"
#include "audit_rows.h"

#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char *const class_names[WT_AUDIT_CLASSES] = {
    "verbatim", "edited", "rewrite", "translation"};

static const char *name_of(const wt_audit_row *r)
{
    return r->outlet && r->outlet[0] ? r->outlet : "(no outlet)";
}

/* ---- text ---- */

static void text_outlets(const audit_part_rows *o)
{
    printf("  %-28s %7s %6s %7s %6s %6s %6s %6s  %-10s %-16s  %s\n", "OUTLET",
           "STORIES", "USES", "WORDS", "VERB", "EDIT", "REWR", "TRANS",
           "CREDITED", "FIRST USE", "LAST USE");
    for (size_t i = 0; i < o->n; i++) {
        const wt_audit_row *r = &o->v[i];
        char first[32], last[32], cr[32];
        audit_time(r->first, 0, first, sizeof first);
        audit_time(r->last, 0, last, sizeof last);
        snprintf(cr, sizeof cr, "%" PRIu64 " of %" PRIu64, r->credited,
                 r->uses);
        printf("  %-28.28s %7" PRIu64 " %6" PRIu64 " %7" PRIu64, name_of(r),
               r->stories, r->uses, r->words);
        for (int k = 0; k < WT_AUDIT_CLASSES; k++)
            printf(" %6" PRIu64, r->by_class[k]);
        printf("  %-10s %-16s  %s\n", cr, first, last);
    }
}

static void text_stories(const audit_part_rows *s)
{
    for (size_t i = 0; i < s->n; i++) {
        const wt_audit_row *r = &s->v[i];
        if (!i || strcmp(s->v[i - 1].story, r->story)) {
            char pub[32];
            audit_time(r->published, 0, pub, sizeof pub);
            printf("\n  %s%s%s%s%s\n", r->story, pub[0] ? "  " : "", pub,
                   r->title ? "  " : "", r->title ? r->title : "");
        }
        char first[32];
        audit_time(r->first, 0, first, sizeof first);
        printf("    %-28.28s %6" PRIu64 " words ", name_of(r), r->words);
        for (int k = 0; k < WT_AUDIT_CLASSES; k++)
            if (r->by_class[k])
                printf(" %s %" PRIu64, class_names[k], r->by_class[k]);
        printf("  %s  %s\n",
               r->credited == r->uses ? "credited"
               : r->credited          ? "partly credited"
                                      : "not credited",
               first);
    }
}

static void write_text(const audit_rows *rows, const char *outlet,
                       const char *range)
{
    printf("Uses of %s's stories by other outlets (%s)\n\n", outlet, range);
    text_outlets(&rows->part[WT_AUDIT_OUTLET]);
    printf("\nStories of %s and the outlets that used them\n", outlet);
    text_stories(&rows->part[WT_AUDIT_STORY]);
    printf("\nUses per month (UTC)\n");
    const audit_part_rows *m = &rows->part[WT_AUDIT_MONTH];
    for (size_t i = 0; i < m->n; i++)
        printf("  %s  %4" PRIu64 " uses, %4" PRIu64 " credited, %7" PRIu64
               " words\n",
               m->v[i].month, m->v[i].uses, m->v[i].credited, m->v[i].words);
}

/* ---- JSON ---- */

static json_t *time_json(int64_t t)
{
    char buf[32];
    audit_time(t, 1, buf, sizeof buf);
    return buf[0] ? json_string(buf) : json_null();
}

static json_t *figures(const wt_audit_row *r)
{
    json_t *cls = json_object();
    for (int k = 0; k < WT_AUDIT_CLASSES; k++)
        json_object_set_new(cls, class_names[k],
                            json_integer((json_int_t)r->by_class[k]));
    return json_pack("{s:I, s:I, s:o, s:I, s:I, s:o, s:o}", "uses",
                     (json_int_t)r->uses, "words", (json_int_t)r->words,
                     "by_class", cls, "credited", (json_int_t)r->credited,
                     "not_credited", (json_int_t)audit_uncredited(r),
                     "first_use", time_json(r->first), "last_use",
                     time_json(r->last));
}

static json_t *stories_json(const audit_part_rows *s)
{
    json_t *all = json_array(), *used = NULL;
    for (size_t i = 0; i < s->n; i++) {
        const wt_audit_row *r = &s->v[i];
        if (!i || strcmp(s->v[i - 1].story, r->story)) {
            used = json_array();
            json_array_append_new(
                all, json_pack("{s:s, s:s?, s:o, s:o}", "id", r->story, "title",
                               r->title, "published", time_json(r->published),
                               "used_by", used));
        }
        json_t *f = figures(r);
        json_object_set_new(f, "outlet", json_string(r->outlet));
        json_array_append_new(used, f);
    }
    return all;
}

static int write_json(const audit_rows *rows, const wt_audit_query *q)
{
    json_t *outlets = json_array(), *months = json_array();
    const audit_part_rows *o = &rows->part[WT_AUDIT_OUTLET];
    for (size_t i = 0; i < o->n; i++) {
        json_t *f = figures(&o->v[i]);
        json_object_set_new(f, "outlet", json_string(o->v[i].outlet));
        json_object_set_new(f, "stories",
                            json_integer((json_int_t)o->v[i].stories));
        json_array_append_new(outlets, f);
    }
    const audit_part_rows *m = &rows->part[WT_AUDIT_MONTH];
    for (size_t i = 0; i < m->n; i++) {
        json_t *f = figures(&m->v[i]);
        json_object_set_new(f, "month", json_string(m->v[i].month));
        json_array_append_new(months, f);
    }
    json_t *doc = json_pack(
        "{s:s, s:o, s:o, s:o, s:o, s:o}", "outlet", q->outlet, "since",
        q->since ? time_json(q->since) : json_null(), "until",
        q->until ? time_json(q->until) : json_null(), "outlets", outlets,
        "stories", stories_json(&rows->part[WT_AUDIT_STORY]), "months", months);
    const int rc = !doc || json_dumpf(doc, stdout, JSON_INDENT(1)) ||
                   fputc('\n', stdout) < 0;
    json_decref(doc);
    return rc ? -1 : 0;
}

/* ---- CSV (RFC 4180): one table, the part of each row first ---- */

static void csv_field(const char *s, int last)
{
    if (s && strpbrk(s, ",\"\r\n")) {
        putchar('"');
        for (; *s; s++) {
            if (*s == '"')
                putchar('"');
            putchar(*s);
        }
        putchar('"');
    } else if (s) {
        fputs(s, stdout);
    }
    putchar(last ? '\n' : ',');
}

static void csv_row(const char *part, const wt_audit_row *r)
{
    char pub[32], first[32], last[32];
    audit_time(r->published, 1, pub, sizeof pub);
    audit_time(r->first, 1, first, sizeof first);
    audit_time(r->last, 1, last, sizeof last);
    csv_field(part, 0);
    csv_field(r->month, 0);
    csv_field(r->outlet, 0);
    csv_field(r->story, 0);
    csv_field(r->title, 0);
    csv_field(pub, 0);
    printf("%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",", r->stories, r->uses,
           r->words);
    for (int k = 0; k < WT_AUDIT_CLASSES; k++)
        printf("%" PRIu64 ",", r->by_class[k]);
    printf("%" PRIu64 ",%" PRIu64 ",", r->credited, audit_uncredited(r));
    csv_field(first, 0);
    csv_field(last, 1);
}

static void write_csv(const audit_rows *rows)
{
    static const char *const part[] = {"outlet", "story", "month"};
    printf("part,month,outlet,story,title,published,stories,uses,words,"
           "verbatim,edited,rewrite,translation,credited,not_credited,"
           "first_use,last_use\n");
    for (int p = WT_AUDIT_OUTLET; p <= WT_AUDIT_MONTH; p++)
        for (size_t i = 0; i < rows->part[p].n; i++)
            csv_row(part[p], &rows->part[p].v[i]);
}

/* ---- the command ---- */

/* The command line's checks; fills q.  Returns 0 or EXIT_USAGE. */
static int check_args(const cli_settings *s, wt_audit_query *q)
{
    memset(q, 0, sizeof *q);
    q->outlet = s->filter_outlet;
    if (!s->db)
        cli_usage_error("audit needs --db FILE (or WIRETRACE_DB)");
    else if (!q->outlet || !q->outlet[0])
        cli_usage_error("audit needs --outlet NAME: the outlet whose stories "
                        "are audited");
    else if (s->ninputs)
        cli_usage_error("audit takes no input: \"%s\"", s->inputs[0]);
    else if (s->since && wt_parse_time(s->since, &q->since))
        cli_usage_error("invalid value \"%s\" for --since: expected ISO "
                        "8601 (2024-10-22T08:05:00Z)",
                        s->since);
    else if (s->until && wt_parse_time(s->until, &q->until))
        cli_usage_error("invalid value \"%s\" for --until: expected ISO "
                        "8601 (2024-10-22T08:05:00Z)",
                        s->until);
    else
        return 0;
    return cli_usage_hint("audit");
}

/* The period the audit covers, as a phrase. */
static void range_text(const wt_audit_query *q, char *buf, size_t n)
{
    char a[32], b[32];
    audit_time(q->since, 0, a, sizeof a);
    audit_time(q->until, 0, b, sizeof b);
    if (!q->since && !q->until)
        snprintf(buf, n, "all uses");
    else if (!q->until)
        snprintf(buf, n, "uses from %s UTC", a);
    else if (!q->since)
        snprintf(buf, n, "uses before %s UTC", b);
    else
        snprintf(buf, n, "uses from %s to %s UTC", a, b);
}

/* The index, opened for writing when it is a SQLite file so that an
 * older schema is brought up to date (nothing else is written); a
 * database is opened read-only, so a standby answers.  A missing file
 * is not an index: none is created. */
static int open_index(const cli_settings *s, wt_options *o, wt_index **ix)
{
    struct stat st;
    const int server = wt_index_is_server(s->db);
    if (!server && stat(s->db, &st) && errno == ENOENT) {
        cli_error("%s: no index here: no such file", s->db);
        return EXIT_DATAERR;
    }
    wt_index_options io;
    wt_index_options_init(&io);
    io.read_only = server;
    char err[1024] = "";
    const int rc = wt_index_open(ix, s->db, o, &io, err, sizeof err);
    if (rc)
        cli_error("%s", err[0] ? err : wt_strerror(rc));
    return rc ? cli_exit_of(rc) : 0;
}

static int write_html(const cli_settings *s, const audit_rows *rows,
                      const char *range)
{
    FILE *f = fopen(s->html, "w");
    int rc = f ? audit_html_write(f, rows, s->filter_outlet, range) : -1;
    if (f && fclose(f))
        rc = -1;
    if (rc)
        cli_error("%s: cannot write the HTML report: %s", s->html,
                  strerror(errno));
    return rc ? EXIT_IOERR : 0;
}

static int report(const cli_settings *s, const wt_audit_query *q,
                  const audit_rows *rows)
{
    char range[96];
    range_text(q, range, sizeof range);
    const int none = rows->part[WT_AUDIT_OUTLET].n == 0;
    int status = 0;
    if (s->format == FMT_JSON && write_json(rows, q))
        status = EXIT_OSERR;
    else if (s->format == FMT_CSV)
        write_csv(rows);
    else if (s->format == FMT_TEXT && none)
        printf("no uses of %s by other outlets (%s)\n", q->outlet, range);
    else if (s->format == FMT_TEXT)
        write_text(rows, q->outlet, range);
    if (none && s->format != FMT_TEXT && !s->quiet)
        cli_info("no uses of %s by other outlets (%s)", q->outlet, range);
    if (s->html)
        cli_raise(&status, write_html(s, rows, range));
    return status;
}

int cmd_audit(const cli_settings *s, wt_options *o)
{
    wt_audit_query q;
    int status = check_args(s, &q);
    if (status)
        return status;
    cli_log l;
    memset(&l, 0, sizeof l);
    cli_log_attach(&l, s->quiet, s->verbose, o);
    wt_index *ix = NULL;
    if ((status = open_index(s, o, &ix)))
        return status;
    audit_rows rows;
    const int rc = audit_rows_collect(ix, &q, &rows);
    if (rc == WT_ESTATE) {
        /* A connection string may hold a password: never printed. */
        cli_error("%s: %s: record them with 'wiretrace index relink --db "
                  "%s'",
                  wt_index_is_server(s->db) ? "index" : s->db,
                  wt_index_error(ix),
                  wt_index_is_server(s->db) ? "..." : s->db);
        status = EXIT_DATAERR;
    } else if (rc) {
        cli_error("%s", rc == WT_ENOMEM ? wt_strerror(rc) : wt_index_error(ix));
        status = cli_exit_of(rc);
    } else {
        status = report(s, &q, &rows);
    }
    audit_rows_release(&rows);
    wt_index_close(ix);
    return status;
}
