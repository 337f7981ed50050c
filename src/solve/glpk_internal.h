/*
 * glpk_internal.h — what the GLPK backend's files share: the job being
 * solved, the search state, and small helpers.  Only src/solve/glpk_*.c
 * include this header (and glpk.h).
 */
#ifndef PL_GLPK_INTERNAL_H
#define PL_GLPK_INTERNAL_H

#include <glpk.h>
#include <signal.h>
#include <stdbool.h>

#include "solve/backend.h"
#include "solve/tuning.h"

typedef struct pl_submip pl_submip;

/* What an error path frees of a structure held by the job (below): its
 * memory, never a GLPK object (glp_free_env() has freed those). */
typedef void (*pl_glpk_drop)(void *p);

/* One block or structure held by the job. */
typedef struct pl_glpk_held {
    void *p;
    pl_glpk_drop drop; /* NULL: a block from pli_glpk_malloc, free()d */
} pl_glpk_held;

/* Everything a GLPK call may leave behind, kept outside the stack frame
 * that setjmp protects so that the error path can release it. */
typedef struct glpk_job {
    bool integral; /* every objective coefficient is an integer */
    const pl_model *m;
    const pl_params *params;
    double started;
    pl_backend_result *result;
    pl_diags *diags;
    const signed char *start_cells; /* [n_cells] 0/1 start, or NULL */
    const char *path; /* pli_backend_write */
    bool mps;
    glp_prob *lp;
    double *values;
    char *tmp;
    pl_submip *sub; /* the model in compressed form, for sub-MIPs */
    double memory_soft; /* bytes of GLPK memory at which every phase stops as
                         * at an interrupt (0 = no memory limit) */
    bool *memory_hit;   /* set when that happened (NULL: not tracked) */
    pl_glpk_held *held; /* what the job holds (pli_glpk_malloc, pli_glpk_hold) */
    size_t n_held, cap_held;
    pli_tuning tune;    /* the tunables (solve/tuning.h), set by guarded() */
    const double *witness; /* tests: a known optimum ([1..n]) that the tree
                            * follows (glpk_tree.c), or NULL */
    double witness_cost;
    const pli_tuning *tune_override; /* tests: tunables instead of the defaults */
} glpk_job;

/*
 * Memory that lives across GLPK calls.  GLPK's error hook longjmps out of
 * any GLPK call (most often at its memory cap), past every stack frame of
 * the job: what those frames alone pointed to would leak.  So every block
 * that is alive across a GLPK call is held by the job, and guarded() frees
 * what is still held when the job ends, on the error path as on the
 * normal one.  Blocks held are freed with pli_glpk_free (never free());
 * pli_glpk_release hands one over to an owner outside the job (a result),
 * which then frees it with free().
 */
void *pli_glpk_malloc(glpk_job *job, size_t size);
void *pli_glpk_calloc(glpk_job *job, size_t n, size_t size);
/* p (NULL is fine) no longer held, and freed: by its drop if it has one. */
void pli_glpk_free(glpk_job *job, void *p);
/* p no longer held (the caller owns it now); returns p. */
void *pli_glpk_release(glpk_job *job, void *p);
/* A structure p (non-NULL, of plain allocations) held with the function
 * that frees its memory, GLPK objects excepted: the caller deletes those
 * before pli_glpk_free(job, p) on the normal path.  drop NULL: p is a
 * plain block, free()d.  Without memory for the hold, p is dropped at once
 * and false returned. */
bool pli_glpk_hold(glpk_job *job, void *p, pl_glpk_drop drop);

typedef struct search_state {
    const pl_params *params;
    double started;
    double best_bound;
    double last_reported_bound;
    bool interrupted;
    const double *start; /* [1..n] a feasible solution to hand to GLPK, or NULL */
    bool start_given;
    bool integral;       /* every objective coefficient is an integer */
    bool proven;         /* stopped because ceil(bound) reached the incumbent */
    const struct glpk_job *job; /* its memory limit, when non-NULL */
} search_state;

/* A minimisation problem with n_rows rows and n_cols columns, all empty. */
glp_prob *pli_glpk_new_prob(int n_rows, int n_cols);

/* The limits of one glp_intopt call: pli_glpk_limits_callback (as cb_func,
 * the limits as cb_info) stops it at an interrupt or at the deadline
 * (pli_clock_seconds), and records the best bound of the open nodes seen
 * (-HUGE_VAL until one is). */
typedef struct pl_glpk_limits {
    volatile sig_atomic_t *interrupt;
    double deadline;
    double bound;
    const struct glpk_job *job; /* its memory limit too, when non-NULL */
    bool stop_at_bound;         /* stop too once bound reaches stop_bound */
    double stop_bound;
} pl_glpk_limits;
void pli_glpk_limits_callback(glp_tree *tree, void *info);

/* A part of the model to load as a GLPK problem (pli_glpk_load_part):
 * `rows` and `cols` (model indices, in the order they get in GLPK), the
 * model's matrix by rows, col_map[j] the place of model column j in
 * `cols` or -1.  A row's entries of columns outside `cols` move into its
 * bounds at their values in x ([1..n], integers rounded); with x NULL
 * there must be none.  Objective coefficients from obj (per model column;
 * NULL: none). */
typedef struct pli_glpk_part {
    const pl_model_csr *a;
    const int *rows;
    int n_rows;
    const int *cols;
    int n_cols;
    const int *col_map;
    const double *x;
    const double *obj;
} pli_glpk_part;

/* The one loader of GLPK problems: the part as a new minimisation problem
 * (binary columns as GLP_BV), or NULL without memory.  The whole model,
 * the slices of the decomposition and the sub-MIPs of the search are all
 * loaded through it. */
glp_prob *pli_glpk_load_part(glpk_job *job, const pli_glpk_part *part);

/* Bounds lb <= . <= ub of row i / column j (1-based); ±HUGE_VAL for none. */
void pli_glpk_row_bounds(glp_prob *lp, int i, double lb, double ub);
void pli_glpk_col_bounds(glp_prob *lp, int j, double lb, double ub);

double pli_glpk_seconds_left(const glpk_job *job);
/* Whether GLPK's memory may grow by `factor` times what it holds now and
 * stay within the job's memory limit (always true without one): asked
 * before large copies, which would otherwise fail inside GLPK. */
bool pli_glpk_room(const glpk_job *job, double factor);

/* Whether the job must stop: the caller's interrupt flag is set, or GLPK's
 * memory has reached the job's soft memory limit (then *memory_hit is
 * set).  Every phase looks at it between GLPK calls. */
bool pli_glpk_interrupted(const glpk_job *job);
int pli_glpk_milliseconds(double seconds);

/* GLPK's crash basis for lp, or the slack basis on models too large for
 * the crash (which no limit can stop). */
void pli_glpk_first_basis(const glpk_job *job, glp_prob *lp);

/* glp_simplex on lp with smcp (its tm_lim is set here) for at most
 * `seconds`, in slices that resume from the last basis so that the job's
 * interrupt flag is seen within a slice; from pli_glpk_first_basis when lp
 * has no basis yet.  Returns glp_simplex's last code (GLP_ETMLIM when time
 * ran out or the job was interrupted). */
int pli_glpk_simplex(const glpk_job *job, glp_prob *lp, glp_smcp *smcp, double seconds);
void pli_glpk_init_iocp(glp_iocp *iocp, const glpk_job *job, double seconds);
void pli_glpk_report(search_state *s, double incumbent, double bound, double gap);
/* The same with the branch-and-price nodes still open (-1: no tree). */
void pli_glpk_report_nodes(search_state *s, double incumbent, double bound, double gap,
                           int open_nodes);

/* A first schedule ([1..n] column values, owned by the caller) without the
 * root LP: the caller's start cells completed, the empty schedule, or a
 * sequential construction; NULL if none was found in `seconds`. */
double *pli_glpk_start(glpk_job *job, const signed char *start_cells,
                      double seconds, double *objective);
/* A first schedule guided by the root LP solved in job->lp, or NULL. */
double *pli_glpk_lp_guided(glpk_job *job, double seconds, double *objective);

/* Improve the incumbent x ([1..n], replaced in place when a better one is
 * found) by large-neighbourhood search for at most `seconds`; `bound`
 * (NaN if unknown) stops it early when reached.  Round 0 starts with one
 * pass over single trainees; later rounds draw other neighbourhoods. */
void pli_glpk_improve(glpk_job *job, search_state *st, double **x,
                     double *objective, double bound, double seconds,
                     unsigned round);

/* glpk_decomp.c: the decomposition by trainee (column generation, then
 * the restricted master as a MIP, then branch-and-price) within
 * `seconds`, or up to `no_schedule_seconds` while the schedules found
 * cannot yet meet the coupling rows together.  Returns a schedule ([1..n]
 * column values, owned by the caller) and its cost, or NULL; *bound is the
 * best Lagrangian bound (NaN if none), *infeasible is set when some
 * trainee has no schedule at all under its own rules. */
double *pli_glpk_decomposition(glpk_job *job, double seconds, double no_schedule_seconds,
                              double *objective, double *bound, bool *infeasible);

/* glpk_submip.c: the model's rows and columns indexed for building small
 * sub-MIPs (owned by the caller, pli_submip_free), or NULL without memory. */
pl_submip *pli_submip_new(const pl_model *m);
void pli_submip_free(pl_submip *s);
/* The best schedule, below `cutoff` on the full cost when cutoff is not
 * NaN, among those that keep every cell with fix[i] >= 0 at its value in x
 * (the incumbent, [1..n], full cost x_objective): a new [1..n] array owned
 * by the caller and its full cost, or NULL.  Rows that force something
 * (lower bound above 0) of trainees with relax[t] are left out; x must
 * satisfy every other row. */
double *pli_submip_solve(glpk_job *job, pl_submip *s, const double *x,
                        double x_objective, const signed char *fix,
                        const bool *relax, double cutoff, double seconds,
                        double *objective);

#endif /* PL_GLPK_INTERNAL_H */
