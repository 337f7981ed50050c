/*
 * pins.c — format.md 3.7, 3.9.15: every `fixed` range of an allocated
 * trainee is honoured: the given site and/or rotation in each of its
 * periods, or (neither given) some placement.
 */
#include <stdio.h>

#include "check/check_internal.h"

pl_status pli_check_pins(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    const pl_instance *inst = c->inst;
    char span[96], want[160];

    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        if (c->unallocated[t]) /* 3.9.19 */
            continue;
        for (int i = 0; i < tr->n_fixed; i++) {
            const pl_fixed *f = &tr->fixed[i];
            int bad_from = -1, bad_to = -1, bad = 0;
            for (int p = f->from; p <= f->to; p++) {
                if (p < 0 || p >= inst->horizon.length)
                    continue;
                int k = pl_cell(c, t, p);
                bool ok = c->grid.site[k] >= 0 &&
                          (f->site < 0 || c->grid.site[k] == f->site) &&
                          (f->rotation < 0 || c->grid.rotation[k] == f->rotation);
                if (!ok) {
                    if (bad_from < 0)
                        bad_from = p;
                    bad_to = p;
                    bad++;
                }
            }
            if (!bad)
                continue;
            if (f->site >= 0 && f->rotation >= 0)
                snprintf(want, sizeof want, "at %s (%s)", inst->sites[f->site].id,
                         inst->rotations[f->rotation].id);
            else if (f->site >= 0)
                snprintf(want, sizeof want, "at %s", inst->sites[f->site].id);
            else if (f->rotation >= 0)
                snprintf(want, sizeof want, "in %s", inst->rotations[f->rotation].id);
            else
                snprintf(want, sizeof want, "placed somewhere");
            pli_check_span(c, bad_from, bad_to, span, sizeof span);
            PL_TRY(pli_check_violation(c, NULL, "%s is pinned to be %s in periods %d to %d, but is not in %d of them (%s)",
                                      tr->id, want, f->from, f->to, bad, span));
        }
    }
cleanup:
    return status;
}
