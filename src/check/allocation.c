/*
 * allocation.c — format.md 2.7, 3.9.6, 3.9.12, 3.9.21: the annual allocation
 * of homes.  A site's posts per program bound the trainees whose home it is
 * (fixed or allocated); a site with a ranking for a program accepts only
 * trainees on it; with allocation.stable no trainee with home_choices and
 * site form a blocking pair.
 */
#include <stdio.h>
#include <stdlib.h>

#include "check/check_internal.h"

/* Position of t in s's ranking for its program, or -1 (not on it / none). */
static int rank_of(const pl_instance *inst, int s, int t)
{
    int g = inst->trainees[t].program;
    const pl_site *site = &inst->sites[s];
    if (!site->ranking[g])
        return -1;
    for (int i = 0; i < site->n_ranking[g]; i++)
        if (site->ranking[g][i] == t)
            return i;
    return -1;
}

static bool accepts(const pl_instance *inst, int s, int t)
{
    return !inst->sites[s].ranking[inst->trainees[t].program] || rank_of(inst, s, t) >= 0;
}

/* Does t (with home_choices) and its k-th choice form a blocking pair? */
static bool blocks(const pl_check_ctx *c, const int *held, int t, int s, int *below)
{
    const pl_instance *inst = c->inst;
    int g = inst->trainees[t].program;
    const pl_site *site = &inst->sites[s];

    *below = -1;
    if (!accepts(inst, s, t))
        return false;
    if (site->posts[g] < 0 || held[s * inst->n_programs + g] < site->posts[g])
        return true;
    if (!site->ranking[g])
        return false; /* ranks none: blocks only through a free post */
    int mine = rank_of(inst, s, t);
    for (int u = 0; u < inst->n_trainees; u++) {
        if (u == t || !inst->trainees[u].has_home_choices || c->home[u] != s ||
            inst->trainees[u].program != g)
            continue;
        int theirs = rank_of(inst, s, u);
        if (theirs < 0 || theirs > mine) {
            *below = u;
            return true;
        }
    }
    return false;
}

pl_status pli_check_allocation(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    const pl_instance *inst = c->inst;
    size_t n = (size_t)inst->n_sites * (size_t)inst->n_programs;
    int *held = calloc(n ? n : 1, sizeof *held);

    if (!held) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (int t = 0; t < inst->n_trainees; t++)
        if (c->home[t] >= 0)
            held[c->home[t] * inst->n_programs + inst->trainees[t].program]++;
    for (int s = 0; s < inst->n_sites; s++)
        for (int g = 0; g < inst->n_programs; g++) {
            int posts = inst->sites[s].posts[g], have = held[s * inst->n_programs + g];
            if (posts >= 0 && have > posts)
                PL_TRY(pli_check_violation(c, "/homes", "%s is home to %d trainees of %s but has %d post%s for it",
                                          inst->sites[s].id, have, inst->programs[g].id,
                                          posts, posts == 1 ? "" : "s"));
        }
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (!tr->has_home_choices || c->home[t] < 0 || accepts(inst, c->home[t], t))
            continue;
        PL_TRY(pli_check_violation(c, "/homes", "%s is allocated to %s, whose ranking for %s does not list it",
                                  tr->id, inst->sites[c->home[t]].id,
                                  inst->programs[tr->program].id));
    }
    if (!inst->stable)
        goto cleanup;
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (!tr->has_home_choices)
            continue; /* fixed homes never block (3.9.21) */
        for (int k = 0; k < tr->n_home_choices; k++) {
            int s = tr->home_choices[k], below;
            if (s == c->home[t])
                break; /* only sites ranked above its allocation */
            if (!blocks(c, held, t, s, &below))
                continue;
            if (below >= 0)
                PL_TRY(pli_check_violation(c, "/homes", "the allocation is not stable: %s prefers %s to %s%s, and %s ranks %s above %s, whom it holds",
                                          tr->id, inst->sites[s].id,
                                          c->home[t] >= 0 ? "its home " : "being unallocated",
                                          c->home[t] >= 0 ? inst->sites[c->home[t]].id : "",
                                          inst->sites[s].id, tr->id, inst->trainees[below].id));
            else
                PL_TRY(pli_check_violation(c, "/homes", "the allocation is not stable: %s prefers %s to %s%s, and %s accepts it and has a free %s post",
                                          tr->id, inst->sites[s].id,
                                          c->home[t] >= 0 ? "its home " : "being unallocated",
                                          c->home[t] >= 0 ? inst->sites[c->home[t]].id : "",
                                          inst->sites[s].id, inst->programs[tr->program].id));
            break; /* one blocking pair per trainee is enough to say */
        }
    }
cleanup:
    free(held);
    return status;
}
