/*
 * timings.h - CPU time per stage (wiretrace.h: wt_timings), for the stages
 * of the library to add to.  Internal.
 */
#ifndef WT_TIMINGS_H
#define WT_TIMINGS_H

#include <stdint.h>

#include "wiretrace.h"

/* CPU time of the calling thread in nanoseconds. */
uint64_t wt_timings_now(void);

/* Adds the time since *since to stage of t and sets *since to now; does
 * nothing when t is NULL (nothing measured, no clock read). */
void wt_timings_lap(wt_timings *t, wt_stage stage, uint64_t *since);

/* CPU time of the whole process (every thread) in nanoseconds. */
uint64_t wt_timings_process_now(void);

/* As wt_timings_lap(), with since and now the process's CPU time: for a
 * stage that starts threads of its own, when nothing else runs in the
 * process meanwhile. */
void wt_timings_lap_process(wt_timings *t, wt_stage stage, uint64_t *since);

/* Adds n to tally of t; does nothing when t is NULL. */
void wt_timings_count(wt_timings *t, wt_tally tally, uint64_t n);

#endif
