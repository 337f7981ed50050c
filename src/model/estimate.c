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
 * totals are those counts times factors measured on the generated tiers.
 * The bytes are the whole process's peak, measured per method; GLPK's own
 * allocations are capped during the solve by glp_mem_limit with what the
 * limit leaves after the model (glpk_backend.c).
 */
#include "model/model.h"

/* Per eligible cell (format.md §3.1, counted from the instance alone), the
 * columns, rows and nonzeros of the model as built, measured on the
 * generated small, region and national tiers (seed 1: 2.5-2.7 columns,
 * 3.9-4.3 rows and 17-22 nonzeros per eligible cell), rounded up. */
#define COLS_PER_CELL 2.8
#define ROWS_PER_CELL 4.4
#define NNZ_PER_CELL 23.0
/* Per (site, rotation, period) triple: capacity and staffing rows. */
#define ROWS_PER_SRP 1.0
#define NNZ_PER_SRP 1.0

/* Peak bytes per nonzero of the whole process (the instance, the model
 * arrays and GLPK's problems, bases and search trees), measured with
 * /usr/bin/time on the same tiers with a 30 s limit (benchmarks/README.md,
 * "Limits"): the compact model (one GLPK problem, its LP factorization and
 * the MIP search) 322 B on the region tier; the decomposition (per-trainee
 * problems, the master and its columns) 193-206 B on the region and
 * national tiers.  Plus what every run takes (the program, jansson, the
 * instance). */
#define BYTES_PER_NNZ_COMPACT 360.0
#define BYTES_PER_NNZ_DECOMPOSITION 230.0
#define BYTES_BASE (6.0 * 1024.0 * 1024.0)

void pli_model_estimate_size(const pl_instance *inst, pl_model_estimate *out)
{
    pl_instance_summary sum;
    pl_instance_summarize(inst, &sum);
    double cells = (double)sum.eligible_cells;
    double srp = (double)inst->n_sites * (double)inst->n_rotations *
                 (double)inst->horizon.length;
    double homes = 0.0;
    for (int t = 0; t < inst->n_trainees; t++)
        homes += inst->trainees[t].has_home_choices ? inst->trainees[t].n_home_choices + 1 : 0;

    out->cells = cells;
    out->columns = COLS_PER_CELL * cells + homes;
    out->rows = ROWS_PER_CELL * cells + ROWS_PER_SRP * srp + homes;
    out->nonzeros = NNZ_PER_CELL * cells + NNZ_PER_SRP * srp + 3.0 * homes;
    out->bytes = BYTES_BASE + BYTES_PER_NNZ_COMPACT * out->nonzeros;
    out->bytes_decomposition = BYTES_BASE + BYTES_PER_NNZ_DECOMPOSITION * out->nonzeros;
}

pl_status pli_model_check_limit(const pl_instance *inst, size_t limit_mb,
                               bool decomposition, pl_diags *diags)
{
    pl_model_estimate est;
    pli_model_estimate_size(inst, &est);
    double mb = (decomposition ? est.bytes_decomposition : est.bytes) / (1024.0 * 1024.0);
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
