/*
 * glpk_heuristics.c — primal heuristics that give GLPK's search a good
 * incumbent early: a restricted MIP around the root LP (cells at 0 in the
 * LP stay 0, in the spirit of RENS) or around a reference schedule, then a
 * large-neighbourhood search that frees a few trainees, or every trainee in
 * a window of periods, and re-solves that part with the rest fixed.
 * Neighbourhoods come from a fixed-seed generator, so the search is the
 * same on every run (up to its time cap).
 */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "solve/glpk_internal.h"

typedef struct sub_state {
    const double *start; /* [1..n] a feasible solution of the sub-MIP, or NULL */
    bool given;
    volatile sig_atomic_t *interrupt;
} sub_state;

static void sub_callback(glp_tree *tree, void *info)
{
    sub_state *s = info;
    if (s->interrupt && *s->interrupt) {
        glp_ios_terminate(tree);
        return;
    }
    if (glp_ios_reason(tree) == GLP_IHEUR && s->start && !s->given) {
        s->given = true;
        glp_ios_heur_sol(tree, s->start);
    }
}

/* Solve a copy of the problem in which some placement columns are fixed
 * (fix[i] = 0 or 1 for cell i, -1 = free): a restricted MIP whose solution,
 * if any, is feasible for the full problem.  `incumbent` ([1..n], may be
 * NULL) must satisfy the fixings; it is handed to GLPK so that the search
 * only looks for something better.  Returns a [1..n] array of column values
 * (owned by the caller) or NULL. */
static double *restricted_solution(glpk_job *job, const signed char *fix,
                                   const double *incumbent, double seconds,
                                   double *objective)
{
    const pl_model *m = job->m;
    glp_prob *copy = glp_create_prob();
    double *x = NULL;
    glp_copy_prob(copy, job->lp, GLP_OFF);
    for (size_t i = 0; i < m->n_cells; i++)
        if (fix[i] >= 0 && m->col_ub[m->cells[i].col] >= fix[i])
            glp_set_col_bnds(copy, m->cells[i].col + 1, GLP_FX, fix[i], fix[i]);
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_OFF;
    smcp.tm_lim = pl_glpk_milliseconds(seconds);
    glp_adv_basis(copy, 0);
    if (glp_simplex(copy, &smcp) != 0 || glp_get_status(copy) != GLP_OPT)
        goto cleanup;
    sub_state state = {incumbent, false, job->params->interrupt};
    glp_iocp iocp;
    pl_glpk_init_iocp(&iocp, job, seconds);
    iocp.presolve = GLP_OFF; /* the incumbent is given in the original columns */
    iocp.mip_gap = job->params->gap > 1e-4 ? job->params->gap : 1e-4;
    iocp.cb_func = sub_callback;
    iocp.cb_info = &state;
    glp_intopt(copy, &iocp);
    int st = glp_mip_status(copy);
    if (st == GLP_OPT || st == GLP_FEAS) {
        int n = glp_get_num_cols(copy); /* the model's columns and the constant */
        x = malloc(((size_t)n + 1) * sizeof *x);
        if (x) {
            x[0] = 0.0;
            for (int j = 1; j <= n; j++)
                x[j] = glp_mip_col_val(copy, j);
            *objective = glp_mip_obj_val(copy);
        }
    }
cleanup:
    glp_delete_prob(copy);
    return x;
}

/* A first incumbent: the caller's start (a reference schedule) completed by
 * a restricted MIP; otherwise the empty schedule (allocation and mentors
 * still optimised); otherwise the LP-guided restriction (RENS-like: cells at
 * 0 in the root LP stay 0). */
double *pl_glpk_first_incumbent(glpk_job *job, const signed char *start_cells,
                               double *objective)
{
    const pl_model *m = job->m;
    double budget = pl_glpk_seconds_left(job) * 0.25;
    double *x = NULL;
    signed char *fix = malloc(m->n_cells + 1);
    if (!fix)
        return NULL;
    if (start_cells) {
        for (size_t i = 0; i < m->n_cells; i++)
            fix[i] = start_cells[i];
        x = restricted_solution(job, fix, NULL, budget, objective);
    }
    if (!x) { /* nobody placed: feasible unless pins or choices force placements */
        for (size_t i = 0; i < m->n_cells; i++)
            fix[i] = 0;
        x = restricted_solution(job, fix, NULL, budget, objective);
    }
    if (!x) {
        for (size_t i = 0; i < m->n_cells; i++)
            fix[i] = glp_get_col_prim(job->lp, m->cells[i].col + 1) < 1e-6 ? 0 : -1;
        x = restricted_solution(job, fix, NULL, budget, objective);
    }
    free(fix);
    return x;
}


/* splitmix64: a small deterministic generator for choosing neighbourhoods */
static unsigned long long next_random(unsigned long long *state)
{
    unsigned long long z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void pl_glpk_improve(glpk_job *job, search_state *st, double **x,
                     double *objective, double bound, double seconds)
{
    const pl_model *m = job->m;
    const pl_instance *inst = m->inst;
    int n = inst->n_trainees, T = inst->horizon.length;
    double deadline = pl_clock_seconds() + seconds;
    double tolerance = 1e-6 + (job->params->gap > 0 ? job->params->gap : 0.0) * fabs(*objective);
    unsigned long long rng = 0x706C6163657261ull; /* fixed: same input, same search */
    signed char *fix = malloc(m->n_cells + 1);
    bool *freed = malloc((size_t)n + 1);
    int stall = 0, k = n / 3;

    if (!fix || !freed || n == 0 || m->n_cells == 0)
        goto cleanup;
    if (k < 3)
        k = 3;
    if (k > 12)
        k = 12;
    /* first one pass of single trainees (from an empty start this is a
     * sequential greedy construction), then random neighbourhoods */
    for (int it = -n; stall < 40 && *objective - bound > tolerance; it++) {
        double left = deadline - pl_clock_seconds();
        if (left < 0.05 || (job->params->interrupt && *job->params->interrupt))
            break;
        /* alternate: free a few trainees entirely, or everyone in a window */
        for (int t = 0; t < n; t++)
            freed[t] = false;
        int from = 0, to = T - 1;
        if (it < 0) {
            freed[it + n] = true;
        } else if (it % 2 == 0 || T < 4) {
            for (int i = 0; i < k && i < n; i++) {
                int t = (int)(next_random(&rng) % (unsigned long long)n);
                while (freed[t])
                    t = (t + 1) % n;
                freed[t] = true;
            }
        } else {
            int width = T / 2 < 3 ? 3 : T / 2;
            from = (int)(next_random(&rng) % (unsigned long long)(T - width + 1));
            to = from + width - 1;
            for (int t = 0; t < n; t++)
                freed[t] = true;
        }
        for (size_t i = 0; i < m->n_cells; i++) {
            const pl_cell *c = &m->cells[i];
            bool free_cell = freed[c->t] && c->p >= from && c->p <= to;
            fix[i] = free_cell ? -1 : (signed char)((*x)[c->col + 1] > 0.5);
        }
        double limit = left < 5.0 ? left : 5.0;
        double value = NAN;
        double *y = restricted_solution(job, fix, *x, limit, &value);
        if (getenv("PLACERA_LNS_DEBUG"))
            fprintf(stderr, "lns it %d from %d to %d: %s %g (incumbent %g)\n", it, from, to,
                    y ? "found" : "none", value, *objective);
        if (y && value < *objective - 1e-9) {
            free(*x);
            *x = y;
            *objective = value;
            if (it >= 0)
                stall = 0;
            pl_glpk_report(st, value, bound, fabs(value - bound) / (1e-10 + fabs(value)));
        } else {
            free(y);
            stall += it >= 0;
        }
    }
cleanup:
    free(fix);
    free(freed);
}
