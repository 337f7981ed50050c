/*
 * glpk_decomp.c — the decomposition by trainee: column generation with a
 * valid bound every round, then the restricted master as a MIP
 * (price-and-branch), then the tree (glpk_tree.c) where a gap is left.
 *
 * The master LP chooses, for every trainee, a convex combination of
 * schedules found so far (λ columns, one convexity row per trainee),
 * together with the shared columns (understaffing, supervision flows,
 * fairness), under the coupling rows.  Each round solves the master warm,
 * reads its duals, and prices every trainee's slice (glpk_pricing.c): a
 * schedule of negative reduced cost joins the master.  The Lagrangian bound
 * of the duals used (lagrangian()) is computed every round from a lower
 * bound on each slice's optimum (its LP value, or what its MIP proved), and
 * is the bound reported.  Until the master has a schedule for every trainee
 * that fits the coupling rows, artificial columns of high cost keep it
 * feasible (the bound does not depend on them).  The first schedules come
 * from a greedy pass over the trainees (greedy_start).
 *
 * Duals are smoothed towards those of the best bound (Wentges): a round
 * that finds nothing with the smoothed duals is repeated with the master's
 * own, so the column generation ends only at the master's optimum.
 *
 * Limits: every GLPK call gets the time left; an interrupt is looked at
 * between slices and inside every MIP; the greedy start keeps time to give
 * every trainee it cannot reach a placement-free schedule.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "solve/glpk_decomp.h"

/* The decomposition's memory (a pl_glpk_drop: it is held by the job),
 * not its GLPK problems: decomp_close deletes those first, or the GLPK
 * error path has freed them with the environment. */
static void decomp_drop(void *p)
{
    decomp *d = p;
    for (int i = 0; i < d->n_sched; i++) {
        free(d->sched[i].local);
        free(d->sched[i].val);
    }
    free(d->sched);
    free(d->shared_col);
    free(d->duals);
    free(d->center);
    free(d->price);
    free(d->x);
    free(d->is_cell);
    free(d->ind);
    free(d->val);
    free(d->coef);
    free(d->group_rows);
    pli_split_free(&d->sp);
    free(d);
}

/* The decomposition ended normally: its GLPK problems, then the rest. */
static void decomp_close(decomp *d)
{
    glpk_job *job = d->job;
    if (d->master)
        glp_delete_prob(d->master);
    pli_split_delete_probs(&d->sp);
    pli_glpk_free(job, d->first_x);
    pli_glpk_free(job, d);
}

/* The master before any schedule: coupling rows, convexity rows, shared
 * columns with their coefficients, and one artificial per finite side of a
 * coupling row. */
static pl_status master_build(decomp *d)
{
    const pl_model *m = d->job->m;
    pl_split *sp = &d->sp;
    const pl_model_csr *A = &sp->a;
    d->n_master_rows = sp->n_coupling + sp->n_slices;
    glp_prob *lp = pli_glpk_new_prob(d->n_master_rows, 0);
    d->master = lp;
    for (int i = 0; i < m->n_rows; i++)
        if (sp->master_row[i] > 0)
            pli_glpk_row_bounds(lp, sp->master_row[i], m->row_lb[i], m->row_ub[i]);
    for (int k = 0; k < sp->n_slices; k++) {
        sp->slices[k].convexity = sp->n_coupling + k + 1;
        glp_set_row_bnds(lp, sp->slices[k].convexity, GLP_FX, 1.0, 1.0);
    }
    double maxc = 1.0;
    for (int j = 0; j < m->n_cols; j++)
        if (fabs(sp->obj[j]) > maxc)
            maxc = fabs(sp->obj[j]);
    d->big = maxc * 1e3 > 1e9 ? 1e9 : maxc * 1e3;
    /* more than a cell can save: a placement can, through runs and
     * amounts, save a cost term in every period */
    d->full_price = (m->inst->horizon.length + 1.0) * maxc;
    d->shared_col = malloc(((size_t)m->n_cols + 1) * sizeof *d->shared_col);
    int *ind = pli_glpk_malloc(d->job, ((size_t)d->n_master_rows + 2) * sizeof *ind);
    double *val = pli_glpk_malloc(d->job, ((size_t)d->n_master_rows + 2) * sizeof *val);
    if (!d->shared_col || !ind || !val) {
        pli_glpk_free(d->job, val);
        pli_glpk_free(d->job, ind);
        return PL_ERR_NOMEM;
    }
    for (int j = 0; j < m->n_cols; j++) {
        if (sp->owner[j] >= 0)
            continue;
        int c = glp_add_cols(lp, 1), n = 0;
        d->shared_col[d->n_shared++] = j;
        pli_glpk_col_bounds(lp, c, m->col_lb[j], m->col_ub[j]);
        glp_set_obj_coef(lp, c, sp->obj[j]);
        for (int e = A->col_start[j]; e < A->col_start[j + 1]; e++) {
            ind[++n] = sp->master_row[A->col_row[e]];
            val[n] = A->col_val[e];
        }
        glp_set_mat_col(lp, c, n, ind, val);
    }
    d->first_art = glp_get_num_cols(lp) + 1;
    for (int i = 0; i < m->n_rows; i++) {
        int mr = sp->master_row[i];
        if (mr <= 0)
            continue;
        for (int side = 0; side < 2; side++) {
            double b = side == 0 ? m->row_lb[i] : m->row_ub[i];
            if (isinf(b))
                continue;
            int c = glp_add_cols(lp, 1);
            ind[1] = mr;
            val[1] = side == 0 ? 1.0 : -1.0;
            glp_set_mat_col(lp, c, 1, ind, val);
            glp_set_col_bnds(lp, c, GLP_LO, 0.0, 0.0);
            glp_set_obj_coef(lp, c, d->big);
            d->n_art++;
        }
    }
    /* the tree's group rows (pli_decomp_group_row) get theirs when made:
     * a bound on a group's count may be out of reach of the schedules
     * found so far */
    d->first_group_art = glp_get_num_cols(lp) + 1;
    int n_group_art = d->job->tune.tree_share > 0 ? 2 * d->job->tune.tree_group_rows : 0;
    if (n_group_art > 0) {
        glp_add_cols(lp, n_group_art);
        for (int c = d->first_group_art; c < d->first_group_art + n_group_art; c++) {
            glp_set_col_bnds(lp, c, GLP_LO, 0.0, 0.0);
            glp_set_obj_coef(lp, c, d->big);
        }
        d->n_art += n_group_art;
    }
    /* a trainee without a schedule yet (the greedy start ran out of time
     * for it) keeps the master feasible through its own artificial, whose
     * dual then makes its pricing a priority */
    for (int k = 0; k < sp->n_slices; k++) {
        int c = glp_add_cols(lp, 1);
        ind[1] = sp->slices[k].convexity;
        val[1] = 1.0;
        glp_set_mat_col(lp, c, 1, ind, val);
        glp_set_col_bnds(lp, c, GLP_DB, 0.0, 1.0);
        glp_set_obj_coef(lp, c, d->big);
        d->n_art++;
    }
    d->first_sched = glp_get_num_cols(lp) + 1;
    /* the master's value is the full cost, comparable with the bounds */
    glp_set_obj_coef(lp, 0, sp->constant);
    pli_glpk_free(d->job, val);
    pli_glpk_free(d->job, ind);
    return PL_OK;
}

/* The group rows' entries of a schedule x of slice k appended to d->ind
 * and d->val after n_ent; the new count. */
static int add_group_coefs(decomp *d, int k, const double *x, int n_ent)
{
    const pl_slice *s = &d->sp.slices[k];
    int root = s->twin >= 0 ? s->twin : k;
    for (int g = 0; g < d->n_group_rows; g++) {
        const group_row *gr = &d->group_rows[g];
        if (gr->root == root && x[gr->c] != 0.0) {
            d->ind[++n_ent] = gr->row;
            d->val[n_ent] = x[gr->c];
        }
    }
    return n_ent;
}

/* Add the schedule x of slice k (values by the slice's local columns) as a
 * λ column of trainee `k` when its reduced cost under the master's own
 * duals (d->duals; all schedules when `always`) is negative: a schedule
 * found with smoothed duals that the master would not use stays out, and
 * a round that adds nothing shows the smoothing mis-priced. */
static pl_status add_schedule(decomp *d, int k, const double *x, bool always,
                              bool *added)
{
    pl_status status = PL_OK;
    pl_split *sp = &d->sp;
    const pl_slice *s = &sp->slices[k];
    const pl_model_csr *A = &sp->a;
    double *coef = d->coef; /* all zero between calls */
    int *ind = d->ind;
    double *val = d->val;
    int *local = NULL;
    double *vals = NULL;
    *added = false;
    if (d->n_sched == d->cap_sched) {
        int cap = d->cap_sched ? 2 * d->cap_sched : 256;
        sched_col *p = realloc(d->sched, (size_t)cap * sizeof *p);
        if (!p)
            return PL_ERR_NOMEM;
        d->sched = p;
        d->cap_sched = cap;
    }
    /* the column: cost and coupling coefficients summed over x */
    double cost = 0.0;
    int nz = 0, n = 0;
    for (int c = 0; c < s->n_cols; c++) {
        if (x[c] == 0.0)
            continue;
        int j = s->cols[c];
        n++;
        cost += sp->obj[j] * x[c];
        for (int e = A->col_start[j]; e < A->col_start[j + 1]; e++) {
            int mr = sp->master_row[A->col_row[e]];
            if (mr <= 0)
                continue;
            if (coef[mr] == 0.0)
                ind[++nz] = mr;
            coef[mr] += A->col_val[e] * x[c];
            if (coef[mr] == 0.0)
                coef[mr] = 1e-300; /* keep its place; dropped below */
        }
    }
    int n_ent = 0;
    for (int e = 1; e <= nz; e++) {
        int mr = ind[e];
        if (fabs(coef[mr]) > 1e-200) {
            ind[++n_ent] = mr;
            val[n_ent] = coef[mr];
        }
        coef[mr] = 0.0;
    }
    ind[++n_ent] = s->convexity;
    val[n_ent] = 1.0;
    n_ent = add_group_coefs(d, k, x, n_ent);
    double reduced = cost;
    for (int e = 1; e <= n_ent; e++)
        reduced -= d->duals[ind[e]] * val[e];
    if (!always && reduced >= -d->job->tune.rc_eps * (1.0 + fabs(cost)))
        goto cleanup;
    local = malloc(((size_t)n + 1) * sizeof *local);
    vals = malloc(((size_t)n + 1) * sizeof *vals);
    if (!local || !vals) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    sched_col *sc = &d->sched[d->n_sched++];
    sc->slice = k;
    sc->n = 0;
    sc->local = local;
    sc->val = vals;
    local = NULL;
    vals = NULL;
    for (int c = 0; c < s->n_cols; c++)
        if (x[c] != 0.0) {
            sc->local[sc->n] = c;
            sc->val[sc->n++] = x[c];
        }
    int col = glp_add_cols(d->master, 1);
    glp_set_col_bnds(d->master, col, GLP_LO, 0.0, 0.0);
    glp_set_obj_coef(d->master, col, cost);
    glp_set_mat_col(d->master, col, n_ent, ind, val);
    *added = true;
cleanup:
    free(local);
    free(vals);
    return status;
}

double pli_sched_value(const sched_col *sc, int c)
{
    int lo = 0, hi = sc->n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (sc->local[mid] == c)
            return sc->val[mid];
        if (sc->local[mid] < c)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return 0.0;
}

int pli_decomp_purge(decomp *d)
{
    int *del = pli_glpk_malloc(d->job, ((size_t)d->n_sched + 1) * sizeof *del);
    int n_del = 0, kept = 0;
    if (!del)
        return 0;
    for (int i = 0; i < d->n_sched; i++) {
        int col = d->first_sched + i;
        if (glp_get_col_stat(d->master, col) == GLP_BS) {
            d->sched[kept++] = d->sched[i];
            continue;
        }
        del[++n_del] = col;
        free(d->sched[i].local);
        free(d->sched[i].val);
    }
    d->n_sched = kept;
    if (n_del > 0) /* GLPK renumbers the rest in order, as d->sched now is */
        glp_del_cols(d->master, n_del, del);
    pli_glpk_free(d->job, del);
    return n_del;
}

int pli_decomp_group_row(decomp *d, int root, int c)
{
    for (int g = 0; g < d->n_group_rows; g++)
        if (d->group_rows[g].root == root && d->group_rows[g].c == c)
            return g;
    if (d->n_master_rows >= d->cap_master_rows)
        return -1;
    int *ind = pli_glpk_malloc(d->job, ((size_t)d->n_sched + 1) * sizeof *ind);
    double *val = pli_glpk_malloc(d->job, ((size_t)d->n_sched + 1) * sizeof *val);
    int g = -1;
    if (!ind || !val)
        goto cleanup;
    int n = 0;
    for (int i = 0; i < d->n_sched; i++) {
        const pl_slice *s = &d->sp.slices[d->sched[i].slice];
        if (d->sched[i].slice != root && s->twin != root)
            continue;
        double v = pli_sched_value(&d->sched[i], c);
        if (v != 0.0) {
            ind[++n] = d->first_sched + i;
            val[n] = v;
        }
    }
    int row = glp_add_rows(d->master, 1);
    glp_set_row_bnds(d->master, row, GLP_FR, 0.0, 0.0);
    glp_set_mat_row(d->master, row, n, ind, val);
    d->n_master_rows = row;
    d->duals[row] = d->center[row] = d->price[row] = 0.0;
    g = d->n_group_rows++;
    for (int side = 0; side < 2; side++) { /* its artificials: +1 and -1 */
        int one[2] = {0, row};
        double sign[2] = {0.0, side == 0 ? 1.0 : -1.0};
        glp_set_mat_col(d->master, d->first_group_art + 2 * g + side, 1, one, sign);
    }
    d->group_rows[g] = (group_row){root, c, row};
cleanup:
    pli_glpk_free(d->job, val);
    pli_glpk_free(d->job, ind);
    return g;
}

/* The master row activities of schedule column `col` added to act. */
static void add_activity(const decomp *d, int col, double *act)
{
    int n = glp_get_mat_col(d->master, col, d->ind, d->val);
    for (int e = 1; e <= n; e++)
        act[d->ind[e]] += d->val[e];
}

double pli_decomp_master_lp(decomp *d, double seconds)
{
    if (seconds <= 0.0 || pli_glpk_interrupted(d->job))
        return NAN; /* even a started simplex factorizes first: 0.1 s national */
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_OFF;
    if (glp_get_num_cols(d->master) < 1)
        glp_std_basis(d->master);
    int rc = pli_glpk_simplex(d->job, d->master, &smcp, seconds);
    if (rc != 0 || glp_get_status(d->master) != GLP_OPT)
        return NAN;
    for (int r = 1; r <= d->n_master_rows; r++)
        d->duals[r] = glp_get_row_dual(d->master, r);
    return glp_get_obj_val(d->master);
}

/* A slice whose fractional LP beats its convexity dual by `key`. */
typedef struct cand_t {
    double key;
    int slice;
} cand_t;

/* One pricing round's per-slice state (held by the job). */
typedef struct round_state {
    int n;             /* slices */
    double *lp;        /* [n_slices] LP value (lower bound), NaN if unsolved */
    cand_t *cand;      /* candidates (LP reduced cost negative, LP fractional) */
    int n_cand;
    double **rep_x;    /* schedules of slices with twins, this round */
} round_state;

/* A pl_glpk_drop: the round's memory. */
static void round_drop(void *p)
{
    round_state *r = p;
    for (int k = 0; r->rep_x && k < r->n; k++)
        free(r->rep_x[k]);
    free(r->rep_x);
    free(r->lp);
    free(r->cand);
    free(r);
}

/* A round for n slices, held by the job; NULL without memory. */
static round_state *round_new(glpk_job *job, int n)
{
    round_state *r = calloc(1, sizeof *r);
    if (!r || !pli_glpk_hold(job, r, round_drop))
        return NULL;
    r->n = n;
    r->lp = malloc(((size_t)n + 1) * sizeof *r->lp);
    r->cand = malloc(((size_t)n + 1) * sizeof *r->cand);
    r->rep_x = calloc((size_t)n + 1, sizeof *r->rep_x);
    if (!r->lp || !r->cand || !r->rep_x) {
        pli_glpk_free(job, r);
        return NULL;
    }
    return r;
}

/* A schedule of slice k with value `value` under duals: joins when its
 * reduced cost is negative. */
static int offer(decomp *d, int k, const double *duals, double value)
{
    const pl_slice *s = &d->sp.slices[k];
    double reduced = value - duals[s->convexity];
    if (reduced >= -d->job->tune.rc_eps * (1.0 + fabs(value)))
        return 0;
    bool joined;
    if (add_schedule(d, k, d->x, false, &joined) != PL_OK)
        return -2;
    return joined;
}

/* Phase 1: every slice's LP (twins share their representative's).  An
 * integral LP optimum is the slice's best schedule and is offered at once;
 * slices whose fractional LP beats their convexity dual become candidates
 * for the MIP.  Returns columns added, or -1 / -2 as price_all. */
static int price_lps(decomp *d, const double *duals, round_state *r, bool *lps_ok)
{
    pl_split *sp = &d->sp;
    int added = 0;
    *lps_ok = true;
    for (int k = 0; k < sp->n_slices; k++) {
        pl_slice *s = &sp->slices[k];
        double left = d->until - pli_clock_seconds(), value;
        bool integral = false;
        r->lp[k] = NAN;
        if (left <= 0.05 || pli_glpk_interrupted(d->job)) {
            *lps_ok = false;
            break;
        }
        bool shared = s->twin >= 0 && !s->branched && !sp->slices[s->twin].branched;
        if (shared && !isnan(r->lp[s->twin])) { /* the same LP */
            value = r->lp[s->twin];
            integral = r->rep_x[s->twin] != NULL;
            if (integral)
                memcpy(d->x, r->rep_x[s->twin], (size_t)s->n_cols * sizeof *d->x);
        } else {
            int rc = pli_slice_lp(d->job, sp, k, duals, left, &value, d->x, &integral);
            if (rc == 1)
                return -1;
            if (rc != 0) {
                *lps_ok = false;
                continue;
            }
            if (integral && s->has_twins) {
                r->rep_x[k] = malloc(((size_t)s->n_cols + 1) * sizeof **r->rep_x);
                if (!r->rep_x[k])
                    return -2;
                memcpy(r->rep_x[k], d->x, (size_t)s->n_cols * sizeof *d->x);
            }
        }
        r->lp[k] = value;
        double reduced = value - duals[s->convexity];
        if (integral) {
            int j = offer(d, k, duals, value);
            if (j < 0)
                return j;
            added += j;
        } else if (reduced < -d->job->tune.rc_eps * (1.0 + fabs(value))) {
            r->cand[r->n_cand].key = reduced;
            r->cand[r->n_cand++].slice = k;
        }
    }
    return added;
}

/* The duals of the group rows into the pricing objectives of their
 * groups' slices; false without memory. */
static bool set_adjust(decomp *d, const double *duals)
{
    pl_split *sp = &d->sp;
    for (int g = 0; g < d->n_group_rows; g++) {
        const group_row *gr = &d->group_rows[g];
        for (int k = gr->root; k < sp->n_slices; k++) {
            pl_slice *s = &sp->slices[k];
            if (k != gr->root && s->twin != gr->root)
                continue;
            if (!s->adjust && !(s->adjust = calloc((size_t)s->n_cols + 1, sizeof *s->adjust)))
                return false;
            s->adjust[gr->c] = duals[gr->row];
        }
    }
    return true;
}

static int by_key(const void *a, const void *b)
{
    double ka = ((const cand_t *)a)->key, kb = ((const cand_t *)b)->key;
    return ka < kb ? -1 : ka > kb;
}

/* Price one round with `duals`.  Every slice's LP first; then the MIPs of the candidates, most
 * promising first, for about tune.round_mip_seconds (or the LP phase's
 * time, if longer).  *sum_value receives Σ_t of a lower bound on each
 * slice's optimum (the better of its LP value and the bound its MIP
 * proved), NaN if some LP failed; *complete is set when every candidate was priced.
 * Returns the number of columns added, -1 when a slice has no schedule at
 * all, -2 on an error. */
static int price_all(decomp *d, const double *duals, double *sum_value, bool *complete)
{
    pl_split *sp = &d->sp;
    size_t ns = (size_t)sp->n_slices;
    double started = pli_clock_seconds();
    bool lps_ok = false;
    int added = 0;
    *sum_value = NAN;
    *complete = false;
    round_state *r = round_new(d->job, sp->n_slices);
    if (!r)
        return -2;
    if (!set_adjust(d, duals)) {
        added = -2;
        goto cleanup;
    }
    added = price_lps(d, duals, r, &lps_ok);
    if (added < 0)
        goto cleanup;
    double budget = pli_clock_seconds() - started;
    if (budget < d->job->tune.round_mip_seconds)
        budget = d->job->tune.round_mip_seconds;
    double mip_until = pli_clock_seconds() + budget;
    qsort(r->cand, (size_t)r->n_cand, sizeof *r->cand, by_key);
    int priced = 0;
    bool exact = true;
    for (; priced < r->n_cand; priced++) {
        int k = r->cand[priced].slice;
        double now = pli_clock_seconds(), value, lpv;
        if (now > d->until - 0.05 || pli_glpk_interrupted(d->job) ||
            (now > mip_until && added > 0))
            break;
        bool integral;
        const pl_slice *s = &sp->slices[k];
        /* twins' LPs were not solved: set the slice up first */
        if (s->twin >= 0 && (pli_slice_lp(d->job, sp, k, duals, d->until - now, &lpv,
                                         d->x, &integral) != 0 || integral)) {
            if (integral) {
                int j = offer(d, k, duals, lpv);
                if (j < 0) {
                    added = j;
                    goto cleanup;
                }
                added += j;
            }
            continue;
        }
        double cap = d->until - now < d->price_cap ? d->until - now : d->price_cap;
        double mip_bound;
        /* the search may stop as soon as it proves that no schedule of
         * this slice beats its convexity dual: that is all a round needs */
        double dual = duals[s->convexity];
        double enough = dual - d->job->tune.rc_eps * (1.0 + fabs(dual));
        int rc = pli_slice_mip(d->job, sp, k, cap, enough, d->x, &value, &mip_bound);
        if (rc == 1) {
            added = -1;
            goto cleanup;
        }
        if (mip_bound > r->lp[k])
            r->lp[k] = mip_bound; /* what the search proved: a tighter bound */
        /* a search stopped early may have missed a better schedule: the
         * round is complete only where it proved none beats the dual */
        if (rc != 0 && r->lp[k] - duals[s->convexity] <
                           -d->job->tune.rc_eps * (1.0 + fabs(r->lp[k])))
            exact = false;
        if (rc == 4)
            continue;
        int j = offer(d, k, duals, value);
        if (j < 0) {
            added = j;
            goto cleanup;
        }
        added += j;
    }
    *complete = lps_ok && exact && priced == r->n_cand;
    if (lps_ok) {
        double sum = 0.0;
        for (size_t k = 0; k < ns; k++)
            sum += r->lp[k];
        *sum_value = sum;
    }
cleanup:
    pli_glpk_free(d->job, r);
    return added;
}

/* Close (fix at 0) the columns of slice k that would take a coupling row
 * above its upper bound, given the activities of the schedules chosen
 * before; their local indices go to closed[].  Returns how many. */
static int close_full(decomp *d, int k, const double *act, const double *ub, int *closed)
{
    pl_split *sp = &d->sp;
    const pl_slice *s = &sp->slices[k];
    const pl_model_csr *A = &sp->a;
    int n = 0;
    for (int c = 0; c < s->n_cols; c++) {
        int j = s->cols[c];
        for (int e = A->col_start[j]; e < A->col_start[j + 1]; e++) {
            int mr = sp->master_row[A->col_row[e]];
            double up = A->col_val[e] * sp->m->col_ub[j];
            if (mr > 0 && up > 0 && act[mr] + up > ub[mr] + 1e-9) {
                if (pli_slice_forbid(sp, k, c, true))
                    closed[n++] = c;
                break;
            }
        }
    }
    return n;
}

/* Slice k's schedule for the greedy start in d->x: its LP's if integral,
 * else a MIP's within `cap` seconds.  Returns as pli_slice_mip. */
static int greedy_price(decomp *d, int k, double cap, double *value)
{
    double left = d->until - pli_clock_seconds(), b;
    bool integral;
    int rc = pli_slice_lp(d->job, &d->sp, k, d->price, left, value, d->x, &integral);
    if (rc != 0 || integral)
        return rc;
    return pli_slice_mip(d->job, &d->sp, k, left < cap ? left : cap, HUGE_VAL, d->x, value,
                         &b);
}

/* Slice k's schedule in d->x joins the master, its activity in act.
 * Returns 1, or -2 without memory. */
static int take_greedy(decomp *d, int k, double *act)
{
    bool joined;
    if (add_schedule(d, k, d->x, true, &joined) != PL_OK)
        return -2;
    add_activity(d, glp_get_num_cols(d->master), act);
    return 1;
}

/* Slice k's best schedule without any placement (every cell closed), in
 * d->x: the greedy start's last resort when time runs short.  Returns 0
 * when there is one. */
static int placement_free(decomp *d, int k)
{
    pl_split *sp = &d->sp;
    const pl_slice *s = &sp->slices[k];
    double value, b;
    bool integral;
    for (int c = 0; c < s->n_cols; c++)
        if (d->is_cell[s->cols[c]])
            pli_slice_forbid(sp, k, c, true);
    int rc = pli_slice_lp(d->job, sp, k, NULL, d->job->tune.price_seconds, &value, d->x, &integral);
    if (rc == 0 && !integral)
        rc = pli_slice_mip(d->job, sp, k, d->job->tune.price_seconds, HUGE_VAL, d->x, &value,
                           &b);
    for (int c = 0; c < s->n_cols; c++)
        if (d->is_cell[s->cols[c]])
            pli_slice_forbid(sp, k, c, false);
    return rc == 0 || rc == 2 ? 0 : 1;
}

/* A first schedule per trainee, one trainee after the other: each is
 * priced with a high price on the coupling rows that the trainees before
 * it have filled to their upper bound, so that the schedules found
 * together tend to fit (the master's artificial columns absorb what does
 * not).  Returns as price_all. */
static int greedy_start(decomp *d)
{
    pl_split *sp = &d->sp;
    const pl_model *m = d->job->m;
    double *act = pli_glpk_calloc(d->job, (size_t)d->n_master_rows + 1, sizeof *act);
    double *ub = pli_glpk_malloc(d->job, ((size_t)d->n_master_rows + 1) * sizeof *ub);
    int max_cols = 0;
    for (int k = 0; k < sp->n_slices; k++)
        if (sp->slices[k].n_cols > max_cols)
            max_cols = sp->slices[k].n_cols;
    int *closed = pli_glpk_malloc(d->job, ((size_t)max_cols + 1) * sizeof *closed);
    cand_t *order = NULL;
    int added = 0;
    if (!act || !ub || !closed) {
        added = -2;
        goto cleanup;
    }
    for (int r = 0; r <= d->n_master_rows; r++)
        ub[r] = HUGE_VAL;
    for (int i = 0; i < m->n_rows; i++)
        if (sp->master_row[i] > 0)
            ub[sp->master_row[i]] = m->row_ub[i];
    /* the trainees with the fewest choices first: they are the ones a
     * full row would leave without a place */
    order = pli_glpk_malloc(d->job, ((size_t)sp->n_slices + 1) * sizeof *order);
    if (!order) {
        added = -2;
        goto cleanup;
    }
    for (int k = 0; k < sp->n_slices; k++) {
        order[k].key = sp->slices[k].n_cols;
        order[k].slice = k;
    }
    qsort(order, (size_t)sp->n_slices, sizeof *order, by_key);
    int i = 0;
    for (; i < sp->n_slices; i++) {
        int k = order[i].slice;
        double left = d->until - pli_clock_seconds(), value;
        if (pli_glpk_interrupted(d->job))
            break;
        /* keep the time to give every trainee left a placement-free
         * schedule: a schedule for all, however poor, before the limit */
        if (left <= 0.05 + d->job->tune.placement_free_seconds * (sp->n_slices - i))
            break;
        for (int r = 1; r <= d->n_master_rows; r++)
            d->price[r] = act[r] + 1.0 > ub[r] + 1e-9 ? -d->full_price : 0.0;
        /* the cells that would overfill a row are closed first; only when
         * the trainee then has no schedule at all is it priced with the
         * price on full rows instead */
        int n_closed = close_full(d, k, act, ub, closed);
        int rc = greedy_price(d, k, d->job->tune.greedy_seconds, &value);
        for (int c = 0; c < n_closed; c++)
            pli_slice_forbid(sp, k, closed[c], false);
        if (rc != 0 && rc != 2 && rc != 1) /* nothing in time: longer */
            rc = greedy_price(d, k, d->job->tune.greedy_retry_seconds, &value);
        if (n_closed > 0 && rc == 1) /* nothing fits: the price instead */
            rc = greedy_price(d, k, d->job->tune.greedy_retry_seconds, &value);
        if (rc == 1) {
            added = -1;
            goto cleanup;
        }
        if (rc == 0 || rc == 2) {
            int j = take_greedy(d, k, act);
            if (j < 0) {
                added = j;
                goto cleanup;
            }
            added += j;
        }
    }
    /* the rest get placement-free schedules, up to a little past the time
     * limit (a schedule for all is worth the wait); later the solve ends
     * without a schedule */
    for (; i < sp->n_slices && !pli_glpk_interrupted(d->job) &&
           pli_glpk_seconds_left(d->job) > -d->job->tune.placement_free_grace;
         i++) {
        int k = order[i].slice;
        if (placement_free(d, k) == 0) {
            int j = take_greedy(d, k, act);
            if (j < 0) {
                added = j;
                goto cleanup;
            }
            added += j;
        }
    }
cleanup:
    pli_glpk_free(d->job, order);
    pli_glpk_free(d->job, closed);
    pli_glpk_free(d->job, ub);
    pli_glpk_free(d->job, act);
    return added;
}

/* Duals of the wrong sign for their row's bounds (round-off) are zero: the
 * Lagrangian bound needs π >= 0 on >= rows and π <= 0 on <= rows. */
static void clean_duals(decomp *d)
{
    for (int r = 1; r <= d->n_master_rows; r++) {
        int type = glp_get_row_type(d->master, r); /* convexity rows: GLP_FX */
        if ((type == GLP_LO && d->duals[r] < 0) || (type == GLP_UP && d->duals[r] > 0) ||
            type == GLP_FR)
            d->duals[r] = 0.0;
    }
}

/* The Lagrangian bound for duals π on the coupling rows, given Σ_t of the
 * slices' optima under π:  Σ_i π_i·b_i + Σ_t value_t + Σ_shared min over
 * the column's bounds of its reduced cost times its value + constant.
 * NaN when a shared column's reduced cost is unbounded. */
static double lagrangian(const decomp *d, const double *pi, double sum_value)
{
    const pl_model *m = d->job->m;
    const pl_split *sp = &d->sp;
    const pl_model_csr *A = &sp->a;
    double b = sp->constant + sum_value;
    for (int i = 0; i < m->n_rows; i++) {
        int mr = sp->master_row[i];
        if (mr <= 0 || pi[mr] == 0.0)
            continue;
        double side = pi[mr] > 0 ? m->row_lb[i] : m->row_ub[i];
        if (isinf(side)) {
            return NAN;
        }
        b += pi[mr] * side;
    }
    for (int c = 0; c < d->n_shared; c++) {
        int j = d->shared_col[c];
        double rc = sp->obj[j];
        for (int e = A->col_start[j]; e < A->col_start[j + 1]; e++)
            rc -= pi[sp->master_row[A->col_row[e]]] * A->col_val[e];
        if (fabs(rc) < 1e-9)
            continue;
        double v = rc > 0 ? m->col_lb[j] : m->col_ub[j];
        if (isinf(v)) {
            return NAN;
        }
        b += rc * v;
    }
    for (int g = 0; g < d->n_group_rows; g++) { /* the tree's rows */
        int r = d->group_rows[g].row;
        if (pi[r] == 0.0)
            continue;
        double side = pi[r] > 0 ? glp_get_row_lb(d->master, r) : glp_get_row_ub(d->master, r);
        if (fabs(side) >= DBL_MAX)
            return NAN;
        b += pi[r] * side;
    }
    return b;
}

void pli_decomp_report(decomp *d, double incumbent, double bound, int open_nodes)
{
    search_state st = {d->job->params, d->job->started, NAN, NAN, false, NULL,
                       false, d->job->integral, false, d->job};
    double b = isinf(bound) ? NAN : bound;
    pli_glpk_report_nodes(&st, incumbent, b,
                         isnan(incumbent) || isnan(b)
                             ? NAN
                             : fabs(incumbent - b) / (1e-10 + fabs(incumbent)),
                         open_nodes);
}

static void report(decomp *d, double incumbent)
{
    pli_decomp_report(d, incumbent, d->best_bound, -1);
}

/* Whether x ([1..n_cols]) satisfies every row of the model, within
 * GLPK's feasibility tolerance. */
static bool rows_hold(const pl_model *m, const double *x)
{
    double *act = calloc((size_t)m->n_rows + 1, sizeof *act);
    bool ok = act != NULL;
    for (size_t k = 0; ok && k < m->nnz; k++)
        act[m->ent_row[k]] += m->ent_val[k] * x[m->ent_col[k] + 1];
    for (int i = 0; ok && i < m->n_rows; i++) {
        double tol = 1e-6 * (1.0 + fabs(act[i]));
        ok = act[i] >= m->row_lb[i] - tol && act[i] <= m->row_ub[i] + tol;
    }
    free(act);
    return ok;
}

/* The value of a master column in the MIP's or the LP's solution. */
static double master_value(const decomp *d, bool mip, int c)
{
    return mip ? glp_mip_col_val(d->master, c) : glp_get_col_prim(d->master, c);
}

/* Round the integer columns of x ([1..n_cols]); false if one is not
 * within 1e-6 of an integer. */
static bool round_integers(const pl_model *m, double *x)
{
    for (int j = 0; j < m->n_cols; j++) {
        if (m->col_kind[j] == PL_COL_CONTINUOUS)
            continue;
        if (fabs(x[j + 1] - round(x[j + 1])) > 1e-6)
            return false;
        x[j + 1] = round(x[j + 1]);
    }
    return true;
}

double *pli_decomp_values(const decomp *d, bool mip, double *objective)
{
    const pl_model *m = d->job->m;
    int n = glp_get_num_cols(d->master);
    double *x = pli_glpk_calloc(d->job, (size_t)m->n_cols + 2, sizeof *x);
    if (!x)
        return NULL;
    for (int c = 1; c <= d->n_shared; c++)
        x[d->shared_col[c - 1] + 1] = master_value(d, mip, c);
    for (int c = d->first_art; !mip && c < d->first_art + d->n_art; c++)
        if (glp_get_col_prim(d->master, c) > 1e-9)
            goto fail;
    /* the convex combination of each trainee's schedules: where its
     * integer columns are integral, the combination is a schedule too */
    for (int c = d->first_sched; c <= n; c++) {
        double v = master_value(d, mip, c);
        if (v < 1e-9)
            continue;
        const sched_col *sc = &d->sched[c - d->first_sched];
        const pl_slice *s = &d->sp.slices[sc->slice];
        for (int e = 0; e < sc->n; e++)
            x[s->cols[sc->local[e]] + 1] += v * sc->val[e];
    }
    if (!round_integers(m, x))
        goto fail;
    x[m->n_cols + 1] = 1.0; /* the objective constant's column */
    if (!rows_hold(m, x))
        goto fail; /* never hand on a schedule that breaks a rule */
    double obj = d->sp.constant;
    for (int j = 0; j < m->n_cols; j++)
        obj += d->sp.obj[j] * x[j + 1];
    *objective = obj;
    return x;
fail:
    pli_glpk_free(d->job, x);
    return NULL;
}

/* Whether the master uses an artificial column (some coupling row is not
 * yet met by the schedules found). */
static bool artificials_used(const decomp *d)
{
    for (int c = d->first_art; c < d->first_art + d->n_art; c++)
        if (glp_get_col_prim(d->master, c) > 1e-9)
            return true;
    return false;
}

/* Where a round's bound goes: the node's in the tree, else the root's. */
static double *bound_slot(decomp *d)
{
    return d->in_node ? &d->node_bound : &d->best_bound;
}

/* Price one round with duals pi; a better bound it proves goes to
 * bound_slot.  Returns the columns added, or < 0 as price_all. */
static int price_round(decomp *d, const double *pi, bool artificial)
{
    double sum;
    bool complete;
    int added = price_all(d, pi, &sum, &complete);
    d->round_complete = complete;
    double lb = added < 0 || isnan(sum) ? NAN : lagrangian(d, pi, sum);
    double *slot = bound_slot(d);
    if (!isnan(lb) && lb > *slot) {
        *slot = lb;
        if (!d->in_node)
            report(d, NAN);
    }
    /* the duals of the best bound among rounds without artificials (whose
     * duals carry their high cost) are the stability centre */
    if (!isnan(lb) && !artificial && (!d->have_center || lb > d->center_bound)) {
        d->have_center = true;
        d->center_bound = lb;
        memcpy(d->center, pi, ((size_t)d->n_master_rows + 1) * sizeof *pi);
    }
    return added;
}

/* Whether bound b closes a master of value z: equal, or with integer
 * costs equal once rounded up. */
static bool bound_meets(const decomp *d, double b, double z)
{
    if (d->job->integral)
        return ceil(b - 1e-6) >= z - 1e-6;
    return b >= z - 1e-9 * (1.0 + fabs(z));
}

cg_end pli_decomp_generate(decomp *d, double until, double *zp)
{
    double z = *zp;
    double *slot = bound_slot(d);
    d->until = until;
    while (pli_clock_seconds() < until && !pli_glpk_interrupted(d->job)) {
        clean_duals(d);
        bool artificial = artificials_used(d);
        bool smoothed = d->have_center && !artificial;
        const double *pi = d->duals;
        if (smoothed) {
            for (int r = 1; r <= d->n_master_rows; r++)
                d->price[r] = d->job->tune.smoothing * d->center[r] +
                              (1.0 - d->job->tune.smoothing) * d->duals[r];
            pi = d->price;
        }
        int added = price_round(d, pi, artificial);
        if (added == 0 && smoothed) /* mis-priced: the master's own duals */
            added = price_round(d, d->duals, artificial);
        if (added < 0)
            return added == -1 ? CG_NO_SCHEDULE : CG_ERROR;
        /* nothing found, and some search stopped before its proof: the
         * next round's searches get longer */
        if (added == 0 && !d->round_complete) {
            d->price_cap *= d->job->tune.price_cap_growth;
            d->sp.cuts = true;
        }
        if (added == 0 && d->round_complete) {
            if (z > *slot)
                *slot = z; /* converged: the LP value is the bound */
            if (!d->in_node)
                report(d, NAN);
            return CG_DONE;
        }
        if (*slot >= d->cutoff || (d->job->integral && ceil(*slot - 1e-6) >= d->cutoff - 1e-6))
            return CG_CUT;
        if (bound_meets(d, *slot, z))
            return CG_DONE; /* the bound rounds up to the master's value */
        z = pli_decomp_master_lp(d, until - pli_clock_seconds());
        if (isnan(z))
            return CG_STOPPED;
        *zp = z;
    }
    return CG_STOPPED;
}

/* The greedy start, the first master LP, then column generation until
 * the master LP is optimal (a round with the master's own duals adds
 * nothing), the bound meets the master, or `until`.  Smoothed duals
 * (Wentges) are used once the master needs no artificial column; a
 * smoothed round that adds nothing is repeated with the master's own
 * duals. */
static cg_end generate_columns(decomp *d, double greedy_until, double until,
                               double last_until)
{
    /* the greedy start may use the column generation's share and more:
     * without a schedule for every trainee nothing else can follow */
    d->until = greedy_until;
    int added = greedy_start(d);
    if (added < 0)
        return added == -1 ? CG_NO_SCHEDULE : CG_ERROR;
    /* the first master LP may use all the time left: without it there
     * are no duals to price with, no restricted master and no schedule
     * for the search that follows */
    double z = pli_decomp_master_lp(d, pli_glpk_seconds_left(d->job));
    if (isnan(z))
        return CG_STOPPED;
    double obj; /* the greedy schedules, when they fit together */
    double *first = pli_decomp_values(d, false, &obj);
    if (first) {
        d->first_x = first;
        d->first_obj = obj;
        report(d, obj);
    }
    cg_end end = pli_decomp_generate(d, until, &z);
    /* while the schedules found cannot meet the coupling rows together
     * (artificials in use), the master MIP could find nothing: the column
     * generation goes on */
    if (end == CG_STOPPED && artificials_used(d) && !pli_glpk_interrupted(d->job) &&
        last_until > until) {
        d->extended = true;
        end = pli_decomp_generate(d, last_until, &z);
    }
    return end;
}

/* The restricted master as a MIP over the schedules found: λ binary,
 * artificials out.  Its schedule, or NULL. */
static double *restricted_master_mip(decomp *d, double until, double *objective)
{
    const pl_model *m = d->job->m;
    glp_prob *lp = d->master;
    int n = glp_get_num_cols(lp);
    for (int c = d->first_art; c < d->first_art + d->n_art; c++)
        glp_set_col_bnds(lp, c, GLP_FX, 0.0, 0.0);
    for (int c = 1; c <= d->n_shared; c++)
        if (m->col_kind[d->shared_col[c - 1]] != PL_COL_CONTINUOUS)
            glp_set_col_kind(lp, c, GLP_IV);
    for (int c = d->first_sched; c <= n; c++)
        glp_set_col_kind(lp, c, GLP_BV);
    /* the LP again without the artificials, then branch from its basis
     * (GLPK's MIP presolver returned schedules that broke convexity and
     * staffing rows of this master, status optimal: measured on the
     * region tier, seed 3) */
    if (isnan(pli_decomp_master_lp(d, until - pli_clock_seconds())))
        return NULL;
    pl_glpk_limits lim = {d->job->params->interrupt, until, -HUGE_VAL, d->job, false, 0.0};
    glp_iocp iocp;
    pli_glpk_init_iocp(&iocp, d->job, until - pli_clock_seconds());
    iocp.presolve = GLP_OFF;
    iocp.cb_func = pli_glpk_limits_callback;
    iocp.cb_info = &lim;
    glp_intopt(lp, &iocp);
    int st = glp_mip_status(lp);
    if (st != GLP_OPT && st != GLP_FEAS)
        return NULL;
    return pli_decomp_values(d, true, objective);
}

/* The master an LP again after restricted_master_mip: continuous
 * columns, artificials back (the tree goes on from the root's master). */
static void master_as_lp(decomp *d)
{
    glp_prob *lp = d->master;
    int n = glp_get_num_cols(lp);
    for (int c = 1; c <= n; c++)
        glp_set_col_kind(lp, c, GLP_CV);
    int convexity_arts = d->first_art + d->n_art - d->sp.n_slices;
    for (int c = d->first_art; c < d->first_art + d->n_art; c++) {
        if (c < convexity_arts)
            glp_set_col_bnds(lp, c, GLP_LO, 0.0, 0.0);
        else
            glp_set_col_bnds(lp, c, GLP_DB, 0.0, 1.0);
    }
}

static pl_status decomp_init(decomp *d, glpk_job *job)
{
    pl_status status = PL_OK;
    d->job = job;
    d->best_bound = -HUGE_VAL;
    PL_TRY(pli_split_build(job, &d->sp));
    PL_TRY(master_build(d));
    d->cutoff = HUGE_VAL;
    d->price_cap = job->tune.round_price_seconds;
    d->cap_master_rows = d->n_master_rows + job->tune.tree_group_rows;
    size_t nr = (size_t)d->cap_master_rows + 1;
    int max_cols = 0;
    for (int k = 0; k < d->sp.n_slices; k++)
        if (d->sp.slices[k].n_cols > max_cols)
            max_cols = d->sp.slices[k].n_cols;
    d->duals = calloc(nr, sizeof *d->duals);
    d->center = calloc(nr, sizeof *d->center);
    d->price = calloc(nr, sizeof *d->price);
    d->x = calloc((size_t)max_cols + 1, sizeof *d->x);
    d->is_cell = calloc((size_t)job->m->n_cols + 1, sizeof *d->is_cell);
    for (size_t i = 0; d->is_cell && i < job->m->n_cells; i++)
        d->is_cell[job->m->cells[i].col] = true;
    d->coef = calloc(nr + 1, sizeof *d->coef);
    d->ind = malloc((nr + 2) * sizeof *d->ind);
    d->val = malloc((nr + 2) * sizeof *d->val);
    d->group_rows = malloc(((size_t)job->tune.tree_group_rows + 1) * sizeof *d->group_rows);
    if (!d->group_rows || !d->duals || !d->center || !d->price || !d->x || !d->ind || !d->val || !d->is_cell ||
        !d->coef)
        status = PL_ERR_NOMEM;
cleanup:
    return status;
}

/* Whether the schedule of cost obj is proven within the gap by bound. */
static bool gap_closed(const decomp *d, double obj, double bound)
{
    if (isnan(bound) || isinf(bound))
        return false;
    if (bound_meets(d, bound, obj))
        return true;
    double gap = d->job->params->gap;
    return gap > 0 && (obj - bound) / (1e-10 + fabs(obj)) <= gap;
}

double *pli_glpk_decomposition(glpk_job *job, double seconds, double no_schedule_seconds,
                              double *objective, double *bound, bool *infeasible)
{
    double *x = NULL;
    double start = pli_clock_seconds(), until = start + seconds;
    *bound = NAN;
    *infeasible = false;
    /* on the heap and held by the job, with every array it points to:
     * a GLPK error longjmps past this frame */
    decomp *d = calloc(1, sizeof *d);
    if (!d || !pli_glpk_hold(job, d, decomp_drop))
        return NULL;
    if (decomp_init(d, job) != PL_OK)
        goto cleanup;
    /* most of the share for the bound, the rest for the master MIP and
     * the tree */
    cg_end rc = generate_columns(d, start + seconds * job->tune.greedy_share,
                                 start + seconds * job->tune.cg_share,
                                 start + no_schedule_seconds * job->tune.cg_share_infeasible);
    if (rc == CG_NO_SCHEDULE) {
        *infeasible = true;
        goto cleanup;
    }
    if (!isinf(d->best_bound))
        *bound = d->best_bound;
    if (rc == CG_ERROR)
        goto cleanup;
    if (d->extended) /* the rest of the longer share for the master MIP */
        until = start + no_schedule_seconds;
    /* with the root's LP optimal the tree follows the master MIP, which
     * then gets only a share of the time (price-and-branch finds good
     * schedules soon; the tree proves them) */
    bool tree = rc == CG_DONE && job->tune.tree_share > 0;
    double now = pli_clock_seconds();
    double mip_until = tree ? now + (until - now) * (1.0 - job->tune.tree_share) : until;
    if (!pli_glpk_interrupted(job) && rc != CG_STOPPED && mip_until > now)
        x = restricted_master_mip(d, mip_until, objective);
    else if (!pli_glpk_interrupted(job))
        x = restricted_master_mip(d, until, objective);
    if (d->first_x && (!x || d->first_obj < *objective)) {
        pli_glpk_free(job, x);
        x = d->first_x;
        *objective = d->first_obj;
        d->first_x = NULL;
    }
    if (x)
        report(d, *objective);
    if (tree && !pli_glpk_interrupted(job) && !(x && gap_closed(d, *objective, d->best_bound))) {
        master_as_lp(d);
        if (pli_decomp_tree(d, until, &x, objective, bound) != PL_OK)
            goto cleanup;
    }
cleanup:
    decomp_close(d);
    return x;
}
