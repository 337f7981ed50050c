/*
 * glpk_decomp.h — what the decomposition's two files share (only
 * glpk_decomp.c and glpk_pricing.c include it).
 *
 * The model is split by owner (model/owners.c): each trainee's columns and
 * rows form that trainee's slice, a small MIP whose solutions are the
 * trainee's feasible schedules; the coupling rows and shared columns form
 * the master.  The slices own their GLPK problems for the whole solve, so
 * that each round only changes objective coefficients.
 */
#ifndef PL_GLPK_DECOMP_H
#define PL_GLPK_DECOMP_H

#include "solve/glpk_internal.h"

/* One trainee's slice. */
typedef struct pl_slice {
    int trainee;
    int n_cols;      /* owned columns: global indices cols[0..n_cols) */
    int *cols;
    int n_rows;      /* owned rows: global indices rows[0..n_rows) */
    int *rows;
    glp_prob *lp;    /* the slice as a MIP, built on first use */
    int convexity;   /* its master row (1-based) */
    int twin;        /* an earlier slice with the same rows, columns and
                      * costs (identical trainees of one intake), or -1 */
    bool has_twins;  /* some later slice is this one's twin */
} pl_slice;

typedef struct pl_split {
    glpk_job *job;   /* which holds the scratch of its GLPK calls */
    const pl_model *m;
    pl_model_csr a;
    int *owner;      /* [n_cols] trainee or -1 */
    int *row_owner;  /* [n_rows] trainee or -1 */
    int *local;      /* [n_cols] index of an owned column in its slice */
    int *master_row; /* [n_rows] 1-based master row of a coupling row, else 0 */
    double *obj;     /* [n_cols] objective coefficient */
    double constant;
    int n_slices;
    pl_slice *slices;
    int n_coupling;  /* coupling rows */
} pl_split;

pl_status pli_split_build(glpk_job *job, pl_split *sp);
/* The slices' GLPK problems deleted (the normal path, before
 * pli_split_free; after a GLPK error glp_free_env() has freed them). */
void pli_split_delete_probs(pl_split *sp);
/* The split's memory freed: everything but the GLPK problems. */
void pli_split_free(pl_split *sp);

/* Set slice k's objective to obj - Σ duals·A over the coupling rows
 * (duals by master row, 1-based; NULL: all zero) and solve its LP
 * relaxation, warm, for at most `seconds`.  Returns 0 (*value is the LP
 * optimum, a lower bound on every schedule of the slice; when *integral it
 * is also the best schedule, in x[0..n_cols)), 1 when the slice has no
 * schedule at all, 4 on failure (time, GLPK). */
int pli_slice_lp(glpk_job *job, pl_split *sp, int k, const double *duals,
                double seconds, double *value, double *x, bool *integral);
/* Fix slice k's local column c at 0 (forbid) or give it back its model
 * bounds; false without memory for the slice's problem. */
bool pli_slice_forbid(pl_split *sp, int k, int c, bool forbid);

/* Branch on slice k from the LP just solved by pli_slice_lp.  Returns
 *   0  *value is the optimum and x[0..n_cols) the schedule;
 *   2  a schedule in x and *value, not proven optimal (time, interrupt);
 *   1  no schedule at all;  4  none found (time, interrupt, GLPK).
 * *bound receives the best bound the search proved (-inf if none). */
int pli_slice_mip(glpk_job *job, pl_split *sp, int k, double seconds, double *x,
                 double *value, double *bound);

#endif /* PL_GLPK_DECOMP_H */
