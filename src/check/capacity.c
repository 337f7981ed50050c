/*
 * capacity.c — format.md 3.2 (first half) and max_per_site (§2.5): at most
 * capacity.max trainees at (s, r) in each period, and at most max_per_site
 * periods of one trainee at any one site (inside the horizon, 3.9.7).
 */
#include <stdlib.h>

#include "check/check_internal.h"

pl_status pli_check_capacity(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    const pl_instance *inst = c->inst;
    int L = inst->horizon.length, S = inst->n_sites, R = inst->n_rotations;
    size_t n = (size_t)S * (size_t)R * (size_t)L;
    int *count = calloc(n ? n : 1, sizeof *count);
    int *per_site = calloc(S > 0 ? (size_t)S : 1, sizeof *per_site);
    char span[96];

    if (!count || !per_site) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (int t = 0; t < inst->n_trainees; t++)
        for (int p = 0; p < L; p++) {
            int k = pl_cell(c, t, p);
            if (c->grid.site[k] >= 0)
                count[((size_t)c->grid.site[k] * R + (size_t)c->grid.rotation[k]) * L + p]++;
        }
    for (int s = 0; s < S; s++)
        for (int r = 0; r < R; r++)
            for (int p = 0; p < L; p++) {
                int have = count[((size_t)s * R + (size_t)r) * L + p];
                int cap = inst->sites[s].offers[r] ? pl_cap_max(inst, s, r, p) : 0;
                if (have > cap && cap > 0) { /* cap 0: eligibility says it */
                    pli_check_span(c, p, p, span, sizeof span);
                    PL_TRY(pli_check_violation(c, NULL, "%s (%s) has %d trainees in %s but room for %d",
                                              inst->sites[s].id, inst->rotations[r].id,
                                              have, span, cap));
                }
            }

    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (tr->max_per_site == PL_UNLIMITED)
            continue;
        for (int s = 0; s < S; s++)
            per_site[s] = 0;
        for (int p = 0; p < L; p++) {
            int s = c->grid.site[pl_cell(c, t, p)];
            if (s >= 0)
                per_site[s]++;
        }
        for (int s = 0; s < S; s++)
            if (per_site[s] > tr->max_per_site) {
                PL_TRY(pli_check_violation(c, NULL, "%s has %d periods at %s but may have at most %d at any one site (max_per_site)",
                                          tr->id, per_site[s], inst->sites[s].id,
                                          tr->max_per_site));
            }
    }
cleanup:
    free(count);
    free(per_site);
    return status;
}
