/*
 * summary.c — what `placera validate` reports about a loaded instance:
 * counts and the number of eligible (trainee, site, rotation, period)
 * cells of format.md §3.1; plus the small public accessors.
 */
#include <stdlib.h>

#include "instance/eligible.h"
#include "instance/instance.h"

const char *pl_instance_name(const pl_instance *inst)
{
    return inst && inst->name ? inst->name : "";
}

size_t pl_instance_trainee_count(const pl_instance *inst)
{
    return inst ? (size_t)inst->n_trainees : 0;
}

const char *pl_instance_trainee_id(const pl_instance *inst, size_t index)
{
    if (!inst || index >= (size_t)inst->n_trainees)
        return NULL;
    return inst->trainees[index].id;
}

void pl_instance_summarize(const pl_instance *inst, pl_instance_summary *out)
{
    out->trainees = (size_t)inst->n_trainees;
    out->sites = (size_t)inst->n_sites;
    out->supervisors = (size_t)inst->n_supervisors;
    out->rotations = (size_t)inst->n_rotations;
    out->programs = (size_t)inst->n_programs;
    out->periods = (size_t)inst->horizon.length;
    out->eligible_cells = 0;

    int len = inst->horizon.length, nr = inst->n_rotations, ns = inst->n_sites;
    /* periods with capacity, per (site, rotation): lists, so that each
     * statically eligible pair costs only its open periods */
    size_t pairs = (size_t)ns * (size_t)nr;
    int *count = calloc(pairs + 1, sizeof *count);
    int *open = malloc((pairs * (size_t)len + 1) * sizeof *open);
    if (!count || !open) {
        free(count);
        free(open);
        return;
    }
    for (int s = 0; s < ns; s++)
        for (int r = 0; r < nr; r++) {
            size_t k = (size_t)s * nr + r;
            for (int p = 0; p < len; p++)
                if (pl_cap_max(inst, s, r, p) > 0)
                    open[k * len + count[k]++] = p;
        }
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        int active = 0;
        for (int p = 0; p < len; p++)
            active += tr->active[p];
        if (!active)
            continue;
        for (int s = 0; s < ns; s++)
            for (int r = 0; r < nr; r++) {
                size_t k = (size_t)s * nr + r;
                if (!count[k] || !pl_eligible_static_any(inst, t, s, r))
                    continue;
                if (active == len) {
                    out->eligible_cells += (size_t)count[k];
                    continue;
                }
                for (int i = 0; i < count[k]; i++)
                    out->eligible_cells += tr->active[open[k * len + i]];
            }
    }
    free(count);
    free(open);
}
