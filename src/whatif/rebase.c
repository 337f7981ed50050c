/*
 * rebase.c — pl_whatif_rebase: the base schedule as a reference for a
 * scenario.  The base schedule's indices belong to the base instance; the
 * scenario may remove or reorder trainees, sites, rotations and
 * supervisors, so every row is resolved again by id.  Unlike a lenient
 * schedule load, a supervisor who is gone only loses its name: the
 * trainee's placement still counts as the reference.  Rows of a trainee
 * still there whose site or rotation is gone are kept in `dropped`, so
 * that a kept past can say it cannot be kept.
 */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include "instance/instance.h"
#include "schedule/schedule.h"
#include "util/strutil.h"

pl_status pl_whatif_rebase(const pl_schedule *reference,
                           const pl_instance *instance, pl_schedule **out,
                           size_t *n_dropped)
{
    pl_status status = PL_OK;
    pl_schedule *s = NULL;
    size_t dropped = 0;

    if (!reference || !instance || !out)
        return PL_ERR_USAGE;
    *out = NULL;
    if (!(s = calloc(1, sizeof *s)) ||
        !(s->instance_name = pli_strdup(instance->name ? instance->name : "")) ||
        !(s->rows = calloc(reference->n_rows + 1, sizeof *s->rows)) ||
        !(s->dropped = calloc(reference->n_rows + 1, sizeof *s->dropped))) {
        status = PL_ERR_NOMEM;
        goto cleanup;
    }
    s->status = reference->status;
    s->cost = s->bound = s->gap = NAN;
    for (size_t i = 0; i < reference->n_rows; i++) {
        const pl_row *from = &reference->rows[i];
        int t = pli_instance_trainee_index(instance, from->trainee);
        int si = pli_instance_site_index(instance, from->site);
        int r = pli_instance_rotation_index(instance, from->rotation);
        int lo = from->from < 0 ? 0 : from->from;
        int hi = from->to < instance->horizon.length ? from->to
                                                     : instance->horizon.length - 1;
        if (t < 0 || si < 0 || r < 0 || lo > hi) {
            dropped++;
            if (t < 0 || lo > hi)
                continue;
        }
        bool gone = si < 0 || r < 0; /* remembered for a kept past */
        pl_row *row = gone ? &s->dropped[s->n_dropped] : &s->rows[s->n_rows];
        row->t = t;
        row->s = si;
        row->r = r;
        row->sup = from->supervisor
                       ? pli_instance_supervisor_index(instance, from->supervisor)
                       : -1;
        row->from = lo;
        row->to = hi;
        if (gone)
            s->n_dropped++;
        else
            s->n_rows++;
        if (!(row->trainee = pli_strdup(from->trainee)) ||
            !(row->site = pli_strdup(from->site)) ||
            !(row->rotation = pli_strdup(from->rotation)) ||
            (row->sup >= 0 && !(row->supervisor = pli_strdup(from->supervisor)))) {
            status = PL_ERR_NOMEM;
            goto cleanup;
        }
    }
    if (n_dropped)
        *n_dropped = dropped;
    *out = s;
    s = NULL;
cleanup:
    pl_schedule_free(s);
    return status;
}
