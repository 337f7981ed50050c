/*
 * eligibility.c — format.md 3.1: may trainee t be at (s, r) in period p?
 *
 * Each placed period must be active for t, r must be in t's requirements,
 * s must offer r with capacity above 0 in p, s must be in the rule's sites,
 * at_home rules need t's home, and `areas` restricts sites to those areas
 * (t's home always allowed; 3.9.17).  Consecutive periods at the same
 * (site, rotation) failing for the same reason are reported together.
 */
#include <stdio.h>

#include "check/check_internal.h"

enum { E_INACTIVE, E_ROTATION, E_OFFER, E_SITES, E_AT_HOME, E_AREA, E_COUNT };

static bool fails(const pl_check_ctx *c, int t, int p, int why)
{
    const pl_instance *inst = c->inst;
    const pl_trainee *tr = &inst->trainees[t];
    int k = pl_cell(c, t, p), s = c->grid.site[k], r = c->grid.rotation[k];
    const pl_rule *rule = &tr->rules[r];

    switch (why) {
    case E_INACTIVE:
        return !tr->active[p];
    case E_ROTATION:
        return !rule->present;
    case E_OFFER:
        return !inst->sites[s].offers[r] || pl_cap_max(inst, s, r, p) <= 0;
    case E_SITES:
        return rule->present && rule->sites && !rule->sites[s];
    case E_AT_HOME:
        return rule->present && rule->at_home && c->home[t] != s;
    case E_AREA:
        if (!tr->has_areas || c->home[t] == s)
            return false;
        for (int a = 0; a < tr->n_areas; a++)
            if (inst->sites[s].area >= 0 && tr->areas[a] == inst->sites[s].area)
                return false;
        return true;
    }
    return false;
}

static pl_status report(pl_check_ctx *c, int t, int from, int to, int why)
{
    const pl_instance *inst = c->inst;
    const pl_trainee *tr = &inst->trainees[t];
    int k = pl_cell(c, t, from), s = c->grid.site[k], r = c->grid.rotation[k];
    const char *sid = inst->sites[s].id, *rid = inst->rotations[r].id;
    char span[96], path[64];

    pli_check_span(c, from, to, span, sizeof span);
    snprintf(path, sizeof path, "/placements/%d", c->grid.row[k]);
    switch (why) {
    case E_INACTIVE:
        return pli_check_violation(c, path, "%s is at %s (%s) in %s, when it is not available (outside its start and end, or on leave)",
                                  tr->id, sid, rid, span);
    case E_ROTATION:
        return pli_check_violation(c, path, "%s is at %s (%s) in %s, but %s is not in its requirements",
                                  tr->id, sid, rid, span, rid);
    case E_OFFER:
        return pli_check_violation(c, path, "%s is at %s (%s) in %s, but %s has no capacity for %s then",
                                  tr->id, sid, rid, span, sid, rid);
    case E_SITES:
        return pli_check_violation(c, path, "%s is at %s (%s) in %s, but the rule for %s does not allow site %s",
                                  tr->id, sid, rid, span, rid, sid);
    case E_AT_HOME:
        return pli_check_violation(c, path, "%s is at %s (%s) in %s, but %s must be done at its home (%s)",
                                  tr->id, sid, rid, span, rid,
                                  c->home[t] >= 0 ? inst->sites[c->home[t]].id : "it has none");
    default:
        return pli_check_violation(c, path, "%s is at %s (%s) in %s, but %s is outside the trainee's areas",
                                  tr->id, sid, rid, span, sid);
    }
}

pl_status pli_check_eligibility(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    int L = c->inst->horizon.length;

    for (int t = 0; t < c->inst->n_trainees; t++) {
        for (int why = 0; why < E_COUNT; why++) {
            int from = -1;
            for (int p = 0; p <= L; p++) {
                bool bad = p < L && c->grid.site[pl_cell(c, t, p)] >= 0 && fails(c, t, p, why);
                /* a run of failures ends where the cell changes or passes */
                if (from >= 0) {
                    int a = pl_cell(c, t, from), b = pl_cell(c, t, p < L ? p : L - 1);
                    bool same = bad && c->grid.site[a] == c->grid.site[b] &&
                                c->grid.rotation[a] == c->grid.rotation[b] &&
                                c->grid.row[a] == c->grid.row[b];
                    if (!same) {
                        PL_TRY(report(c, t, from, p - 1, why));
                        from = -1;
                    }
                }
                if (bad && from < 0)
                    from = p;
            }
        }
    }
cleanup:
    return status;
}
