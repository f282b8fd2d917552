/*
 * audit_rows.h - the rows of `wiretrace audit`, as the library sums them
 * (wt_index_audit), kept in memory for the writers: the outlets that used
 * the audited outlet's stories, each story with the outlets that used it,
 * and the months.  The writers only lay these figures out.
 */
#ifndef WT_CLI_AUDIT_ROWS_H
#define WT_CLI_AUDIT_ROWS_H

#include "wiretrace.h"

#include <stddef.h>

typedef struct audit_part_rows {
    wt_audit_row *v; /* strings owned (malloc'd) */
    size_t n, cap;
} audit_part_rows;

typedef struct audit_rows {
    audit_part_rows part[WT_AUDIT_MONTH + 1]; /* by wt_audit_part */
} audit_rows;

/* Runs the audit of q on ix into *out (zeroed first).  Returns 0 or the
 * WT_E* code of wt_index_audit (WT_ENOMEM when a row could not be
 * kept). */
int audit_rows_collect(wt_index *ix, const wt_audit_query *q, audit_rows *out);

void audit_rows_release(audit_rows *r);

/* "2026-03-14 08:05" (UTC) for t, "" for 0, into buf (at least 20
 * bytes); with iso "2026-03-14T08:05:00Z". */
void audit_time(int64_t t, int iso, char *buf, size_t n);

/* The uses of a row that did not credit the audited outlet. */
uint64_t audit_uncredited(const wt_audit_row *r);

#endif
