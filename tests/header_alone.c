/* Compiles the public header alone: it must need nothing else, and it is
 * pedantic C99, so programs on older compilers and modes can use it. */
#include "wiretrace.h"

#include <string.h>

int main(void)
{
    wt_options o;
    wt_options_init(&o);
    /* The library and the headers are the same version. */
    return o.shingle_k == 0 || strcmp(wt_version(), WT_VERSION) != 0;
}
