/*
 * model.h — the integer program of an instance, independent of any solver.
 *
 * The builder (build.c) walks the rule families of format.md §3, one file
 * each (cells, capacity, supervision, blocks, amounts, order, choices, pins,
 * costs), and appends columns, rows and matrix entries here.  src/solve/
 * hands the finished model to GLPK; nothing in src/model includes glpk.h.
 *
 * The objective is kept as a list of contributions (column, coefficient,
 * cost term, trainee) so that after solving the cost can be split by term
 * and by trainee exactly as format.md §4 reports it.
 *
 * The model owns all its arrays; pli_model_free releases them.
 */
#ifndef PL_MODEL_H
#define PL_MODEL_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "instance/instance.h"
#include "placera.h"

typedef enum pl_col_kind {
    PL_COL_CONTINUOUS = 0,
    PL_COL_BINARY = 1,
    PL_COL_INTEGER = 2
} pl_col_kind;

/* The cost terms of format.md §3.8, in the order of pl_costs. */
typedef enum pl_term {
    PL_TERM_UNMET = 0,
    PL_TERM_UNASSIGNED,
    PL_TERM_IDLE,
    PL_TERM_SITE_CHANGE,
    PL_TERM_PREFERENCE,
    PL_TERM_CHANGE,
    PL_TERM_RANK,
    PL_TERM_UNALLOCATED,
    PL_TERM_NO_MENTOR,
    PL_TERM_UNDERSTAFFED,
    PL_TERM_PRIORITY,
    PL_TERM_FAIRNESS,
    PL_TERM_COUNT
} pl_term;

/* Rule families, for relaxing one at a time when explaining infeasibility. */
enum {
    PL_FAMILY_PINS = 1 << 0,
    PL_FAMILY_MAX = 1 << 1,
    PL_FAMILY_CHOICES = 1 << 2,
    PL_FAMILY_ORDER = 1 << 3,
    PL_FAMILY_BLOCKS = 1 << 4,
    PL_FAMILY_CAPACITY = 1 << 5,
    PL_FAMILY_SUPERVISION = 1 << 6,
    PL_FAMILY_MAX_PER_SITE = 1 << 7
};

/* One eligible (trainee, site, rotation, period) cell and its column. */
typedef struct pl_cell {
    int t, s, r, p;
    int col;
} pl_cell;

/* One objective contribution: coef * value(col) (col -1: a constant coef). */
typedef struct pl_contrib {
    int col;
    double coef;
    short term;
    int trainee; /* -1 for the global terms */
} pl_contrib;

typedef struct pl_model {
    const pl_instance *inst;

    /* columns */
    int n_cols, cap_cols;
    double *col_lb, *col_ub;
    unsigned char *col_kind;
    size_t *col_name; /* 1 + offset of the name in `names`, 0 = none */

    /* rows: lb <= a·x <= ub; -HUGE_VAL / HUGE_VAL for free sides */
    int n_rows, cap_rows;
    double *row_lb, *row_ub;
    size_t *row_name; /* 1 + offset of the name in `names`, 0 = none */
    int *row_trainee; /* the trainee a row of pli_model_add_trainee_row is about, else -1 */

    /* the names of rows and columns, one after the other, each ending in
     * NUL: one block instead of millions of small strings */
    char *names;
    size_t names_len, names_cap;

    /* matrix entries (row, col, value); row and col 0-based */
    size_t nnz, cap_nnz;
    int *ent_row, *ent_col;
    double *ent_val;

    /* objective */
    size_t n_contribs, cap_contribs;
    pl_contrib *contribs;

    /* eligible cells, sorted by (t, p, s, r); cells of (t, p) are
     * cells[cell_start[t*T+p] .. cell_start[t*T+p+1]) */
    size_t n_cells;
    pl_cell *cells;
    size_t *cell_start;

    /* the same cells grouped by (s, r, p): indices into cells[] of key
     * k = (s*n_rotations + r)*T + p are srp_cells[srp_start[k] .. srp_start[k+1]) */
    size_t *srp_start;
    size_t *srp_cells;

    /* allocation (allocation.c): for trainees with home_choices,
     * present_col[t] is the "allocated" binary and home_col[t*S+s] the
     * "home is s" binaries; -1 elsewhere (always present / fixed home) */
    int *present_col;
    int *home_col;
    /* main supervisors: mentor_col[i] links trainee mentor_t[i] to
     * supervisor mentor_j[i] */
    int n_mentor_vars;
    int *mentor_t, *mentor_j, *mentor_col;

    int fairness_col; /* -1 when fairness is not modelled */

    /* [n_trainees * n_rotations]: the "rotation is done" binary of a
     * rotation that appears in a choice (choices.c), else -1 */
    int *choice_col;

    /* problems found while building that make the instance infeasible,
     * in planners' words (owned strings) */
    char **reasons;
    size_t n_reasons;
} pl_model;

/* What to build. */
typedef struct pl_build_options {
    const int *reference_site;     /* [n_trainees*T] or NULL: the reference schedule */
    const int *reference_rotation; /* [n_trainees*T] */
    int keep_until;                /* with a reference: periods before this one keep
                                      the reference's placements (kept.c); default 0 */
    unsigned relax;                /* PL_FAMILY_* bits of rules to leave out */
    const bool *only_trainees;     /* [n_trainees] or NULL = all: build only these */
    bool no_costs;                 /* feasibility only: objective 0 */
    bool allocation_only;          /* homes and main supervisors only, no placements */
    double deadline;               /* pli_clock_seconds() to stop building at; 0 = none */
    volatile sig_atomic_t *interrupt; /* non-NULL and set: stop building */
} pl_build_options;

void pli_build_options_init(pl_build_options *o);

/* placera's estimate of the model size, made before building it (estimate.c). */
typedef struct pl_model_estimate {
    double cells, columns, rows, nonzeros;
    double bytes; /* the process's peak with the compact model */
    double bytes_decomposition; /* ... with the decomposition by trainee */
} pl_model_estimate;

void pli_model_estimate_size(const pl_instance *inst, pl_model_estimate *out);
/* PL_ERR_LIMIT (with a diagnostic) when the estimate for the method
 * (decomposition or compact) exceeds limit_mb megabytes; PL_OK when it
 * fits or limit_mb is 0. */
pl_status pli_model_check_limit(const pl_instance *inst, size_t limit_mb,
                               bool decomposition, pl_diags *diags);

/* PL_ERR_INTERRUPTED when opt's interrupt flag is set, PL_ERR_NO_SOLUTION
 * when its deadline has passed, else PL_OK: the builder asks between rule
 * families and between trainees of the large ones, so that a time limit
 * or Ctrl-C also holds while a national model is built. */
pl_status pli_model_check_stop(const pl_build_options *opt);

/* Build the model of `inst`.  *out belongs to the caller (pli_model_free).
 * Stops early as pli_model_check_stop says. */
pl_status pli_model_build(const pl_instance *inst, const pl_build_options *opt,
                         pl_model **out);
void pli_model_free(pl_model *m);

/* The bytes the model's arrays take (their capacities), for the memory
 * limit: what is left of it goes to the solver. */
double pli_model_bytes(const pl_model *m);

/* --- primitives used by the rule files ---------------------------------- */

/* The name of row i / column j (for LP and MPS files), or NULL. */
const char *pli_model_row_name(const pl_model *m, int i);
const char *pli_model_col_name(const pl_model *m, int j);

/* Add a column; *col receives its index.  `name` is copied (may be NULL). */
pl_status pli_model_add_col(pl_model *m, pl_col_kind kind, double lb, double ub,
                           const char *name, int *col);
/* Add a row lb <= Σ vals[i]·x[cols[i]] <= ub; *row may be NULL. */
pl_status pli_model_add_row(pl_model *m, double lb, double ub, int n,
                           const int *cols, const double *vals,
                           const char *name, int *row);
pl_status pli_model_add_cost(pl_model *m, int col, double coef, pl_term term,
                            int trainee);
/* Record a reason the instance cannot be solved (printf-style). */
pl_status pli_model_add_reason(pl_model *m, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The cells of trainee t in period p. */
static inline const pl_cell *pl_model_cells(const pl_model *m, int t, int p,
                                            size_t *n)
{
    size_t k = (size_t)t * (size_t)m->inst->horizon.length + (size_t)p;
    *n = m->cell_start[k + 1] - m->cell_start[k];
    return m->cells ? m->cells + m->cell_start[k] : m->cells; /* no cells: NULL, n 0 */
}

/* A growable list of (col, coef) for building one row. */
typedef struct pl_terms {
    int n, cap;
    int *cols;
    double *vals;
} pl_terms;

pl_status pli_terms_add(pl_terms *l, int col, double val);
void pli_terms_clear(pl_terms *l);
void pli_terms_free(pl_terms *l);

/* --- the rule families (one file each) ----------------------------------- */
pl_status pli_model_cells_build(pl_model *m, const pl_build_options *opt);
pl_status pli_model_allocation(pl_model *m, const pl_build_options *opt);
pl_status pli_model_one_place(pl_model *m, const pl_build_options *opt);
pl_status pli_model_mentors(pl_model *m, const pl_build_options *opt);
pl_status pli_model_capacity(pl_model *m, const pl_build_options *opt);
pl_status pli_model_supervision(pl_model *m, const pl_build_options *opt);
pl_status pli_model_blocks(pl_model *m, const pl_build_options *opt);
pl_status pli_model_choices(pl_model *m, const pl_build_options *opt);
pl_status pli_model_amounts(pl_model *m, const pl_build_options *opt);
pl_status pli_model_order(pl_model *m, const pl_build_options *opt);
pl_status pli_model_pins(pl_model *m, const pl_build_options *opt);
pl_status pli_model_kept(pl_model *m, const pl_build_options *opt);
pl_status pli_model_costs(pl_model *m, const pl_build_options *opt);

/* Rows and costs whose constant part applies only while trainee t is
 * allocated: for a trainee with home_choices the constant is multiplied by
 * its "allocated" binary (an unallocated trainee costs `unallocated` alone,
 * and its pins, choices and amounts do not apply, format.md §3.9.19). */
pl_status pli_model_add_trainee_row(pl_model *m, int t, double lb, double ub,
                                   pl_terms *row, const char *name);
pl_status pli_model_add_trainee_constant(pl_model *m, int t, double coef,
                                        pl_term term);

/* Helpers shared by the rule files. */
int pli_model_prev_periods(const pl_trainee *tr, int r); /* previous.periods if in r */
bool pli_model_trainee_built(const pl_build_options *opt, int t);

/* The cells at (s, r, p): indices into m->cells. */
static inline const size_t *pl_model_srp(const pl_model *m, int s, int r, int p,
                                         size_t *n)
{
    size_t T = (size_t)m->inst->horizon.length;
    size_t k = ((size_t)s * (size_t)m->inst->n_rotations + (size_t)r) * T + (size_t)p;
    *n = m->srp_start[k + 1] - m->srp_start[k];
    return m->srp_cells + m->srp_start[k];
}

/* The matrix in compressed row and column form (owners.c). */
typedef struct pl_model_csr {
    int *row_start, *row_col; /* row i: row_col[row_start[i] .. row_start[i+1]) */
    double *row_val;
    int *col_start, *col_row; /* column j: col_row[col_start[j] .. col_start[j+1]) */
    double *col_val;
} pl_model_csr;

pl_status pli_model_csr_build(const pl_model *m, pl_model_csr *a);
void pli_model_csr_free(pl_model_csr *a);
/* owner[n_cols]: the trainee each column belongs to, -1 when it is shared
 * (owners.c explains how it is found). */
pl_status pli_model_owners(const pl_model *m, const pl_model_csr *a, int *owner);
/* row_owner[n_rows]: the trainee all of a row's columns belong to, else -1
 * (a coupling row). */
void pli_model_row_owners(const pl_model *m, const pl_model_csr *a,
                         const int *owner, int *row_owner);

/* The objective summed per column into obj[n_cols] (overwritten); returns
 * the constant part. */
double pli_model_objective(const pl_model *m, double *obj);

/* The column of the cell (t, s, r, p), or -1. */
int pli_model_cell_col(const pl_model *m, int t, int s, int r, int p);

#endif /* PL_MODEL_H */
