/*
 * describe.c — how the checker words what it finds: violations with a JSON
 * pointer, period spans as numbers and dates, and small counting helpers
 * shared by the rule families.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "check/check_internal.h"
#include "instance/dates.h"
#include "util/diag.h"
#include "util/strutil.h"

pl_status pli_check_violation(pl_check_ctx *c, const char *path,
                             const char *format, ...)
{
    va_list ap;
    char *msg;
    pl_status status;

    va_start(ap, format);
    msg = pli_vasprintf(format, ap);
    va_end(ap);
    if (!msg)
        return PL_ERR_NOMEM;
    status = pli_diags_add_kind(&c->report->violations, format, PL_SEV_ERROR, c->file,
                               0, 0, path, msg);
    free(msg);
    return status;
}

static void date_of(const pl_horizon *h, int p, bool last, char buf[11])
{
    int y, m, d;
    if (last)
        pli_period_last_day(h, p, &y, &m, &d);
    else
        pli_period_first_day(h, p, &y, &m, &d);
    pli_format_date(y, m, d, buf);
    if (h->unit == PL_UNIT_MONTH && h->step == 1)
        buf[7] = '\0'; /* YYYY-MM */
}

void pli_check_span(const pl_check_ctx *c, int from, int to, char *buf,
                   size_t size)
{
    const pl_horizon *h = &c->inst->horizon;
    bool monthly = h->unit == PL_UNIT_MONTH && h->step == 1;
    char a[11], b[11];

    if (from == to && monthly) {
        date_of(h, from, false, a);
        snprintf(buf, size, "period %d (%s)", from, a);
    } else if (from == to) {
        date_of(h, from, false, a);
        date_of(h, to, true, b);
        snprintf(buf, size, "period %d (%s to %s)", from, a, b);
    } else {
        date_of(h, from, false, a);
        date_of(h, to, !monthly, b);
        snprintf(buf, size, "periods %d to %d (%s to %s)", from, to, a, b);
    }
}

int pli_check_placed(const pl_check_ctx *c, int t, int r)
{
    int n = 0;
    for (int p = 0; p < c->grid.length; p++)
        n += c->grid.rotation[pl_cell(c, t, p)] == r &&
             c->grid.site[pl_cell(c, t, p)] >= 0;
    return n;
}

int pli_check_done(const pl_check_ctx *c, int t, int r)
{
    const pl_trainee *tr = &c->inst->trainees[t];
    int n = tr->completed[r] + pli_check_placed(c, t, r);
    if (tr->previous.rotation == r)
        n += tr->previous.periods;
    return n;
}

const char *pli_check_site_id(const pl_check_ctx *c, int s)
{
    return s >= 0 && s < c->inst->n_sites ? c->inst->sites[s].id : "?";
}

const char *pli_check_rot_id(const pl_check_ctx *c, int r)
{
    return r >= 0 && r < c->inst->n_rotations ? c->inst->rotations[r].id : "?";
}
