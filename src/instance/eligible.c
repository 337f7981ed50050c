/*
 * eligible.c — format.md §3.1 eligibility of (trainee, site, rotation,
 * period) cells, used by the summary, the warnings and the model builder;
 * and, for messages, the one condition that makes a cell ineligible.
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

bool pli_eligible_static(const pl_instance *inst, int t, int s, int r, int home)
{
    const pl_trainee *tr = &inst->trainees[t];
    if (!base(inst, tr, s, r))
        return false;
    if (s == home && home >= 0)
        return true; /* at home: at_home holds and areas always allow it */
    return !tr->rules[r].at_home && in_areas(inst, tr, s);
}

bool pli_eligible_static_any(const pl_instance *inst, int t, int s, int r)
{
    const pl_trainee *tr = &inst->trainees[t];
    if (!tr->has_home_choices)
        return pli_eligible_static(inst, t, s, r, tr->home);
    if (!base(inst, tr, s, r))
        return false;
    for (int i = 0; i < tr->n_home_choices; i++)
        if (tr->home_choices[i] == s)
            return true;
    return !tr->rules[r].at_home && in_areas(inst, tr, s);
}

bool pli_eligible(const pl_instance *inst, int t, int s, int r, int p, int home)
{
    return inst->trainees[t].active[p] && pl_cap_max(inst, s, r, p) > 0 &&
           pli_eligible_static(inst, t, s, r, home);
}

bool pli_eligible_any(const pl_instance *inst, int t, int s, int r, int p)
{
    return inst->trainees[t].active[p] && pl_cap_max(inst, s, r, p) > 0 &&
           pli_eligible_static_any(inst, t, s, r);
}

int pli_site_rank(const pl_instance *inst, int s, int t)
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

bool pli_site_accepts(const pl_instance *inst, int s, int t)
{
    return !inst->sites[s].ranking[inst->trainees[t].program] || pli_site_rank(inst, s, t) >= 0;
}

/* "Kiruna, Gällivare": the trainee's areas. */
static void areas_text(const pl_instance *inst, const pl_trainee *tr, pl_buf *b)
{
    for (int i = 0; i < tr->n_areas; i++)
        pli_buf_printf(b, "%s%s", i ? ", " : "", inst->areas[tr->areas[i]]);
}

/* Home sites the trainee may have: its home or its home_choices. */
static bool may_be_home(const pl_trainee *tr, int s)
{
    if (!tr->has_home_choices)
        return tr->home == s && s >= 0;
    for (int i = 0; i < tr->n_home_choices; i++)
        if (tr->home_choices[i] == s)
            return true;
    return false;
}

bool pli_why_not_eligible(const pl_instance *inst, int t, int s, int r, int p,
                         pl_buf *b)
{
    const pl_trainee *tr = &inst->trainees[t];
    const pl_rule *rule = &tr->rules[r];
    const char *tid = tr->id, *sid = inst->sites[s].id, *rid = inst->rotations[r].id;
    if (p >= 0 && !tr->active[p]) {
        pli_buf_printf(b, "%s is not active in period %d (leave, or outside start/end)",
                      tid, p);
    } else if (!rule->present) {
        pli_buf_printf(b, "%s is not among %s's requirements", rid, tid);
    } else if (!inst->sites[s].offers[r]) {
        pli_buf_printf(b, "%s does not offer %s", sid, rid);
    } else if (p >= 0 && pl_cap_max(inst, s, r, p) <= 0) {
        pli_buf_printf(b, "%s has no capacity for %s in period %d", sid, rid, p);
    } else if (rule->sites && !rule->sites[s]) {
        pli_buf_printf(b, "%s is not among the sites of %s's rule for %s (", sid,
                      tid, rid);
        int n = 0;
        for (int k = 0; k < inst->n_sites; k++)
            if (rule->sites[k])
                pli_buf_printf(b, "%s%s", n++ ? ", " : "", inst->sites[k].id);
        pli_buf_puts(b, ")");
    } else if (may_be_home(tr, s)) {
        return false;
    } else if (rule->at_home) {
        if (tr->has_home_choices || tr->home >= 0)
            pli_buf_printf(b, "%s's rule for %s is at_home and %s is not its home (%s)",
                          tid, rid, sid,
                          tr->has_home_choices ? "one of its home_choices"
                                               : inst->sites[tr->home].id);
        else
            pli_buf_printf(b, "%s's rule for %s is at_home and %s has no home", tid,
                          rid, tid);
    } else if (!in_areas(inst, tr, s)) {
        if (inst->sites[s].area >= 0)
            pli_buf_printf(b, "%s is in area %s, not in %s's area%s ", sid,
                          inst->areas[inst->sites[s].area], tid,
                          tr->n_areas == 1 ? "" : "s");
        else
            pli_buf_printf(b, "%s has no area, and %s may only go to area%s ", sid,
                          tid, tr->n_areas == 1 ? "" : "s");
        if (tr->n_areas == 0)
            pli_buf_puts(b, "(none)");
        areas_text(inst, tr, b);
    } else {
        return false;
    }
    return true;
}
