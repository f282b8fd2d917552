/*
 * number.h - numbers as values.  One word ("12,000", "12.000" in German,
 * "1만2천", "twelve") or a few neighbouring words ("12 million", "1만 2000",
 * "12 тысяч", "5 por ciento") are read as pieces (digit runs and number
 * words of the profile) and folded into one value, so that every local way
 * of writing a number gives the same token.
 */
#ifndef WT_NUMBER_H
#define WT_NUMBER_H

#include "profile.h"

#include <stddef.h>

#define WT_NUM_MAX_PIECES 12

typedef struct wt_num_piece {
    double value;
    int kind;       /* WT_NUMW_*, or -1 for digits */
    int int_digits; /* digits before any decimal mark (digits only) */
    int marked;     /* had group or decimal marks (digits only) */
} wt_num_piece;

typedef struct wt_num {
    wt_num_piece piece[WT_NUM_MAX_PIECES];
    int pieces; /* 0: not a number */
    int digit_pieces;
    int first_kind; /* kind of the first piece */
    int last_kind;  /* kind of the last piece */
    int spaced;     /* digit groups were joined across spaces */
    int percent;
} wt_num;

void wt_num_init(wt_num *n);

/* Reads the folded UTF-8 word w[0..len) as number pieces.  Returns 1 and
 * fills n when the whole word is a number, else 0.  prof gives the decimal
 * and group marks and the number words; NULL means English conventions. */
int wt_num_parse(wt_num *n, const wt_profile *prof, const char *w, size_t len);

/* The value of the pieces: "1만2천" = 1*10000 + 2*1000. */
double wt_num_value(const wt_num *n);

/* May next be a space-separated digit group of n ("12" + "000")? */
int wt_num_space_group_ok(const wt_num *n, const wt_num *next);

/* Do two spelled-out numbers add up ("twenty" "five", "trescientos"
 * "cincuenta"): the first a round number, the second below its rounding? */
int wt_num_words_add(const wt_num *n, const wt_num *next);

/* Appends next's pieces to n; space_group joins n's last digit run and
 * next's digits as one number ("12 000"). */
void wt_num_append(wt_num *n, const wt_num *next, int space_group);

#endif
