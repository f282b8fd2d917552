/*
 * replay.c - runs a fuzz target without libFuzzer: every file of the
 * folders (or the files) given is passed once to LLVMFuzzerTestOneInput,
 * in name order.  A failed check aborts, which fails the test; the
 * sanitizer build also reports any leak or memory error.
 */
#define _DEFAULT_SOURCE
#include "fuzz_common.h"

#include <dirent.h>
#include <sys/stat.h>

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0, got;
    do {
        if (n + 65536 > cap) {
            cap = (n + 65536) * 2;
            unsigned char *b = realloc(buf, cap);
            FUZZ_CHECK(b != NULL);
            buf = b;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    LLVMFuzzerTestOneInput(buf, n);
    free(buf);
    return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

int main(int argc, char **argv)
{
    size_t ran = 0, bad = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st)) {
            perror(argv[i]);
            bad++;
            continue;
        }
        if (!S_ISDIR(st.st_mode)) {
            bad += run_file(argv[i]) != 0;
            ran++;
            continue;
        }
        struct dirent **names = NULL;
        const int k = scandir(argv[i], &names, NULL, by_name);
        for (int j = 0; j < k; j++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[i], names[j]->d_name);
            if (names[j]->d_name[0] != '.' && !stat(path, &st) &&
                S_ISREG(st.st_mode)) {
                bad += run_file(path) != 0;
                ran++;
            }
            free(names[j]);
        }
        free(names);
        if (k < 0) {
            perror(argv[i]);
            bad++;
        }
    }
    printf("%zu passed, %zu failed\n", ran - bad, bad);
    return bad || ran == 0;
}
