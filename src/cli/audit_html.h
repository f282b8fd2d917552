/*
 * audit_html.h - `wiretrace audit --html FILE`: one self-contained page
 * (no external assets, every text escaped) with the audit's tables and
 * two small SVG charts drawn here: the uses per month, credited and not,
 * and per outlet the uses that credit the audited outlet and those that
 * do not.
 */
#ifndef WT_CLI_AUDIT_HTML_H
#define WT_CLI_AUDIT_HTML_H

#include "audit_rows.h"

#include <stdio.h>

/* Writes the page of rows, the audit of outlet over range (a phrase such
 * as "all time", shown as given).  Returns 0, or -1 when a write
 * failed. */
int audit_html_write(FILE *f, const audit_rows *rows, const char *outlet,
                     const char *range);

#endif
