/*
 * pins.c — pinned placements (format.md §3.7, §3.9.15).
 *
 * A `fixed` entry pins every period of its range: the trainee is placed at
 * a cell that matches the pinned site and/or rotation (or anywhere when
 * neither is given).  A period with no such cell cannot be honoured; that
 * is recorded as a reason in planners' words, which makes the instance
 * infeasible before any solving.
 */
#include <math.h>
#include <stdio.h>

#include "instance/dates.h"
#include "model/model.h"

static void describe(const pl_instance *inst, const pl_fixed *f, char *buf,
                     size_t size)
{
    if (f->site >= 0 && f->rotation >= 0)
        snprintf(buf, size, "at %s (%s)", inst->sites[f->site].id,
                 inst->rotations[f->rotation].id);
    else if (f->site >= 0)
        snprintf(buf, size, "at %s", inst->sites[f->site].id);
    else if (f->rotation >= 0)
        snprintf(buf, size, "in %s", inst->rotations[f->rotation].id);
    else
        snprintf(buf, size, "somewhere");
}

pl_status pli_model_pins(pl_model *m, const pl_build_options *opt)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    pl_terms row = {0};
    char name[96], where[160], date[11];
    int y, mo, d;

    if (opt->relax & PL_FAMILY_PINS)
        goto cleanup;
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (!pli_model_trainee_built(opt, t))
            continue;
        for (int k = 0; k < tr->n_fixed; k++) {
            const pl_fixed *f = &tr->fixed[k];
            for (int p = f->from; p <= f->to; p++) {
                size_t n;
                const pl_cell *c = pl_model_cells(m, t, p, &n);
                pli_terms_clear(&row);
                for (size_t i = 0; i < n; i++)
                    if ((f->site < 0 || c[i].s == f->site) &&
                        (f->rotation < 0 || c[i].r == f->rotation))
                        PL_TRY(pli_terms_add(&row, c[i].col, 1.0));
                if (row.n == 0 && m->present_col[t] >= 0) {
                    /* pins bind only an allocated trainee: this one cannot be */
                    m->col_ub[m->present_col[t]] = 0.0;
                    continue;
                }
                if (row.n == 0) {
                    describe(inst, f, where, sizeof where);
                    pli_period_first_day(&inst->horizon, p, &y, &mo, &d);
                    pli_format_date(y, mo, d, date);
                    PL_TRY(pli_model_add_reason(
                        m,
                        "%s is pinned %s in period %d (%s), but cannot be placed "
                        "there then (inactive, not allowed by its rules, no "
                        "capacity, or no supervisor available)",
                        tr->id, where, p, date));
                    continue;
                }
                snprintf(name, sizeof name, "pin_%d_%d_%d", t, k, p);
                PL_TRY(pli_model_add_trainee_row(m, t, 1.0, 1.0, &row, name));
            }
        }
    }
cleanup:
    pli_terms_free(&row);
    return status;
}
