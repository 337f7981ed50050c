/*
 * eligible.c — format.md §3.1 eligibility of (trainee, site, rotation,
 * period) cells, used by the summary, the warnings and the model builder.
 */
#include "instance/eligible.h"

/* Conditions that do not involve the home: rule present, site offers r,
 * rule's site list. */
static bool base(const pl_instance *inst, const pl_trainee *tr, int s, int r)
{
    const pl_rule *rule = &tr->rules[r];
    if (!rule->present || !inst->sites[s].offers[r])
        return false;
    return !rule->sites || rule->sites[s];
}

static bool in_areas(const pl_instance *inst, const pl_trainee *tr, int s)
{
    if (!tr->has_areas)
        return true;
    int a = inst->sites[s].area;
    if (a < 0)
        return false;
    for (int i = 0; i < tr->n_areas; i++)
        if (tr->areas[i] == a)
            return true;
    return false;
}

bool pl_eligible_static(const pl_instance *inst, int t, int s, int r, int home)
{
    const pl_trainee *tr = &inst->trainees[t];
    if (!base(inst, tr, s, r))
        return false;
    if (s == home && home >= 0)
        return true; /* at home: at_home holds and areas always allow it */
    return !tr->rules[r].at_home && in_areas(inst, tr, s);
}

bool pl_eligible_static_any(const pl_instance *inst, int t, int s, int r)
{
    const pl_trainee *tr = &inst->trainees[t];
    if (!tr->has_home_choices)
        return pl_eligible_static(inst, t, s, r, tr->home);
    if (!base(inst, tr, s, r))
        return false;
    for (int i = 0; i < tr->n_home_choices; i++)
        if (tr->home_choices[i] == s)
            return true;
    return !tr->rules[r].at_home && in_areas(inst, tr, s);
}

bool pl_eligible(const pl_instance *inst, int t, int s, int r, int p, int home)
{
    return inst->trainees[t].active[p] && pl_cap_max(inst, s, r, p) > 0 &&
           pl_eligible_static(inst, t, s, r, home);
}

bool pl_eligible_any(const pl_instance *inst, int t, int s, int r, int p)
{
    return inst->trainees[t].active[p] && pl_cap_max(inst, s, r, p) > 0 &&
           pl_eligible_static_any(inst, t, s, r);
}

int pl_site_rank(const pl_instance *inst, int s, int t)
{
    const pl_site *site = &inst->sites[s];
    int g = inst->trainees[t].program;
    if (!site->ranking[g])
        return -1;
    for (int i = 0; i < site->n_ranking[g]; i++)
        if (site->ranking[g][i] == t)
            return i;
    return -1;
}

bool pl_site_accepts(const pl_instance *inst, int s, int t)
{
    return !inst->sites[s].ranking[inst->trainees[t].program] || pl_site_rank(inst, s, t) >= 0;
}
