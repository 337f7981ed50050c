/*
 * glpk_backend.c — solve a pl_model with GLPK (the only file that includes
 * glpk.h).
 *
 * The model is loaded into a glp_prob and solved by glp_intopt with the
 * presolver, a time limit, the requested relative gap and a callback that
 * reports progress and stops on an interrupt.  The integer part of the
 * answer is then fixed and the remaining LP re-solved ("polished"), so that
 * every auxiliary variable (shortfalls, idle chains, fairness) takes its
 * exact value and the objective equals the true cost of the schedule even
 * when the search stopped early.
 *
 * GLPK calls abort() on internal errors unless an error hook longjmps away;
 * the hook below turns such an error into PL_ERR_SOLVER (the GLPK
 * environment is freed afterwards, as its manual requires).
 */
#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "solve/backend.h"
#include "solve/glpk_internal.h"
#include "util/strutil.h"

/* Measured (benchmarks/README.md): */

typedef struct hook_state {
    jmp_buf jump;
    char text[256]; /* GLPK's last message: why it failed */
} hook_state;

static void error_hook(void *info)
{
    hook_state *h = info;
    longjmp(h->jump, 1);
}

static int silent(void *info, const char *text)
{
    hook_state *h = info;
    if (h && text && *text)
        snprintf(h->text, sizeof h->text, "%s", text);
    return 1; /* suppress all GLPK terminal output, keep the last line */
}

static int bounds_type(double lb, double ub)
{
    return isinf(lb) && isinf(ub) ? GLP_FR
           : isinf(ub)            ? GLP_LO
           : isinf(lb)            ? GLP_UP
           : lb == ub             ? GLP_FX
                                  : GLP_DB;
}

void pli_glpk_row_bounds(glp_prob *lp, int i, double lb, double ub)
{
    glp_set_row_bnds(lp, i, bounds_type(lb, ub), isinf(lb) ? 0.0 : lb, isinf(ub) ? 0.0 : ub);
}

void pli_glpk_col_bounds(glp_prob *lp, int j, double lb, double ub)
{
    glp_set_col_bnds(lp, j, bounds_type(lb, ub), isinf(lb) ? 0.0 : lb, isinf(ub) ? 0.0 : ub);
}

glp_prob *pli_glpk_new_prob(int n_rows, int n_cols)
{
    glp_prob *lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MIN);
    if (n_rows > 0)
        glp_add_rows(lp, n_rows);
    if (n_cols > 0)
        glp_add_cols(lp, n_cols);
    return lp;
}

bool pli_glpk_hold(glpk_job *job, void *p, pl_glpk_drop drop)
{
    if (job->n_held == job->cap_held) {
        size_t cap = job->cap_held ? 2 * job->cap_held : 32;
        pl_glpk_held *held = realloc(job->held, cap * sizeof *held);
        if (!held) {
            if (drop)
                drop(p);
            else
                free(p);
            return false;
        }
        job->held = held;
        job->cap_held = cap;
    }
    job->held[job->n_held].p = p;
    job->held[job->n_held++].drop = drop;
    return true;
}

void *pli_glpk_malloc(glpk_job *job, size_t size)
{
    void *p = malloc(size ? size : 1);
    return p && pli_glpk_hold(job, p, NULL) ? p : NULL;
}

void *pli_glpk_calloc(glpk_job *job, size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    return p && pli_glpk_hold(job, p, NULL) ? p : NULL;
}

/* Stop holding p (searched from the most recent hold: blocks mostly go in
 * the order they came); its drop, or NULL when it is a plain block. */
static pl_glpk_drop unhold(glpk_job *job, void *p)
{
    for (size_t i = job->n_held; i-- > 0;)
        if (job->held[i].p == p) {
            pl_glpk_drop drop = job->held[i].drop;
            memmove(&job->held[i], &job->held[i + 1],
                    (job->n_held - i - 1) * sizeof *job->held);
            job->n_held--;
            return drop;
        }
    return NULL;
}

void pli_glpk_free(glpk_job *job, void *p)
{
    if (!p)
        return;
    pl_glpk_drop drop = unhold(job, p);
    if (drop)
        drop(p);
    else
        free(p);
}

void *pli_glpk_release(glpk_job *job, void *p)
{
    if (p)
        unhold(job, p);
    return p;
}

/* Free everything the job still holds, the latest first. */
static void drop_held(glpk_job *job)
{
    while (job->n_held > 0) {
        pl_glpk_held *h = &job->held[--job->n_held];
        if (h->drop)
            h->drop(h->p);
        else
            free(h->p);
    }
    free(job->held);
    job->held = NULL;
    job->cap_held = 0;
}

void pli_glpk_limits_callback(glp_tree *tree, void *info)
{
    pl_glpk_limits *lim = info;
    int node = glp_ios_best_node(tree);
    if (node > 0) {
        double b = glp_ios_node_bound(tree, node);
        if (fabs(b) < 1e300 && b > lim->bound)
            lim->bound = b;
    }
    if ((lim->interrupt && *lim->interrupt) || pli_clock_seconds() > lim->deadline ||
        (lim->job && pli_glpk_interrupted(lim->job)) ||
        (lim->stop_at_bound && lim->bound >= lim->stop_bound))
        glp_ios_terminate(tree);
}

/* A value of column j in x ([1..n]) as the model reads it: integer columns
 * rounded. */
static double value_of(const pl_model *m, const double *x, int j)
{
    double v = x[j + 1];
    return m->col_kind[j] == PL_COL_CONTINUOUS ? v : round(v);
}

glp_prob *pli_glpk_load_part(glpk_job *job, const pli_glpk_part *part)
{
    const pl_model *m = job->m;
    const pl_model_csr *A = part->a;
    glp_prob *lp = pli_glpk_new_prob(part->n_rows, part->n_cols);
    size_t nz = 0;
    for (int c = 0; c < part->n_cols; c++) {
        int j = part->cols[c];
        double lb = m->col_lb[j], ub = m->col_ub[j];
        if (m->col_kind[j] != PL_COL_CONTINUOUS)
            glp_set_col_kind(lp, c + 1,
                             m->col_kind[j] == PL_COL_BINARY && lb >= 0 && ub <= 1 ? GLP_BV
                                                                                  : GLP_IV);
        pli_glpk_col_bounds(lp, c + 1, lb, ub);
        if (part->obj && part->obj[j] != 0.0)
            glp_set_obj_coef(lp, c + 1, part->obj[j]);
    }
    for (int r = 0; r < part->n_rows; r++) {
        int i = part->rows[r];
        double shift = 0.0;
        for (int e = A->row_start[i]; e < A->row_start[i + 1]; e++) {
            int k = A->row_col[e];
            if (part->col_map[k] >= 0)
                nz++;
            else if (part->x)
                shift += A->row_val[e] * value_of(m, part->x, k);
        }
        pli_glpk_row_bounds(lp, r + 1, m->row_lb[i] - shift, m->row_ub[i] - shift);
    }
    /* held by the job: glp_load_matrix may fail at GLPK's memory cap */
    int *ia = pli_glpk_malloc(job, (nz + 1) * sizeof *ia);
    int *ja = pli_glpk_malloc(job, (nz + 1) * sizeof *ja);
    double *ar = pli_glpk_malloc(job, (nz + 1) * sizeof *ar);
    if (!ia || !ja || !ar) {
        pli_glpk_free(job, ar);
        pli_glpk_free(job, ja);
        pli_glpk_free(job, ia);
        glp_delete_prob(lp);
        return NULL;
    }
    nz = 0;
    for (int r = 0; r < part->n_rows; r++) {
        int i = part->rows[r];
        for (int e = A->row_start[i]; e < A->row_start[i + 1]; e++) {
            int c = part->col_map[A->row_col[e]];
            if (c < 0)
                continue;
            nz++;
            ia[nz] = r + 1;
            ja[nz] = c + 1;
            ar[nz] = A->row_val[e];
        }
    }
    glp_load_matrix(lp, (int)nz, ia, ja, ar);
    pli_glpk_free(job, ar);
    pli_glpk_free(job, ja);
    pli_glpk_free(job, ia);
    return lp;
}

/* The whole model as job->lp, through pli_glpk_load_part; row and column
 * names only when it is to be written (3.4 million of them on the national
 * tier, for nothing).  The objective constant goes in as a column fixed
 * at 1, so that a model written in MPS reads the same in every solver (the
 * MPS convention for an objective constant differs between solvers).
 * False without memory. */
static void csr_drop(void *p)
{
    pli_model_csr_free(p);
    free(p);
}

static bool load(glpk_job *job, bool names)
{
    const pl_model *m = job->m;
    bool ok = false;
    /* the matrix by rows, held by the job like the arrays below */
    pl_model_csr *a = calloc(1, sizeof *a);
    if (!a || !pli_glpk_hold(job, a, csr_drop))
        return false;
    int *all = pli_glpk_malloc(job, ((size_t)(m->n_rows > m->n_cols ? m->n_rows : m->n_cols) + 1) *
                                        sizeof *all);
    double *obj = pli_glpk_calloc(job, (size_t)m->n_cols + 1, sizeof *obj);
    if (!all || !obj || pli_model_csr_build(m, a) != PL_OK)
        goto cleanup;
    for (int k = 0; k < m->n_rows || k < m->n_cols; k++)
        all[k] = k; /* every row, every column, each in its own place */
    double constant = pli_model_objective(m, obj);
    pli_glpk_part part = {a, all, m->n_rows, all, m->n_cols, all, NULL, obj};
    if (!(job->lp = pli_glpk_load_part(job, &part)))
        goto cleanup;
    if (constant != 0.0) {
        int j = glp_add_cols(job->lp, 1);
        glp_set_col_name(job->lp, j, "constant");
        glp_set_col_bnds(job->lp, j, GLP_FX, 1.0, 1.0);
        glp_set_obj_coef(job->lp, j, constant);
    }
    for (int i = 0; names && i < m->n_rows; i++)
        if (pli_model_row_name(m, i))
            glp_set_row_name(job->lp, i + 1, pli_model_row_name(m, i));
    for (int j = 0; names && j < m->n_cols; j++)
        if (pli_model_col_name(m, j))
            glp_set_col_name(job->lp, j + 1, pli_model_col_name(m, j));
    ok = true;
cleanup:
    pli_glpk_free(job, a);
    pli_glpk_free(job, obj);
    pli_glpk_free(job, all);
    return ok;
}

void pli_glpk_report_nodes(search_state *s, double incumbent, double bound, double gap,
                           int open_nodes)
{
    if (!s->params->progress)
        return;
    pl_progress pr = {pli_clock_seconds() - s->started, incumbent, bound, gap, open_nodes};
    s->params->progress(&pr, s->params->progress_user);
}

void pli_glpk_report(search_state *s, double incumbent, double bound, double gap)
{
    pli_glpk_report_nodes(s, incumbent, bound, gap, -1);
}

/* Seconds after the start at which the branch-and-bound stops, leaving
 * room for a node LP in progress and for polishing the answer. */
static double search_deadline(const glpk_job *job)
{
    const pli_tuning *tune = &job->tune;
    double t = job->params->time_limit * tune->bb_stop_share - tune->bb_stop_margin;
    return t > 0 ? t : job->params->time_limit * 0.5;
}

static void callback(glp_tree *tree, void *info)
{
    search_state *s = info;
    int reason = glp_ios_reason(tree);
    if ((s->params->interrupt && *s->params->interrupt) ||
        (s->job && pli_glpk_interrupted(s->job))) {
        s->interrupted = true;
        glp_ios_terminate(tree);
        return;
    }
    /* GLPK looks at tm_lim only between nodes, and one node's LP can take
     * seconds on a large model: stop a little early (search_deadline) */
    if (pli_clock_seconds() - s->started >= search_deadline(s->job)) {
        glp_ios_terminate(tree);
        return;
    }
    if (pli_clock_seconds() - s->started > s->params->time_limit + 0.05) {
        glp_ios_terminate(tree); /* tm_lim is only looked at between nodes */
        return;
    }
    if (reason == GLP_IHEUR && s->start && !s->start_given) {
        s->start_given = true;
        glp_ios_heur_sol(tree, s->start);
    }
    int node = glp_ios_best_node(tree);
    if (node > 0) {
        double b = glp_ios_node_bound(tree, node);
        if (fabs(b) < 1e300 && (isnan(s->best_bound) || b > s->best_bound))
            s->best_bound = b;
    }
    glp_prob *lp = glp_ios_get_prob(tree);
    bool have = glp_mip_status(lp) == GLP_FEAS || glp_mip_status(lp) == GLP_OPT;
    double inc = have ? glp_mip_obj_val(lp) : NAN;
    /* with integer costs the optimum is an integer: a bound within 1 of the
     * incumbent proves it */
    if (have && s->integral && !isnan(s->best_bound) &&
        ceil(s->best_bound - 1e-6) >= inc - 1e-6) {
        s->proven = true;
        s->best_bound = inc;
        glp_ios_terminate(tree);
    }
    bool better_incumbent = reason == GLP_IBINGO;
    bool better_bound = !isnan(s->best_bound) &&
                        (isnan(s->last_reported_bound) ||
                         s->best_bound > s->last_reported_bound + 1e-9 * (1 + fabs(s->best_bound))) &&
                        reason == GLP_ISELECT;
    if (better_incumbent || better_bound) {
        double gap = have && !isnan(s->best_bound)
                         ? fabs(inc - s->best_bound) / (1e-10 + fabs(inc))
                         : NAN;
        pli_glpk_report(s, inc, s->best_bound, gap);
        s->last_reported_bound = s->best_bound;
    }
}

/* Fix the integer columns at their rounded values and re-solve the LP. */
static bool polish(glp_prob *lp, const pl_model *m, double *values,
                   double *objective)
{
    for (int j = 0; j < m->n_cols; j++) {
        if (m->col_kind[j] == PL_COL_CONTINUOUS)
            continue;
        double v = round(values[j]);
        values[j] = v;
        glp_set_col_bnds(lp, j + 1, GLP_FX, v, v);
    }
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_OFF;
    smcp.presolve = GLP_ON;
    if (glp_simplex(lp, &smcp) != 0 || glp_get_status(lp) != GLP_OPT)
        return false;
    for (int j = 0; j < m->n_cols; j++)
        if (m->col_kind[j] == PL_COL_CONTINUOUS)
            values[j] = glp_get_col_prim(lp, j + 1);
    *objective = glp_get_obj_val(lp);
    return true;
}

typedef pl_status (*glpk_work)(glpk_job *job);

/* GLPK's share of --memory-limit: what the estimate of the process's
 * fixed part and the model's arrays leave of it, at least 1 MB; 0 when no
 * limit is set. */
static int glpk_memory_mb(const glpk_job *job)
{
    if (!job->params || job->params->memory_limit_mb == 0)
        return 0;
    double used = (pli_model_bytes(job->m) + job->tune.process_bytes) / (1024.0 * 1024.0);
    double left = (double)job->params->memory_limit_mb - used;
    return left < 1.0 ? 1 : left > 1e6 ? 1000000 : (int)left;
}

/* The diagnostic of a GLPK failure: the memory limit when GLPK said so or
 * its peak reached its share, else an internal failure. */
static pl_status glpk_failed(glpk_job *job, const hook_state *hook, int limit_mb)
{
    int count, cpeak;
    size_t total, tpeak;
    glp_mem_usage(&count, &cpeak, &total, &tpeak);
    bool memory = limit_mb > 0 && (strstr(hook->text, "memory limit") ||
                                   (double)tpeak >= job->tune.memory_soft_share * limit_mb * 1048576.0);
    if (memory) {
        pl_diags_add(job->diags, PL_SEV_ERROR, job->path, 0, 0, NULL,
                     "the solver reached the memory limit (--memory-limit %zu MB, "
                     "of which %d MB for GLPK after the model); no schedule was kept: "
                     "raise --memory-limit",
                     job->params->memory_limit_mb, limit_mb);
        return PL_ERR_LIMIT;
    }
    pl_diags_add(job->diags, PL_SEV_ERROR, job->path, 0, 0, NULL,
                 "the GLPK solver failed internally (model of %d rows × %d columns)",
                 job->m->n_rows, job->m->n_cols);
    return PL_ERR_SOLVER;
}

/* Run `work` with GLPK's error hook armed: an internal GLPK error frees the
 * GLPK environment (every GLPK object of this thread: GLPK offers no other
 * way back, placera.h tells the host) and returns PL_ERR_SOLVER
 * (PL_ERR_LIMIT for the memory limit) instead of aborting.  Everything the
 * job holds is freed on either path.  GLPK's allocations are capped by its
 * share of the memory limit during the work and uncapped after it (GLPK
 * cannot tell a limit set before: unlimited is its default). */
static pl_status guarded(glpk_job *job, glpk_work work)
{
    hook_state hook;
    pl_status status;
    if (job->tune_override)
        job->tune = *job->tune_override;
    else
        pli_tuning_init(&job->tune);
    int limit_mb = glpk_memory_mb(job);
    hook.text[0] = '\0';
    /* every phase stops at the soft share, as at an interrupt, keeping
     * its schedule; GLPK's own cap is the hard stop behind it */
    job->memory_soft = limit_mb > 0 ? job->tune.memory_soft_share * limit_mb * 1048576.0 : 0.0;
    glp_term_hook(silent, &hook);
    glp_error_hook(error_hook, &hook);
    if (limit_mb > 0)
        glp_mem_limit(limit_mb);
    if (setjmp(hook.jump)) {
        status = glpk_failed(job, &hook, limit_mb);
        /* frees every GLPK object, job->lp and those the job's structures
         * point to included, with the hooks and the cap: a new
         * environment starts with none of them */
        glp_free_env();
        job->lp = NULL;
    } else {
        status = work(job);
        if (limit_mb > 0)
            glp_mem_limit(INT_MAX);
        glp_error_hook(NULL, NULL);
        glp_term_hook(NULL, NULL);
    }
    if (job->lp)
        glp_delete_prob(job->lp);
    job->lp = NULL;
    if (job->tmp) {
        if (status != PL_OK)
            unlink(job->tmp);
        free(job->tmp);
        job->tmp = NULL;
    }
    job->values = NULL; /* held: freed with the rest */
    drop_held(job);
    pli_submip_free(job->sub);
    job->sub = NULL;
    return status;
}

bool pli_glpk_room(const glpk_job *job, double factor)
{
    if (job->memory_soft <= 0.0)
        return true;
    size_t total;
    glp_mem_usage(NULL, NULL, &total, NULL);
    return (double)total * (1.0 + factor) < job->memory_soft / job->tune.memory_soft_share;
}

bool pli_glpk_interrupted(const glpk_job *job)
{
    if (job->params->interrupt && *job->params->interrupt)
        return true;
    if (job->memory_soft <= 0.0)
        return false;
    size_t total;
    glp_mem_usage(NULL, NULL, &total, NULL);
    if ((double)total < job->memory_soft)
        return false;
    if (job->memory_hit)
        *job->memory_hit = true;
    return true;
}

double pli_glpk_seconds_left(const glpk_job *job)
{
    return job->params->time_limit - (pli_clock_seconds() - job->started);
}

void pli_glpk_first_basis(const glpk_job *job, glp_prob *lp)
{
    if (glp_get_num_rows(lp) <= job->tune.adv_basis_max_rows)
        glp_adv_basis(lp, 0);
    else
        glp_std_basis(lp);
}

int pli_glpk_simplex(const glpk_job *job, glp_prob *lp, glp_smcp *smcp, double seconds)
{
    double until = pli_clock_seconds() + seconds;
    int rc;
    if (glp_get_status(lp) == GLP_UNDEF)
        pli_glpk_first_basis(job, lp);
    do {
        double left = until - pli_clock_seconds();
        double slice = job->tune.simplex_slice_seconds;
        smcp->tm_lim = pli_glpk_milliseconds(left < slice ? left : slice);
        rc = glp_simplex(lp, smcp);
    } while (rc == GLP_ETMLIM && until - pli_clock_seconds() > 0 && !pli_glpk_interrupted(job));
    return rc;
}

int pli_glpk_milliseconds(double seconds)
{
    if (seconds < 0.001)
        seconds = 0.001;
    return seconds > 2e6 ? 2000000000 : (int)(seconds * 1000.0);
}

void pli_glpk_init_iocp(glp_iocp *iocp, const glpk_job *job, double seconds)
{
    glp_init_iocp(iocp);
    iocp->msg_lev = GLP_MSG_OFF;
    iocp->mip_gap = job->params->gap > 0 ? job->params->gap : 0.0;
    iocp->tm_lim = pli_glpk_milliseconds(seconds);
    /* Measured on the bundled examples (benchmarks/README.md): MIR cuts
     * pay off; Gomory, cover, clique cuts and the feasibility pump cost
     * more time than they save on these time-indexed models. */
    iocp->mir_cuts = GLP_ON;
    iocp->br_tech = GLP_BR_DTH;
    iocp->bt_tech = GLP_BT_BLB;
}

/* Whether every objective coefficient (summed per column) and the constant
 * are integers: then, since the auxiliary columns take integer values at an
 * optimum of integer placements, the optimal cost is an integer. */
static bool integral_objective(const pl_model *m)
{
    bool ok = true;
    double *obj = calloc((size_t)m->n_cols + 1, sizeof *obj);
    if (!obj)
        return false;
    double constant = pli_model_objective(m, obj);
    for (int j = 0; j < m->n_cols && ok; j++)
        ok = fabs(obj[j] - round(obj[j])) < 1e-9;
    free(obj);
    return ok && fabs(constant - round(constant)) < 1e-9;
}

/* Run the simplex on job->lp for at most `seconds`, as pli_glpk_simplex.
 *
 * Large models (10,000 rows and more) use the dual simplex with the
 * long-step ("flip") ratio test: on the 100-trainee allocation instance it
 * came within 0.03 % of the LP optimum in about 2 minutes where the primal
 * simplex was 36 % away after 4 (glpsol on the same LP file), and on MSSP
 * Instance_10 it took 3.1 s against 5.4 s.  On the small examples the
 * primal simplex is faster and its root basis serves the search better. */
static int root_lp(glpk_job *job, double seconds)
{
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_OFF;
    if (job->m->n_rows >= job->tune.dual_simplex_rows) {
        smcp.meth = GLP_DUALP;
        smcp.r_test = GLP_RT_FLIP;
    }
    return pli_glpk_simplex(job, job->lp, &smcp, seconds);
}

/* A lower bound from an unfinished root LP, or NaN: a basis that the dual
 * simplex keeps dual feasible has an objective no higher than the LP's
 * optimum, hence than any schedule's cost. */
static double partial_bound(glp_prob *lp)
{
    return glp_get_dual_stat(lp) == GLP_FEAS ? glp_get_obj_val(lp) : NAN;
}

/* The state the compact model's phases hand on to each other. */
typedef struct compact_run {
    search_state st;
    double *start;   /* the best schedule so far ([1..n], held by the job), or NULL */
    double start_obj;
    double root;     /* the root LP's value, or a bound from an unfinished one, or NaN */
    bool root_ok;    /* the root LP is solved */
    int lp_rc;       /* glp_simplex's last code for it */
} compact_run;

static double run_gap(const compact_run *r)
{
    return isnan(r->root) ? NAN : fabs(r->start_obj - r->root) / (1e-10 + fabs(r->start_obj));
}

/* Phase 1: the root LP, within its share of the time.  False when it
 * proves the model infeasible (the outcome is set). */
static bool root_phase(glpk_job *job, compact_run *r)
{
    r->lp_rc = root_lp(job, pli_glpk_seconds_left(job) * job->tune.root_share);
    if (r->lp_rc == 0 && glp_get_status(job->lp) == GLP_NOFEAS) {
        job->result->outcome = PL_OUTCOME_INFEASIBLE;
        return false;
    }
    r->root_ok = r->lp_rc == 0 && glp_get_status(job->lp) == GLP_OPT;
    r->root = r->root_ok ? glp_get_obj_val(job->lp) : partial_bound(job->lp);
    return true;
}

/* Phase 2: a first schedule (glpk_heuristics.c) and the neighbourhood
 * search from it, bounded by the root LP's value when known.  A root LP
 * that did not finish in its share rarely finishes in the rest: the search
 * then keeps a larger share (it stops earlier when it no longer improves,
 * and the LP gets the rest). */
static void search_phase(glpk_job *job, compact_run *r)
{
    const pli_tuning *tune = &job->tune;
    r->start = pli_glpk_start(job, job->start_cells,
                              pli_glpk_seconds_left(job) * tune->start_share, &r->start_obj);
    if (!r->start && r->root_ok && !pli_glpk_interrupted(job))
        r->start = pli_glpk_lp_guided(job, pli_glpk_seconds_left(job) * tune->lp_guided_share,
                                      &r->start_obj);
    if (!r->start)
        return;
    pli_glpk_report(&r->st, r->start_obj, r->root, run_gap(r));
    pli_glpk_improve(job, &r->st, &r->start, &r->start_obj, r->root,
                     pli_glpk_seconds_left(job) *
                         (r->root_ok ? tune->search_share : tune->search_share_no_root),
                     0);
    r->st.start = r->start;
}

/* Phase 3, when the root LP is not done: slices of it (it resumes from its
 * last basis) alternate with further rounds of the search, until either
 * the LP is solved or the time is up.  False when the LP proves the model
 * infeasible (the outcome is set). */
static bool resumed_root_phase(glpk_job *job, compact_run *r)
{
    for (unsigned round = 1; !r->root_ok && r->lp_rc == GLP_ETMLIM &&
                             !pli_glpk_interrupted(job) && pli_glpk_seconds_left(job) > 0.05;
         round++) {
        double left = pli_glpk_seconds_left(job);
        /* a share of the time left, at least root_slice_seconds (never
         * past the limit) */
        double least = job->tune.root_slice_seconds;
        double slice = left * job->tune.root_resume_share > least
                           ? left * job->tune.root_resume_share
                       : left < least ? left
                                      : least;
        r->lp_rc = root_lp(job, r->start ? slice : left);
        r->root_ok = r->lp_rc == 0 && glp_get_status(job->lp) == GLP_OPT;
        if (r->lp_rc == 0 && glp_get_status(job->lp) == GLP_NOFEAS) {
            job->result->outcome = PL_OUTCOME_INFEASIBLE;
            return false;
        }
        double b = partial_bound(job->lp);
        if (!isnan(b) && (isnan(r->root) || b > r->root))
            r->root = b;
        if (!r->root_ok && r->start) {
            pli_glpk_report(&r->st, r->start_obj, r->root, run_gap(r));
            pli_glpk_improve(job, &r->st, &r->start, &r->start_obj, r->root,
                             pli_glpk_seconds_left(job) * job->tune.search_share_no_root,
                             round);
            r->st.start = r->start;
        }
    }
    return true;
}

/* The root LP never finished: no time for the branch-and-bound (glp_intopt
 * would still presolve and factorize before looking at the clock); the
 * search's schedule is the result, proven when the unfinished LP's bound
 * rounds up to it. */
static void keep_search_schedule(glpk_job *job, compact_run *r)
{
    const pl_model *m = job->m;
    pl_backend_result *result = job->result;
    if (!r->start) {
        result->outcome = PL_OUTCOME_NONE;
        return;
    }
    for (int j = 0; j < m->n_cols; j++)
        job->values[j] = r->start[j + 1];
    double obj = r->start_obj;
    polish(job->lp, m, job->values, &obj);
    result->objective = obj;
    result->values = pli_glpk_release(job, job->values);
    job->values = NULL;
    result->outcome = PL_OUTCOME_FEASIBLE;
    if (!isnan(r->root)) { /* the unfinished LP's bound */
        bool proven = job->integral && ceil(r->root - 1e-6) >= obj - 1e-6;
        result->outcome = proven ? PL_OUTCOME_OPTIMAL : PL_OUTCOME_FEASIBLE;
        result->bound = proven ? obj : r->root;
        result->gap = fabs(obj - result->bound) / (1e-10 + fabs(obj));
    }
}

/* Phase 4: GLPK's branch-and-bound from the root LP's basis, with the
 * search's schedule as its incumbent, until the search deadline. */
static pl_status branch_and_bound_phase(glpk_job *job, compact_run *r)
{
    const pl_model *m = job->m;
    pl_backend_result *result = job->result;
    glp_iocp iocp;
    pli_glpk_init_iocp(&iocp, job, search_deadline(job) - (pli_clock_seconds() - job->started));
    iocp.presolve = GLP_OFF; /* heuristic solutions are in the original columns */
    iocp.cb_func = callback;
    iocp.cb_info = &r->st;
    int rc = glp_intopt(job->lp, &iocp);
    int mip = glp_mip_status(job->lp);
    bool have = mip == GLP_OPT || mip == GLP_FEAS;
    result->interrupted = r->st.interrupted;
    if (!have && r->start) { /* the search stopped before GLPK took the start */
        for (int j = 0; j < m->n_cols; j++)
            job->values[j] = r->start[j + 1];
    } else if (have) {
        for (int j = 0; j < m->n_cols; j++)
            job->values[j] = glp_mip_col_val(job->lp, j + 1);
    }
    if (have || r->start) {
        double obj = have ? glp_mip_obj_val(job->lp) : NAN;
        if (!polish(job->lp, m, job->values, &obj) && isnan(obj))
            obj = 0.0;
        result->objective = obj;
        result->values = pli_glpk_release(job, job->values);
        job->values = NULL;
        bool proven = have && ((rc == 0 && mip == GLP_OPT) || rc == GLP_EMIPGAP || r->st.proven);
        result->outcome = proven ? PL_OUTCOME_OPTIMAL : PL_OUTCOME_FEASIBLE;
        result->bound = proven && (rc == 0 || r->st.proven) ? obj : r->st.best_bound;
        if (!isnan(result->bound))
            result->gap = fabs(obj - result->bound) / (1e-10 + fabs(obj));
        return PL_OK;
    }
    if (rc == GLP_ENOPFS || mip == GLP_NOFEAS) {
        result->outcome = PL_OUTCOME_INFEASIBLE;
        return PL_OK;
    }
    if (rc == 0 || rc == GLP_ETMLIM || rc == GLP_ESTOP || rc == GLP_EMIPGAP) {
        result->outcome = PL_OUTCOME_NONE;
        result->bound = r->st.best_bound;
        return PL_OK;
    }
    if (rc == GLP_ENODFS) {
        pl_diags_add(job->diags, PL_SEV_ERROR, NULL, 0, 0, NULL,
                     "the model is unbounded (a negative weight without limit?)");
        return PL_ERR_SOLVER;
    }
    pl_diags_add(job->diags, PL_SEV_ERROR, NULL, 0, 0, NULL, "GLPK stopped with code %d", rc);
    return PL_ERR_SOLVER;
}

/*
 * The compact model, in phases, each within a share of the time left
 * (solve/tuning.h): the root LP (root_phase), a first schedule and the
 * neighbourhood search (search_phase), the rest of the root LP
 * alternating with the search if it was not done (resumed_root_phase),
 * then branch-and-bound with the best schedule handed to GLPK
 * (branch_and_bound_phase).  A large region's LP may not finish at all:
 * the search's schedule is then the result (keep_search_schedule).
 */
static pl_status solve_work(glpk_job *job)
{
    pl_status status = PL_OK;
    job->integral = integral_objective(job->m);
    compact_run r = {{job->params, job->started, NAN, NAN, false, NULL, false, job->integral,
                      false, job},
                     NULL, NAN, NAN, false, 0};

    if (!load(job, false))
        return PL_ERR_NOMEM;
    job->values = pli_glpk_malloc(job, ((size_t)job->m->n_cols + 1) * sizeof *job->values);
    if (!job->values)
        return PL_ERR_NOMEM;
    glp_scale_prob(job->lp, GLP_SF_AUTO); /* costs span 1 to 10^6 in practice */
    if (!root_phase(job, &r))
        goto cleanup;
    search_phase(job, &r);
    if (!resumed_root_phase(job, &r))
        goto cleanup;
    job->result->interrupted = pli_glpk_interrupted(job);
    if (!r.root_ok)
        keep_search_schedule(job, &r);
    else
        status = branch_and_bound_phase(job, &r);
cleanup:
    pli_glpk_free(job, r.start);
    return status;
}

/* Seconds left until the search must stop (search_deadline), leaving room
 * for a GLPK call in progress, extracting and writing the schedule. */
static double search_left(const glpk_job *job)
{
    double left = search_deadline(job) - (pli_clock_seconds() - job->started);
    return left > 0 ? left : 0;
}

/* Whether the whole model is small enough for GLPK's branch-and-bound
 * (the compact method) within the usual limits. */
static bool small_enough(const glpk_job *job)
{
    return job->m->n_cols <= job->tune.finish_max_cols;
}

/* job->values from a [1..n] schedule x, which is freed. */
static pl_status take_values(glpk_job *job, double *x)
{
    const pl_model *m = job->m;
    pli_glpk_free(job, job->values);
    job->values = pli_glpk_malloc(job, ((size_t)m->n_cols + 1) * sizeof *job->values);
    for (int j = 0; job->values && j < m->n_cols; j++)
        job->values[j] = x[j + 1];
    pli_glpk_free(job, x);
    return job->values ? PL_OK : PL_ERR_NOMEM;
}

/* Fill job->result from job->values (handed over) and the bound. */
static void set_result(glpk_job *job, double obj, double bound, bool proven)
{
    pl_backend_result *result = job->result;
    result->objective = obj;
    result->values = pli_glpk_release(job, job->values);
    job->values = NULL;
    result->interrupted = pli_glpk_interrupted(job);
    result->outcome = proven ? PL_OUTCOME_OPTIMAL : PL_OUTCOME_FEASIBLE;
    result->bound = proven ? obj : bound;
    result->gap = isnan(result->bound) ? NAN
                                       : fabs(obj - result->bound) / (1e-10 + fabs(obj));
}

/* The decomposition's bound for the compact model's schedule in
 * job->result, when it is the better one. */
static void take_bound(glpk_job *job, double bound)
{
    pl_backend_result *result = job->result;
    if (isnan(bound) || result->outcome == PL_OUTCOME_OPTIMAL ||
        (!isnan(result->bound) && bound <= result->bound))
        return;
    double o = result->objective;
    bool proven = job->integral ? ceil(bound - 1e-6) >= o - 1e-6
                                : bound >= o - 1e-9 * (1 + fabs(o));
    result->outcome = proven ? PL_OUTCOME_OPTIMAL : PL_OUTCOME_FEASIBLE;
    result->bound = proven ? o : bound;
    result->gap = fabs(o - result->bound) / (1e-10 + fabs(o));
}

/* The decomposition's schedule x (its cost obj, its bound) handed to the
 * compact model's branch-and-bound for the time left: where the master's
 * optimum is fractional, branching on the whole model closes the gap on
 * small instances.  The better of the two schedules and bounds is kept. */
static pl_status finish_compact(glpk_job *job, double *x, double obj, double bound)
{
    const pl_model *m = job->m;
    pl_backend_result *result = job->result;
    signed char *cells = pli_glpk_malloc(job, m->n_cells + 1);
    pl_status status = PL_OK;
    if (!cells) {
        pli_glpk_free(job, x);
        return PL_ERR_NOMEM;
    }
    for (size_t i = 0; i < m->n_cells; i++)
        cells[i] = x[m->cells[i].col + 1] > 0.5;
    const signed char *given = job->start_cells;
    job->start_cells = cells;
    status = solve_work(job);
    job->start_cells = given;
    pli_glpk_free(job, cells);
    bool have = status == PL_OK && result->values &&
                (result->outcome == PL_OUTCOME_OPTIMAL || result->outcome == PL_OUTCOME_FEASIBLE);
    if (status == PL_OK && (!have || result->objective > obj + 1e-9)) {
        /* keep the decomposition's schedule */
        free(result->values);
        result->values = NULL;
        pl_status taken = take_values(job, x);
        x = NULL;
        if (taken != PL_OK)
            return taken;
        double b = isnan(result->bound) || (!isnan(bound) && bound > result->bound)
                       ? bound : result->bound;
        set_result(job, obj, b, false);
    } else if (have) {
        take_bound(job, bound);
    }
    pli_glpk_free(job, x);
    return status;
}

/* The decomposition (glpk_decomp.c) for most of the time, then the
 * neighbourhood search from its schedule, bounded by its bound.  Without a
 * schedule from the decomposition the compact model gets the time left. */
static pl_status decomposition_work(glpk_job *job)
{
    const pl_model *m = job->m;
    pl_backend_result *result = job->result;
    job->integral = integral_objective(m);
    search_state st = {job->params, job->started, NAN, NAN, false, NULL, false,
                       job->integral, false, job};
    double obj = NAN, bound = NAN;
    bool infeasible = false;
    /* branch-and-price alone takes all the time; the decomposition
     * leaves some to the search */
    bool alone = job->params->method == PL_METHOD_BRANCH_PRICE;
    double share = alone ? 1.0 : job->tune.decomp_share;
    /* without a schedule from it, a model too large for the compact
     * branch-and-bound has nothing else: it may then take all the time */
    double left = search_left(job);
    double *x = pli_glpk_decomposition(job, left * share,
                                      alone || !small_enough(job) ? left : left * share,
                                      &obj, &bound, &infeasible);
    if (infeasible) {
        result->outcome = PL_OUTCOME_INFEASIBLE;
        return PL_OK;
    }
    if (!x) {
        if (pli_glpk_interrupted(job) || pli_glpk_seconds_left(job) <= 0.05) {
            result->interrupted = pli_glpk_interrupted(job);
            result->outcome = PL_OUTCOME_NONE;
            result->bound = bound;
            return PL_OK;
        }
        if (alone || !small_enough(job)) { /* the whole model would not fit the limits */
            result->outcome = PL_OUTCOME_NONE;
            result->bound = bound;
            return PL_OK;
        }
        pl_status status = solve_work(job); /* keeping the decomposition's bound */
        if (status == PL_OK && result->values &&
            (result->outcome == PL_OUTCOME_OPTIMAL || result->outcome == PL_OUTCOME_FEASIBLE))
            take_bound(job, bound);
        return status;
    }
    bool proven = job->integral && !isnan(bound) && ceil(bound - 1e-6) >= obj - 1e-6;
    if (!proven && !alone && !pli_glpk_interrupted(job))
        pli_glpk_improve(job, &st, &x, &obj, bound, search_left(job), 1);
    proven = !isnan(bound) && (job->integral ? ceil(bound - 1e-6) >= obj - 1e-6
                                             : bound >= obj - 1e-9 * (1 + fabs(obj)));
    if (!proven && !alone && !pli_glpk_interrupted(job) && small_enough(job) &&
        pli_glpk_seconds_left(job) > job->tune.finish_min_seconds)
        return finish_compact(job, x, obj, bound);
    if (take_values(job, x) != PL_OK)
        return PL_ERR_NOMEM;
    set_result(job, obj, bound, proven);
    return PL_OK;
}

bool pli_backend_decomposes(const pl_params *params, size_t cells, bool allocation)
{
    if (params->method == PL_METHOD_COMPACT || params->allocation_only)
        return false;
    if (params->method == PL_METHOD_DECOMPOSITION || params->method == PL_METHOD_BRANCH_PRICE)
        return true;
    /* the annual allocation (posts, rankings, stability) couples every
     * applicant with every other: on the 80/100 instance the compact
     * model's bound is 229k after 600 s, the decomposition's 28k */
    pli_tuning tune;
    pli_tuning_init(&tune);
    return !allocation && cells >= (size_t)tune.auto_decomposition_cells;
}

/* Which method `auto` picks for the built model. */
static bool use_decomposition(const pl_model *m, const pl_params *params)
{
    bool allocation = false;
    for (int t = 0; m->present_col && t < m->inst->n_trainees; t++)
        allocation |= m->present_col[t] >= 0;
    return pli_backend_decomposes(params, m->n_cells, allocation);
}

/* pli_backend_solve, with a witness for the tree when non-NULL. */
static pl_status backend_solve(const pl_model *m, const pl_params *params, double started,
                               const signed char *start_cells, const double *witness,
                               double witness_cost, const pli_tuning *tune,
                               pl_backend_result *result, pl_diags *diags)
{
    bool memory_hit = false;
    glpk_job job = {.m = m, .params = params, .started = started, .result = result,
                    .diags = diags, .start_cells = start_cells, .memory_hit = &memory_hit,
                    .witness = witness, .witness_cost = witness_cost,
                    .tune_override = tune};
    memset(result, 0, sizeof *result);
    result->bound = NAN;
    result->gap = NAN;
    pl_status status =
        guarded(&job, use_decomposition(m, params) ? decomposition_work : solve_work);
    if (memory_hit) { /* not an interrupt of the caller's */
        result->memory_limited = true;
        result->interrupted = false;
    }
    return status;
}

pl_status pli_backend_solve(const pl_model *m, const pl_params *params,
                           double started, const signed char *start_cells,
                           pl_backend_result *result, pl_diags *diags)
{
    return backend_solve(m, params, started, start_cells, NULL, 0.0, NULL, result, diags);
}

pl_status pli_backend_solve_witness(const pl_model *m, const pl_params *params,
                                   double started, const double *witness,
                                   double witness_cost, const pli_tuning *tune,
                                   pl_backend_result *result, pl_diags *diags)
{
    return backend_solve(m, params, started, NULL, witness, witness_cost, tune, result,
                         diags);
}

static pl_status write_work(glpk_job *job)
{
    job->tmp = pli_asprintf("%s.tmp%ld", job->path, (long)getpid());
    if (!job->tmp || !load(job, true))
        return PL_ERR_NOMEM;
    int rc = job->mps ? glp_write_mps(job->lp, GLP_MPS_FILE, NULL, job->tmp)
                      : glp_write_lp(job->lp, NULL, job->tmp);
    if (rc != 0 || rename(job->tmp, job->path) != 0) {
        pl_diags_add(job->diags, PL_SEV_ERROR, job->path, 0, 0, NULL,
                     "cannot write the model to this file");
        return PL_ERR_IO;
    }
    return PL_OK;
}

pl_status pli_backend_write(const pl_model *m, const char *path, bool mps,
                           pl_diags *diags)
{
    glpk_job job = {.m = m, .diags = diags, .path = path, .mps = mps};
    return guarded(&job, write_work);
}

static pl_status lp_work(glpk_job *job)
{
    if (!load(job, false))
        return PL_ERR_NOMEM;
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_OFF;
    smcp.presolve = GLP_ON;
    if (glp_simplex(job->lp, &smcp) != 0 || glp_get_status(job->lp) != GLP_OPT) {
        pl_diags_add(job->diags, PL_SEV_ERROR, NULL, 0, 0, NULL,
                     "the LP relaxation has no optimum");
        return PL_ERR_SOLVER;
    }
    job->result->objective = glp_get_obj_val(job->lp);
    return PL_OK;
}

pl_status pli_backend_lp_value(const pl_model *m, double *value, pl_diags *diags)
{
    pl_backend_result res;
    memset(&res, 0, sizeof res);
    glpk_job job = {.m = m, .result = &res, .diags = diags};
    pl_status status = guarded(&job, lp_work);
    *value = res.objective;
    return status;
}
