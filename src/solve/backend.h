/*
 * backend.h — the interface between a finished pl_model and a MIP solver.
 *
 * Only the backend implementation (glpk_backend.c) knows which solver is
 * used; another one could be added behind the same interface.
 */
#ifndef PL_BACKEND_H
#define PL_BACKEND_H

#include "model/model.h"
#include "placera.h"
#include "solve/tuning.h"

typedef enum pl_backend_outcome {
    PL_OUTCOME_OPTIMAL = 0,    /* proven optimal within the gap */
    PL_OUTCOME_FEASIBLE = 1,   /* a solution, not proven optimal */
    PL_OUTCOME_INFEASIBLE = 2, /* proven infeasible */
    PL_OUTCOME_NONE = 3        /* no solution found within the limits */
} pl_backend_outcome;

typedef struct pl_backend_result {
    pl_backend_outcome outcome;
    double objective;  /* of the returned values */
    double bound;      /* best proven lower bound, or NaN */
    double gap;        /* relative, or NaN */
    double *values;    /* [n_cols], owned by the caller (free) when non-NULL */
    bool interrupted;  /* stopped by params->interrupt */
    bool memory_limited; /* stopped at the memory limit (params->memory_limit_mb) */
    long nodes;        /* branch-and-price nodes solved */
    long group_branches; /* ... of which branched on a group of identical trainees */
    long witness_cut;  /* tests (pli_backend_solve_witness): nodes that admitted
                        * the witness and were pruned with a bound above its cost */
} pl_backend_result;

/* Solve `m` with the limits in `params`.  `started` is the clock value
 * (pli_clock_seconds) at which the whole solve began, so that time limits
 * and progress include model building.  `start_cells` ([n_cells], 1 = the
 * cell is placed) is a schedule to start the search from, e.g. a reference
 * schedule, or NULL.  On PL_OK `result` is filled. */
pl_status pli_backend_solve(const pl_model *m, const pl_params *params,
                           double started, const signed char *start_cells,
                           pl_backend_result *result, pl_diags *diags);

/* pli_backend_solve for tests, with a schedule known to be optimal
 * (`witness`, [1..n_cols] column values, of cost witness_cost; may be
 * NULL) that the branch-and-price tree follows: result->witness_cut
 * counts the nodes that admitted it and were pruned with a bound above
 * its cost (0 when the tree is sound).  `tune` (NULL: the defaults)
 * replaces the tunables, to drive the tree down paths the defaults
 * seldom take. */
pl_status pli_backend_solve_witness(const pl_model *m, const pl_params *params,
                                   double started, const double *witness,
                                   double witness_cost, const pli_tuning *tune,
                                   pl_backend_result *result, pl_diags *diags);

/* Write the model in CPLEX LP or free MPS format (through a temporary file
 * renamed into place). */
pl_status pli_backend_write(const pl_model *m, const char *path, bool mps,
                           pl_diags *diags);

/* The value of the model's LP relaxation (every integer column
 * continuous): how tight the formulation is, for tests and benchmarks. */
pl_status pli_backend_lp_value(const pl_model *m, double *value, pl_diags *diags);

/* Whether the solve goes by the decomposition (docs/solver.md): the
 * method asked for, and for `auto` the model's size in cells and whether
 * trainees compete for homes (an annual allocation). */
bool pli_backend_decomposes(const pl_params *params, size_t cells, bool allocation);

/* Monotonic seconds (util/clock.h). */
#include "util/clock.h"

#endif /* PL_BACKEND_H */
