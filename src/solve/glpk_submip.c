/*
 * glpk_submip.c — small sub-MIPs for large-neighbourhood search, built
 * directly from the model instead of copying the whole problem into GLPK.
 *
 * A neighbourhood frees some placement cells of a feasible schedule and
 * keeps the rest.  Copying the full glp_prob and letting GLPK's presolver
 * throw the fixed part away costs about as much as the whole model, for
 * every move (0.7 s a move on a 100-trainee allocation instance).  Here the
 * sub-problem holds only what can change:
 *
 *   - the freed cells;
 *   - every auxiliary column (starts, shortfalls, idle chains, homes,
 *     fairness, ...) reachable from them through rows, found by a
 *     breadth-first search that does not cross fixed cells;
 *   - the rows that contain at least one of those columns, with the fixed
 *     columns' contribution moved into their bounds.
 *
 * Everything else keeps its value in the incumbent, which satisfies the rows
 * left out, so the sub-problem is a restriction of the full model that
 * contains the incumbent: its solutions are schedules of the full model,
 * and the full cost is the incumbent's minus the free part's old cost plus
 * its new cost.
 */
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "solve/glpk_internal.h"

struct pl_submip {
    const pl_model *m;
    pl_model_csr a;           /* the matrix by rows and by columns */
    bool *is_cell;
    int *cell_trainee; /* per column: the trainee of a cell, else -1 */
    int *owner;        /* per column: the one trainee an auxiliary column
                        * belongs to, or -1 when it is shared */
    bool *trainee_free; /* scratch: trainees with freed cells */
    double *obj; /* objective coefficient per column */
    double constant;
    /* scratch, reset after each use */
    int *col_map, *row_map, *queue, *rows;
    int *ind;
    double *val;
};

void pli_submip_free(pl_submip *s)
{
    if (!s)
        return;
    pli_model_csr_free(&s->a);
    free(s->is_cell);
    free(s->cell_trainee);
    free(s->owner);
    free(s->trainee_free);
    free(s->obj);
    free(s->col_map);
    free(s->row_map);
    free(s->queue);
    free(s->rows);
    free(s->ind);
    free(s->val);
    free(s);
}

/* Which trainee each column belongs to, read from the model (owners.c):
 * shared columns (understaffing, supervision flows, fairness) are -1. */
static pl_status find_owners(pl_submip *s, const pl_model *m)
{
    return pli_model_owners(m, &s->a, s->owner);
}

pl_submip *pli_submip_new(const pl_model *m)
{
    pl_submip *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    size_t nr = (size_t)m->n_rows, nc = (size_t)m->n_cols;
    s->m = m;
    s->is_cell = calloc(nc + 1, sizeof *s->is_cell);
    s->cell_trainee = malloc((nc + 1) * sizeof *s->cell_trainee);
    s->owner = malloc((nc + 1) * sizeof *s->owner);
    s->trainee_free = calloc((size_t)m->inst->n_trainees + 1, sizeof *s->trainee_free);
    s->obj = calloc(nc + 1, sizeof *s->obj);
    s->col_map = malloc((nc + 1) * sizeof *s->col_map);
    s->row_map = malloc((nr + 1) * sizeof *s->row_map);
    s->queue = malloc((nc + 1) * sizeof *s->queue);
    s->rows = malloc((2 * nr + 1) * sizeof *s->rows); /* kept, then skipped */
    s->ind = malloc((nc + 2) * sizeof *s->ind);
    s->val = malloc((nc + 2) * sizeof *s->val);
    if (pli_model_csr_build(m, &s->a) != PL_OK || !s->is_cell || !s->cell_trainee ||
        !s->owner || !s->trainee_free || !s->obj || !s->col_map || !s->row_map ||
        !s->queue || !s->rows || !s->ind || !s->val) {
        pli_submip_free(s);
        return NULL;
    }
    for (size_t i = 0; i < nr; i++)
        s->row_map[i] = -1;
    for (size_t j = 0; j < nc; j++)
        s->col_map[j] = -1;
    for (size_t j = 0; j < nc; j++)
        s->cell_trainee[j] = -1;
    for (size_t i = 0; i < m->n_cells; i++) {
        s->is_cell[m->cells[i].col] = true;
        s->cell_trainee[m->cells[i].col] = m->cells[i].t;
    }
    if (find_owners(s, m) != PL_OK) {
        pli_submip_free(s);
        return NULL;
    }
    s->constant = pli_model_objective(m, s->obj);
    return s;
}

/* The value column j keeps when it is not free: integers rounded. */
static double kept(const pl_model *m, const double *x, int j)
{
    double v = x[j + 1];
    return m->col_kind[j] == PL_COL_CONTINUOUS ? v : round(v);
}

double *pli_submip_solve(glpk_job *job, pl_submip *s, const double *x,
                        double x_objective, const signed char *fix,
                        const bool *relax, double cutoff, double seconds,
                        double *objective)
{
    const pl_model *m = job->m;
    int n_free = 0, n_rows = 0, head = 0, tail = 0;
    int *free_cols = s->queue; /* free columns in order of discovery */
    int *rows = s->rows;
    int *rows_skipped = s->rows + m->n_rows, n_skipped = 0;
    glp_prob *lp = NULL;
    double *y = NULL;

    /* seeds: the freed cells that their bounds leave free */
    for (size_t i = 0; i < m->n_cells; i++) {
        int j = m->cells[i].col;
        if (fix[i] < 0 && m->col_lb[j] < m->col_ub[j] && s->col_map[j] < 0) {
            s->trainee_free[m->cells[i].t] = true;
            s->col_map[j] = n_free;
            free_cols[tail++] = j;
            n_free++;
        }
    }
    if (n_free == 0)
        goto cleanup;
    /* breadth-first over rows, adding the auxiliary columns they reach */
    for (head = 0; head < tail; head++) {
        int j = free_cols[head];
        for (int e = s->a.col_start[j]; e < s->a.col_start[j + 1]; e++) {
            int i = s->a.col_row[e];
            if (s->row_map[i] >= 0 || s->row_map[i] == -2)
                continue;
            if (relax && m->row_trainee[i] >= 0 && relax[m->row_trainee[i]] &&
                m->row_lb[i] > 0) {
                s->row_map[i] = -2; /* a forcing row of a trainee not yet added */
                rows_skipped[n_skipped++] = i;
                continue;
            }
            s->row_map[i] = n_rows;
            rows[n_rows++] = i;
            for (int f = s->a.row_start[i]; f < s->a.row_start[i + 1]; f++) {
                int k = s->a.row_col[f];
                if (s->col_map[k] >= 0 || s->is_cell[k] || m->col_lb[k] == m->col_ub[k] ||
                    (s->owner[k] >= 0 && !s->trainee_free[s->owner[k]]))
                    continue;
                s->col_map[k] = n_free++;
                free_cols[tail++] = k;
            }
        }
    }

    pli_glpk_part part = {&s->a, rows, n_rows, free_cols, n_free, s->col_map, x, s->obj};
    if (!(lp = pli_glpk_load_part(job, &part)))
        goto cleanup;
    double sub_before = 0.0; /* the free part's cost in the incumbent */
    for (int c = 0; c < n_free; c++)
        sub_before += s->obj[free_cols[c]] * kept(m, x, free_cols[c]);
    double fixed_part = x_objective - sub_before;
    if (!isnan(cutoff)) { /* only improvements: free part below cutoff - fixed part */
        int len = 0;
        for (int c = 0; c < n_free; c++)
            if (s->obj[free_cols[c]] != 0.0) {
                s->ind[++len] = c + 1;
                s->val[len] = s->obj[free_cols[c]];
            }
        double margin = job->integral ? 0.5 : 1e-6 * (1.0 + fabs(cutoff));
        int row = glp_add_rows(lp, 1);
        glp_set_mat_row(lp, row, len, s->ind, s->val);
        glp_set_row_bnds(lp, row, GLP_UP, 0.0, cutoff - margin - fixed_part);
    }

    /* The LP relaxation first, under the move's time limit: glp_intopt
     * does not look at its own limit while solving the root LP, and the
     * LP of a large neighbourhood can take minutes.  The search then
     * starts from that basis (no presolve: it needs the LP's optimum). */
    pl_glpk_limits lim = {job->params->interrupt, pli_clock_seconds() + seconds, -HUGE_VAL, job,
                          false, 0.0};
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_OFF;
    if (pli_glpk_simplex(job, lp, &smcp, seconds) != 0 || glp_get_status(lp) != GLP_OPT)
        goto cleanup; /* no better schedule here, or no time to find one */
    glp_iocp iocp;
    pli_glpk_init_iocp(&iocp, job, lim.deadline - pli_clock_seconds());
    iocp.presolve = GLP_OFF;
    /* improving moves are solved to 0.01 %; a construction step (no
     * cutoff) stops within 1 %: later moves improve it anyway */
    double gap = isnan(cutoff) ? 1e-2 : 1e-4;
    iocp.mip_gap = job->params->gap > gap ? job->params->gap : gap;
    iocp.cb_func = pli_glpk_limits_callback;
    iocp.cb_info = &lim;
    glp_intopt(lp, &iocp);
    int st = glp_mip_status(lp);
    if (st == GLP_OPT || st == GLP_FEAS) {
        /* x is [1..n]: the model's columns and the objective constant's */
        int n = job->lp ? glp_get_num_cols(job->lp) : m->n_cols + 1;
        y = pli_glpk_malloc(job, ((size_t)n + 1) * sizeof *y);
        if (y) {
            memcpy(y, x, ((size_t)n + 1) * sizeof *y);
            for (int c = 0; c < n_free; c++)
                y[free_cols[c] + 1] = glp_mip_col_val(lp, c + 1);
            /* the full cost summed afresh rather than by difference, so
             * that no rounding of the fixed part can drift */
            double cost = s->constant;
            for (int j = 0; j < m->n_cols; j++)
                cost += s->obj[j] * y[j + 1];
            *objective = cost;
        }
    }
cleanup:
    if (lp)
        glp_delete_prob(lp);
    for (int c = 0; c < tail; c++) {
        if (s->is_cell[free_cols[c]])
            s->trainee_free[s->cell_trainee[free_cols[c]]] = false;
        s->col_map[free_cols[c]] = -1;
    }
    for (int r = 0; r < n_rows; r++)
        s->row_map[rows[r]] = -1;
    for (int r = 0; r < n_skipped; r++)
        s->row_map[rows_skipped[r]] = -1;
    return y;
}
