/*
 * summary.c — what `placera validate` reports about a loaded instance:
 * counts and the number of eligible (trainee, site, rotation, period)
 * cells of format.md §3.1; plus the small public accessors.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "instance/dates.h"
#include "instance/eligible.h"
#include "instance/instance.h"
#include "util/prefetch.h"

const char *pl_instance_name(const pl_instance *inst)
{
    return inst && inst->name ? inst->name : "";
}

size_t pl_instance_period_count(const pl_instance *inst)
{
    return inst ? (size_t)inst->horizon.length : 0;
}

pl_status pl_instance_period(const pl_instance *inst, const char *text, int *period)
{
    int len = inst->horizon.length, y, mo, d;
    if (!text || !*text)
        return PL_ERR_INVALID;
    if (strspn(text, "0123456789") == strlen(text)) {
        if (strlen(text) > 9 || atol(text) > len)
            return PL_ERR_INVALID;
        *period = (int)atol(text);
        return PL_OK;
    }
    if (!pli_parse_date(text, inst->horizon.unit == PL_UNIT_MONTH, &y, &mo, &d))
        return PL_ERR_INVALID;
    long p = pli_date_to_period(&inst->horizon, y, mo, d);
    *period = (int)(p < 0 ? 0 : p > len ? len : p);
    return PL_OK;
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

/* Bits set in x (inline: without -mpopcnt the builtin is a library call). */
static inline int popcount64(uint64_t x)
{
    x -= (x >> 1) & 0x5555555555555555ULL;
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return (int)((x * 0x0101010101010101ULL) >> 56);
}

/* Sites in a list built by lists_build: for key k, list[start[k] ..
 * start[k + 1]). */
typedef struct site_lists {
    int *start;
    int *list;
} site_lists;

/* The sum of popcount(open[s] & active) over the sites s of one list that
 * the rule allows. */
static size_t count_sites(const int *sites, int n, const pl_rule *rule,
                          const uint64_t *open, const int *open_count,
                          const uint64_t *active, size_t words, bool full,
                          int nr, int r)
{
    size_t sum = 0;
    for (int i = 0; i < n; i++) {
        int s = sites[i];
        if (rule->sites && !rule->sites[s])
            continue;
        size_t k = (size_t)s * nr + r;
        if (full) {
            sum += (size_t)open_count[k];
            continue;
        }
        for (size_t w = 0; w < words; w++)
            sum += (size_t)popcount64(open[k * words + w] & active[w]);
    }
    return sum;
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
     * pair (pli_eligible_static_any) adds the popcount of their AND.  Only
     * the sites open for a rotation are visited: all of them, those of the
     * trainee's areas, or its homes, as the rule and the areas say. */
    int len = inst->horizon.length, nr = inst->n_rotations, ns = inst->n_sites;
    int na = inst->n_areas > 0 ? inst->n_areas : 0;
    size_t words = ((size_t)len + 63) / 64, pairs = (size_t)ns * (size_t)nr;
    size_t area_keys = (size_t)na * (size_t)nr;
    uint64_t *open = calloc(pairs * words + 1, sizeof *open);
    uint64_t *active = calloc(words + 1, sizeof *active);
    int *open_count = calloc(pairs + 1, sizeof *open_count);
    bool *is_home = calloc((size_t)ns + 1, sizeof *is_home);
    int *homes = calloc((size_t)ns + 1, sizeof *homes);
    bool *in_area = calloc((size_t)na + 1, sizeof *in_area);
    int *areas = calloc((size_t)na + 1, sizeof *areas);
    site_lists by_rot = {calloc((size_t)nr + 2, sizeof(int)), calloc(pairs + 1, sizeof(int))};
    site_lists by_area = {calloc(area_keys + 2, sizeof(int)), calloc(pairs + 1, sizeof(int))};
    if (!open || !active || !open_count || !is_home || !homes || !in_area ||
        !areas || !by_rot.start || !by_rot.list || !by_area.start || !by_area.list)
        goto cleanup;
    for (int s = 0; s < ns; s++)
        for (int r = 0; r < nr; r++) {
            size_t k = (size_t)s * nr + r;
            for (int p = 0; p < len; p++)
                if (pl_cap_max(inst, s, r, p) > 0) {
                    open[k * words + (size_t)p / 64] |= (uint64_t)1 << (p % 64);
                    open_count[k]++;
                }
        }
    /* the open sites of each rotation, and of each (area, rotation) */
    for (int r = 0, n = 0; r < nr; r++) {
        by_rot.start[r] = n;
        for (int s = 0; s < ns; s++)
            if (open_count[(size_t)s * nr + r])
                by_rot.list[n++] = s;
        by_rot.start[r + 1] = n;
    }
    for (size_t key = 0, n = 0; key < area_keys; key++) {
        int a = (int)(key / (size_t)nr), r = (int)(key % (size_t)nr);
        by_area.start[key] = (int)n;
        for (int s = 0; s < ns; s++)
            if (inst->sites[s].area == a && open_count[(size_t)s * nr + r])
                by_area.list[n++] = s;
        by_area.start[key + 1] = (int)n;
    }
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (t + 1 < inst->n_trainees) {
            pl_prefetch(tr[1].rules, (size_t)nr * sizeof *tr->rules);
            pl_prefetch(tr[1].active, (size_t)len);
            pl_prefetch(tr[1].areas, (size_t)tr[1].n_areas * sizeof *tr->areas);
            pl_prefetch(tr[1].home_choices,
                     (size_t)tr[1].n_home_choices * sizeof *tr->home_choices);
        }
        memset(active, 0, words * sizeof *active);
        int n_active = 0;
        for (int p = 0; p < len; p++)
            if (tr->active[p]) {
                active[p / 64] |= (uint64_t)1 << (p % 64);
                n_active++;
            }
        if (!n_active)
            continue;
        bool full = n_active == len;
        /* the possible homes (fixed or a choice) and the areas, distinct */
        int n_homes = 0, n_areas = 0;
        if (tr->home >= 0 && tr->home < ns && !is_home[tr->home]) {
            is_home[tr->home] = true;
            homes[n_homes++] = tr->home;
        }
        for (int i = 0; tr->has_home_choices && i < tr->n_home_choices; i++)
            if (!is_home[tr->home_choices[i]]) {
                is_home[tr->home_choices[i]] = true;
                homes[n_homes++] = tr->home_choices[i];
            }
        for (int i = 0; tr->has_areas && i < tr->n_areas; i++) {
            int a = tr->areas[i];
            if (a >= 0 && a < na && !in_area[a]) {
                in_area[a] = true;
                areas[n_areas++] = a;
            }
        }
        for (int r = 0; r < nr; r++) {
            const pl_rule *rule = &tr->rules[r];
            if (!rule->present)
                continue;
            /* pli_eligible_static_any: open, allowed by the rule's sites, and
             * a home or (not at_home and inside the areas) */
            if (!rule->at_home && !tr->has_areas) {
                out->eligible_cells += count_sites(
                    by_rot.list + by_rot.start[r], by_rot.start[r + 1] - by_rot.start[r],
                    rule, open, open_count, active, words, full, nr, r);
                continue;
            }
            if (!rule->at_home)
                for (int i = 0; i < n_areas; i++) {
                    size_t key = (size_t)areas[i] * nr + r;
                    out->eligible_cells += count_sites(
                        by_area.list + by_area.start[key],
                        by_area.start[key + 1] - by_area.start[key], rule, open,
                        open_count, active, words, full, nr, r);
                }
            for (int i = 0; i < n_homes; i++) {
                int s = homes[i], a = inst->sites[s].area;
                if (!rule->at_home && a >= 0 && a < na && in_area[a])
                    continue; /* counted with its area */
                if (open_count[(size_t)s * nr + r])
                    out->eligible_cells += count_sites(&homes[i], 1, rule, open,
                                                       open_count, active, words,
                                                       full, nr, r);
            }
        }
        for (int i = 0; i < n_homes; i++)
            is_home[homes[i]] = false;
        for (int i = 0; i < n_areas; i++)
            in_area[areas[i]] = false;
    }
cleanup:
    free(open);
    free(active);
    free(open_count);
    free(is_home);
    free(homes);
    free(in_area);
    free(areas);
    free(by_rot.start);
    free(by_rot.list);
    free(by_area.start);
    free(by_area.list);
}
