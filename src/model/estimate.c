/*
 * estimate.c — placera's own estimate of the size of an instance's integer
 * program, made before building it, so that `placera solve --memory-limit`
 * can refuse a model that would not fit instead of running out of memory
 * half-way.
 *
 * The count of eligible cells (format.md §3.1, pl_instance_summarize: bit
 * masks over periods, no model) bounds the placement columns from above.
 * Every other part of the model grows with those cells, with the active
 * trainee-periods (one-place rows, idle and site-change chains) or with the
 * (site, rotation, period) triples (capacity and staffing rows), so the
 * totals are those three counts times factors measured on the bundled and
 * generated instances (docs in tests/README.md).  The bytes are what the
 * model arrays, GLPK's copy of the problem and its working storage take:
 * the branch-and-bound tree comes on top and is bounded by glp_mem_limit.
 */
#include "model/model.h"

/* Factors per eligible cell, per active trainee-period and per (site,
 * rotation, period) triple, measured on instances/ and on generated small,
 * region and national instances with every weight switched on, rounded up. */
#define COLS_PER_CELL 2.5
#define ROWS_PER_CELL 5.5
#define NNZ_PER_CELL 55.0
#define COLS_PER_TP 4.0
#define ROWS_PER_TP 8.0
#define NNZ_PER_TP 24.0
#define COLS_PER_SRP 1.0
#define ROWS_PER_SRP 2.0
#define NNZ_PER_SRP 1.0 /* plus one entry per cell, counted above */

/* Bytes per column, row and matrix entry, in placera's model (arrays and
 * names) plus GLPK's problem object, its LP basis factorization and the
 * root-node copies made by the MIP search. */
#define BYTES_PER_COL 440.0
#define BYTES_PER_ROW 440.0
#define BYTES_PER_NNZ 160.0

void pl_model_estimate_size(const pl_instance *inst, pl_model_estimate *out)
{
    pl_instance_summary sum;
    pl_instance_summarize(inst, &sum);
    double cells = (double)sum.eligible_cells;
    double tp = 0.0;
    for (int t = 0; t < inst->n_trainees; t++)
        for (int p = 0; p < inst->horizon.length; p++)
            tp += inst->trainees[t].active[p] ? 1.0 : 0.0;
    double srp = (double)inst->n_sites * (double)inst->n_rotations *
                 (double)inst->horizon.length;
    double extra = (double)inst->n_trainees * (double)(inst->n_sites + 1) +
                   (double)inst->n_supervisors * (double)inst->horizon.length;

    out->cells = cells;
    out->columns = COLS_PER_CELL * cells + COLS_PER_TP * tp + COLS_PER_SRP * srp + extra;
    out->rows = ROWS_PER_CELL * cells + ROWS_PER_TP * tp + ROWS_PER_SRP * srp + extra;
    out->nonzeros = NNZ_PER_CELL * cells + NNZ_PER_TP * tp + NNZ_PER_SRP * srp +
                    3.0 * extra;
    out->bytes = BYTES_PER_COL * out->columns + BYTES_PER_ROW * out->rows +
                 BYTES_PER_NNZ * out->nonzeros;
}

pl_status pl_model_check_limit(const pl_instance *inst, size_t limit_mb,
                               pl_diags *diags)
{
    pl_model_estimate est;
    pl_model_estimate_size(inst, &est);
    double mb = est.bytes / (1024.0 * 1024.0);
    if (limit_mb == 0 || mb <= (double)limit_mb)
        return PL_OK;
    if (pl_diags_add(diags, PL_SEV_ERROR, NULL, 0, 0, NULL,
                     "the model would need about %.0f MB (%.0f eligible cells, "
                     "about %.0f columns, %.0f rows, %.0f nonzeros), more than "
                     "the memory limit of %zu MB; raise --memory-limit or make "
                     "the instance smaller (fewer trainees, sites or periods)",
                     mb, est.cells, est.columns, est.rows, est.nonzeros,
                     limit_mb) != PL_OK)
        return PL_ERR_NOMEM;
    return PL_ERR_LIMIT;
}
