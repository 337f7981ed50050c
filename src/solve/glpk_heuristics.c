/*
 * glpk_heuristics.c — primal heuristics that find good schedules before
 * (and without) the root LP of the whole model, which for a large region can
 * take longer than the user's time limit.
 *
 * Every heuristic solves a restricted model: some placement columns fixed.
 * Starting points copy the whole problem and let GLPK's presolver remove
 * what is fixed; once a schedule exists, moves are sub-MIPs built directly
 * around it (glpk_submip.c), which is what makes them cheap.  In order:
 *   1. a start: the caller's reference schedule completed, or the empty
 *      schedule, or a sequential construction that adds trainees batch by
 *      batch (the rows that force placements, pins and choices, are relaxed
 *      for trainees not yet added; a batch gets one second, or its share of
 *      the time if that finds nothing);
 *   2. large-neighbourhood search: one pass freeing each trainee alone, then
 *      in turn k random trainees, a costly trainee with those holding the
 *      places it could use, and 2k trainees in a window of half the horizon
 *      (k grows after failures), each with an objective cutoff so that it
 *      only returns improvements;
 *   3. after the root LP, if there is still no schedule, an LP-guided
 *      restriction (cells at 0 in the LP stay 0, in the spirit of RENS).
 * Neighbourhoods come from a fixed-seed generator: the same input gives the
 * same search (up to time caps).
 */
#include <math.h>
#include <signal.h>
#include <stdlib.h>

#include "solve/glpk_internal.h"

/* Solve a copy of the model in which fix[i] (0/1, or -1 = free) fixes cell
 * i, the rows owned by trainees with relax[t] that force something (lower
 * bound above 0) are dropped, and, when `cutoff` is not NaN, the objective
 * must be below it.  Returns the [1..n] column values (owned by the caller)
 * and *objective, or NULL. */
static double *restricted_solution(glpk_job *job, const signed char *fix,
                                   const bool *relax, double cutoff,
                                   double seconds, double *objective)
{
    const pl_model *m = job->m;
    if (!pli_glpk_room(job, job->tune.copy_factor))
        return NULL; /* the copy and its search would pass the memory limit */
    glp_prob *copy = glp_create_prob();
    double *x = NULL;
    int *ind = NULL;
    double *val = NULL;

    glp_copy_prob(copy, job->lp, GLP_OFF);
    for (size_t i = 0; i < m->n_cells; i++)
        if (fix[i] >= 0 && m->col_ub[m->cells[i].col] >= fix[i])
            glp_set_col_bnds(copy, m->cells[i].col + 1, GLP_FX, fix[i], fix[i]);
    if (relax)
        for (int i = 0; i < m->n_rows; i++)
            if (m->row_trainee[i] >= 0 && relax[m->row_trainee[i]] && m->row_lb[i] > 0)
                glp_set_row_bnds(copy, i + 1, GLP_FR, 0.0, 0.0);
    int n = glp_get_num_cols(copy); /* the model's columns and the constant */
    if (!isnan(cutoff)) {
        ind = pli_glpk_malloc(job, ((size_t)n + 1) * sizeof *ind);
        val = pli_glpk_malloc(job, ((size_t)n + 1) * sizeof *val);
        if (!ind || !val)
            goto cleanup;
        int len = 0;
        for (int j = 1; j <= n; j++) {
            double c = glp_get_obj_coef(copy, j);
            if (c != 0.0) {
                ind[++len] = j;
                val[len] = c;
            }
        }
        double margin = job->integral ? 0.5 : 1e-6 * (1.0 + fabs(cutoff));
        int row = glp_add_rows(copy, 1);
        glp_set_mat_row(copy, row, len, ind, val);
        glp_set_row_bnds(copy, row, GLP_UP, 0.0, cutoff - margin);
    }
    double deadline = pli_clock_seconds() + seconds;
    glp_iocp iocp;
    pli_glpk_init_iocp(&iocp, job, seconds);
    iocp.presolve = GLP_ON;
    if (m->n_rows > job->tune.presolve_max_rows) {
        /* GLPK's presolver cannot be stopped: on a large model the LP is
         * solved first, in interruptible slices, and the search starts
         * from its basis */
        glp_smcp smcp;
        glp_init_smcp(&smcp);
        smcp.msg_lev = GLP_MSG_OFF;
        if (pli_glpk_simplex(job, copy, &smcp, seconds) != 0 ||
            glp_get_status(copy) != GLP_OPT)
            goto cleanup;
        iocp.presolve = GLP_OFF;
        iocp.tm_lim = pli_glpk_milliseconds(deadline - pli_clock_seconds());
    }
    iocp.mip_gap = job->params->gap > 1e-4 ? job->params->gap : 1e-4;
    pl_glpk_limits lim = {job->params->interrupt, deadline, -HUGE_VAL, job, false, 0.0};
    iocp.cb_func = pli_glpk_limits_callback;
    iocp.cb_info = &lim;
    glp_intopt(copy, &iocp);
    int st = glp_mip_status(copy);
    if (st == GLP_OPT || st == GLP_FEAS) {
        x = pli_glpk_malloc(job, ((size_t)n + 1) * sizeof *x);
        if (x) {
            x[0] = 0.0;
            for (int j = 1; j <= n; j++)
                x[j] = glp_mip_col_val(copy, j);
            *objective = glp_mip_obj_val(copy);
        }
    }
cleanup:
    pli_glpk_free(job, val);
    pli_glpk_free(job, ind);
    glp_delete_prob(copy);
    return x;
}

/* Add trainees batch by batch, each batch solved with the earlier ones
 * fixed and the later ones absent (cells 0, forcing rows relaxed). */
static double *construct(glpk_job *job, double seconds, double *objective)
{
    const pl_model *m = job->m;
    int n = m->inst->n_trainees;
    int steps = n < job->tune.construct_batches ? n : job->tune.construct_batches, batch = (n + steps - 1) / steps;
    double deadline = pli_clock_seconds() + seconds;
    signed char *fix = pli_glpk_malloc(job, m->n_cells + 1);
    bool *relax = pli_glpk_malloc(job, (size_t)n + 1);
    double *x = NULL;

    if (!fix || !relax || n == 0)
        goto cleanup;
    for (size_t i = 0; i < m->n_cells; i++)
        fix[i] = 0;
    for (int first = 0; first < n; first += batch) {
        int last = first + batch < n ? first + batch : n; /* [first, last) */
        for (int t = 0; t < n; t++)
            relax[t] = t >= last;
        for (size_t i = 0; i < m->n_cells; i++) {
            int t = m->cells[i].t;
            if (t >= first && t < last)
                fix[i] = -1;
        }
        double left = deadline - pli_clock_seconds();
        int steps_left = (n - first + batch - 1) / batch;
        double value = NAN;
        double *y = NULL;
        if (left > 0.01 && !pli_glpk_interrupted(job)) {
            /* the first batch from the whole model; later ones as sub-MIPs
             * around the schedule so far (the earlier batches fixed) */
            if (x && !job->sub)
                job->sub = pli_submip_new(m);
            /* a batch gets a second, its share of the time if that fails */
            double share = left / steps_left, quick = share < job->tune.batch_seconds ? share : job->tune.batch_seconds;
            for (int attempt = 0; attempt < 2 && !y && !pli_glpk_interrupted(job); attempt++) {
                double limit = attempt == 0 ? quick : deadline - pli_clock_seconds();
                if (attempt == 1 && (quick >= share || limit < 0.01))
                    break;
                limit = attempt == 1 && limit > share ? share : limit;
                y = x && job->sub ? pli_submip_solve(job, job->sub, x, *objective, fix, relax,
                                                    NAN, limit, &value)
                                  : restricted_solution(job, fix, relax, NAN, limit, &value);
            }
        }
        pli_glpk_free(job, x);
        x = y;
        if (!x)
            goto cleanup;
        *objective = value;
        for (size_t i = 0; i < m->n_cells; i++) {
            int t = m->cells[i].t;
            if (t >= first && t < last)
                fix[i] = (signed char)(x[m->cells[i].col + 1] > 0.5);
        }
    }
cleanup:
    pli_glpk_free(job, relax);
    pli_glpk_free(job, fix);
    return x;
}

double *pli_glpk_start(glpk_job *job, const signed char *start_cells,
                      double seconds, double *objective)
{
    const pl_model *m = job->m;
    double deadline = pli_clock_seconds() + seconds;
    double *x = NULL;
    signed char *fix = pli_glpk_malloc(job, m->n_cells + 1);
    if (!fix)
        return NULL;
    if (start_cells) { /* the reference schedule, completed */
        for (size_t i = 0; i < m->n_cells; i++)
            fix[i] = start_cells[i];
        x = restricted_solution(job, fix, NULL, NAN, seconds / 2, objective);
    }
    if (!x && !pli_glpk_interrupted(job)) { /* nobody placed: fine unless pins or choices force placements */
        for (size_t i = 0; i < m->n_cells; i++)
            fix[i] = 0;
        x = restricted_solution(job, fix, NULL, NAN, (deadline - pli_clock_seconds()) / 2,
                                objective);
    }
    if (!x && !pli_glpk_interrupted(job))
        x = construct(job, deadline - pli_clock_seconds(), objective);
    pli_glpk_free(job, fix);
    return x;
}

double *pli_glpk_lp_guided(glpk_job *job, double seconds, double *objective)
{
    const pl_model *m = job->m;
    signed char *fix = pli_glpk_malloc(job, m->n_cells + 1);
    double *x = NULL;
    if (!fix)
        return NULL;
    for (size_t i = 0; i < m->n_cells; i++)
        fix[i] = glp_get_col_prim(job->lp, m->cells[i].col + 1) < 1e-6 ? 0 : -1;
    x = restricted_solution(job, fix, NULL, NAN, seconds, objective);
    pli_glpk_free(job, fix);
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

/* The related neighbourhood of t0: t0 and up to k-1 trainees placed, in x,
 * on a (site, rotation, period) where t0 could be placed: the trainees that
 * hold the places t0 may want. */
static void related(const pl_model *m, const double *x, int t0, int k,
                    bool *freed, int *cand, bool *seen, unsigned long long *rng)
{
    const pl_instance *inst = m->inst;
    int T = inst->horizon.length, R = inst->n_rotations, nc = 0;
    freed[t0] = true;
    for (int p = 0; p < T; p++) {
        size_t n;
        const pl_cell *cells = pl_model_cells(m, t0, p, &n);
        for (size_t i = 0; i < n; i++) {
            size_t key = ((size_t)cells[i].s * R + cells[i].r) * T + p;
            for (size_t q = m->srp_start[key]; q < m->srp_start[key + 1]; q++) {
                const pl_cell *c = &m->cells[m->srp_cells[q]];
                if (c->t != t0 && !seen[c->t] && x[c->col + 1] > 0.5) {
                    seen[c->t] = true;
                    cand[nc++] = c->t;
                }
            }
        }
    }
    for (int chosen = 1; chosen < k && nc > 0; chosen++) {
        int i = (int)(next_random(rng) % (unsigned long long)nc);
        freed[cand[i]] = true;
        cand[i] = cand[--nc];
    }
    for (int t = 0; t < inst->n_trainees; t++)
        seen[t] = false;
}

void pli_glpk_improve(glpk_job *job, search_state *st, double **x,
                     double *objective, double bound, double seconds,
                     unsigned round)
{
    const pl_model *m = job->m;
    const pl_instance *inst = m->inst;
    int n = inst->n_trainees, T = inst->horizon.length;
    double deadline = pli_clock_seconds() + seconds;
    double tolerance = 1e-6 + (job->params->gap > 0 ? job->params->gap : 0.0) * fabs(*objective);
    unsigned long long rng = 0x706C6163657261ull + round; /* same input, same search */
    signed char *fix = pli_glpk_malloc(job, m->n_cells + 1);
    bool *freed = pli_glpk_malloc(job, (size_t)n + 1);
    bool *seen = pli_glpk_calloc(job, (size_t)n + 1, sizeof *seen);
    int *cand = pli_glpk_malloc(job, ((size_t)n + 1) * sizeof *cand);
    double *tcost = pli_glpk_malloc(job, ((size_t)n + 1) * sizeof *tcost);
    /* neighbourhood size: grows after 10 failures in a row, up to a
     * quarter of the trainees but at least 12 (all, when fewer) */
    int k = 2, max_k = n / 4 > 12 ? n / 4 : 12;
    if (max_k > n)
        max_k = n;
    int stall = 0, fails_at_k = 0;

    if (!fix || !freed || !seen || !cand || !tcost || n == 0 || m->n_cells == 0)
        goto cleanup;
    if (!job->sub)
        job->sub = pli_submip_new(m); /* without memory: whole-model copies */
    if (!job->sub && !job->lp)
        goto cleanup; /* (the decomposition has no whole model to copy) */
    if (isnan(bound))
        bound = -HUGE_VAL;
    /* one pass of single trainees (from an empty start this is a
     * sequential greedy construction), then random neighbourhoods */
    for (int it = round == 0 ? -n : 0; *objective - bound > tolerance; it++) {
        double left = deadline - pli_clock_seconds();
        if (left < 0.05 || pli_glpk_interrupted(job))
            break;
        /* 40 moves in a row without a better schedule, or 10 when the
         * root bound is within 1 %: branch-and-bound closes such gaps */
        if (stall >= job->tune.stall_moves ||
            (stall >= job->tune.stall_moves_near &&
             *objective - bound < job->tune.near_gap * fabs(*objective)))
            break;
        for (int t = 0; t < n; t++)
            freed[t] = false;
        int from = 0, to = T - 1, kind = it < 0 ? -1 : it % 3;
        if (kind < 0) {
            freed[it + n] = true;
        } else if (kind == 0 || T < 4) { /* k random trainees */
            for (int i = 0; i < k && i < n; i++) {
                int t = (int)(next_random(&rng) % (unsigned long long)n);
                while (freed[t])
                    t = (t + 1) % n;
                freed[t] = true;
            }
        } else if (kind == 1) { /* a costly trainee and those in its way */
            for (int t = 0; t < n; t++)
                tcost[t] = 0.0;
            for (size_t i = 0; i < m->n_contribs; i++) {
                const pl_contrib *c = &m->contribs[i];
                if (c->trainee >= 0 && c->col >= 0)
                    tcost[c->trainee] += c->coef * (*x)[c->col + 1];
            }
            int t0 = (int)(next_random(&rng) % (unsigned long long)n);
            for (int j = 0; j < 3; j++) { /* tournament of four */
                int t = (int)(next_random(&rng) % (unsigned long long)n);
                if (tcost[t] > tcost[t0])
                    t0 = t;
            }
            related(m, *x, t0, k, freed, cand, seen, &rng);
        } else { /* 2k trainees in a window of half the horizon */
            int width = T / 2 < 3 ? 3 : T / 2;
            from = (int)(next_random(&rng) % (unsigned long long)(T - width + 1));
            to = from + width - 1;
            for (int i = 0; i < 2 * k && i < n; i++) {
                int t = (int)(next_random(&rng) % (unsigned long long)n);
                while (freed[t])
                    t = (t + 1) % n;
                freed[t] = true;
            }
        }
        for (size_t i = 0; i < m->n_cells; i++) {
            const pl_cell *c = &m->cells[i];
            bool free_cell = freed[c->t] && c->p >= from && c->p <= to;
            fix[i] = free_cell ? -1 : (signed char)((*x)[c->col + 1] > 0.5);
        }
        /* a move that cannot be proven quickly returns its best so far:
         * half a second for one trainee, a second for larger moves */
        double cap = kind < 0 ? job->tune.single_move_seconds : job->tune.move_seconds, limit = left < cap ? left : cap;
        double value = NAN;
        double *y = job->sub ? pli_submip_solve(job, job->sub, *x, *objective, fix, NULL,
                                               *objective, limit, &value)
                             : restricted_solution(job, fix, NULL, *objective, limit, &value);
        if (y && value < *objective - 1e-9) {
            pli_glpk_free(job, *x);
            *x = y;
            *objective = value;
            stall = 0;
            fails_at_k = 0;
            pli_glpk_report(st, value, isinf(bound) ? NAN : bound,
                           isinf(bound) ? NAN : fabs(value - bound) / (1e-10 + fabs(value)));
        } else {
            pli_glpk_free(job, y);
            if (it >= 0) {
                stall++;
                fails_at_k++;
                if (fails_at_k >= job->tune.grow_after_fails && k < max_k) {
                    k = k * 3 / 2 + 1 < max_k ? k * 3 / 2 + 1 : max_k;
                    fails_at_k = 0;
                }
            }
        }
    }
cleanup:
    pli_glpk_free(job, tcost);
    pli_glpk_free(job, cand);
    pli_glpk_free(job, seen);
    pli_glpk_free(job, freed);
    pli_glpk_free(job, fix);
}
