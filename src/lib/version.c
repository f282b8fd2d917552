/* version.c - the version the library was built as (wiretrace_version.h,
 * generated from meson.build's project version). */
#include "wiretrace.h"

const char *wt_version(void) { return WT_VERSION; }
