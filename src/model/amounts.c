/*
 * amounts.c — how many periods of each rotation (format.md §3.4) and at
 * each site (`max_per_site`, §2.5, §3.9.7).
 *
 * With h = completed[r] + previous periods in r (history):
 *   Σ x[t,·,r,·] <= max - h                         (hard)
 *   u[t,r] >= min - h - Σ x[t,·,r,·],  u >= 0       (unmet, soft)
 * For a rotation in a choice the minimum applies only when it is chosen:
 *   u[t,r] >= min·c[t,r] - h - Σ x   (c from choices.c).
 */
#include <math.h>
#include <stdio.h>

#include "model/model.h"

static pl_status rotation_amount(pl_model *m, const pl_build_options *opt,
                                 int t, int r, pl_terms *row)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    const pl_trainee *tr = &inst->trainees[t];
    const pl_rule *rule = &tr->rules[r];
    int T = inst->horizon.length;
    int h = tr->completed[r] + pli_model_prev_periods(tr, r);
    int choice = m->choice_col[t * inst->n_rotations + r];
    double w = opt->no_costs ? 0.0 : tr->weights.unmet;
    char name[96];

    pli_terms_clear(row);
    for (int p = 0; p < T; p++) {
        size_t n;
        const pl_cell *c = pl_model_cells(m, t, p, &n);
        for (size_t i = 0; i < n; i++)
            if (c[i].r == r)
                PL_TRY(pli_terms_add(row, c[i].col, 1.0));
    }
    if (!(opt->relax & PL_FAMILY_MAX) && rule->max != PL_UNLIMITED &&
        row->n > rule->max - h) {
        snprintf(name, sizeof name, "max_%d_%d", t, r);
        PL_TRY(pli_model_add_trainee_row(m, t, -HUGE_VAL, rule->max - h, row, name));
    }
    int need = rule->min - h;
    if (need <= 0 || w == 0.0)
        goto cleanup;
    if (choice < 0 && row->n == 0) {
        PL_TRY(pli_model_add_trainee_constant(m, t, w * need, PL_TERM_UNMET));
        goto cleanup;
    }
    int u;
    snprintf(name, sizeof name, "unmet_%d_%d", t, r);
    PL_TRY(pli_model_add_col(m, PL_COL_CONTINUOUS, 0.0, need, name, &u));
    PL_TRY(pli_model_add_cost(m, u, w, PL_TERM_UNMET, t));
    PL_TRY(pli_terms_add(row, u, 1.0));
    snprintf(name, sizeof name, "short_%d_%d", t, r);
    if (choice < 0 || h > 0) { /* (history makes a choice rotation chosen) */
        PL_TRY(pli_model_add_trainee_row(m, t, need, HUGE_VAL, row, name));
    } else {
        PL_TRY(pli_terms_add(row, choice, -(double)rule->min));
        PL_TRY(pli_model_add_row(m, 0.0, HUGE_VAL, row->n, row->cols, row->vals,
                                name, NULL));
    }
cleanup:
    return status;
}

static pl_status per_site(pl_model *m, int t, int limit, pl_terms *row)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int T = inst->horizon.length;
    char name[96];
    for (int s = 0; s < inst->n_sites; s++) {
        pli_terms_clear(row);
        for (int p = 0; p < T; p++) {
            size_t n;
            const pl_cell *c = pl_model_cells(m, t, p, &n);
            for (size_t i = 0; i < n; i++)
                if (c[i].s == s)
                    PL_TRY(pli_terms_add(row, c[i].col, 1.0));
        }
        if (row->n <= limit)
            continue;
        snprintf(name, sizeof name, "persite_%d_%d", t, s);
        PL_TRY(pli_model_add_row(m, -HUGE_VAL, limit, row->n, row->cols,
                                row->vals, name, NULL));
    }
cleanup:
    return status;
}

pl_status pli_model_amounts(pl_model *m, const pl_build_options *opt)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    pl_terms row = {0};
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (!pli_model_trainee_built(opt, t))
            continue;
        for (int r = 0; r < inst->n_rotations; r++)
            if (tr->rules[r].present)
                PL_TRY(rotation_amount(m, opt, t, r, &row));
        if (tr->max_per_site != PL_UNLIMITED && !(opt->relax & PL_FAMILY_MAX_PER_SITE))
            PL_TRY(per_site(m, t, tr->max_per_site, &row));
    }
cleanup:
    pli_terms_free(&row);
    return status;
}
