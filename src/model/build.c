/*
 * build.c — assemble the integer program of an instance, rule family by
 * rule family, in the order the data flows: the placement columns first,
 * then the allocation of homes and main supervisors, then the rules over
 * the placements, then the objective.  With allocation_only the model
 * stops after the allocation (no placements, only rank, unallocated and
 * no_mentor costs).  Between families (and between trainees of the
 * largest) the builder checks the deadline and interrupt flag of its
 * options.
 */
#include <stdlib.h>

#include "model/model.h"

typedef pl_status (*family_fn)(pl_model *m, const pl_build_options *opt);

/* The rules over the placements, in the order they are built. */
static const family_fn families[] = {
    pli_model_capacity, pli_model_supervision, pli_model_blocks, pli_model_choices,
    pli_model_amounts,  pli_model_order,       pli_model_pins,   pli_model_kept,
    pli_model_costs,
};

pl_status pli_model_build(const pl_instance *inst, const pl_build_options *opt,
                         pl_model **out)
{
    pl_status status = PL_OK;
    pl_build_options defaults;
    pl_model *m = calloc(1, sizeof *m);
    *out = NULL;
    if (!m)
        return PL_ERR_NOMEM;
    if (!opt) {
        pli_build_options_init(&defaults);
        opt = &defaults;
    }
    m->inst = inst;
    m->fairness_col = -1;
    PL_TRY(pli_model_cells_build(m, opt));
    PL_TRY(pli_model_allocation(m, opt));
    PL_TRY(pli_model_one_place(m, opt));
    PL_TRY(pli_model_mentors(m, opt));
    if (opt->allocation_only) { /* the early stage of the year: posts only */
        *out = m;
        return PL_OK;
    }
    for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
        PL_TRY(pli_model_check_stop(opt));
        PL_TRY(families[i](m, opt));
    }
    PL_TRY(pli_model_check_stop(opt));
    *out = m;
    m = NULL;
cleanup:
    pli_model_free(m);
    return status;
}
