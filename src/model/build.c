/*
 * build.c — assemble the integer program of an instance, rule family by
 * rule family, in the order the data flows: the placement columns first,
 * then the allocation of homes and main supervisors, then the rules over
 * the placements, then the objective.  With allocation_only the model
 * stops after the allocation (no placements, only rank, unallocated and
 * no_mentor costs).
 */
#include <stdlib.h>

#include "model/model.h"

pl_status pl_model_build(const pl_instance *inst, const pl_build_options *opt,
                         pl_model **out)
{
    pl_status status = PL_OK;
    pl_build_options defaults;
    pl_model *m = calloc(1, sizeof *m);
    *out = NULL;
    if (!m)
        return PL_ERR_NOMEM;
    if (!opt) {
        pl_build_options_init(&defaults);
        opt = &defaults;
    }
    m->inst = inst;
    m->fairness_col = -1;
    PL_TRY(pl_model_cells_build(m, opt));
    PL_TRY(pl_model_allocation(m, opt));
    PL_TRY(pl_model_one_place(m, opt));
    PL_TRY(pl_model_mentors(m, opt));
    if (opt->allocation_only) { /* the early stage of the year: posts only */
        *out = m;
        return PL_OK;
    }
    PL_TRY(pl_model_capacity(m, opt));
    PL_TRY(pl_model_supervision(m, opt));
    PL_TRY(pl_model_blocks(m, opt));
    PL_TRY(pl_model_choices(m, opt));
    PL_TRY(pl_model_amounts(m, opt));
    PL_TRY(pl_model_order(m, opt));
    PL_TRY(pl_model_pins(m, opt));
    PL_TRY(pl_model_kept(m, opt));
    PL_TRY(pl_model_costs(m, opt));
    *out = m;
    m = NULL;
cleanup:
    pl_model_free(m);
    return status;
}
