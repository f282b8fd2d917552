/* provenance.c - see provenance.h. */
#include "provenance.h"
#include "alloc.h"

#include <string.h>
#include <strings.h>
#include <unicode/ustring.h>

char *wt_outlet_canonical(const wt_agencies *agencies, const char *name)
{
    while (*name == ' ' || *name == '\t')
        name++;
    const char *agency = wt_agencies_canonical(agencies, name);
    if (agency)
        return wt_strdup(agency);
    size_t n = strlen(name);
    while (n && (name[n - 1] == ' ' || name[n - 1] == '.' ||
                 name[n - 1] == ','))
        n--;
    return wt_strndup(name, n);
}

static int add_capture(wt_document *d, URegularExpression *re, int kind,
                       const wt_agencies *agencies)
{
    UErrorCode err = U_ZERO_ERROR;
    UChar buf[256];
    char name[768];
    const int32_t n = uregex_group(re, 1, buf, 255, &err);
    if (U_FAILURE(err) || n <= 0)
        return 0;
    u_strToUTF8(name, sizeof name, NULL, buf, n, &err);
    if (U_FAILURE(err))
        return 0;
    char *canon = wt_outlet_canonical(agencies, name);
    if (!canon)
        return WT_ENOMEM;
    int rc = kind == WT_CREDIT_SOURCE
                 ? wt_name_list_add(&d->identity, &d->nidentity, canon)
                 : wt_name_list_add(&d->credits, &d->ncredits, canon);
    wt_free(canon);
    return rc;
}

int wt_provenance_scan(wt_document *d, const wt_profile *prof,
                       const wt_agencies *agencies)
{
    int rc = 0;
    for (size_t p = 0; p < d->npara && !rc; p++) {
        /* A photo credit says who took the picture, not who wrote. */
        if (d->paras[p].pub.boiler == WT_BOILER_CAPTION)
            continue;
        const int32_t s = wt_text_index_at(&d->text, d->paras[p].pub.start);
        const int32_t e = wt_text_index_at(&d->text, d->paras[p].pub.end);
        for (size_t i = 0; i < prof->ncredit && !rc; i++) {
            UErrorCode err = U_ZERO_ERROR;
            URegularExpression *re = prof->credit[i].re;
            uregex_setText(re, d->text.u + s, e - s, &err);
            while (!rc && U_SUCCESS(err) && uregex_findNext(re, &err))
                rc = add_capture(d, re, prof->credit[i].kind, agencies);
            uregex_setText(re, u"", 0, &err);
        }
    }
    return rc;
}

static int lists_meet(char *const *a, size_t na, char *const *b, size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (!strcasecmp(a[i], b[j]))
                return 1;
    return 0;
}

wt_origin wt_provenance_origin(const wt_document *a, const wt_document *b)
{
    const int a_took = lists_meet(a->credits, a->ncredits, b->identity,
                                  b->nidentity);
    const int b_took = lists_meet(b->credits, b->ncredits, a->identity,
                                  a->nidentity);
    if (a_took != b_took)
        return a_took ? WT_ORIGIN_OTHER : WT_ORIGIN_THIS;
    if (a->published && b->published && a->published != b->published)
        return a->published > b->published ? WT_ORIGIN_OTHER
                                           : WT_ORIGIN_THIS;
    return WT_ORIGIN_UNKNOWN;
}

int wt_document_credits(const wt_document *a, const wt_document *b)
{
    if (!a || !b)
        return 0;
    return lists_meet(a->credits, a->ncredits, b->identity, b->nidentity);
}
