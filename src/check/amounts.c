/*
 * amounts.c — format.md §3.4 (hard half) and §3.6: completed + previous (if
 * in r) + placed periods in r is at most the rule's max; and each choice has
 * exactly `pick` rotations with periods placed, completed or previous
 * (3.9.5).
 */
#include <stdio.h>

#include "check/check_internal.h"

pl_status pli_check_amounts(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    const pl_instance *inst = c->inst;

    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (c->unallocated[t]) /* 3.9.19 */
            continue;
        for (int r = 0; r < inst->n_rotations; r++) {
            const pl_rule *rule = &tr->rules[r];
            if (!rule->present || rule->max == PL_UNLIMITED)
                continue;
            int placed = pli_check_placed(c, t, r), done = pli_check_done(c, t, r);
            if (done > rule->max)
                PL_TRY(pli_check_violation(c, NULL, "%s has %d periods of %s (%d placed, %d completed or previous) but may have at most %d",
                                          tr->id, done, inst->rotations[r].id,
                                          placed, done - placed, rule->max));
        }
    }
cleanup:
    return status;
}

pl_status pli_check_choices(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    const pl_instance *inst = c->inst;
    char names[512];

    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (c->unallocated[t])
            continue;
        for (int i = 0; i < tr->n_choices; i++) {
            const pl_choice *ch = &tr->choices[i];
            int done = 0;
            size_t len = 0;
            names[0] = '\0';
            for (int j = 0; j < ch->n_rotations; j++) {
                int r = ch->rotations[j];
                if (pli_check_done(c, t, r) > 0) {
                    done++;
                    if (len < sizeof names - 80)
                        len += (size_t)snprintf(names + len, sizeof names - len, "%s%s",
                                                len ? ", " : "", inst->rotations[r].id);
                }
            }
            if (done != ch->pick)
                PL_TRY(pli_check_violation(c, NULL, "%s must do exactly %d of the rotations of choice %d but does %d (%s)",
                                          tr->id, ch->pick, i + 1, done,
                                          done ? names : "none"));
        }
    }
cleanup:
    return status;
}
