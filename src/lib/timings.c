/* timings.c - see timings.h and wiretrace.h (wt_timings). */
#define _POSIX_C_SOURCE 200809L
#include "timings.h"
#include "alloc.h"

#include <stdatomic.h>
#include <time.h>

struct wt_timings {
    /* Nanoseconds: atomic, since -j N workers add to one. */
    atomic_uint_fast64_t ns[WT_STAGE_COUNT];
    atomic_uint_fast64_t tally[WT_TALLY_COUNT];
};

int wt_timings_new(wt_timings **out)
{
    wt_timings *t = wt_calloc(1, sizeof *t);
    if (!t)
        return WT_ENOMEM;
    for (int i = 0; i < WT_STAGE_COUNT; i++)
        atomic_init(&t->ns[i], 0);
    for (int i = 0; i < WT_TALLY_COUNT; i++)
        atomic_init(&t->tally[i], 0);
    *out = t;
    return 0;
}

void wt_timings_free(wt_timings *t) { wt_free(t); }

static uint64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    if (clock_gettime(id, &ts))
        return 0;
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t wt_timings_now(void) { return clock_ns(CLOCK_THREAD_CPUTIME_ID); }

uint64_t wt_timings_process_now(void)
{
    return clock_ns(CLOCK_PROCESS_CPUTIME_ID);
}

double wt_thread_cpu_seconds(void) { return (double)wt_timings_now() / 1e9; }

static void lap(wt_timings *t, wt_stage stage, uint64_t *since, uint64_t now)
{
    if ((unsigned)stage < WT_STAGE_COUNT && now > *since)
        atomic_fetch_add_explicit(&t->ns[stage], now - *since,
                                  memory_order_relaxed);
    *since = now;
}

void wt_timings_lap(wt_timings *t, wt_stage stage, uint64_t *since)
{
    if (t)
        lap(t, stage, since, wt_timings_now());
}

void wt_timings_lap_process(wt_timings *t, wt_stage stage, uint64_t *since)
{
    if (t)
        lap(t, stage, since, wt_timings_process_now());
}

void wt_timings_add(wt_timings *t, wt_stage stage, double seconds)
{
    if (t && (unsigned)stage < WT_STAGE_COUNT && seconds > 0)
        atomic_fetch_add_explicit(&t->ns[stage], (uint_fast64_t)(seconds * 1e9),
                                  memory_order_relaxed);
}

double wt_timings_get(const wt_timings *t, wt_stage stage)
{
    if (!t || (unsigned)stage >= WT_STAGE_COUNT)
        return 0;
    /* atomic_load takes a pointer to non-const in C11. */
    return (double)atomic_load_explicit((atomic_uint_fast64_t *)&t->ns[stage],
                                        memory_order_relaxed) /
           1e9;
}

void wt_timings_count(wt_timings *t, wt_tally tally, uint64_t n)
{
    if (t && (unsigned)tally < WT_TALLY_COUNT && n)
        atomic_fetch_add_explicit(&t->tally[tally], n, memory_order_relaxed);
}

uint64_t wt_timings_tally(const wt_timings *t, wt_tally tally)
{
    if (!t || (unsigned)tally >= WT_TALLY_COUNT)
        return 0;
    return atomic_load_explicit((atomic_uint_fast64_t *)&t->tally[tally],
                                memory_order_relaxed);
}

const char *wt_stage_name(wt_stage stage)
{
    static const char *const names[WT_STAGE_COUNT] = {
        "input",    "language", "paragraphs", "credits", "words",
        "shingles", "analysis", "storage",    "output"};
    return (unsigned)stage < WT_STAGE_COUNT ? names[stage] : "";
}
