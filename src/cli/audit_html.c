/* audit_html.c - see audit_html.h. */
#include "audit_html.h"
#include "slice.h"

#include <inttypes.h>
#include <string.h>

#define BAR_W 28    /* a month's bar in the month chart, in px */
#define CHART_H 160 /* the month chart's bars at most, in px */
#define ROW_H 22    /* an outlet's bar in the outlet chart */
#define LABEL_W 220 /* the outlet names left of their bars */
#define SCALE_W 420 /* the longest outlet bar */
#define C_YES "#3c8d2f"
#define C_NO "#c0392b"

static const char css[] =
    "body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1200px;"
    "padding:0 1.2em 3em;color:#222;background:#fafafa;"
    "overflow-wrap:anywhere}"
    "h1{margin:.6em 0 .1em}h2{margin:1.6em 0 .4em;font-size:1.25em}"
    ".sub{color:#555;margin:.2em 0 .8em}"
    "table{border-collapse:collapse;background:#fff;width:100%}"
    "th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;"
    "vertical-align:top}td.n{text-align:right}th{background:#f0f0f0}"
    ".ok{color:" C_YES "}.no{color:" C_NO ";font-weight:600}"
    "svg{background:#fff;border:1px solid #ddd;max-width:100%;height:auto}"
    "svg text{font:12px system-ui,sans-serif}"
    ".key span{display:inline-block;width:.9em;height:.9em;margin:0 .3em "
    "0 1em;vertical-align:middle}";

static const char *name_of(const wt_audit_row *r)
{
    return r->outlet && r->outlet[0] ? r->outlet : "(no outlet)";
}

/* Stacked bars, one per month: credited uses below, the others above. */
static void month_chart(FILE *f, const audit_part_rows *m)
{
    uint64_t top = 1;
    for (size_t i = 0; i < m->n; i++)
        top = m->v[i].uses > top ? m->v[i].uses : top;
    const size_t w = 50 + m->n * (BAR_W + 12);
    fprintf(f,
            "<svg role=\"img\" aria-label=\"uses per month\" width=\"%zu\" "
            "height=\"%d\" viewBox=\"0 0 %zu %d\">",
            w, CHART_H + 50, w, CHART_H + 50);
    fprintf(f, "<text x=\"4\" y=\"14\">%" PRIu64 "</text>", top);
    for (size_t i = 0; i < m->n; i++) {
        const wt_audit_row *r = &m->v[i];
        const double yes = (double)CHART_H * (double)r->credited / (double)top;
        const double all = (double)CHART_H * (double)r->uses / (double)top;
        const size_t x = 40 + i * (BAR_W + 12);
        fprintf(f,
                "<rect x=\"%zu\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" "
                "fill=\"" C_NO "\"><title>",
                x, 20 + CHART_H - all, BAR_W, all - yes);
        html_put(f, r->month);
        fprintf(f, ": %" PRIu64 " not credited</title></rect>",
                audit_uncredited(r));
        fprintf(f,
                "<rect x=\"%zu\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" "
                "fill=\"" C_YES "\"><title>",
                x, 20 + CHART_H - yes, BAR_W, yes);
        html_put(f, r->month);
        fprintf(f, ": %" PRIu64 " credited</title></rect>", r->credited);
        fprintf(f, "<text x=\"%zu\" y=\"%d\">", x, CHART_H + 40);
        html_put(f, r->month);
        fputs("</text>", f);
    }
    fputs("</svg>\n", f);
}

/* One bar per outlet, its credited uses first. */
static void outlet_chart(FILE *f, const audit_part_rows *o)
{
    uint64_t top = 1;
    for (size_t i = 0; i < o->n; i++)
        top = o->v[i].uses > top ? o->v[i].uses : top;
    const size_t h = 10 + o->n * ROW_H;
    fprintf(f,
            "<svg role=\"img\" aria-label=\"credited uses per outlet\" "
            "width=\"%d\" height=\"%zu\" viewBox=\"0 0 %d %zu\">",
            LABEL_W + SCALE_W + 60, h, LABEL_W + SCALE_W + 60, h);
    for (size_t i = 0; i < o->n; i++) {
        const wt_audit_row *r = &o->v[i];
        const double yes = (double)SCALE_W * (double)r->credited / (double)top;
        const double all = (double)SCALE_W * (double)r->uses / (double)top;
        const size_t y = 5 + i * ROW_H;
        fprintf(f, "<text x=\"4\" y=\"%zu\">", y + 15);
        html_put(f, name_of(r));
        fprintf(f,
                "</text><rect x=\"%d\" y=\"%zu\" width=\"%.1f\" "
                "height=\"%d\" fill=\"" C_YES "\"/>"
                "<rect x=\"%.1f\" y=\"%zu\" width=\"%.1f\" height=\"%d\" "
                "fill=\"" C_NO "\"/><text x=\"%.1f\" y=\"%zu\">%" PRIu64
                " of %" PRIu64 "</text>",
                LABEL_W, y, yes, ROW_H - 6, LABEL_W + yes, y, all - yes,
                ROW_H - 6, LABEL_W + all + 6, y + 15, r->credited, r->uses);
    }
    fputs("</svg>\n", f);
}

static void class_cells(FILE *f, const wt_audit_row *r)
{
    for (int k = 0; k < WT_AUDIT_CLASSES; k++)
        fprintf(f, "<td class=\"n\">%" PRIu64 "</td>", r->by_class[k]);
}

static void outlet_table(FILE *f, const audit_part_rows *o)
{
    fputs("<table><tr><th>outlet</th><th>stories</th><th>uses</th>"
          "<th>words</th><th>verbatim</th><th>edited</th><th>rewrite</th>"
          "<th>translation</th><th>credited</th><th>first use</th>"
          "<th>last use</th></tr>\n",
          f);
    for (size_t i = 0; i < o->n; i++) {
        const wt_audit_row *r = &o->v[i];
        char first[32], last[32];
        audit_time(r->first, 0, first, sizeof first);
        audit_time(r->last, 0, last, sizeof last);
        fputs("<tr><td>", f);
        html_put(f, name_of(r));
        fprintf(f,
                "</td><td class=\"n\">%" PRIu64 "</td><td class=\"n\">%" PRIu64
                "</td><td class=\"n\">%" PRIu64 "</td>",
                r->stories, r->uses, r->words);
        class_cells(f, r);
        fprintf(f,
                "<td class=\"n %s\">%" PRIu64 " of %" PRIu64 "</td><td>%s</td>"
                "<td>%s</td></tr>\n",
                r->credited == r->uses ? "ok" : "no", r->credited, r->uses,
                first, last);
    }
    fputs("</table>\n", f);
}

static void story_table(FILE *f, const audit_part_rows *s)
{
    fputs("<table><tr><th>story</th><th>outlet</th><th>uses</th>"
          "<th>words</th><th>verbatim</th><th>edited</th><th>rewrite</th>"
          "<th>translation</th><th>credited</th><th>first use</th></tr>\n",
          f);
    for (size_t i = 0; i < s->n; i++) {
        const wt_audit_row *r = &s->v[i];
        const int same = i && !strcmp(s->v[i - 1].story, r->story);
        char first[32], pub[32];
        audit_time(r->first, 0, first, sizeof first);
        audit_time(r->published, 0, pub, sizeof pub);
        fputs("<tr><td>", f);
        if (!same) {
            fputs("<b>", f);
            html_put(f, r->story);
            fputs("</b> ", f);
            html_put(f, pub);
            fputs("<br>", f);
            html_put(f, r->title);
        }
        fputs("</td><td>", f);
        html_put(f, name_of(r));
        fprintf(f,
                "</td><td class=\"n\">%" PRIu64 "</td><td class=\"n\">%" PRIu64
                "</td>",
                r->uses, r->words);
        class_cells(f, r);
        fprintf(f, "<td class=\"%s\">%s</td><td>%s</td></tr>\n",
                r->credited == r->uses ? "ok" : "no",
                r->credited == r->uses ? "yes"
                : r->credited          ? "partly"
                                       : "no",
                first);
    }
    fputs("</table>\n", f);
}

int audit_html_write(FILE *f, const audit_rows *rows, const char *outlet,
                     const char *range)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width\"><title>"
          "Audit of ",
          f);
    html_put(f, outlet);
    fprintf(f, "</title><style>%s</style></head><body>\n<h1>Who used ", css);
    html_put(f, outlet);
    fputs("&#8217;s stories</h1>\n<p class=\"sub\">", f);
    html_put(f, range);
    fputs("</p>\n", f);
    if (!rows->part[WT_AUDIT_OUTLET].n) {
        fputs("<p>No uses of ", f);
        html_put(f, outlet);
        fputs(".</p>\n", f);
    } else {
        fputs("<p class=\"key\"><span style=\"background:" C_YES
              "\"></span>credited<span style=\"background:" C_NO
              "\"></span>not credited</p>\n<h2>Uses per month</h2>\n",
              f);
        month_chart(f, &rows->part[WT_AUDIT_MONTH]);
        fputs("<h2>Outlets</h2>\n", f);
        outlet_chart(f, &rows->part[WT_AUDIT_OUTLET]);
        outlet_table(f, &rows->part[WT_AUDIT_OUTLET]);
        fputs("<h2>Stories</h2>\n", f);
        story_table(f, &rows->part[WT_AUDIT_STORY]);
    }
    fputs("</body></html>\n", f);
    return ferror(f) ? -1 : 0;
}
