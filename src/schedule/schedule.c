/*
 * schedule.c — the schedule object's basics: freeing, the status word, the
 * cost, the sum of a cost breakdown, and the dense assignment used between
 * the solver and the schedule builder.
 */
#include <stdlib.h>

#include "schedule/schedule.h"

const char *pli_result_name(pl_result status)
{
    switch (status) {
    case PL_RESULT_OPTIMAL: return "optimal";
    case PL_RESULT_FEASIBLE: return "feasible";
    case PL_RESULT_INFEASIBLE: return "infeasible";
    case PL_RESULT_NO_SOLUTION: return "no_solution";
    }
    return "no_solution";
}

const char *pl_schedule_status(const pl_schedule *schedule)
{
    return pli_result_name(schedule->status);
}

double pl_schedule_cost(const pl_schedule *schedule)
{
    return schedule->cost;
}

size_t pl_schedule_reason_count(const pl_schedule *schedule)
{
    return schedule ? schedule->n_reasons : 0;
}

const char *pl_schedule_reason(const pl_schedule *schedule, size_t i)
{
    return schedule && i < schedule->n_reasons ? schedule->reasons[i] : NULL;
}

/* Added in the order of format.md §4 so that every caller gets the same
 * rounding. */
double pl_costs_total(const pl_costs *c)
{
    return c->unmet + c->unassigned + c->idle + c->site_change +
           c->preference + c->change + c->rank + c->unallocated +
           c->no_mentor + c->understaffed + c->priority + c->fairness;
}

static void free_span_rows(pl_span_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].trainee);
        free(rows[i].site);
        free(rows[i].rotation);
        free(rows[i].why);
    }
    free(rows);
}

static void free_pairs(pl_pair *pairs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(pairs[i].key);
        free(pairs[i].value);
    }
    free(pairs);
}

void pl_schedule_free(pl_schedule *s)
{
    if (!s)
        return;
    free(s->instance_name);
    for (size_t i = 0; i < s->n_rows; i++) {
        free(s->rows[i].trainee);
        free(s->rows[i].site);
        free(s->rows[i].rotation);
        free(s->rows[i].supervisor);
    }
    free(s->rows);
    for (size_t i = 0; i < s->n_dropped; i++) {
        free(s->dropped[i].trainee);
        free(s->dropped[i].site);
        free(s->dropped[i].rotation);
        free(s->dropped[i].supervisor);
    }
    free(s->dropped);
    free_pairs(s->homes, s->n_homes);
    free_pairs(s->mentors, s->n_mentors);
    for (size_t i = 0; i < s->n_unmet; i++) {
        free(s->unmet[i].trainee);
        free(s->unmet[i].rotation);
        free(s->unmet[i].why);
    }
    free(s->unmet);
    free_span_rows(s->unassigned, s->n_unassigned);
    free_span_rows(s->understaffed, s->n_understaffed);
    for (size_t i = 0; i < s->n_trainee_costs; i++)
        free(s->trainee_costs[i].id);
    free(s->trainee_costs);
    for (size_t i = 0; i < s->n_reasons; i++)
        free(s->reasons[i]);
    free(s->reasons);
    free(s);
}

/* All cells start at -1 (nowhere / none); every trainee starts allocated. */
pl_status pli_assignment_init(pl_assignment *a, int n_trainees, int length)
{
    size_t cells = (size_t)(n_trainees > 0 ? n_trainees : 0) *
                   (size_t)(length > 0 ? length : 0);
    size_t nt = (size_t)(n_trainees > 0 ? n_trainees : 0);

    a->n_trainees = n_trainees;
    a->length = length;
    a->site = malloc((cells ? cells : 1) * sizeof *a->site);
    a->rotation = malloc((cells ? cells : 1) * sizeof *a->rotation);
    a->supervisor = malloc((cells ? cells : 1) * sizeof *a->supervisor);
    a->home = malloc((nt ? nt : 1) * sizeof *a->home);
    a->mentor = malloc((nt ? nt : 1) * sizeof *a->mentor);
    a->allocated = malloc((nt ? nt : 1) * sizeof *a->allocated);
    if (!a->site || !a->rotation || !a->supervisor || !a->home || !a->mentor ||
        !a->allocated) {
        pli_assignment_free(a);
        return PL_ERR_NOMEM;
    }
    for (size_t i = 0; i < cells; i++)
        a->site[i] = a->rotation[i] = a->supervisor[i] = -1;
    for (size_t i = 0; i < nt; i++) {
        a->home[i] = a->mentor[i] = -1;
        a->allocated[i] = true;
    }
    return PL_OK;
}

void pli_assignment_free(pl_assignment *a)
{
    if (!a)
        return;
    free(a->site);
    free(a->rotation);
    free(a->supervisor);
    free(a->home);
    free(a->mentor);
    free(a->allocated);
    a->site = a->rotation = a->supervisor = a->home = a->mentor = NULL;
    a->allocated = NULL;
    a->n_trainees = a->length = 0;
}
