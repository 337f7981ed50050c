/*
 * rescore.c — pl_rescore: a schedule edited by hand, with every figure
 * recomputed (format.md 6, `placera rescore`).
 *
 * The independent checker (pl_check_with) judges the hard rules and
 * recomputes the cost terms and each trainee's cost; the rows, homes and
 * main supervisors of the schedule are laid out densely and rebuilt into a
 * schedule whose unmet / unassigned / understaffed lists follow from the
 * instance, exactly as a solved schedule's do.  The stated figures of the
 * input are never read.  Named supervisors stay as written; rows without a
 * name stay without one.
 */
#include <math.h>
#include <stdlib.h>

#include "schedule/schedule.h"

/* The schedule's rows, homes and mentors as a dense assignment. */
static void lay_out(const pl_instance *inst, const pl_schedule *s, pl_assignment *a)
{
    int L = inst->horizon.length;
    for (size_t i = 0; i < s->n_rows; i++) {
        const pl_row *row = &s->rows[i];
        if (row->t < 0 || row->s < 0 || row->r < 0)
            continue;
        for (int p = row->from < 0 ? 0 : row->from; p <= row->to && p < L; p++) {
            size_t k = (size_t)row->t * (size_t)L + (size_t)p;
            a->site[k] = row->s;
            a->rotation[k] = row->r;
            a->supervisor[k] = row->sup;
        }
    }
    for (int t = 0; t < inst->n_trainees; t++)
        a->allocated[t] = !inst->trainees[t].has_home_choices;
    for (size_t i = 0; i < s->n_homes; i++) {
        int t = s->homes[i].key_index, h = s->homes[i].value_index;
        if (t >= 0 && h >= 0 && inst->trainees[t].has_home_choices) {
            a->home[t] = h;
            a->allocated[t] = true;
        }
    }
    for (size_t i = 0; i < s->n_mentors; i++)
        if (s->mentors[i].key_index >= 0 && s->mentors[i].value_index >= 0)
            a->mentor[s->mentors[i].key_index] = s->mentors[i].value_index;
}

pl_status pl_rescore(const pl_instance *instance, const pl_schedule *schedule,
                     const pl_check_options *options, pl_schedule **out,
                     pl_check_report **report)
{
    pl_status status = PL_OK;
    pl_check_options o;
    pl_check_report *rep = NULL;
    pl_assignment a = {0};
    bool laid = false;

    if (!instance || !schedule || !out)
        return PL_ERR_USAGE;
    *out = NULL;
    if (report)
        *report = NULL;
    if (options)
        o = *options;
    else
        pl_check_options_init(&o);
    o.costs_only = true; /* the stated figures are what is being replaced */
    PL_TRY(pl_check_with(instance, schedule, &o, &rep));
    if (rep->violations.count > 0) {
        status = PL_ERR_CHECK;
        goto cleanup;
    }
    PL_TRY(pli_assignment_init(&a, instance->n_trainees, instance->horizon.length));
    laid = true;
    lay_out(instance, schedule, &a);
    PL_TRY(pli_schedule_from_assignment(instance, &a, PL_RESULT_FEASIBLE, &rep->costs,
                                       rep->trainee_costs, NAN, NAN, 0.0, out));
cleanup:
    if (laid)
        pli_assignment_free(&a);
    if (report)
        *report = rep;
    else
        pl_check_report_free(rep);
    return status;
}

bool pl_schedule_rescorable(const pl_schedule *schedule, const pl_instance *instance)
{
    return schedule && instance &&
           (schedule->status == PL_RESULT_OPTIMAL || schedule->status == PL_RESULT_FEASIBLE) &&
           !pli_schedule_is_allocation_only(schedule, instance);
}
