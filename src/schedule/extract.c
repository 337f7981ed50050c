/*
 * extract.c — read a solved model back into a dense assignment and the cost
 * split by term and by trainee (format.md §4 `costs`, `trainee_costs`).
 *
 * The placement columns give who is where; the objective contributions
 * (model.h) give each term's amount.  Auxiliary values are integral at an
 * exact optimum of the polished LP; they are snapped to integers to keep
 * floating noise out of the written file, and the fairness term is
 * recomputed as the exact maximum of the trainee costs.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "schedule/extract.h"

static double *term_slot(pl_costs *c, int term)
{
    switch (term) {
    case PL_TERM_UNMET: return &c->unmet;
    case PL_TERM_UNASSIGNED: return &c->unassigned;
    case PL_TERM_IDLE: return &c->idle;
    case PL_TERM_SITE_CHANGE: return &c->site_change;
    case PL_TERM_PREFERENCE: return &c->preference;
    case PL_TERM_CHANGE: return &c->change;
    case PL_TERM_RANK: return &c->rank;
    case PL_TERM_UNALLOCATED: return &c->unallocated;
    case PL_TERM_NO_MENTOR: return &c->no_mentor;
    case PL_TERM_UNDERSTAFFED: return &c->understaffed;
    case PL_TERM_PRIORITY: return &c->priority;
    default: return &c->fairness;
    }
}

static double snap(double v)
{
    double r = round(v);
    return fabs(v - r) < 1e-6 ? r : v;
}

pl_status pli_extract(const pl_model *m, const double *values, pl_assignment *a,
                     pl_costs *costs, double *trainee_costs)
{
    const pl_instance *inst = m->inst;
    int T = inst->horizon.length;

    memset(costs, 0, sizeof *costs);
    for (int t = 0; t < inst->n_trainees; t++) {
        trainee_costs[t] = 0.0;
        a->home[t] = inst->trainees[t].home;
        a->mentor[t] = -1;
        a->allocated[t] = !inst->trainees[t].has_home_choices;
        for (int p = 0; p < T; p++) {
            size_t k = (size_t)t * T + p;
            a->site[k] = a->rotation[k] = a->supervisor[k] = -1;
        }
    }
    for (size_t i = 0; i < m->n_cells; i++) {
        const pl_cell *c = &m->cells[i];
        if (values[c->col] > 0.5) {
            size_t k = (size_t)c->t * T + c->p;
            a->site[k] = c->s;
            a->rotation[k] = c->r;
        }
    }
    for (int t = 0; t < inst->n_trainees; t++) {
        int col = m->present_col ? m->present_col[t] : -1;
        if (col >= 0)
            a->allocated[t] = values[col] > 0.5;
    }
    for (int t = 0; t < inst->n_trainees && m->home_col; t++)
        for (int s = 0; s < inst->n_sites; s++) {
            int h = m->home_col[(size_t)t * inst->n_sites + s];
            if (h >= 0 && values[h] > 0.5)
                a->home[t] = s;
        }
    for (int i = 0; i < m->n_mentor_vars; i++)
        if (values[m->mentor_col[i]] > 0.5)
            a->mentor[m->mentor_t[i]] = m->mentor_j[i];
    for (size_t i = 0; i < m->n_contribs; i++) {
        const pl_contrib *c = &m->contribs[i];
        if (c->term == PL_TERM_FAIRNESS)
            continue;
        double v = c->col < 0 ? 1.0 : snap(values[c->col]);
        double amount = c->coef * v;
        *term_slot(costs, c->term) += amount;
        if (c->trainee >= 0)
            trainee_costs[c->trainee] += amount;
    }
    if (m->fairness_col >= 0 && inst->n_trainees > 0) {
        double worst = trainee_costs[0];
        for (int t = 1; t < inst->n_trainees; t++)
            if (trainee_costs[t] > worst)
                worst = trainee_costs[t];
        costs->fairness = inst->weights.fairness * worst;
    }
    return PL_OK;
}
