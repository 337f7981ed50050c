/*
 * explain.c — explaining infeasibility in planners' words.
 *
 * Only pins, `max`, choices, order, blocks, max_per_site, capacity and
 * supervision can make an instance infeasible (every other rule is soft).
 * The search goes from the individual to the collective:
 *   1. each trainee alone (others removed): if infeasible, relax one of its
 *      rule families at a time; the family whose removal restores
 *      feasibility is named;
 *   2. if every trainee is feasible alone, the trainees compete for places:
 *      relax capacity, then supervision, then pins, and name what helps.
 * Each probe is a feasibility-only model (no costs) with a short time limit.
 */
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "solve/backend.h"
#include "solve/explain.h"
#include "util/strutil.h"

typedef enum probe_result { PROBE_FEASIBLE, PROBE_INFEASIBLE, PROBE_UNKNOWN } probe_result;

static probe_result probe(const pl_instance *inst, const pl_build_options *kept,
                          const bool *only,
                          unsigned relax, double time_limit, char ***model_reasons,
                          size_t *n_model_reasons)
{
    pl_build_options opt;
    pl_model *m = NULL;
    pl_params params;
    pl_backend_result res;
    pl_diags diags;
    probe_result out = PROBE_UNKNOWN;

    pli_build_options_init(&opt);
    if (kept) {
        opt.reference_site = kept->reference_site;
        opt.reference_rotation = kept->reference_rotation;
        opt.keep_until = kept->keep_until;
    }
    opt.only_trainees = only;
    opt.relax = relax;
    opt.no_costs = true;
    pl_params_init(&params);
    params.time_limit = time_limit;
    pl_diags_init(&diags);
    memset(&res, 0, sizeof res);
    if (pli_model_build(inst, &opt, &m) != PL_OK)
        goto cleanup;
    if (m->n_reasons > 0) {
        out = PROBE_INFEASIBLE;
        if (model_reasons) { /* hand the reasons over */
            *model_reasons = m->reasons;
            *n_model_reasons = m->n_reasons;
            m->reasons = NULL;
            m->n_reasons = 0;
        }
        goto cleanup;
    }
    if (pli_backend_solve(m, &params, pli_clock_seconds(), NULL, &res, &diags) != PL_OK)
        goto cleanup;
    if (res.outcome == PL_OUTCOME_OPTIMAL || res.outcome == PL_OUTCOME_FEASIBLE)
        out = PROBE_FEASIBLE;
    else if (res.outcome == PL_OUTCOME_INFEASIBLE)
        out = PROBE_INFEASIBLE;
cleanup:
    free(res.values);
    pli_model_free(m);
    pl_diags_free(&diags);
    return out;
}

static pl_status push(char ***list, size_t *n, char *s)
{
    if (!s)
        return PL_ERR_NOMEM;
    char **l = realloc(*list, (*n + 1) * sizeof *l);
    if (!l) {
        free(s);
        return PL_ERR_NOMEM;
    }
    *list = l;
    l[(*n)++] = s;
    return PL_OK;
}

static const struct {
    unsigned family;
    const char *words;
} families[] = {
    {PL_FAMILY_PINS, "its pinned placements (fixed, or kept from the reference) cannot be honoured together with its other rules"},
    {PL_FAMILY_BLOCKS, "its block lengths (block_min / block_max) cannot be met in the periods it can be placed"},
    {PL_FAMILY_ORDER, "its order rules (after) cannot be met"},
    {PL_FAMILY_CHOICES, "its choices (exactly k of a set of rotations) cannot be met"},
    {PL_FAMILY_MAX, "its maximum amounts (max, counting completed and previous periods) are too small"},
    {PL_FAMILY_MAX_PER_SITE, "its max_per_site limit cannot be met"},
};

pl_status pli_explain_infeasible(const pl_instance *inst,
                                const pl_build_options *kept, double time_limit,
                                char ***reasons, size_t *n_reasons)
{
    pl_status status = PL_OK;
    int n = inst->n_trainees;
    bool *only = calloc((size_t)n + 1, sizeof *only);
    double budget = time_limit / (2.0 * (n + 4));
    bool individual = false;

    *reasons = NULL;
    *n_reasons = 0;
    if (budget < 0.5)
        budget = 0.5;
    if (!only) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (int t = 0; t < n; t++) {
        char **mr = NULL;
        size_t nmr = 0;
        only[t] = true;
        probe_result alone = probe(inst, kept, only, 0, budget, &mr, &nmr);
        if (alone == PROBE_INFEASIBLE) {
            individual = true;
            for (size_t i = 0; i < nmr; i++) {
                if (status == PL_OK)
                    status = push(reasons, n_reasons, mr[i]); /* frees on failure */
                else
                    free(mr[i]);
            }
            free(mr);
            PL_TRY(status);
            bool named = nmr > 0;
            for (size_t f = 0; !named && f < sizeof families / sizeof families[0]; f++) {
                if (probe(inst, kept, only, families[f].family, budget, NULL, NULL) == PROBE_FEASIBLE) {
                    PL_TRY(push(reasons, n_reasons,
                                pli_asprintf("trainee %s: %s", inst->trainees[t].id,
                                            families[f].words)));
                    named = true;
                }
            }
            if (!named)
                PL_TRY(push(reasons, n_reasons,
                            pli_asprintf("trainee %s: its rules (pins, max, choices, order, "
                                        "blocks) cannot all hold at once",
                                        inst->trainees[t].id)));
        } else {
            for (size_t i = 0; i < nmr; i++)
                free(mr[i]);
            free(mr);
        }
        only[t] = false;
    }
    if (individual)
        goto cleanup;
    if (probe(inst, kept, NULL, PL_FAMILY_CAPACITY, budget, NULL, NULL) == PROBE_FEASIBLE)
        PL_TRY(push(reasons, n_reasons,
                    pli_strdup("the trainees' hard rules (pins, blocks, order, choices) "
                              "together need more places than the sites' capacity allows")));
    else if (probe(inst, kept, NULL, PL_FAMILY_SUPERVISION, budget, NULL, NULL) == PROBE_FEASIBLE)
        PL_TRY(push(reasons, n_reasons,
                    pli_strdup("the trainees' hard rules together need more supervision "
                              "than the available supervisors can give (max_trainees, leave)")));
    else if (probe(inst, kept, NULL, PL_FAMILY_PINS, budget, NULL, NULL) == PROBE_FEASIBLE)
        PL_TRY(push(reasons, n_reasons,
                    pli_strdup(kept && kept->keep_until > 0
                                  ? "the pinned placements of several trainees, or the past "
                                    "kept from the reference, cannot be honoured together "
                                    "(they compete for places or supervisors)"
                                  : "the pinned placements of several trainees cannot be honoured "
                                    "together (they compete for places or supervisors)")));
    else
        PL_TRY(push(reasons, n_reasons,
                    pli_strdup("the hard rules of several trainees conflict with the "
                              "capacity and supervision available")));
cleanup:
    free(only);
    return status;
}
