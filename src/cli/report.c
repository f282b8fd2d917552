/* report.c - the writer a command prints with, and the --html page. */
#include "report.h"

#include <errno.h>
#include <string.h>

report_writer report_writer_for(cli_format format)
{
    switch (format) {
    case FMT_JSON: return report_json;
    case FMT_JSONL: return report_jsonl;
    case FMT_TEXT:
    case FMT_CSV: break; /* csv is audit's only, which has its own writers */
    }
    return report_text;
}

int report_html_file(const wt_corpus *c, const cli_settings *s,
                     const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        cli_error("%s: cannot write: %s", path, strerror(errno));
        return -1;
    }
    int rc = report_html(c, s, f);
    if (fclose(f) || rc) {
        cli_error("%s: cannot write the HTML report", path);
        return -1;
    }
    return 0;
}
