/*
 * walk.h - the input files of a run: paths with the ids reports name them
 * by.  A folder contributes its *.txt files and saved web pages (*.html,
 * *.htm, *.html.gz), or those --include names, sorted by id, so that runs do
 * not depend on the order the file system lists them in.  Only names are
 * held, never texts, plus what the command line says of each file.
 */
#ifndef WT_CLI_WALK_H
#define WT_CLI_WALK_H

#include <stddef.h>

#include <stdint.h>

typedef struct walk_list {
    char **ids;   /* owned */
    char **paths; /* owned */
    size_t n, cap;
    /* From --published and --outlet, per file (0 / NULL: not given);
     * both NULL when neither option was. */
    int64_t *published;
    const char **outlet; /* the strings are borrowed */
    /* walk_txt: the file name patterns (fnmatch) of inputs, borrowed;
     * none: *.txt, *.html, *.htm and *.html.gz. */
    char *const *include;
    size_t ninclude;
} walk_list;

/* Appends one file.  Bytes of id that are not valid UTF-8 are written
 * \\xNN (utf8_escape).  Returns 0, or -1 when out of memory. */
int walk_push(walk_list *l, const char *path, const char *id);

/* Appends the files paths[0..n), each named by its base name, or by its
 * path when another of them has the same base name.  Returns 0, or -1
 * when out of memory. */
int walk_files(walk_list *l, char *const *paths, size_t n);

/* Appends the input files below dir (see walk_list.include), ids relative to dir.  Symbolic links
 * are followed; unreadable folders, dangling links and link loops are
 * named on stderr, skipped, and make *status at least EXIT_INPUT
 * (msg.h).  Returns 0, or -1 when out
 * of memory. */
int walk_txt(walk_list *l, char *dir, int *status);

/* Makes the list one entry per file and one file per id, from entry
 * first on: a file given again (the same path, or a symbolic link to a
 * file already listed) is dropped; entries whose ids clash are named by
 * their paths, and a clash that remains gets "#2", "#3"...  Each change
 * is noted on stderr unless quiet.  Returns 0, or -1 when out of
 * memory. */
int walk_unique(walk_list *l, size_t first, int quiet);

void walk_release(walk_list *l);

#endif
