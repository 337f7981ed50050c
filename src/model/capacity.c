/*
 * capacity.c — places per site, rotation and period (format.md §3.2) and the
 * soft minimum staffing with its `understaffed` cost (§3.8, §3.9.9).
 *
 *   Σ_t x[t,s,r,p] <= capacity.max[s,r,p]          (only where it can bind)
 *   short[s,r,p] >= min[s,r,p] - Σ_t x[t,s,r,p]    short in [0, min]
 *
 * Where no trainee can be at (s,r,p) the shortfall is a constant.
 */
#include <math.h>
#include <stdio.h>

#include "model/model.h"

pl_status pli_model_capacity(pl_model *m, const pl_build_options *opt)
{
    pl_status status = PL_OK;
    const pl_instance *inst = m->inst;
    int T = inst->horizon.length;
    double w = opt->no_costs ? 0.0 : inst->weights.understaffed;
    pl_terms row = {0};
    char name[96];

    for (int s = 0; s < inst->n_sites; s++) {
        for (int r = 0; r < inst->n_rotations; r++) {
            if (!inst->sites[s].offers[r])
                continue;
            for (int p = 0; p < T; p++) {
                size_t n;
                const size_t *idx = pl_model_srp(m, s, r, p, &n);
                int cap = pl_cap_max(inst, s, r, p);
                int min = pl_cap_min(inst, s, r, p);
                if (min > cap) /* format.md §3.9.25: capped at the max */
                    min = cap;
                pli_terms_clear(&row);
                for (size_t i = 0; i < n; i++)
                    PL_TRY(pli_terms_add(&row, m->cells[idx[i]].col, 1.0));
                if (!(opt->relax & PL_FAMILY_CAPACITY) && (int)n > cap) {
                    snprintf(name, sizeof name, "cap_%d_%d_%d", s, r, p);
                    PL_TRY(pli_model_add_row(m, -HUGE_VAL, cap, row.n, row.cols,
                                            row.vals, name, NULL));
                }
                if (w == 0.0 || min <= 0)
                    continue;
                if (n == 0) {
                    PL_TRY(pli_model_add_cost(m, -1, w * min, PL_TERM_UNDERSTAFFED, -1));
                    continue;
                }
                int sh;
                snprintf(name, sizeof name, "short_%d_%d_%d", s, r, p);
                PL_TRY(pli_model_add_col(m, PL_COL_CONTINUOUS, 0.0, min, name, &sh));
                PL_TRY(pli_model_add_cost(m, sh, w, PL_TERM_UNDERSTAFFED, -1));
                PL_TRY(pli_terms_add(&row, sh, 1.0));
                snprintf(name, sizeof name, "staff_%d_%d_%d", s, r, p);
                PL_TRY(pli_model_add_row(m, min, HUGE_VAL, row.n, row.cols,
                                        row.vals, name, NULL));
            }
        }
    }
cleanup:
    pli_terms_free(&row);
    return status;
}
