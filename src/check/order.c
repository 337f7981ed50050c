/*
 * order.c — format.md 3.5 with 3.9.4: a rule `after: [q, ...]` on rotation r.
 * If t has any period placed in r then, for each q, t was placed in q in a
 * period strictly before its first r period (or has completed[q] > 0, or
 * previous in q), and no placed period of q comes after a placed period of r.
 */
#include <stdio.h>

#include "check/check_internal.h"

pl_status pli_check_order(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    const pl_instance *inst = c->inst;
    int L = inst->horizon.length;
    char span[96], span2[96];

    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        for (int r = 0; r < inst->n_rotations; r++) {
            const pl_rule *rule = &tr->rules[r];
            int first_r = -1;
            if (!rule->present || rule->n_after == 0)
                continue;
            for (int p = 0; p < L && first_r < 0; p++)
                if (c->grid.site[pl_cell(c, t, p)] >= 0 && c->grid.rotation[pl_cell(c, t, p)] == r)
                    first_r = p;
            if (first_r < 0)
                continue;
            for (int i = 0; i < rule->n_after; i++) {
                int q = rule->after[i], first_q = -1, last_q = -1;
                for (int p = 0; p < L; p++) {
                    int k = pl_cell(c, t, p);
                    if (c->grid.site[k] >= 0 && c->grid.rotation[k] == q) {
                        if (first_q < 0)
                            first_q = p;
                        last_q = p;
                    }
                }
                bool before = (first_q >= 0 && first_q < first_r) || tr->completed[q] > 0 ||
                              (tr->previous.rotation == q && tr->previous.periods > 0);
                pli_check_span(c, first_r, first_r, span, sizeof span);
                if (!before)
                    PL_TRY(pli_check_violation(c, NULL, "%s starts %s in %s but has not done %s before, which must come first",
                                              tr->id, inst->rotations[r].id, span,
                                              inst->rotations[q].id));
                if (last_q > first_r) {
                    pli_check_span(c, last_q, last_q, span2, sizeof span2);
                    PL_TRY(pli_check_violation(c, NULL, "%s does %s in %s, after it has started %s in %s, but %s must come before %s",
                                              tr->id, inst->rotations[q].id, span2,
                                              inst->rotations[r].id, span,
                                              inst->rotations[q].id, inst->rotations[r].id));
                }
            }
        }
    }
cleanup:
    return status;
}
