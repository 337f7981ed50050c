/*
 * check.c — pl_check, the independent proof that a schedule is right.
 *
 * It shares no code with the model builder: the rows are turned into a grid
 * (grid.c), every hard rule of format.md section 3 is verified by its own
 * file, and every cost term is recomputed (costs.c) and compared with the
 * schedule's stated costs.
 */
#include <stdlib.h>

#include "check/check_internal.h"

void pl_check_options_init(pl_check_options *options)
{
    options->reference = NULL;
    options->keep_until = 0;
    options->costs_only = false;
}

pl_status pl_check(const pl_instance *instance, const pl_schedule *schedule,
                   const pl_schedule *reference, pl_check_report **out)
{
    pl_check_options o;
    pl_check_options_init(&o);
    o.reference = reference;
    return pl_check_with(instance, schedule, &o, out);
}

pl_status pl_check_with(const pl_instance *instance, const pl_schedule *schedule,
                        const pl_check_options *options, pl_check_report **out)
{
    pl_status status = PL_OK;
    pl_check_ctx c = {0};
    pl_check_report *rep = NULL;
    pl_check_options defaults;

    if (!options) {
        pl_check_options_init(&defaults);
        options = &defaults;
    }
    if (!out)
        return PL_ERR_USAGE;
    *out = NULL;
    if (!instance || !schedule)
        return PL_ERR_USAGE;
    rep = calloc(1, sizeof *rep);
    if (!rep)
        return PL_ERR_NOMEM;
    pl_diags_init(&rep->violations);
    pl_diags_init(&rep->mismatches);
    rep->n_trainees = instance->n_trainees > 0 ? (size_t)instance->n_trainees : 0;
    rep->trainee_costs = calloc(rep->n_trainees ? rep->n_trainees : 1,
                                sizeof *rep->trainee_costs);
    if (!rep->trainee_costs) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    rep->n_placements = schedule->n_rows;
    for (size_t i = 0; i < schedule->n_rows; i++)
        rep->n_unnamed += schedule->rows[i].supervisor == NULL;
    c.inst = instance;
    c.sched = schedule;
    c.file = NULL;
    c.report = rep;
    c.reference = options->reference;
    c.keep_until = options->reference ? options->keep_until : 0;
    PL_TRY(pli_check_grid_build(instance, schedule, &c));
    PL_TRY(pli_check_eligibility(&c));
    PL_TRY(pli_check_capacity(&c));
    PL_TRY(pli_check_supervision(&c));
    PL_TRY(pli_check_blocks(&c));
    PL_TRY(pli_check_amounts(&c));
    PL_TRY(pli_check_order(&c));
    PL_TRY(pli_check_choices(&c));
    PL_TRY(pli_check_pins(&c));
    PL_TRY(pli_check_allocation(&c));
    PL_TRY(pli_check_mentors(&c));
    PL_TRY(pli_check_kept(&c));
    PL_TRY(pli_check_costs(&c, !options->costs_only));
    *out = rep;
    rep = NULL;
cleanup:
    pli_check_grid_free(&c.grid);
    free(c.home);
    free(c.unallocated);
    free(c.mentor);
    free(c.home_row);
    free(c.mentor_row);
    pl_check_report_free(rep);
    return status;
}

bool pl_check_passed(const pl_check_report *report)
{
    return report && report->violations.count == 0 && report->mismatches.count == 0;
}

void pl_check_report_free(pl_check_report *report)
{
    if (!report)
        return;
    pl_diags_free(&report->violations);
    pl_diags_free(&report->mismatches);
    free(report->trainee_costs);
    free(report);
}
