/*
 * number.c - local number formats read as values.  Which mark is the
 * decimal mark and which ones group digits comes from the profile
 * ("decimal = ,", "group = . space"); a group mark counts only before
 * exactly three digits, so "12.5" stays 12.5 where '.' groups.
 */
#include "number.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#define MAX_CHARS 64

void wt_num_init(wt_num *n)
{
    /* Not the whole array: pieces past n->pieces are never read, and every
     * word of a text is read as a number first. */
    n->pieces = n->digit_pieces = n->spaced = n->percent = 0;
    n->first_kind = n->last_kind = -1;
    memset(&n->piece[0], 0, sizeof n->piece[0]);
}

static int is_group_mark(const wt_profile *p, UChar32 c)
{
    if (c == '\'' || c == 0x066C)
        return 1;
    if (!p)
        return c == ',';
    return wt_profile_is_group(p, (int)c);
}

static int is_decimal_mark(const wt_profile *p, UChar32 c)
{
    if (c == 0x066B)
        return 1;
    return c == (p ? p->decimal : '.');
}

/* Digits of c[i..n) before the next non-digit. */
static int digit_run(const UChar32 *c, int i, int n)
{
    int r = 0;
    while (i + r < n && u_charDigitValue(c[i + r]) >= 0)
        r++;
    return r;
}

/* Reads the digit run c[0..n) (digits and marks between digits). */
static int parse_digits(const wt_profile *p, const UChar32 *c, int n,
                        wt_num_piece *out)
{
    double ip = 0, frac = 0, scale = 1;
    int seen_dec = 0, int_digits = 0, marked = 0;
    for (int i = 0; i < n; i++) {
        const int d = u_charDigitValue(c[i]);
        if (d >= 0) {
            if (seen_dec) {
                scale /= 10;
                frac += d * scale;
            } else {
                ip = ip * 10 + d;
                int_digits++;
            }
            continue;
        }
        const int r = digit_run(c, i + 1, n);
        const int last = i + 1 + r >= n;
        marked = 1;
        if (r == 0)
            return 0;
        if (!seen_dec && is_group_mark(p, c[i]) && r == 3 &&
            (last || !is_group_mark(p, c[i]) || c[i + 4] == c[i] ||
             is_decimal_mark(p, c[i + 4])))
            continue;
        if (!seen_dec &&
            (is_decimal_mark(p, c[i]) || c[i] == '.' || c[i] == ',')) {
            seen_dec = 1;
            continue;
        }
        return 0;
    }
    out->value = ip + frac;
    out->kind = -1;
    out->int_digits = int_digits;
    out->marked = marked;
    return 1;
}

static int add_piece(wt_num *n, const wt_num_piece *pc)
{
    if (n->pieces >= WT_NUM_MAX_PIECES)
        return 0;
    n->piece[n->pieces++] = *pc;
    if (n->pieces == 1)
        n->first_kind = pc->kind;
    n->last_kind = pc->kind;
    if (pc->kind < 0)
        n->digit_pieces++;
    if (pc->kind == WT_NUMW_PERCENT)
        n->percent = 1;
    return 1;
}

/* A run of letters: must be one number word of the profile. */
static int parse_word(const wt_profile *p, const char *w, size_t len,
                      wt_num_piece *out)
{
    double v;
    int kind = 0;
    if (!p || !wt_profile_number_word(p, wt_word_hash(w, len), &v, &kind) ||
        kind == WT_NUMW_JOINER)
        return 0;
    out->value = v;
    out->kind = kind;
    out->int_digits = 0;
    out->marked = 0;
    return 1;
}

/* The first code point of w[0, len) (len > 0), negative when invalid. */
static UChar32 first_point(const char *w, size_t len)
{
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(w, i, (int32_t)len, c);
    return c;
}

int wt_num_parse(wt_num *n, const wt_profile *prof, const char *w, size_t len)
{
    wt_num_init(n);
    /* Most words are no number: a first letter that is no digit and starts
     * no number word says so before the word is decoded. */
    if (!len)
        return 0;
    const unsigned char b0 = (unsigned char)w[0];
    const int digit = b0 < 128 ? b0 >= '0' && b0 <= '9'
                               : u_charDigitValue(first_point(w, len)) >= 0;
    if (!digit && (!prof || !wt_profile_number_first(prof, w, len)))
        return 0;
    UChar32 c[MAX_CHARS];
    int32_t at[MAX_CHARS + 1];
    int nc = 0;
    for (int32_t i = 0; i < (int32_t)len;) {
        if (nc == MAX_CHARS)
            return 0;
        at[nc] = i;
        U8_NEXT(w, i, (int32_t)len, c[nc]);
        if (c[nc] < 0)
            return 0;
        nc++;
    }
    at[nc] = (int32_t)len;
    for (int i = 0; i < nc;) {
        wt_num_piece pc;
        int j = i;
        if (u_charDigitValue(c[i]) >= 0) {
            /* digits, with marks that have a digit after them */
            while (j < nc && (u_charDigitValue(c[j]) >= 0 ||
                              (j + 1 < nc && !u_isalpha(c[j]) &&
                               u_charDigitValue(c[j + 1]) >= 0)))
                j++;
            if (!parse_digits(prof, c + i, j - i, &pc))
                goto fail;
        } else {
            /* the longest number word that starts here: "千万" is two.
             * Letters are read only while some number word starts with
             * them, and a number word can end only where a whole one does
             * (ends[]): most words cost one lookup, not two a letter. */
            int ends[MAX_CHARS], nends = 0, m;
            while (j < nc && u_charDigitValue(c[j]) < 0 && prof &&
                   (m = wt_profile_number_prefix(
                        prof, wt_word_hash(w + at[i],
                                           (size_t)(at[j + 1] - at[i]))))) {
                if (m & WT_NUMBER_WHOLE)
                    ends[nends++] = j + 1;
                j++;
            }
            while (nends &&
                   !parse_word(prof, w + at[i],
                               (size_t)(at[ends[nends - 1]] - at[i]), &pc))
                nends--;
            if (!nends)
                goto fail;
            j = ends[nends - 1];
            if (pc.kind == WT_NUMW_PREFIX) {
                /* only at the start, right before digits: "و12000" */
                if (i != 0 || j == nc)
                    goto fail;
                i = j;
                continue;
            }
            if (pc.kind == WT_NUMW_UNIT) {
                /* only as the end of a word that has digits: "2발" */
                if (j != nc || !n->digit_pieces)
                    goto fail;
                break;
            }
        }
        if (!add_piece(n, &pc))
            goto fail;
        i = j;
    }
    return n->pieces > 0;
fail:
    wt_num_init(n);
    return 0;
}

double wt_num_value(const wt_num *n)
{
    double parts[WT_NUM_MAX_PIECES];
    int np = 0, has_cur = 0;
    double cur = 0;
    for (int i = 0; i < n->pieces; i++) {
        const wt_num_piece *pc = &n->piece[i];
        if (pc->kind == WT_NUMW_PERCENT)
            continue;
        if (pc->kind != WT_NUMW_MULTIPLIER) {
            cur += pc->value;
            has_cur = 1;
            continue;
        }
        /* A multiplier scales everything smaller before it: "5千万" is
         * (5 * 1000) * 10000, "1만2천" is 1 * 10000 + 2 * 1000. */
        double x = has_cur ? cur : 0;
        while (np && parts[np - 1] < pc->value)
            x += parts[--np];
        if (x == 0)
            x = 1;
        parts[np++] = x * pc->value;
        cur = 0;
        has_cur = 0;
    }
    double v = cur;
    for (int i = 0; i < np; i++)
        v += parts[i];
    return v;
}

int wt_num_space_group_ok(const wt_num *n, const wt_num *next)
{
    if (n->pieces != 1 || next->pieces != 1 || n->first_kind != -1 ||
        next->first_kind != -1)
        return 0;
    const wt_num_piece *a = &n->piece[0], *b = &next->piece[0];
    if (a->marked || (!n->spaced && (a->int_digits < 1 || a->int_digits > 3)))
        return 0;
    return b->int_digits == 3;
}

int wt_num_words_add(const wt_num *n, const wt_num *next)
{
    const double a = n->piece[n->pieces - 1].value;
    const double b = next->piece[0].value;
    if (a < 10 || b < 1)
        return 0;
    double base = 1;
    while (base * 10 <= a && (long long)a % (long long)(base * 10) == 0)
        base *= 10;
    return base > 1 && b < base;
}

void wt_num_append(wt_num *n, const wt_num *next, int space_group)
{
    if (space_group && wt_num_space_group_ok(n, next)) {
        wt_num_piece *a = &n->piece[0];
        a->value = a->value * 1000 + next->piece[0].value;
        a->int_digits = 3;
        a->marked = next->piece[0].marked;
        n->spaced = 1;
        return;
    }
    for (int i = 0; i < next->pieces; i++)
        add_piece(n, &next->piece[i]);
}
