/*
 * solve.c — pl_solve: the pipeline from a validated instance to a schedule.
 *
 *   reference → build model → (write LP/MPS) → solve → extract → name
 *   supervisors → schedule
 *
 * When no schedule exists the result is still a schedule (status infeasible
 * or no_solution) whose reasons say why, found by explain.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "schedule/extract.h"
#include "schedule/schedule.h"
#include "solve/backend.h"
#include "solve/explain.h"
#include "util/strutil.h"

/* The reference schedule as dense per trainee-period grids: site,
 * rotation and named supervisor (-1 where none). */
static pl_status reference_grids(const pl_instance *inst, const pl_schedule *ref,
                                 int **site, int **rotation, int **supervisor)
{
    size_t n = (size_t)inst->n_trainees * (size_t)inst->horizon.length;
    *site = malloc((n + 1) * sizeof **site);
    *rotation = malloc((n + 1) * sizeof **rotation);
    *supervisor = malloc((n + 1) * sizeof **supervisor);
    if (!*site || !*rotation || !*supervisor)
        return PL_ERR_NOMEM;
    for (size_t k = 0; k < n; k++)
        (*site)[k] = (*rotation)[k] = (*supervisor)[k] = -1;
    for (size_t i = 0; i < ref->n_rows; i++) {
        const pl_row *row = &ref->rows[i];
        if (row->t < 0 || row->s < 0 || row->r < 0)
            continue; /* names no longer in the instance: ignored */
        for (int p = row->from; p <= row->to; p++) {
            if (p < 0 || p >= inst->horizon.length)
                continue;
            size_t k = (size_t)row->t * inst->horizon.length + p;
            (*site)[k] = row->s;
            (*rotation)[k] = row->r;
            (*supervisor)[k] = row->sup;
        }
    }
    return PL_OK;
}

/* Reference rows in the kept past whose site or rotation this instance
 * does not have: the past names something that is gone, which no schedule
 * can keep.  Each becomes a reason. */
static pl_status kept_unknowns(const pl_schedule *ref,
int until, char ***reasons,
                              size_t *n_reasons)
{
    for (size_t i = 0; i < ref->n_dropped; i++) {
        const pl_row *row = &ref->dropped[i];
        if (row->t < 0 || (row->s >= 0 && row->r >= 0) || row->from >= until)
            continue;
        char *why = pli_asprintf(
            "kept past: %s is at %s (%s) from period %d in the reference, but this "
            "instance has no %s %s",
            row->trainee, row->site ? row->site : "?", row->rotation ? row->rotation : "?",
            row->from, row->s < 0 ? "site" : "rotation",
            row->s < 0 ? (row->site ? row->site : "?") : (row->rotation ? row->rotation : "?"));
        char **l = why ? realloc(*reasons, (*n_reasons + 1) * sizeof *l) : NULL;
        if (!l) {
            free(why);
            return PL_ERR_NOMEM;
        }
        *reasons = l;
        l[(*n_reasons)++] = why;
    }
    return PL_OK;
}

/* The wanted supervisors of a re-plan: the reference's in the kept past
 * (grid `sup` is overwritten from keep_until on with -1). */
static void kept_supervisors(const pl_instance *inst, int until, int *sup)
{
    int T = inst->horizon.length;
    for (int t = 0; t < inst->n_trainees; t++)
        for (int p = until < 0 ? 0 : until; p < T; p++)
            sup[(size_t)t * T + p] = -1;
}

static pl_status failed(const pl_instance *inst, pl_result result,
                        char **reasons, size_t n_reasons, double started,
                        pl_schedule **out)
{
    return pli_schedule_failed(inst, result, (const char *const *)reasons,
                              n_reasons, pli_clock_seconds() - started, out);
}

/* The memory limit against the estimate for the method the solve will
 * take. */
static pl_status check_memory(const pl_instance *inst, const pl_params *params,
                              pl_diags *diags)
{
    pl_model_estimate est;
    if (params->allocation_only)
        return PL_OK; /* the estimate is of placements; GLPK's cap still holds */
    pli_model_estimate_size(inst, &est);
    bool allocation = false;
    for (int t = 0; t < inst->n_trainees; t++)
        allocation |= inst->trainees[t].has_home_choices;
    bool decomposition = pli_backend_decomposes(params, (size_t)est.cells, allocation);
    return pli_model_check_limit(inst, params->memory_limit_mb, decomposition, diags);
}

/* The schedule of a solve stopped while the model was being built: no
 * placements, and the reason.  Returns `why` (the caller's status). */
static pl_status stopped_building(const pl_instance *inst, pl_status why,
                                  double started, pl_schedule **out)
{
    pl_status status = PL_OK;
    char *reason[1] = {why == PL_ERR_INTERRUPTED
                           ? "interrupted while the model was being built"
                           : "the time limit was reached while the model was being "
                             "built: allow more time"};
    PL_TRY(failed(inst, PL_RESULT_NO_SOLUTION, reason, 1, started, out));
    status = why;
cleanup:
    return status;
}

pl_status pl_solve(const pl_instance *instance, const pl_params *params,
                   pl_schedule **out, pl_diags *diags)
{
    pl_status status = PL_OK;
    double started = pli_clock_seconds();
    pl_params defaults;
    pl_build_options opt;
    pl_model *m = NULL;
    pl_backend_result res;
    pl_assignment a;
    double *trainee_costs = NULL;
    int *ref_site = NULL, *ref_rotation = NULL, *ref_sup = NULL;
    signed char *start_cells = NULL;
    char **reasons = NULL;
    size_t n_reasons = 0;

    memset(&res, 0, sizeof res);
    memset(&a, 0, sizeof a);
    *out = NULL;
    if (!params) {
        pl_params_init(&defaults);
        params = &defaults;
    }
    pli_build_options_init(&opt);
    opt.allocation_only = params->allocation_only;
    if (params->memory_limit_mb > 0)
        PL_TRY(check_memory(instance, params, diags));
    if (params->reference) {
        PL_TRY(reference_grids(instance, params->reference, &ref_site, &ref_rotation,
                               &ref_sup));
        opt.reference_site = ref_site;
        opt.reference_rotation = ref_rotation;
        opt.keep_until = params->keep_until;
        kept_supervisors(instance, params->keep_until, ref_sup);
        PL_TRY(kept_unknowns(params->reference, params->keep_until, &reasons,
                             &n_reasons));
        if (n_reasons > 0) {
            PL_TRY(failed(instance, PL_RESULT_INFEASIBLE, reasons, n_reasons, started, out));
            status = PL_ERR_INFEASIBLE;
            goto cleanup;
        }
    }
    opt.interrupt = params->interrupt;
    if (params->time_limit > 0)
        opt.deadline = started + params->time_limit;
    status = pli_model_build(instance, &opt, &m);
    if (status == PL_ERR_NO_SOLUTION || status == PL_ERR_INTERRUPTED) {
        PL_TRY(stopped_building(instance, status, started, out));
        goto cleanup;
    }
    PL_TRY(status);
    if (params->write_lp)
        PL_TRY(pli_backend_write(m, params->write_lp, false, diags));
    if (params->write_mps)
        PL_TRY(pli_backend_write(m, params->write_mps, true, diags));
    if (m->n_reasons > 0) {
        PL_TRY(failed(instance, PL_RESULT_INFEASIBLE, m->reasons, m->n_reasons,
                      started, out));
        status = PL_ERR_INFEASIBLE;
        goto cleanup;
    }
    if (ref_site) {
        start_cells = malloc(m->n_cells + 1);
        if (!start_cells) {
            status = PL_ERR_NOMEM;
            goto cleanup;
        }
        for (size_t i = 0; i < m->n_cells; i++) {
            const pl_cell *c = &m->cells[i];
            size_t k = (size_t)c->t * instance->horizon.length + c->p;
            start_cells[i] = ref_site[k] == c->s && ref_rotation[k] == c->r;
        }
    }
    PL_TRY(pli_backend_solve(m, params, started, start_cells, &res, diags));
    if (res.outcome == PL_OUTCOME_INFEASIBLE) {
        double left = params->time_limit - (pli_clock_seconds() - started);
        PL_TRY(pli_explain_infeasible(instance, &opt, left > 5.0 ? left : 5.0, &reasons,
                                     &n_reasons));
        PL_TRY(failed(instance, PL_RESULT_INFEASIBLE, reasons, n_reasons, started, out));
        status = PL_ERR_INFEASIBLE;
        goto cleanup;
    }
    if (res.outcome == PL_OUTCOME_NONE) {
        char *why[1] = {res.memory_limited
                            ? "the memory limit (--memory-limit) was reached before any "
                              "schedule was found"
                        : res.interrupted ? "interrupted before any schedule was found"
                                          : "no schedule was found within the time limit"};
        PL_TRY(failed(instance, PL_RESULT_NO_SOLUTION, why, 1, started, out));
        status = res.memory_limited ? PL_ERR_LIMIT
                 : res.interrupted  ? PL_ERR_INTERRUPTED
                                    : PL_ERR_NO_SOLUTION;
        goto cleanup;
    }

    pl_costs costs;
    trainee_costs = calloc((size_t)instance->n_trainees + 1, sizeof *trainee_costs);
    if (!trainee_costs) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    PL_TRY(pli_assignment_init(&a, instance->n_trainees, instance->horizon.length));
    PL_TRY(pli_extract(m, res.values, &a, &costs, trainee_costs));
    PL_TRY(pli_name_supervisors(instance, params->keep_until > 0 ? ref_sup : NULL, &a));
    double bound = res.bound;
    double total = pl_costs_total(&costs);
    if (res.outcome == PL_OUTCOME_OPTIMAL && !isnan(bound) && bound > total)
        bound = total;
    PL_TRY(pli_schedule_from_assignment(
        instance, &a,
        res.outcome == PL_OUTCOME_OPTIMAL ? PL_RESULT_OPTIMAL : PL_RESULT_FEASIBLE,
        &costs, trainee_costs, bound, res.gap,
        round((pli_clock_seconds() - started) * 1000.0) / 1000.0, out));
    (*out)->allocation_only = params->allocation_only;
    status = pl_schedule_explain(instance, *out);
    if (status != PL_OK) {
        pl_schedule_free(*out);
        *out = NULL;
        goto cleanup;
    }
    if (res.memory_limited && res.outcome != PL_OUTCOME_OPTIMAL)
        /* a schedule was produced (format.md 6: exit 0), the search not
         * finished: said, not an error */
        PL_TRY(pl_diags_add(diags, PL_SEV_WARNING, NULL, 0, 0, NULL,
                            "the memory limit of %zu MB was reached: the best schedule "
                            "found so far is kept (status feasible); raise "
                            "--memory-limit to search further",
                            params->memory_limit_mb));
cleanup:
    for (size_t i = 0; i < n_reasons; i++)
        free(reasons[i]);
    free(reasons);
    free(res.values);
    free(trainee_costs);
    free(ref_site);
    free(ref_rotation);
    free(ref_sup);
    free(start_cells);
    pli_assignment_free(&a);
    pli_model_free(m);
    return status;
}
