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
    bool branched;   /* the tree has bounded some of its columns: it is
                      * priced on its own, never as a twin */
    double *adjust;  /* [n_cols] subtracted from its pricing objective
                      * (the duals of the tree's group rows), or NULL */
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
    bool cuts;       /* the slices' searches use GLPK's cuts */
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
/* Bound slice k's local column c to [lb, ub] (the tree's branches); false
 * without memory for the slice's problem. */
bool pli_slice_bound(pl_split *sp, int k, int c, double lb, double ub);

/* Branch on slice k from the LP just solved by pli_slice_lp, until the
 * optimum, `seconds`, or a proof that no schedule is below `enough`
 * (HUGE_VAL: none wanted).  Returns
 *   0  *value is the optimum and x[0..n_cols) the schedule;
 *   2  a schedule in x and *value, not proven optimal (time, interrupt,
 *      enough);
 *   1  no schedule at all;  4  none found (time, interrupt, GLPK, enough).
 * *bound receives the best bound the search proved (-inf if none). */
int pli_slice_mip(glpk_job *job, pl_split *sp, int k, double seconds, double enough,
                 double *x, double *value, double *bound);

/* One generated schedule: its trainee's slice and owned column values
 * (local indices ascending). */
typedef struct sched_col {
    int slice;
    int n;       /* nonzero values */
    int *local;  /* slice-local column indices */
    double *val;
} sched_col;

/* The value of local column c in schedule sc (0 when absent). */
double pli_sched_value(const sched_col *sc, int c);

/* A row of the master that the tree adds for a group of identical
 * trainees: Σ over the group of column c of their schedules, bounded by
 * the node being solved (free in nodes that do not branch on it). */
typedef struct group_row {
    int root;    /* the group's representative slice */
    int c;       /* the slice-local column */
    int row;     /* the master row */
} group_row;

typedef struct decomp {
    glpk_job *job;
    pl_split sp;
    glp_prob *master;
    int n_shared;     /* shared columns: master columns 1..n_shared */
    int *shared_col;  /* [n_shared] their model columns */
    int first_art, n_art; /* artificial columns: the coupling rows', the
                           * group rows' (from first_group_art, two a row),
                           * then one per convexity row */
    int first_group_art;
    int n_sched, cap_sched;
    sched_col *sched; /* master column first_sched + i */
    int first_sched;
    double big;       /* cost of an artificial */
    double full_price; /* the greedy start's price on a full row */
    double *duals, *center, *price; /* [cap_master_rows + 1] */
    int n_master_rows;
    int cap_master_rows; /* room for the tree's group rows */
    double *x;        /* scratch: one slice's values */
    int *ind;         /* scratch: one master column [cap_master_rows + 2] */
    double *val;
    double *coef;     /* scratch [cap_master_rows + 1], all zero between uses */
    double best_bound;
    double until;        /* the column generation's deadline (clock) */
    bool round_complete; /* the last round priced every candidate */
    double *first_x;     /* the greedy schedules' values, if they fit (held
                          * by the job) */
    bool *is_cell;       /* [n_cols] the column is a placement cell */
    double first_obj;
    bool have_center;    /* center holds the duals of center_bound */
    double center_bound;
    double price_cap;    /* seconds for one slice's search in a round */
    bool extended;       /* the column generation ran on into the longer share
                          * (pli_glpk_decomposition's no_schedule_seconds) */
    /* the tree (glpk_tree.c) */
    bool in_node;        /* bounds found go to node_bound, not best_bound */
    double node_bound;   /* the bound of the node being solved */
    double cutoff;       /* a node whose bound reaches it is done (+inf) */
    int n_group_rows;
    group_row *group_rows; /* [cap_master_rows - n_coupling - n_slices] */
} decomp;

/* How a column generation ended (pli_decomp_generate). */
typedef enum cg_end {
    CG_DONE = 0,       /* the master LP is optimal over every schedule, or
                        * its value rounds down to the bound */
    CG_STOPPED = 2,    /* time, interrupt, a failed LP: the bound holds */
    CG_CUT = 3,        /* the bound reached d->cutoff */
    CG_NO_SCHEDULE = 1,/* a slice has no schedule at all */
    CG_ERROR = -2
} cg_end;

/* The master LP solved warm within `seconds`: its value (duals in
 * d->duals), or NaN. */
double pli_decomp_master_lp(decomp *d, double seconds);
/* Column generation from the master LP just solved (value z) until it
 * ends (cg_end) or the clock reaches `until`; *z receives the last master
 * LP value. */
cg_end pli_decomp_generate(decomp *d, double until, double *z);
/* The full model's values ([1..n_cols], held by the job) of the master's
 * solution, MIP (mip) or LP, when every integer column of the convex
 * combination is integral, no artificial is used and every model row
 * holds; its cost in *objective.  NULL otherwise. */
double *pli_decomp_values(const decomp *d, bool mip, double *objective);
/* The schedules of the pool that the master's last LP left nonbasic
 * deleted (the tree's cap on pooled columns); how many. */
int pli_decomp_purge(decomp *d);
/* A progress line with this incumbent (NaN: none new) and the bound. */
void pli_decomp_report(decomp *d, double incumbent, double bound, int open_nodes);
/* A new group row for (root, c) with the coefficients of the schedules
 * found so far, free; its index in d->group_rows, or -1 when there is no
 * room. */
int pli_decomp_group_row(decomp *d, int root, int c);

/* glpk_tree.c: branch-and-price from the root's column generation (just
 * converged, best_bound its bound) until `until`, starting from the
 * incumbent *x (may be NULL; replaced, held by the job) of cost
 * *objective.  *bound receives the global bound. */
pl_status pli_decomp_tree(decomp *d, double until, double **x, double *objective,
                          double *bound);

#endif /* PL_GLPK_DECOMP_H */
