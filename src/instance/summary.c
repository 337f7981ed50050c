/*
 * summary.c — what `placera validate` reports about a loaded instance:
 * counts and the number of eligible (trainee, site, rotation, period)
 * cells of format.md §3.1; plus the small public accessors.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

static int popcount64(uint64_t x)
{
#if defined(__GNUC__)
    return __builtin_popcountll(x);
#else
    int n = 0;
    while (x) {
        x &= x - 1;
        n++;
    }
    return n;
#endif
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

    /* Bit masks over periods: the periods with capacity of each (site,
     * rotation), and each trainee's active periods; a statically eligible
     * pair (pl_eligible_static_any) adds the popcount of their AND. */
    int len = inst->horizon.length, nr = inst->n_rotations, ns = inst->n_sites;
    size_t words = ((size_t)len + 63) / 64, pairs = (size_t)ns * (size_t)nr;
    uint64_t *open = calloc(pairs * words + 1, sizeof *open);
    uint64_t *active = calloc(words + 1, sizeof *active);
    bool *any_open = calloc(pairs + 1, sizeof *any_open);
    bool *home = calloc((size_t)ns + 1, sizeof *home);
    bool *area_ok = calloc((size_t)ns + 1, sizeof *area_ok);
    if (!open || !active || !any_open || !home || !area_ok)
        goto cleanup;
    for (int s = 0; s < ns; s++)
        for (int r = 0; r < nr; r++) {
            size_t k = (size_t)s * nr + r;
            for (int p = 0; p < len; p++)
                if (pl_cap_max(inst, s, r, p) > 0) {
                    open[k * words + (size_t)p / 64] |= (uint64_t)1 << (p % 64);
                    any_open[k] = true;
                }
        }
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        memset(active, 0, words * sizeof *active);
        bool some = false;
        for (int p = 0; p < len; p++)
            if (tr->active[p]) {
                active[p / 64] |= (uint64_t)1 << (p % 64);
                some = true;
            }
        if (!some)
            continue;
        /* per site: a possible home (fixed or a choice), inside the areas */
        for (int s = 0; s < ns; s++) {
            home[s] = s == tr->home;
            area_ok[s] = !tr->has_areas;
            for (int i = 0; i < tr->n_areas && !area_ok[s]; i++)
                area_ok[s] = tr->areas[i] == inst->sites[s].area && tr->areas[i] >= 0;
        }
        for (int i = 0; tr->has_home_choices && i < tr->n_home_choices; i++)
            home[tr->home_choices[i]] = true;
        for (int r = 0; r < nr; r++) {
            const pl_rule *rule = &tr->rules[r];
            if (!rule->present)
                continue;
            for (int s = 0; s < ns; s++) {
                size_t k = (size_t)s * nr + r;
                /* pl_eligible_static_any, spelled out per site */
                if (!any_open[k] || (rule->sites && !rule->sites[s]) ||
                    !(home[s] || (!rule->at_home && area_ok[s])))
                    continue;
                for (size_t w = 0; w < words; w++)
                    out->eligible_cells += (size_t)popcount64(open[k * words + w] & active[w]);
            }
        }
    }
cleanup:
    free(open);
    free(active);
    free(any_open);
    free(home);
    free(area_ok);
}
