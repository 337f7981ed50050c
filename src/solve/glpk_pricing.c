/*
 * glpk_pricing.c — the decomposition's slices: which columns and rows are
 * each trainee's, and the pricing problem of one trainee.
 *
 * Nothing here knows a rule: the owners come from model/owners.c, and a
 * slice is the model's own rows and columns of one trainee, copied into a
 * GLPK problem of its own.  Its objective is the model's cost minus the
 * master's duals on the coupling rows its columns appear in.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "solve/glpk_decomp.h"


void pli_split_delete_probs(pl_split *sp)
{
    for (int k = 0; sp->slices && k < sp->n_slices; k++)
        if (sp->slices[k].lp) {
            glp_delete_prob(sp->slices[k].lp);
            sp->slices[k].lp = NULL;
        }
}

void pli_split_free(pl_split *sp)
{
    if (!sp)
        return;
    for (int k = 0; sp->slices && k < sp->n_slices; k++) {
        free(sp->slices[k].cols);
        free(sp->slices[k].rows);
        free(sp->slices[k].adjust);
    }
    free(sp->slices);
    pli_model_csr_free(&sp->a);
    free(sp->owner);
    free(sp->row_owner);
    free(sp->local);
    free(sp->master_row);
    free(sp->obj);
    memset(sp, 0, sizeof *sp);
}

/* Bucket owned columns and rows by trainee into the slices. */
static pl_status fill_slices(pl_split *sp, int *slice_of)
{
    const pl_model *m = sp->m;
    int n = m->inst->n_trainees;
    for (int t = 0; t < n; t++)
        slice_of[t] = -1;
    for (int j = 0; j < m->n_cols; j++)
        if (sp->owner[j] >= 0 && slice_of[sp->owner[j]] < 0)
            slice_of[sp->owner[j]] = sp->n_slices++;
    sp->slices = calloc((size_t)sp->n_slices + 1, sizeof *sp->slices);
    if (!sp->slices)
        return PL_ERR_NOMEM;
    for (int t = 0; t < n; t++)
        if (slice_of[t] >= 0)
            sp->slices[slice_of[t]].trainee = t;
    for (int j = 0; j < m->n_cols; j++)
        if (sp->owner[j] >= 0)
            sp->slices[slice_of[sp->owner[j]]].n_cols++;
    for (int i = 0; i < m->n_rows; i++)
        if (sp->row_owner[i] >= 0)
            sp->slices[slice_of[sp->row_owner[i]]].n_rows++;
    for (int k = 0; k < sp->n_slices; k++) {
        pl_slice *s = &sp->slices[k];
        s->cols = malloc(((size_t)s->n_cols + 1) * sizeof *s->cols);
        s->rows = malloc(((size_t)s->n_rows + 1) * sizeof *s->rows);
        if (!s->cols || !s->rows)
            return PL_ERR_NOMEM;
        s->n_cols = s->n_rows = 0;
        s->twin = -1;
    }
    for (int j = 0; j < m->n_cols; j++)
        if (sp->owner[j] >= 0) {
            pl_slice *s = &sp->slices[slice_of[sp->owner[j]]];
            sp->local[j] = s->n_cols;
            s->cols[s->n_cols++] = j;
        }
    for (int i = 0; i < m->n_rows; i++)
        if (sp->row_owner[i] >= 0) {
            pl_slice *s = &sp->slices[slice_of[sp->row_owner[i]]];
            s->rows[s->n_rows++] = i;
        }
    return PL_OK;
}

/* Whether slices a and b have the same rows, columns, costs and coupling
 * pattern up to renumbering in creation order (trainees with the same
 * rules, eligibility and weights). */
static bool same_slice(const pl_split *sp, const pl_slice *a, const pl_slice *b)
{
    const pl_model *m = sp->m;
    const pl_model_csr *A = &sp->a;
    if (a->n_cols != b->n_cols || a->n_rows != b->n_rows)
        return false;
    for (int c = 0; c < a->n_cols; c++) {
        int ja = a->cols[c], jb = b->cols[c];
        if (m->col_lb[ja] != m->col_lb[jb] || m->col_ub[ja] != m->col_ub[jb] ||
            m->col_kind[ja] != m->col_kind[jb] || sp->obj[ja] != sp->obj[jb] ||
            A->col_start[ja + 1] - A->col_start[ja] != A->col_start[jb + 1] - A->col_start[jb])
            return false;
        for (int e = A->col_start[ja], f = A->col_start[jb]; e < A->col_start[ja + 1]; e++, f++)
            if (A->col_val[e] != A->col_val[f] ||
                sp->master_row[A->col_row[e]] != sp->master_row[A->col_row[f]])
                return false; /* coupling rows must be the very same */
    }
    for (int r = 0; r < a->n_rows; r++) {
        int ia = a->rows[r], ib = b->rows[r];
        if (m->row_lb[ia] != m->row_lb[ib] || m->row_ub[ia] != m->row_ub[ib] ||
            A->row_start[ia + 1] - A->row_start[ia] != A->row_start[ib + 1] - A->row_start[ib])
            return false;
        for (int e = A->row_start[ia], f = A->row_start[ib]; e < A->row_start[ia + 1]; e++, f++)
            if (A->row_val[e] != A->row_val[f] ||
                sp->local[A->row_col[e]] != sp->local[A->row_col[f]])
                return false;
    }
    return true;
}

/* Identical slices are priced once: each slice is compared with the 64
 * before it (an intake's trainees stand together), and the first equal
 * one that is no twin itself becomes its representative. */
static void find_twins(pl_split *sp)
{
    for (int k = 1; k < sp->n_slices; k++)
        for (int l = k - 1; l >= 0 && l >= k - 64; l--) {
            const pl_slice *b = &sp->slices[l];
            if (b->twin < 0 && same_slice(sp, b, &sp->slices[k])) {
                sp->slices[k].twin = l;
                sp->slices[l].has_twins = true;
                break;
            }
        }
}

pl_status pli_split_build(glpk_job *job, pl_split *sp)
{
    const pl_model *m = job->m;
    pl_status status = PL_OK;
    size_t nc = (size_t)m->n_cols, nr = (size_t)m->n_rows;
    int *slice_of = NULL;
    memset(sp, 0, sizeof *sp);
    sp->job = job;
    sp->m = m;
    PL_TRY(pli_model_csr_build(m, &sp->a));
    sp->owner = malloc((nc + 1) * sizeof *sp->owner);
    sp->row_owner = malloc((nr + 1) * sizeof *sp->row_owner);
    sp->local = malloc((nc + 1) * sizeof *sp->local);
    sp->master_row = calloc(nr + 1, sizeof *sp->master_row);
    sp->obj = calloc(nc + 1, sizeof *sp->obj);
    slice_of = malloc(((size_t)m->inst->n_trainees + 1) * sizeof *slice_of);
    if (!sp->owner || !sp->row_owner || !sp->local || !sp->master_row ||
        !sp->obj || !slice_of) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    PL_TRY(pli_model_owners(m, &sp->a, sp->owner));
    pli_model_row_owners(m, &sp->a, sp->owner, sp->row_owner);
    for (size_t j = 0; j < nc; j++)
        sp->local[j] = -1;
    for (size_t i = 0; i < nr; i++)
        if (sp->row_owner[i] < 0)
            sp->master_row[i] = ++sp->n_coupling;
    sp->constant = pli_model_objective(m, sp->obj);
    PL_TRY(fill_slices(sp, slice_of));
    find_twins(sp);
cleanup:
    free(slice_of);
    if (status != PL_OK)
        pli_split_free(sp);
    return status;
}

/* The slice's own rows and columns as a GLPK problem. */
static glp_prob *slice_problem(const pl_split *sp, const pl_slice *s)
{
    /* a slice's rows hold only its own columns: nothing moves to bounds */
    pli_glpk_part part = {&sp->a, s->rows, s->n_rows, s->cols, s->n_cols, sp->local, NULL, NULL};
    return pli_glpk_load_part(sp->job, &part);
}

/* The slice's LP relaxation, warm from its last basis; its value, NaN on
 * failure, +inf when it has no solution. */
static double slice_lp(glp_prob *lp, double seconds)
{
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_OFF;
    smcp.tm_lim = pli_glpk_milliseconds(seconds);
    if (glp_get_status(lp) == GLP_UNDEF)
        glp_adv_basis(lp, 0);
    int rc = glp_simplex(lp, &smcp);
    if (rc != 0) { /* a stale basis can fail: once more from scratch */
        glp_std_basis(lp);
        rc = glp_simplex(lp, &smcp);
    }
    if (rc == 0 && glp_get_status(lp) == GLP_NOFEAS)
        return HUGE_VAL;
    return rc == 0 && glp_get_status(lp) == GLP_OPT ? glp_get_obj_val(lp) : NAN;
}

bool pli_slice_forbid(pl_split *sp, int k, int c, bool forbid)
{
    pl_slice *s = &sp->slices[k];
    if (!s->lp && !(s->lp = slice_problem(sp, s)))
        return false;
    int j = s->cols[c];
    if (forbid)
        glp_set_col_bnds(s->lp, c + 1, GLP_FX, 0.0, 0.0);
    else
        pli_glpk_col_bounds(s->lp, c + 1, sp->m->col_lb[j], sp->m->col_ub[j]);
    return true;
}

bool pli_slice_bound(pl_split *sp, int k, int c, double lb, double ub)
{
    pl_slice *s = &sp->slices[k];
    if (!s->lp && !(s->lp = slice_problem(sp, s)))
        return false;
    pli_glpk_col_bounds(s->lp, c + 1, lb, ub);
    return true;
}

int pli_slice_lp(glpk_job *job, pl_split *sp, int k, const double *duals,
                double seconds, double *value, double *x, bool *integral)
{
    pl_slice *s = &sp->slices[k];
    const pl_model_csr *A = &sp->a;
    (void)job;
    *integral = false;
    if (!s->lp && !(s->lp = slice_problem(sp, s)))
        return 4;
    for (int c = 0; c < s->n_cols; c++) {
        int j = s->cols[c];
        double v = sp->obj[j];
        for (int e = A->col_start[j]; duals && e < A->col_start[j + 1]; e++) {
            int mr = sp->master_row[A->col_row[e]];
            if (mr > 0)
                v -= duals[mr] * A->col_val[e];
        }
        if (duals && s->adjust)
            v -= s->adjust[c];
        glp_set_obj_coef(s->lp, c + 1, v);
    }
    double lp_value = slice_lp(s->lp, seconds);
    if (lp_value == HUGE_VAL)
        return 1;
    if (isnan(lp_value))
        return 4;
    *value = lp_value;
    /* an integral LP optimum is the MIP's: no branching needed */
    bool whole = true;
    for (int c = 0; c < s->n_cols && whole; c++) {
        double v = glp_get_col_prim(s->lp, c + 1);
        if (sp->m->col_kind[s->cols[c]] != PL_COL_CONTINUOUS) {
            whole = fabs(v - round(v)) <= 1e-9;
            v = round(v);
        }
        x[c] = v;
    }
    *integral = whole;
    return 0;
}

int pli_slice_mip(glpk_job *job, pl_split *sp, int k, double seconds, double enough,
                 double *x, double *value, double *bound)
{
    pl_slice *s = &sp->slices[k];
    pl_glpk_limits lim = {job->params->interrupt, pli_clock_seconds() + seconds, -HUGE_VAL, job,
                          enough < HUGE_VAL, enough};
    glp_iocp iocp;
    glp_init_iocp(&iocp);
    iocp.msg_lev = GLP_MSG_OFF;
    iocp.presolve = GLP_OFF; /* from the LP's optimal basis (pli_slice_lp) */
    if (sp->cuts) { /* pricing rounds that prove nothing: cuts pay off there
                     * (MSSP Instance_100), not where the searches end in
                     * time (Instance_101: 15 s without, 44 s with) */
        iocp.mir_cuts = GLP_ON;
        iocp.gmi_cuts = GLP_ON;
        iocp.clq_cuts = GLP_ON;
        iocp.cov_cuts = GLP_ON;
    }
    iocp.tm_lim = pli_glpk_milliseconds(seconds);
    iocp.cb_func = pli_glpk_limits_callback;
    iocp.cb_info = &lim;
    int rc = glp_intopt(s->lp, &iocp);
    int st = glp_mip_status(s->lp);
    if (st == GLP_NOFEAS || rc == GLP_ENOPFS)
        return 1;
    *bound = lim.bound;
    if (st != GLP_OPT && st != GLP_FEAS)
        return 4;
    for (int c = 0; c < s->n_cols; c++) {
        double v = glp_mip_col_val(s->lp, c + 1);
        x[c] = sp->m->col_kind[s->cols[c]] == PL_COL_CONTINUOUS ? v : round(v);
    }
    *value = glp_mip_obj_val(s->lp);
    bool optimal = rc == 0 && st == GLP_OPT;
    if (optimal)
        *bound = *value;
    return optimal ? 0 : 2;
}
