/*
 * plan.c — lay a schedule out for reading: who is where in each period,
 * each trainee's rows in time order, and the runs that timelines and
 * calendars draw (consecutive rows at the same site and rotation).
 */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"


typedef struct keyed {
    int t, from;
    size_t row;
} keyed;

static int by_trainee_from(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->t != y->t)
        return x->t < y->t ? -1 : 1;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

static bool usable(const pl_instance *inst, const pl_row *r)
{
    return r->t >= 0 && r->t < inst->n_trainees && r->s >= 0 &&
           r->s < inst->n_sites && r->r >= 0 && r->r < inst->n_rotations &&
           r->from <= r->to && r->to >= 0 && r->from < inst->horizon.length;
}

static int clamp_from(const pl_row *r)
{
    return r->from < 0 ? 0 : r->from;
}

static int clamp_to(const pl_instance *inst, const pl_row *r)
{
    return r->to >= inst->horizon.length ? inst->horizon.length - 1 : r->to;
}

pl_status pli_plan_build(const pl_instance *inst, const pl_schedule *sched,
                        pl_plan *plan)
{
    pl_status status = PL_OK;
    keyed *keys = NULL;
    memset(plan, 0, sizeof *plan);
    if (!inst || !sched)
        return PL_ERR_USAGE;
    plan->inst = inst;
    plan->sched = sched;
    plan->length = inst->horizon.length;
    plan->n_trainees = inst->n_trainees;
    size_t cells = (size_t)plan->n_trainees * (size_t)plan->length;
    size_t nt = (size_t)plan->n_trainees;

    plan->row_at = malloc((cells ? cells : 1) * sizeof *plan->row_at);
    plan->trainee_runs = calloc(nt + 1, sizeof *plan->trainee_runs);
    plan->home = malloc((nt ? nt : 1) * sizeof *plan->home);
    keys = malloc((sched->n_rows ? sched->n_rows : 1) * sizeof *keys);
    plan->order = malloc((sched->n_rows ? sched->n_rows : 1) * sizeof *plan->order);
    plan->runs = malloc((sched->n_rows ? sched->n_rows : 1) * sizeof *plan->runs);
    if (!plan->row_at || !plan->trainee_runs || !plan->home || !keys ||
        !plan->order || !plan->runs) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < cells; i++)
        plan->row_at[i] = -1;
    for (int t = 0; t < plan->n_trainees; t++)
        plan->home[t] = inst->trainees[t].home;
    for (size_t i = 0; i < sched->n_homes; i++) {
        const pl_pair *h = &sched->homes[i];
        if (h->key_index >= 0 && h->key_index < plan->n_trainees &&
            h->value_index >= 0 && h->value_index < inst->n_sites)
            plan->home[h->key_index] = h->value_index;
    }

    size_t n = 0;
    for (size_t i = 0; i < sched->n_rows; i++) {
        const pl_row *r = &sched->rows[i];
        if (!usable(inst, r))
            continue;
        keys[n].t = r->t;
        keys[n].from = clamp_from(r);
        keys[n].row = i;
        n++;
    }
    qsort(keys, n, sizeof *keys, by_trainee_from);
    plan->n_order = n;
    for (size_t k = 0; k < n; k++) {
        const pl_row *r = &sched->rows[keys[k].row];
        plan->order[k] = keys[k].row;
        for (int p = clamp_from(r); p <= clamp_to(inst, r); p++)
            plan->row_at[(size_t)r->t * (size_t)plan->length + (size_t)p] =
                (int)keys[k].row;
        pl_run *last = plan->n_runs ? &plan->runs[plan->n_runs - 1] : NULL;
        if (last && last->t == r->t && last->s == r->s && last->r == r->r &&
            last->to + 1 == clamp_from(r)) {
            last->to = clamp_to(inst, r);
            last->n++;
            continue;
        }
        pl_run *run = &plan->runs[plan->n_runs++];
        run->t = r->t;
        run->s = r->s;
        run->r = r->r;
        run->from = clamp_from(r);
        run->to = clamp_to(inst, r);
        run->first = k;
        run->n = 1;
    }
    /* Offsets: count runs per trainee, then prefix sums. */
    for (size_t i = 0; i < plan->n_runs; i++)
        plan->trainee_runs[plan->runs[i].t + 1]++;
    for (size_t t = 0; t < nt; t++)
        plan->trainee_runs[t + 1] += plan->trainee_runs[t];
cleanup:
    free(keys);
    if (status != PL_OK)
        pli_plan_free(plan);
    return status;
}

void pli_plan_free(pl_plan *plan)
{
    if (!plan)
        return;
    free(plan->row_at);
    free(plan->order);
    free(plan->runs);
    free(plan->trainee_runs);
    free(plan->home);
    memset(plan, 0, sizeof *plan);
}
