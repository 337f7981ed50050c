/*
 * kept.c — the kept past of a re-plan (format.md 6, `--keep-until T`):
 * every trainee-period before T is exactly as in the reference schedule,
 * placed at the same site and rotation, or without a placement where the
 * reference has none.  A reference row in the kept past whose site or
 * rotation the instance no longer has cannot be kept and is a violation
 * too.  One violation per trainee and run of differing periods.
 */
#include <stdio.h>

#include "check/check_internal.h"

/* "kalix (pc)" or "no placement" for grid cell k into buf. */
static void where(const pl_check_ctx *c, const pl_check_grid *g, int k,
                  char *buf, size_t size)
{
    if (g->site[k] < 0)
        snprintf(buf, size, "no placement");
    else
        snprintf(buf, size, "%s (%s)", pli_check_site_id(c, g->site[k]),
                 pli_check_rot_id(c, g->rotation[k]));
}

static bool differs(const pl_check_grid *a, const pl_check_grid *b, int k)
{
    return a->site[k] != b->site[k] || (a->site[k] >= 0 && a->rotation[k] != b->rotation[k]);
}

/* Trainee t's differing runs before `until`. */
static pl_status trainee_kept(pl_check_ctx *c, const pl_check_grid *ref, int t, int until)
{
    pl_status status = PL_OK;
    const pl_check_grid *g = &c->grid;
    char span[96], got[160], want[160], path[64];
    int p = 0;
    while (p < until) {
        int k = pl_cell(c, t, p);
        if (!differs(g, ref, k)) {
            p++;
            continue;
        }
        int q = p;
        while (q + 1 < until && differs(g, ref, pl_cell(c, t, q + 1)) &&
               g->site[pl_cell(c, t, q + 1)] == g->site[k] &&
               g->rotation[pl_cell(c, t, q + 1)] == g->rotation[k] &&
               ref->site[pl_cell(c, t, q + 1)] == ref->site[k] &&
               ref->rotation[pl_cell(c, t, q + 1)] == ref->rotation[k])
            q++;
        pli_check_span(c, p, q, span, sizeof span);
        where(c, g, k, got, sizeof got);
        where(c, ref, k, want, sizeof want);
        if (g->row[k] >= 0)
            snprintf(path, sizeof path, "/placements/%d", g->row[k]);
        PL_TRY(pli_check_violation(c, g->row[k] >= 0 ? path : NULL,
                                  "%s has %s in %s, but the past is kept from the "
                                  "reference (before period %d), which has %s",
                                  c->inst->trainees[t].id, got, span, until, want));
        p = q + 1;
    }
cleanup:
    return status;
}

pl_status pli_check_kept(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    const pl_instance *inst = c->inst;
    pl_check_grid ref = {0};
    char span[96];
    int until = c->keep_until < inst->horizon.length ? c->keep_until : inst->horizon.length;

    if (!c->reference || until <= 0)
        return PL_OK;
    PL_TRY(pli_check_grid_reference(inst, c->reference, &ref));
    for (int t = 0; t < inst->n_trainees; t++)
        PL_TRY(trainee_kept(c, &ref, t, until));
    for (size_t i = 0; i < c->reference->n_dropped; i++) {
        const pl_row *row = &c->reference->dropped[i];
        if (row->t < 0 || row->from >= until)
            continue;
        pli_check_span(c, row->from, row->to < until ? row->to : until - 1, span, sizeof span);
        PL_TRY(pli_check_violation(c, NULL,
                                  "the reference has %s at %s (%s) in %s, in the kept past, "
                                  "but this instance has no %s %s",
                                  row->trainee, row->site, row->rotation, span,
                                  row->s < 0 ? "site" : "rotation",
                                  row->s < 0 ? row->site : row->rotation));
    }
cleanup:
    pli_check_grid_free(&ref);
    return status;
}
