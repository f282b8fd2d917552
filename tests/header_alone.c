/* Compiles the public header alone: it must need nothing else. */
#include "wiretrace.h"

int main(void)
{
    wt_options o;
    wt_options_init(&o);
    return o.shingle_k == 0;
}
