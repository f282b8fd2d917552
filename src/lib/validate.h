/*
 * validate.h - checks on the arguments of public entry points, as dav1d
 * does them: a NULL handle or pointer is a bug in the caller, so a debug
 * build stops at the call (assert names the condition and the line), and
 * a release build (NDEBUG) returns an error instead of crashing.  Checks of
 * values a caller cannot know in advance (an index past the end, a call
 * out of order) stay ordinary error returns.  Internal.
 */
#ifndef WT_VALIDATE_H
#define WT_VALIDATE_H

#include <assert.h>

#define WT_CHECK_ARG(cond, ret)                                                \
    do {                                                                       \
        assert((cond) && "invalid argument to a public wiretrace call");       \
        if (!(cond))                                                           \
            return ret;                                                        \
    } while (0)

#endif
