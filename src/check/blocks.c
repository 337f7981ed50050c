/*
 * blocks.c — format.md 3.3, 3.9.1–3.9.3: every run (maximal consecutive
 * periods at the same site and rotation; any gap, leave included, ends it)
 * has a length within the rule's block_min and block_max.  A run starting in
 * period 0 that continues `previous` counts previous.periods; with open_end a
 * run reaching the last period is exempt from block_min.
 */
#include <stdio.h>

#include "check/check_internal.h"

static pl_status check_run(pl_check_ctx *c, int t, int from, int to)
{
    const pl_instance *inst = c->inst;
    const pl_trainee *tr = &inst->trainees[t];
    int k = pl_cell(c, t, from), s = c->grid.site[k], r = c->grid.rotation[k];
    const pl_rule *rule = &tr->rules[r];
    int len = to - from + 1, extra = 0;
    char span[96], path[64], note[96];

    if (!rule->present) /* eligibility reports it */
        return PL_OK;
    if (from == 0 && tr->previous.site == s && tr->previous.rotation == r)
        extra = tr->previous.periods;
    note[0] = '\0';
    if (extra)
        snprintf(note, sizeof note, ", plus %d continued from before the horizon", extra);
    pli_check_span(c, from, to, span, sizeof span);
    snprintf(path, sizeof path, "/placements/%d", c->grid.row[k]);
    if (len + extra > rule->block_max)
        return pli_check_violation(c, path, "%s is at %s (%s) for %d periods (%s)%s but the rule allows blocks of at most %d",
                                  tr->id, inst->sites[s].id, inst->rotations[r].id,
                                  len, span, note, rule->block_max);
    if (len + extra < rule->block_min &&
        !(inst->horizon.open_end && to == inst->horizon.length - 1))
        return pli_check_violation(c, path, "%s is at %s (%s) for %d period%s (%s)%s but the rule needs blocks of at least %d",
                                  tr->id, inst->sites[s].id, inst->rotations[r].id,
                                  len, len == 1 ? "" : "s", span, note, rule->block_min);
    return PL_OK;
}

pl_status pli_check_blocks(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    int L = c->inst->horizon.length;

    for (int t = 0; t < c->inst->n_trainees; t++) {
        int from = -1;
        for (int p = 0; p <= L; p++) {
            int k = p < L ? pl_cell(c, t, p) : -1;
            if (from >= 0) {
                int a = pl_cell(c, t, from);
                if (k < 0 || c->grid.site[k] != c->grid.site[a] ||
                    c->grid.rotation[k] != c->grid.rotation[a]) {
                    PL_TRY(check_run(c, t, from, p - 1));
                    from = -1;
                }
            }
            if (k >= 0 && from < 0 && c->grid.site[k] >= 0)
                from = p;
        }
    }
cleanup:
    return status;
}
