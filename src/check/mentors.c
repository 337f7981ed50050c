/*
 * mentors.c — format.md 2.8, 3.9.13: main supervisors.  A trainee needing
 * one (merged `mentor` true and not unallocated) may have one in `mentors`;
 * it must work at the trainee's home and be qualified for its program, be
 * exactly mentor_id when that is set, and no supervisor may have more
 * mentees than its `mentees`.  A mentor for a trainee needing none is a
 * violation.  A missing mentor only costs no_mentor (costs.c).
 */
#include <stdio.h>
#include <stdlib.h>

#include "check/check_internal.h"
#include "util/strutil.h"

pl_status pli_check_mentors(pl_check_ctx *c)
{
    pl_status status = PL_OK;
    const pl_instance *inst = c->inst;
    int *count = calloc(inst->n_supervisors > 0 ? (size_t)inst->n_supervisors : 1, sizeof *count);
    pl_buf path = {0};

    if (!count) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    for (int t = 0; t < inst->n_trainees; t++) {
        const pl_trainee *tr = &inst->trainees[t];
        int m = c->mentor[t];
        if (m < 0)
            continue;
        const pl_supervisor *sv = &inst->supervisors[m];
        pli_buf_free(&path);
        pli_buf_puts(&path, "/mentors");
        pli_buf_pointer(&path, tr->id);
        if (path.failed) {
            status = PL_ERR_NOMEM;
            goto cleanup;
        }
        if (!tr->mentor || c->unallocated[t]) {
            PL_TRY(pli_check_violation(c, path.data, "%s is given main supervisor %s but needs none%s",
                                      tr->id, sv->id,
                                      c->unallocated[t] ? " (it is unallocated)" : ""));
            continue;
        }
        count[m]++;
        if (c->home[t] < 0 || sv->site != c->home[t])
            PL_TRY(pli_check_violation(c, path.data, "%s has main supervisor %s, who works at %s, not at its home %s",
                                      tr->id, sv->id, inst->sites[sv->site].id,
                                      c->home[t] >= 0 ? inst->sites[c->home[t]].id : "(none)"));
        if (!sv->programs[tr->program])
            PL_TRY(pli_check_violation(c, path.data, "%s has main supervisor %s, who is not qualified for %s",
                                      tr->id, sv->id, inst->programs[tr->program].id));
        if (tr->mentor_id >= 0 && tr->mentor_id != m)
            PL_TRY(pli_check_violation(c, path.data, "%s has main supervisor %s but its mentor_id names %s",
                                      tr->id, sv->id, inst->supervisors[tr->mentor_id].id));
    }
    for (int j = 0; j < inst->n_supervisors; j++)
        if (count[j] > inst->supervisors[j].mentees)
            PL_TRY(pli_check_violation(c, "/mentors", "%s is main supervisor of %d trainees but may have at most %d mentees",
                                      inst->supervisors[j].id, count[j],
                                      inst->supervisors[j].mentees));
cleanup:
    pli_buf_free(&path);
    free(count);
    return status;
}
