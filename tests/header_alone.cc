// The C++ twin of header_alone.c: the public header, included alone in a
// C++ file, compiles as pedantic C++11 and links with C linkage.
#include "wiretrace.h"

#include <cstring>

int main()
{
    wt_options o;
    wt_options_init(&o);
    // The library and the headers are the same version.
    return o.shingle_k == 0 || std::strcmp(wt_version(), WT_VERSION) != 0;
}
