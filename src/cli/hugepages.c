/*
 * hugepages.c - re-execution with glibc's huge-page tunable (see
 * hugepages.h).  Measured on 15,149 Reuters articles, `scan -j 1`: 121,000
 * page faults become 8,000 and the CPU time 0.86 of what it was; on
 * 1,000 and 4,000 articles 0.88 to 0.93, with 1 to 2.5 % more peak
 * memory.  The second start costs about 6 ms (a two-file compare, 0.113
 * against 0.107 s).
 */
#include "hugepages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TUNABLE "glibc.malloc.hugetlb"
#define THP_MODE "/sys/kernel/mm/transparent_hugepage/enabled"

/* Is the kernel's mode "madvise": huge pages only where asked for?  With
 * "always" the heap has them already, with "never" asking is no use. */
static int thp_on_request(void)
{
    char line[128] = "";
    FILE *f = fopen(THP_MODE, "r");
    if (!f)
        return 0;
    const int ok = fgets(line, sizeof line, f) != NULL;
    fclose(f);
    return ok && strstr(line, "[madvise]") != NULL;
}

void cli_huge_pages(char **argv)
{
    const char *old = getenv("GLIBC_TUNABLES");
    if (old && !*old)
        old = NULL;
    if ((old && strstr(old, TUNABLE)) || !thp_on_request())
        return;
    char *saved = old ? strdup(old) : NULL;
    const size_t n = (old ? strlen(old) + 1 : 0) + sizeof TUNABLE "=1";
    char *val = malloc(n);
    if (!val || (old && !saved)) {
        free(val);
        free(saved);
        return;
    }
    snprintf(val, n, "%s%s" TUNABLE "=1", old ? old : "", old ? ":" : "");
    if (!setenv("GLIBC_TUNABLES", val, 1))
        execv("/proc/self/exe", argv);
    /* Still here: no /proc, or no exec allowed.  Run as if not asked. */
    if (saved)
        setenv("GLIBC_TUNABLES", saved, 1);
    else
        unsetenv("GLIBC_TUNABLES");
    free(val);
    free(saved);
}
